import { openDevice, replicaRows, signInAndSync } from './devices';
import { figure, median, type Bench, type Figure, type FigureReport } from './figures';
import { schoolDatabase, startBenchServer, type Journal } from './school';
import { clientBusyMs, startThrottledLink } from './throttle';

/**
 * A new computer's first sync over a school's link (4 Mbit/s each way, 100 ms round trip): the online sign-in and
 * the sync after it, measured at the link. Rows received are the rows the replica then holds; the client's time
 * is the time it worked between answers (unpacking and writing the replica, the offline verifier).
 */
interface FirstSync { ms: number; clientMs: number; toClient: number; toServer: number; rows: number }

const LINK_MBIT = 4;

async function firstSyncs(journal: Journal, login: string, runs: number, notes: string[]): Promise<FirstSync[]> {
  const db = await schoolDatabase('sqlite', journal);
  const server = await startBenchServer(db);
  const out: FirstSync[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const link = await startThrottledLink(server.url, { mbitPerSecond: LINK_MBIT, latencyMs: 50, timeline: true });
      const device = await openDevice(link.url);
      try {
        const start = performance.now();
        await signInAndSync(device, login);
        const end = performance.now();
        const bytes = link.bytes();
        out.push({ ms: end - start, clientMs: clientBusyMs(link.events(), start, end), toClient: bytes.toClient, toServer: bytes.toServer, rows: await replicaRows(device) });
      } catch (err) {
        notes.push(`${login}, journal ${journal}: ${(err as Error).message}`);
      } finally {
        await device.close();
        await link.close();
      }
    }
  } finally {
    await server.stop();
    await db.drop();
  }
  return out;
}

const mid = (list: FirstSync[], key: keyof FirstSync) => median(list.map((s) => s[key]));

function syncFigures(what: string, list: FirstSync[], targets: { seconds?: number; bytesPerRow?: number }): Figure[] {
  if (!list.length) return [figure(`${what}: first sync`, NaN, 's', targets.seconds ? { atMost: targets.seconds } : undefined)];
  const bytesPerRow = mid(list, 'toClient') / mid(list, 'rows');
  return [
    figure(`${what}: first sync, total (median of ${list.length})`, mid(list, 'ms') / 1000, 's', targets.seconds ? { atMost: targets.seconds } : undefined),
    figure(`${what}: bytes to the client`, mid(list, 'toClient') / 1e6, 'MB'),
    figure(`${what}: bytes to the server`, mid(list, 'toServer') / 1e3, 'kB'),
    figure(`${what}: rows received`, mid(list, 'rows'), 'rows'),
    figure(`${what}: bytes per row on the wire`, bytesPerRow, 'B/row', targets.bytesPerRow ? { atMost: targets.bytesPerRow } : undefined),
    figure(`${what}: the client's own time (unpack, apply, verifier)`, mid(list, 'clientMs') / 1000, 's'),
    figure(`${what}: the bytes alone at ${LINK_MBIT} Mbit/s`, (mid(list, 'toClient') * 8) / (LINK_MBIT * 1e6), 's'),
  ];
}

export const firstSyncBenches: Bench[] = [
  {
    name: 'sync-school-snapshot',
    target: "the director's first sync of the 1,000-pupil school with a full year's journal: ≤ 40 bytes a row on a 4 Mbit/s, 100 ms link",
    async run(): Promise<FigureReport> {
      const notes: string[] = [];
      const list = await firstSyncs('year', 'director', 1, notes);
      return { figures: syncFigures('director, whole year', list, { bytesPerRow: 40 }), notes };
    },
  },
  {
    name: 'sync-teacher-first',
    target: "a teacher's first sync (sign-in and the pull after it) on a 4 Mbit/s, 100 ms link in under 5 s",
    async run(): Promise<FigureReport> {
      const notes: string[] = [];
      const today = await firstSyncs('to-yesterday', 'teacher', 3, notes);
      const year = await firstSyncs('year', 'teacher', 3, notes);
      return {
        figures: [...syncFigures('teacher on 23 Nov', today, { seconds: 5 }), ...syncFigures('teacher, end of year', year, { seconds: 5 })],
        notes,
      };
    },
  },
];
