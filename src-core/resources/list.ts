import type { HandlerContext } from '../contract/call';
import type { InputOf, OutputOf } from '../contract/operations';
import type { Resource } from '../contract/ops/resources';
import { visibleResources } from './view';

const collator = new Intl.Collator('kk', { sensitivity: 'base', numeric: true });

/** Titles in the order of the Kazakh alphabet (А Ә Б … Қ … Ө …), numbers by their value ("7-сынып" before "10-сынып"). */
const byTitle = (a: Resource, b: Resource) => collator.compare(a.title, b.title) || collator.compare(a.fileName, b.fileName) || a.id.localeCompare(b.id);

/** Lower case as Kazakh writes it, for matching words whatever the database's own case rules (SQLite's are ASCII). */
const folded = (s: string) => s.toLocaleLowerCase('kk');

/**
 * resources.list: the library entries the caller may see (the school's, and their own personal ones), filtered by
 * library, subject, grade, language, kind and words of the title and topic (every word must occur).
 */
export async function listResources(ctx: HandlerContext, input: InputOf<'resources.list'>): Promise<OutputOf<'resources.list'>> {
  const resources = await visibleResources(ctx, (q) => {
    if (input.scope && input.scope !== 'all') q.where('r.scope', input.scope);
    if (input.subjectId) q.where('r.subject_id', input.subjectId);
    if (input.grade !== undefined) q.where('r.grade', input.grade);
    if (input.language) q.where('r.language', input.language);
    if (input.kind) q.where('r.kind', input.kind);
  });
  const words = input.text ? folded(input.text).split(/\s+/).filter(Boolean) : [];
  const matching = words.length
    ? resources.filter((r) => { const hay = folded(`${r.title} ${r.topic ?? ''}`); return words.every((w) => hay.includes(w)); })
    : resources;
  return { resources: matching.sort(byTitle) };
}
