import type { Rng } from './rng';
import { specialtyOf, SPECIALTIES, type Lang, type Specialty } from './curriculum';
import type { ClassModel } from './structure';
import { randomDate, type PersonModel } from './people';
import { randomEmail, randomFatherFirst, randomFirst, randomPhone, randomSurname, styleLanguage, type Gender, type NameStyle } from './names';

export type Position = 'director' | 'deputy_director' | 'teacher' | 'nurse' | 'librarian' | 'psychologist' | 'sysadmin';
export const CATEGORIES = ['pedagog_stazher', 'pedagog', 'pedagog_moderator', 'pedagog_expert', 'pedagog_issledovatel', 'pedagog_master'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface StaffMember {
  idx: number;
  person: PersonModel;
  /** One staff row per position (a deputy who teaches holds 'deputy_director' and 'teacher'). */
  positions: Position[];
  category: Category | null;
  hiredOn: string;
  attestationDue: string | null;
  specialty: Specialty | null;
  /** Weekly teaching hours given and the hours aimed at. */
  load: number;
  capacity: number;
  leads: number | null;
}

export interface Assignment { idx: number; teacher: number; classIdx: number; group: 1 | 2 | null; code: string; hours: number }

/** Teaching hours aimed at per teacher: the ставка is 16; most teachers carry 16–22. */
const TARGET_LOAD = 19;
const DEPUTY_LOAD = 8;

export interface StaffResult { staff: StaffMember[]; assignments: Assignment[]; teachingDeputy: number }

export function buildStaff(rng: Rng, classes: ClassModel[], startYear: number): StaffResult {
  const staff: StaffMember[] = [];
  const add = (positions: Position[], style: NameStyle, gender: Gender, specialty: Specialty | null, teaching: boolean, capacity = 0): StaffMember => {
    const head = positions[0] === 'director' || positions[0] === 'deputy_director';
    const exp = head ? rng.int(12, 34) : teaching ? rng.int(0, 34) : rng.int(1, 30);
    const age = 22 + exp + rng.int(0, 3);
    const first = randomFirst(rng, style, gender);
    const name = { style, gender, first, surname: randomSurname(rng, style), fatherFirst: randomFatherFirst(rng, style) };
    const person: PersonModel = {
      key: `staff:${staff.length + 1}`, name, birthDate: randomDate(rng, `${startYear - age}-01-01`, `${startYear - age}-12-31`),
      phone: randomPhone(rng), email: rng.chance(0.8) ? randomEmail(rng, name) : null, language: styleLanguage(style), staff: true,
    };
    const category = teaching || head ? categoryFor(rng, exp, head) : null;
    const m: StaffMember = {
      idx: staff.length, person, positions, category, hiredOn: `${startYear - rng.int(0, Math.min(exp, 25))}-08-${rng.int(15, 31)}`,
      attestationDue: category === null ? null : category === 'pedagog_stazher' ? `${startYear + 1}-05-31` : `${startYear + rng.int(1, 5)}-05-31`,
      specialty, load: 0, capacity, leads: null,
    };
    if (category === 'pedagog_stazher') m.hiredOn = `${startYear}-08-${rng.int(20, 31)}`;
    staff.push(m);
    return m;
  };
  const kkStyle = (): NameStyle => (rng.chance(0.9) ? 'kk' : 'ruKz');
  const anyGender = (pMale: number): Gender => (rng.chance(pMale) ? 'm' : 'f');

  add(['director'], kkStyle(), anyGender(0.5), null, false);
  const deputy = add(['deputy_director', 'teacher'], 'kk', 'f', 'history', true, DEPUTY_LOAD);
  add(['deputy_director'], kkStyle(), anyGender(0.3), null, false);
  if (classes.length > 30) add(['deputy_director'], kkStyle(), anyGender(0.3), null, false);
  add(['nurse'], kkStyle(), 'f', null, false);
  add(['librarian'], kkStyle(), 'f', null, false);
  add(['psychologist'], kkStyle(), anyGender(0.2), null, false);
  add(['sysadmin'], kkStyle(), 'm', null, false);

  // Units of teaching: a class (or half of it) × a specialty, with the subjects that specialty teaches there.
  interface Unit { classIdx: number; group: 1 | 2 | null; specialty: Specialty; lang: Lang; subjects: { code: string; hours: number }[]; hours: number; teacher: number }
  const units: Unit[] = [];
  for (const c of classes) {
    const byKey = new Map<string, Unit>();
    for (const row of c.plan) {
      const sp = specialtyOf(row.code, c.grade, c.lang);
      const lang: Lang = sp === 'kazakh' ? 'kk' : sp === 'russian' ? 'ru' : c.lang;
      for (const group of c.split && row.split ? ([1, 2] as const) : ([null] as const)) {
        const key = `${sp}/${group}`;
        let u = byKey.get(key);
        if (!u) {
          u = { classIdx: c.idx, group, specialty: sp, lang, subjects: [], hours: 0, teacher: -1 };
          byKey.set(key, u);
          units.push(u);
        }
        u.subjects.push({ code: row.code, hours: row.hours });
        u.hours += row.hours;
      }
    }
  }

  // Primary classes: one teacher each, who leads the class.
  for (const u of units.filter((x) => x.specialty === 'primary')) {
    const c = classes[u.classIdx] as ClassModel;
    const t = add(['teacher'], c.lang === 'kk' ? kkStyle() : rng.chance(0.5) ? 'ruKz' : 'ru', anyGender(0.05), 'primary', true, u.hours);
    u.teacher = t.idx;
    t.load = u.hours;
    t.leads = c.idx;
    c.classTeacher = t.idx;
  }

  // Subject teachers: pools per specialty (and per language when both languages carry a real load).
  for (const sp of SPECIALTIES) {
    if (sp === 'primary') continue;
    const mine = units.filter((u) => u.specialty === sp);
    if (mine.length === 0) continue;
    const load = (l: Lang): number => mine.filter((u) => u.lang === l).reduce((n, u) => n + u.hours, 0);
    // Separate Kazakh- and Russian-medium teachers only where each side has work for two teachers or more.
    const pools: { lang: Lang; units: Unit[] }[] = load('kk') >= 30 && load('ru') >= 30
      ? [{ lang: 'kk', units: mine.filter((u) => u.lang === 'kk') }, { lang: 'ru', units: mine.filter((u) => u.lang === 'ru') }]
      : [{ lang: load('kk') >= load('ru') ? 'kk' : 'ru', units: mine }];
    for (const pool of pools) {
      const total = pool.units.reduce((n, u) => n + u.hours, 0);
      const teachers: StaffMember[] = [];
      if (sp === 'history' && pool.lang === 'kk') teachers.push(deputy);
      const own = total - teachers.reduce((n, t) => n + t.capacity, 0);
      const needSplit = pool.units.some((u) => u.group !== null) ? 2 : 1;
      const count = Math.max(needSplit - teachers.length, 1, Math.round(own / TARGET_LOAD), Math.ceil(own / 25));
      const pMale = sp === 'nvp' ? 1 : sp === 'pe' ? 0.6 : sp === 'informatics' || sp === 'physics' ? 0.4 : 0.15;
      for (let i = 0; i < count; i++) {
        const style: NameStyle = sp === 'kazakh' ? 'kk' : pool.lang === 'kk' ? kkStyle() : rng.chance(0.5) ? 'ruKz' : 'ru';
        teachers.push(add(['teacher'], style, anyGender(pMale), sp, true, TARGET_LOAD));
      }
      // Longest units first, each to the least loaded teacher (relative to what they should carry);
      // the two halves of a split class always get two different teachers.
      const sorted = [...pool.units].sort((a, b) => b.hours - a.hours || a.classIdx - b.classIdx || (a.group ?? 0) - (b.group ?? 0));
      const firstHalf = new Map(pool.units.filter((u) => u.group === 1).map((u) => [u.classIdx, u]));
      for (const u of sorted) {
        const partner = u.group === 2 ? firstHalf.get(u.classIdx)?.teacher : undefined;
        let best: StaffMember | null = null;
        for (const t of teachers) {
          if (t.idx === partner) continue;
          if (!best || (t.load + u.hours) / t.capacity < (best.load + u.hours) / best.capacity) best = t;
        }
        if (!best) throw new Error(`no teacher for ${sp}`);
        u.teacher = best.idx;
        best.load += u.hours;
      }
    }
  }

  // Class teachers of grades 5–11: the teacher with the most hours in the class who leads no class yet.
  const unitsOf = classes.map(() => [] as Unit[]);
  for (const u of units) unitsOf[u.classIdx]?.push(u);
  for (const c of classes) {
    if (c.classTeacher >= 0) continue;
    const hours = new Map<number, number>();
    for (const u of unitsOf[c.idx] ?? []) hours.set(u.teacher, (hours.get(u.teacher) ?? 0) + u.hours);
    const free = (t: StaffMember): boolean => t.leads === null && t.positions[0] === 'teacher' && t.specialty !== 'primary';
    let best: StaffMember | null = null;
    for (const [ti, h] of hours) {
      const t = staff[ti] as StaffMember;
      if (free(t) && (!best || h > (hours.get(best.idx) ?? 0))) best = t;
    }
    best ??= staff.find((t) => free(t) && t.person.language === c.lang) ?? staff.find(free) ?? null;
    if (!best) throw new Error(`no free class teacher for ${c.label}`);
    best.leads = c.idx;
    c.classTeacher = best.idx;
  }

  const assignments: Assignment[] = [];
  for (const u of units) {
    for (const s of u.subjects) assignments.push({ idx: assignments.length, teacher: u.teacher, classIdx: u.classIdx, group: u.group, code: s.code, hours: s.hours });
  }
  return { staff, assignments, teachingDeputy: deputy.idx };
}

function categoryFor(rng: Rng, exp: number, head: boolean): Category {
  if (head) return rng.pick(['pedagog_expert', 'pedagog_issledovatel', 'pedagog_master'] as const);
  if (exp < 1) return 'pedagog_stazher';
  const options: [Category, number][] = [['pedagog', exp < 2 ? 1 : 0.15]];
  if (exp >= 2) options.push(['pedagog_moderator', 0.35]);
  if (exp >= 3) options.push(['pedagog_expert', 0.3]);
  if (exp >= 4) options.push(['pedagog_issledovatel', 0.18]);
  if (exp >= 5) options.push(['pedagog_master', 0.05]);
  return rng.weighted(options);
}
