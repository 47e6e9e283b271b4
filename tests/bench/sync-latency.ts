import { markId } from '../../src-core/journal/ids';
import { command, openDesktop, versionOf, type Device } from './devices';
import { figure, median, type Bench, type FigureReport } from './figures';
import { lessonsOf, loginOf, lookInto, personOf, schoolDatabase, startBenchServer, TODAY } from './school';
import { startThrottledLink } from './throttle';

/**
 * A mark reaches the parent: the teacher's classroom computer loses its link, the teacher gives a mark meanwhile,
 * the link comes back; how long until the parent's computer holds the mark? Both computers are the desktop client
 * as its entry point starts it (src-main/app/main.ts: the sync loop with its default settings), each on a
 * 4 Mbit/s, 100 ms link. Trials with the link down for different lengths of time.
 */
const PARENT = 'parent';
const DOWN_SECONDS = [5, 10, 20, 30, 60];
const TARGET_S = 5;
const GIVE_UP_MS = 6 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, limitMs: number): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (await check()) return performance.now() - start;
    await sleep(50);
  }
  return null;
}

/** What the client's loopback host says of its sync (src-main/app/http-host.ts, /health). */
async function syncHealth(d: Device & { url: string }): Promise<string> {
  try {
    return JSON.stringify(((await (await fetch(`${d.url}/health`)).json()) as { sync?: unknown }).sync ?? null);
  } catch (err) {
    return `no answer (${(err as Error).message})`;
  }
}

export const parentLatencyBench: Bench = {
  name: 'sync-parent-latency',
  target: `a mark given while the teacher's link was down is on the parent's computer within ${TARGET_S} s of the link coming back`,
  async run(): Promise<FigureReport> {
    const notes: string[] = [];
    const db = await schoolDatabase('sqlite', 'to-yesterday');
    const look = lookInto(db.location);
    const children: string[] = await look('guardians').where({ parent_id: await personOf(look, PARENT) }).whereNull('deleted_at').orderBy('child_id').pluck('child_id');
    const classes: string[] = await look('enrolments').whereIn('student_id', children).whereNull('deleted_at').pluck('class_id');
    const lesson = (await lessonsOf(look, TODAY, { classIds: classes })).find((l) => l.pupils.some((p) => children.includes(p)));
    if (!lesson) throw new Error(`no lesson of the parent's children on ${TODAY}`);
    const child = lesson.pupils.find((p) => children.includes(p))!;
    const teacher = await loginOf(look, lesson.teacherId);
    await look.destroy();

    // What the server answered, and when (its own log): where the time between the link's return and the mark went.
    const served: { url: string; at: number }[] = [];
    const server = await startBenchServer(db, (r) => served.push({ url: r.url, at: performance.now() }));
    const teacherLink = await startThrottledLink(server.url, { timeline: true });
    const parentLink = await startThrottledLink(server.url, { timeline: true });
    const devices: Device[] = [];
    const figures = [];
    const latencies: number[] = [];
    try {
      const t = await openDesktop(teacherLink.url, teacher, true);
      devices.push(t);
      const p = await openDesktop(parentLink.url, PARENT, false);
      devices.push(p);
      const id = markId(lesson.id, child, 'fo');
      for (const [trial, downS] of DOWN_SECONDS.entries()) {
        teacherLink.down();
        await sleep(1000);
        const base = await versionOf(t, 'marks', id);
        const value = 5 + trial;
        await command(t, 'journal.setMark', { lessonId: lesson.id, studentId: child, value, baseVersion: base });
        await sleep(downS * 1000 - 1000);
        const before = await syncHealth(t);
        teacherLink.up();
        const back = performance.now();
        const ms = await until(async () => {
          const row = await p.replica()('marks').where({ id }).first('value', 'row_version');
          return Number(row?.value) === value && Number(row?.row_version) === base + 1;
        }, GIVE_UP_MS);
        if (ms === null) notes.push(`link down ${downS} s: the mark had not reached the parent ${GIVE_UP_MS / 60_000} minutes after the link came back`);
        else latencies.push(ms);
        const spoke = teacherLink.events().find((e) => e.at >= back && e.dir === 'toServer' && e.kind === 'arrived');
        const after = (at: number | undefined) => (at === undefined ? '—' : `${((at - back) / 1000).toFixed(2)} s`);
        const push = served.find((r) => r.at >= back && r.url === '/sync/push');
        const requests = parentLink.events().filter((e) => e.request);
        const poll = requests.filter((e) => e.at < back && e.request === 'POST /sync/wait').at(-1);
        const asked = requests.filter((e) => e.at >= back).slice(0, 4).map((e) => `${e.request} at ${after(e.at)}`);
        notes.push(`link down ${downS} s: the teacher's client, as the link came back: ${before}; after the link's return it `
          + `first sent something at ${after(spoke?.at)} and its push was answered at ${after(push?.at)}. The parent's client `
          + `had sent its last long poll at ${after(poll?.at)}; then: ${asked.join(', ')}`);
        figures.push(figure(`link down ${downS} s: from the link's return to the mark on the parent's computer`, (ms ?? NaN) / 1000, 's', { atMost: TARGET_S }));
      }
      figures.push(figure(`median of ${DOWN_SECONDS.length} trials`, median(latencies) / 1000, 's', { atMost: TARGET_S }));
      return { figures, notes };
    } finally {
      for (const d of devices) await d.close();
      await teacherLink.close();
      await parentLink.close();
      await server.stop();
      await db.drop();
    }
  },
};
