import type { OutputOf } from '../../src-core/contract/operations';
import { openDevice, signInAndSync, type Device } from './devices';
import { figure, median, percentile, type Bench, type FigureReport } from './figures';
import { schoolDatabase, startBenchServer } from './school';

/**
 * A teacher opens a journal on their classroom computer: `journal.sheet` answered from the desktop client's replica
 * (no network in the way), for the biggest class journal of the demo teacher over the whole year (the demo school,
 * 1,000 pupils, journal filled for the year). Target: the median answer within 100 ms.
 */
const TEACHER = 'teacher';
const RUNS = 9;
const TARGET_MS = 100;

type Sheet = OutputOf<'journal.sheet'>;
type JournalRef = OutputOf<'journal.list'>['journals'][number];

async function call<T>(device: Device, name: string, input: unknown): Promise<T> {
  const out = await device.app.call(device.session, name, input);
  if (!out.ok) throw new Error(`${name}: ${out.error.code} ${out.error.message}`);
  return out.result as T;
}

/** The work of answering a page: its filled cells and its grid. */
const weight = (s: Sheet) => s.cells.length + s.pupils.length * s.lessons.length;

/** The teacher's journal with the most cells in its widest period: the heaviest page they open. */
async function biggestJournal(device: Device): Promise<{ input: Record<string, unknown>; sheet: Sheet }> {
  const { journals } = await call<{ journals: JournalRef[] }>(device, 'journal.list', {});
  let best: { input: Record<string, unknown>; sheet: Sheet } | null = null;
  for (const j of journals.filter((x) => x.mine)) {
    const base = { classId: j.class.id, subjectId: j.subject.id, groupId: j.group?.id ?? null };
    const first = await call<Sheet>(device, 'journal.sheet', base);
    for (const p of first.periods) {
      const sheet = await call<Sheet>(device, 'journal.sheet', { ...base, period: p.number });
      if (!best || weight(sheet) > weight(best.sheet)) best = { input: { ...base, period: p.number }, sheet };
    }
  }
  if (!best) throw new Error(`${TEACHER} has no journal of their own`);
  return best;
}

export const journalBenches: Bench[] = [{
  name: 'journal-open',
  target: `journal.sheet of a class (~40 pupils × ~80 lessons) from a desktop client's replica: median ≤ ${TARGET_MS} ms`,
  targetMs: TARGET_MS,
  async run(): Promise<FigureReport> {
    const db = await schoolDatabase('sqlite', 'year');
    const server = await startBenchServer(db);
    const device = await openDevice(server.url);
    try {
      await signInAndSync(device, TEACHER);
      const { input, sheet } = await biggestJournal(device);
      await call<Sheet>(device, 'journal.sheet', input); // warm: the first read fills SQLite's page cache
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await call<Sheet>(device, 'journal.sheet', input);
        ms.push(performance.now() - started);
      }
      const notes = [`${sheet.class.name} · ${sheet.subject.name.en}, ${sheet.period.kind} ${sheet.period.number}: ${sheet.pupils.length} pupils × ${sheet.lessons.length} lessons, ${sheet.cells.length} filled cells`];
      if (sheet.pupils.length * sheet.lessons.length < 40 * 80) {
        notes.push(`the demo school's biggest journal of ${TEACHER} is smaller than 40 × 80: the figure is for the size above`);
      }
      return {
        figures: [
          figure('pupils', sheet.pupils.length, 'pupils'),
          figure('lessons (columns)', sheet.lessons.length, 'lessons'),
          figure('filled cells', sheet.cells.length, 'cells'),
          figure(`journal.sheet from the replica, median of ${RUNS}`, median(ms), 'ms', { atMost: TARGET_MS }),
          figure(`journal.sheet from the replica, slowest of ${RUNS}`, percentile(ms, 100), 'ms'),
        ],
        notes,
      };
    } finally {
      await device.close();
      await server.stop();
      await db.drop();
    }
  },
}];
