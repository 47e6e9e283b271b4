import type { OutputOf } from '../../../../src-core/contract/operations';

export type Summary = OutputOf<'classTeacher.summary'>;
export type SummaryPupil = Summary['pupils'][number];
export type SummaryMark = SummaryPupil['marks'][number];
interface Code { code: string; absent: boolean; excused: boolean }

/** Words kept whole in a short subject name ("and", "и", "мен"). */
const JOINERS = new Set(['и', 'мен', 'және', 'and', 'of', 'the']);
const VOWELS = /[aeiouyаәеёиіоөуұүыэюя]/i;

/** "Математика" → "Мат.", "Геометрия" → "Геом.": the first syllable and the consonant after it, at least 3 letters. */
function cut(word: string): string {
  if (word.length <= 5) return word;
  let end = 3;
  while (end < word.length - 1 && VOWELS.test(word[end - 1]!)) end += 1;
  return `${word.slice(0, end)}.`;
}

/**
 * A subject's name short enough for a column head: each long word cut after its first syllable ("Қазақ тілі" →
 * "Қазақ тілі", "История Казахстана" → "Ист. Каз."), a name of four words or more as its initials ("НВТП").
 * What is in brackets is dropped; the full name goes in the column's title.
 */
export function shortSubject(name: string): string {
  const plain = name.replace(/\s*\([^)]*\)/g, '').trim();
  const words = plain.split(/\s+/).filter(Boolean);
  const significant = words.filter((w) => !JOINERS.has(w.toLowerCase()));
  if (significant.length >= 4) return significant.map((w) => w[0]!.toUpperCase()).join('');
  if (plain.length <= 10) return plain;
  return words.map((w) => (JOINERS.has(w.toLowerCase()) ? w : cut(w))).join(' ');
}

/** What a term mark cell says: the mark, a pass or a fail, or nothing yet. */
export type MarkShown = { kind: 'mark'; mark: number } | { kind: 'pass' } | { kind: 'fail' } | { kind: 'none' };

export function markShown(m: SummaryMark | undefined): MarkShown {
  if (!m) return { kind: 'none' };
  if (m.mark !== null) return { kind: 'mark', mark: m.mark };
  if (m.pass !== null) return m.pass ? { kind: 'pass' } : { kind: 'fail' };
  return { kind: 'none' };
}

/** The pupils at risk of a 2 in at least one subject (the server says which subjects). */
export function pupilsAtRisk(pupils: readonly SummaryPupil[]): number {
  return pupils.filter((p) => p.atRisk.length > 0).length;
}

/** The class's absences added up: missed, excused, unexcused, late. */
export function absenceTotals(pupils: readonly SummaryPupil[]): SummaryPupil['absences'] {
  const total = { lessons: 0, excused: 0, unexcused: 0, late: 0 };
  for (const p of pupils) {
    total.lessons += p.absences.lessons;
    total.excused += p.absences.excused;
    total.unexcused += p.absences.unexcused;
    total.late += p.absences.late;
  }
  return total;
}

/** The codes a sick note may give: an absence with a good reason. */
export function excusedCodes<C extends Code>(codes: readonly C[]): C[] {
  return codes.filter((c) => c.absent && c.excused);
}

/** A relation the catalogs know is translated; any other is shown as the school wrote it. */
export const KNOWN_RELATIONS = ['mother', 'father', 'guardian', 'grandmother', 'grandfather'] as const;
export function relationKey(relation: string): string | null {
  return (KNOWN_RELATIONS as readonly string[]).includes(relation) ? `myClass.relation.${relation}` : null;
}

/** Checks a sick note before it is sent: the reason is required and the days must be in order. */
export function sickNoteProblem(v: { from: string; to: string; reason: string; code: string }): 'reason' | 'dates' | 'code' | null {
  if (!v.from || !v.to || v.from > v.to) return 'dates';
  if (!v.code) return 'code';
  if (!v.reason.trim()) return 'reason';
  return null;
}

/** A phone number for a tel: link: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
