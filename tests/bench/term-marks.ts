import { callOperation } from '../../src-core/contract/call';
import { openDatabase } from '../../src-core/db/open';
import { clockFrom } from '../../src-core/util/clock';
import { figure, median, type Bench, type FigureReport } from './figures';
import { schoolDatabase } from './school';

/**
 * The term marks of a whole school: the class summary (every pupil's term mark in every subject, by the year's
 * grading rules) of each class of the 1,000-pupil demo school, with a full year's journal, on the server's
 * SQLite database — what the administration's quarter report reads.
 */
export const termMarkBenches: Bench[] = [{
  name: 'term-marks-school',
  target: "every pupil's term marks in every subject for the whole 1,000-pupil school, from a full year's journal",
  async run(): Promise<FigureReport> {
    const bench = await schoolDatabase('sqlite', 'year');
    const db = await openDatabase(bench.location, 'server');
    try {
      const director = await db('user_roles as r').join('users as u', 'u.id', 'r.user_id').where('r.role', 'director').first('u.id', 'u.person_id', 'u.school_id');
      const actor = { userId: director.id, personId: director.person_id, schoolId: director.school_id, roles: ['director' as const], deviceId: null };
      const host = { db, clock: clockFrom('2026-05-20T09:00:00+05:00', false), host: 'server' as const };
      const classes = await db('classes').where({ school_id: director.school_id }).whereNull('deleted_at').pluck('id');
      const perClass: number[] = [];
      let marks = 0;
      const start = performance.now();
      for (const classId of classes) {
        const t = performance.now();
        const out = await callOperation(host, actor, 'classTeacher.summary', { classId, period: 4 });
        if (!out.ok) throw out.error;
        perClass.push(performance.now() - t);
        const summary = out.result as { pupils: { marks: { mark: number | null }[] }[] };
        marks += summary.pupils.reduce((n, p) => n + p.marks.filter((m) => m.mark !== null).length, 0);
      }
      const total = performance.now() - start;
      return {
        figures: [
          figure(`whole school, 4th quarter (${classes.length} classes): all term marks`, total / 1000, 's'),
          figure('term marks computed', marks, 'marks'),
          figure('one class summary (median)', median(perClass), 'ms'),
          figure('one class summary (slowest)', Math.max(...perClass), 'ms'),
        ],
        notes: [],
      };
    } finally {
      await db.destroy();
      await bench.drop();
    }
  },
}];
