import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { OutputOf } from '../../src-core/contract/operations';
import { rngFromString } from '../../src-core/demo/rng';
import { journalPdf } from '../../src-core/reports/journal-pdf';
import type { Bench } from './figures';
import { summarize } from './measure';

type Sheet = OutputOf<'journal.sheet'>;

const FIRST = ['Әлихан', 'Іңкәр', 'Ғалым', 'Өмірзая', 'Ұлжан', 'Үмбет', 'Нұрсұлтан', 'Айгерім', 'Қуаныш', 'Һадия'];
const LAST = ['Сейітов', 'Қасымова', 'Нұрланов', 'Өтегенова', 'Жұмабаев', 'Әбенова', 'Ғабитов', 'Иванова', 'Шәріпов', 'Тоқтарова'];

/**
 * A term's journal as journal.sheet gives it, made up: `pupils` pupils and `lessons` lessons from 1 November on
 * school days, a СОР every tenth lesson and the СОЧ last, ФО marks for a third of the cells and a few absences.
 */
export function syntheticJournalSheet(pupilCount = 30, lessonCount = 40): Sheet {
  const rng = rngFromString(`sabaq-bench/journal-pdf/${pupilCount}x${lessonCount}`);
  const pupils = Array.from({ length: pupilCount }, (_, i) => ({ id: randomUUID(), lastName: `${LAST[i % LAST.length]}${i >= LAST.length ? 'а'.repeat(Math.floor(i / LAST.length)) : ''}`, firstName: FIRST[(i * 7) % FIRST.length]!, middleName: null }));
  const day = new Date('2026-11-02T00:00:00Z');
  const lessons: Sheet['lessons'] = [];
  while (lessons.length < lessonCount) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) {
      const n = lessons.length + 1;
      const summative = n === lessonCount ? { kind: 'soch' as const, max: 20, title: null } : n % 10 === 0 ? { kind: 'sor' as const, max: 15, title: `${n / 10}-бөлім` } : null;
      lessons.push({ id: randomUUID(), date: day.toISOString().slice(0, 10), period: 2, topic: `Тақырып ${n}: теңдеулер жүйесін шешу, қайталау және бекіту`, homework: n % 3 ? `§${n}, №${n * 3}–${n * 3 + 4} есептер` : null, status: 'held', teacherId: randomUUID(), summative, locked: true, unlockedUntil: null, writable: false });
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  const cells: Sheet['cells'] = [];
  for (const l of lessons) {
    for (const p of pupils) {
      const absent = rng.chance(0.04);
      const score = l.summative && !absent ? { value: rng.int(Math.floor(l.summative.max / 3), l.summative.max), version: 1 } : null;
      const fo = !l.summative && !absent && rng.chance(0.33) ? { value: rng.int(4, 10), version: 1 } : null;
      if (absent || score || fo) cells.push({ lessonId: l.id, studentId: p.id, fo, score, code: absent ? { code: rng.pick(['ж', 'а', 'д']), version: 1 } : null, remark: null });
    }
  }
  const period = { kind: 'term' as const, number: 2, startsOn: '2026-11-02', endsOn: '2026-12-28' };
  return {
    class: { id: randomUUID(), name: '7А', grade: 7, letter: 'А', language: 'kk' },
    group: null,
    subject: { id: randomUUID(), code: 'algebra', name: { kk: 'Алгебра', ru: 'Алгебра', en: 'Algebra' } },
    assessment: 'marked', period, periods: [period], today: '2026-12-28', editingDays: 7,
    pupils, lessons, cells,
    termMarks: pupils.map((p) => { const percent = rng.int(30, 100); return { studentId: p.id, percent, mark: percent >= 85 ? 5 : percent >= 65 ? 4 : percent >= 40 ? 3 : 2, pass: null, reason: 'ok' as const, needed: [] }; }),
    codes: [
      { code: 'ж', label: { kk: 'Себепсіз жоқ', ru: 'Отсутствовал без причины', en: 'Absent, unexcused' }, absent: true, excused: false },
      { code: 'д', label: { kk: 'Себепті жоқ', ru: 'Отсутствовал по уважительной причине', en: 'Absent, excused' }, absent: true, excused: true },
      { code: 'а', label: { kk: 'Ауырды', ru: 'Болел', en: 'Ill' }, absent: true, excused: true },
      { code: 'к', label: { kk: 'Кешікті', ru: 'Опоздал', en: 'Late' }, absent: false, excused: false },
    ],
  };
}

const PRINT = { school: '№1 жалпы білім беретін мектеп, Қазалы', teachers: ['Ахметова Айгүл Серікқызы'], printedOn: '2026-12-28' };

/** The PDF of a term journal (30 pupils × 40 lessons, Kazakh): median of 7 runs after one warm-up (fonts read). */
export const reportBenches: Bench[] = [{
  name: 'reports-journal-pdf',
  target: 'the PDF of a term journal, 30 pupils × 40 lessons, in under 1 s (median of 7 runs)',
  targetMs: 1000,
  async run() {
    const sheet = syntheticJournalSheet(30, 40);
    await journalPdf(sheet, 'kk', PRINT);
    const runs = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await journalPdf(sheet, 'kk', PRINT);
      runs.push({ ms: performance.now() - start, peakRssMb: process.memoryUsage().rss / 2 ** 20 });
    }
    return summarize(runs);
  },
}];
