import { rngFromString } from '../../src-core/demo/rng';
import { attendanceId, markId } from '../../src-core/journal/ids';
import { command, openDevice, signInAndSync, type Device } from './devices';
import { figure, type Bench, type FigureReport } from './figures';
import { lessonsOf, lookInto, personOf, schoolDatabase, startBenchServer, TODAY, type DayLesson } from './school';
import { startThrottledLink } from './throttle';

/**
 * One teacher's day: on their classroom computer (A) they write each lesson's topic, the pupils who are absent or
 * late, and the marks of the day; their computer at home (B) then syncs. Both on a 4 Mbit/s, 100 ms link.
 * The journal of the year is there up to yesterday.
 */
const TEACHER = 'teacher';

async function recordDay(a: Device, lessons: DayLesson[]): Promise<{ mutations: number; marks: string[]; attendance: string[] }> {
  const rng = rngFromString('sabaq-bench/teacher-day');
  const marks: string[] = [];
  const attendance: string[] = [];
  let mutations = 0;
  for (const [i, l] of lessons.entries()) {
    await command(a, 'lesson.setTopic', { lessonId: l.id, topic: `Тақырып ${i + 1}: қайталау және бекіту` });
    mutations++;
    for (const pupil of l.pupils) {
      if (rng.chance(0.05)) {
        await command(a, 'attendance.mark', { lessonId: l.id, studentId: pupil, code: rng.pick(['ж', 'а', 'к']) });
        attendance.push(attendanceId(l.id, pupil));
        mutations++;
      } else if (rng.chance(0.33)) {
        await command(a, 'journal.setMark', { lessonId: l.id, studentId: pupil, value: rng.int(4, 10), baseVersion: 0 });
        marks.push(markId(l.id, pupil, 'fo'));
        mutations++;
      }
    }
  }
  return { mutations, marks, attendance };
}

export const teacherDayBench: Bench = {
  name: 'sync-teacher-day',
  target: "a teacher's day of topics, attendance and marks from one computer to their other one: bytes and time (no target set)",
  async run(): Promise<FigureReport> {
    const notes: string[] = [];
    const db = await schoolDatabase('sqlite', 'to-yesterday');
    const look = lookInto(db.location);
    const lessons = await lessonsOf(look, TODAY, { teacherId: await personOf(look, TEACHER) });
    await look.destroy();
    const server = await startBenchServer(db);
    const linkA = await startThrottledLink(server.url);
    const linkB = await startThrottledLink(server.url);
    const a = await openDevice(linkA.url);
    const b = await openDevice(linkB.url);
    try {
      await signInAndSync(a, TEACHER);
      await signInAndSync(b, TEACHER);
      const sentBefore = linkA.bytes();
      const started = performance.now();
      const day = await recordDay(a, lessons);
      // The client syncs by itself after each change; the day is sent when its outbox is empty.
      while ((await a.app.outboxStatus()).pending > 0) {
        const r = await a.app.syncNow();
        if (r.waiting !== 'nothing') throw new Error(`A could not send the day: ${r.waiting}`);
      }
      const sentMs = performance.now() - started;
      const sent = linkA.bytes();
      const pullBefore = linkB.bytes();
      const pullStart = performance.now();
      await b.app.syncNow();
      const pullMs = performance.now() - pullStart;
      const pulled = linkB.bytes();
      const onB = Number((await b.replica()('marks').whereIn('id', day.marks).count({ n: '*' }).first())?.n)
        + Number((await b.replica()('attendance').whereIn('id', day.attendance).count({ n: '*' }).first())?.n);
      if (onB !== day.marks.length + day.attendance.length) notes.push(`B holds ${onB} of the day's ${day.marks.length + day.attendance.length} journal rows after its sync`);
      const rowsToB = day.mutations;
      const toB = pulled.toClient - pullBefore.toClient;
      return {
        figures: [
          figure(`lessons of the day (${TODAY})`, lessons.length, 'lessons'),
          figure('changes recorded on A (topics, attendance, marks)', day.mutations, 'changes'),
          figure('A: from the first change until all were sent', sentMs / 1000, 's'),
          figure('A: bytes to the server', (sent.toServer - sentBefore.toServer) / 1000, 'kB'),
          figure('A: bytes to the server per change', (sent.toServer - sentBefore.toServer) / day.mutations, 'B'),
          figure('A: bytes from the server', (sent.toClient - sentBefore.toClient) / 1000, 'kB'),
          figure('B: sync time', pullMs / 1000, 's'),
          figure('B: bytes from the server', toB / 1000, 'kB'),
          figure('B: bytes to the server', (pulled.toServer - pullBefore.toServer) / 1000, 'kB'),
          figure('B: bytes from the server per changed row', toB / rowsToB, 'B/row'),
        ],
        notes,
      };
    } finally {
      await a.close();
      await b.close();
      await linkA.close();
      await linkB.close();
      await server.stop();
      await db.drop();
    }
  },
};
