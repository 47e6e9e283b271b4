import type { HandlerContext } from '../contract/call';
import type { OutputOf } from '../contract/operations';
import { classRef, toPersonName } from '../school/people';

type Output = OutputOf<'journal.list'>;

/**
 * journal.list: the journals the caller may open, from the current year's teaching assignments — a teacher's own
 * (mine) and, for a class teacher, every subject of their class; the administration sees every journal.
 */
export async function listJournals(ctx: HandlerContext): Promise<Output> {
  const actor = ctx.actor!;
  const s = actor.schoolId;
  const everything = actor.roles.includes('director') || actor.roles.includes('deputy_director');
  const led = await ctx.db('classes').where({ school_id: s, class_teacher_id: actor.personId }).whereNull('deleted_at').pluck('id');
  const rows = await ctx.db('teaching_assignments as a')
    .join('classes as c', 'c.id', 'a.class_id').join('subjects as s', 's.id', 'a.subject_id').join('people as t', 't.id', 'a.teacher_id')
    .leftJoin('class_groups as g', 'g.id', 'a.group_id')
    .where('a.school_id', s).whereNull('a.deleted_at').whereNull('c.deleted_at')
    .modify((q) => { if (!everything) q.where((w) => w.where('a.teacher_id', actor.personId).orWhereIn('a.class_id', led)); })
    .orderBy([{ column: 'c.grade' }, { column: 'c.letter' }, { column: 's.code' }, { column: 'g.number' }])
    .select('c.id', 'c.grade', 'c.letter', 'c.language', 'g.id as group_id', 'g.number as group_number',
      's.id as subject_id', 's.code', 's.name_kk', 's.name_ru', 's.name_en',
      't.id as teacher_id', 't.last_name', 't.first_name', 't.middle_name');
  const journals = new Map<string, Output['journals'][number]>();
  for (const r of rows) {
    const key = `${r.id}:${r.subject_id}:${r.group_id ?? ''}`;
    let j = journals.get(key);
    if (!j) {
      journals.set(key, j = {
        class: classRef(r), group: r.group_id ? { id: r.group_id, number: Number(r.group_number) } : null,
        subject: { id: r.subject_id, code: r.code, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en } },
        teachers: [], mine: false,
      });
    }
    j.teachers.push(toPersonName({ id: r.teacher_id, last_name: r.last_name, first_name: r.first_name, middle_name: r.middle_name }));
    if (r.teacher_id === actor.personId) j.mine = true;
  }
  return { journals: [...journals.values()].sort((a, b) => Number(b.mine) - Number(a.mine)) };
}
