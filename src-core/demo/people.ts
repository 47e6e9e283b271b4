import type { Rng } from './rng';
import type { Lang } from './curriculum';
import type { ClassModel } from './structure';
import {
  randomEmail, randomFatherFirst, randomFirst, randomPhone, randomSurname, styleLanguage, type Gender, type NameParts,
  type NameStyle,
} from './names';

/** A person before it becomes a `people` row. Names stay live NameParts so that a family can be renamed. */
export interface PersonModel {
  key: string;
  name: NameParts;
  birthDate: string;
  phone: string | null;
  email: string | null;
  language: Lang;
  /** True for staff members: they are written with the staff, even when also a parent. */
  staff: boolean;
}

export interface Pupil extends PersonModel { classIdx: number; family: Family }

export interface Family {
  idx: number;
  style: NameStyle;
  /** Male form, in the style's base spelling. */
  surname: string;
  fatherFirst: string;
  mother: PersonModel | null;
  father: PersonModel | null;
  children: Pupil[];
}

export function randomDate(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  const t = a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A birth date for a pupil of a grade in the year starting in startYear (6–7 on 1 September of grade 1). */
function pupilBirthDate(rng: Rng, grade: number, startYear: number): string {
  const older = rng.chance(0.03) ? 1 : 0;
  const y = startYear - 6 - grade - older;
  return randomDate(rng, `${y - 1}-09-01`, `${y}-08-31`);
}

function styleFor(rng: Rng, lang: Lang): NameStyle {
  return lang === 'kk' ? (rng.chance(0.95) ? 'kk' : 'ruKz') : rng.chance(0.55) ? 'ruKz' : 'ru';
}

export interface PupilsResult { pupils: Pupil[]; families: Family[]; demoFamily: Family }

/**
 * Fills every class seat with a pupil. Families have 1–3 children in classes of the same language of instruction
 * (different grades); 1–2 parents (mother, father or both). The first family is the demo `parent`'s: a child in
 * the first Kazakh-medium class of grade 7 (the demo `student`) and one in grade 3.
 */
export function buildPupils(rng: Rng, classes: ClassModel[], startYear: number): PupilsResult {
  const free = classes.map((c) => c.size);
  const families: Family[] = [];
  const pupils: Pupil[] = [];

  const newFamily = (lang: Lang, style = styleFor(rng, lang)): Family => {
    const f: Family = { idx: families.length, style, surname: randomSurname(rng, style), fatherFirst: randomFatherFirst(rng, style), mother: null, father: null, children: [] };
    families.push(f);
    return f;
  };
  const addChild = (f: Family, c: ClassModel): Pupil => {
    free[c.idx] = (free[c.idx] as number) - 1;
    const gender: Gender = rng.chance(0.5) ? 'm' : 'f';
    const name: NameParts = { style: f.style, gender, first: randomFirst(rng, f.style, gender), surname: f.surname, fatherFirst: f.fatherFirst };
    const p: Pupil = {
      key: `pupil:${pupils.length + 1}`, name, birthDate: pupilBirthDate(rng, c.grade, startYear), phone: null, email: null,
      language: c.lang, staff: false, classIdx: c.idx, family: f,
    };
    if (c.grade >= 5 && rng.chance(0.6)) p.phone = randomPhone(rng);
    f.children.push(p);
    pupils.push(p);
    return p;
  };

  const firstKk = (grade: number): ClassModel => {
    const c = classes.find((k) => k.grade === grade && k.lang === 'kk' && (free[k.idx] as number) > 0);
    if (!c) throw new Error(`no Kazakh-medium class with a free seat in grade ${grade}`);
    return c;
  };
  const demoFamily = newFamily('kk', 'kk');
  addChild(demoFamily, firstKk(7));
  addChild(demoFamily, firstKk(3));
  const parents = new Map<Family, 'both' | 'mother' | 'father'>([[demoFamily, 'both']]);

  for (const c of classes) {
    while ((free[c.idx] as number) > 0) {
      const f = newFamily(c.lang);
      addChild(f, c);
      const r = rng.next();
      const more = r < 0.72 ? 0 : r < 0.95 ? 1 : 2;
      for (let k = 0; k < more; k++) {
        const taken = new Set(f.children.map((p) => classes[p.classIdx]?.grade));
        const options = classes.filter((o) => o.lang === c.lang && (free[o.idx] as number) > 0 && !taken.has(o.grade) && Math.abs(o.grade - c.grade) <= 8);
        if (options.length === 0) break;
        addChild(f, rng.pick(options));
      }
      const p = rng.next();
      parents.set(f, p < 0.78 ? 'both' : p < 0.93 ? 'mother' : 'father');
    }
  }

  // Parents, now that the eldest child of each family is known.
  for (const f of families) {
    const eldest = f.children.reduce((a, b) => (a.birthDate < b.birthDate ? a : b));
    const eldestYear = Number(eldest.birthDate.slice(0, 4));
    const motherYear = eldestYear - rng.int(21, 33);
    const who = parents.get(f) ?? 'both';
    if (who !== 'father') f.mother = parent(rng, f, 'f', motherYear);
    if (who !== 'mother') f.father = parent(rng, f, 'm', motherYear - rng.int(0, 6));
  }
  return { pupils, families, demoFamily };
}

function parent(rng: Rng, f: Family, gender: Gender, year: number): PersonModel {
  const name: NameParts = {
    style: f.style, gender, first: gender === 'm' ? f.fatherFirst : randomFirst(rng, f.style, 'f'), surname: f.surname,
    fatherFirst: randomFatherFirst(rng, f.style),
  };
  const p: PersonModel = {
    key: `parent:${f.idx + 1}:${gender === 'm' ? 'father' : 'mother'}`, name,
    birthDate: randomDate(rng, `${year}-01-01`, `${year}-12-31`), phone: randomPhone(rng), email: null,
    language: styleLanguage(f.style), staff: false,
  };
  if (rng.chance(0.45)) p.email = randomEmail(rng, name);
  return p;
}

/**
 * Makes a staff member the father or mother of a family: the family takes the staff member's surname (and,
 * for a father, the children's patronymic follows his name). The family must have the staff member's name style.
 */
export function adoptAsParent(f: Family, person: PersonModel): void {
  if (person.name.style !== f.style) throw new Error('a family adopts a parent of its own name style only');
  f.surname = person.name.surname;
  if (person.name.gender === 'm') {
    f.fatherFirst = person.name.first;
    f.father = person;
  } else {
    f.mother = person;
  }
  for (const c of f.children) { c.name.surname = f.surname; c.name.fatherFirst = f.fatherFirst; }
  for (const p of [f.mother, f.father]) if (p && !p.staff) p.name.surname = f.surname;
  if (f.father && !f.father.staff) f.father.name.first = f.fatherFirst;
}

