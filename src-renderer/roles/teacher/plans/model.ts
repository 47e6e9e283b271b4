import type { OutputOf } from '../../../../src-core/contract/operations';
import { PLAN_FILE_MAX_BYTES } from '../../../../src-core/contract/ops/plans';
import type { Locale } from '../../../../src-core/i18n/index';

type Journals = OutputOf<'journal.list'>['journals'];
export type PlanView = OutputOf<'plans.get'>;
export type PlanSummary = OutputOf<'plans.list'>['plans'][number];
export type PlanTopic = PlanView['topics'][number];
export type ApplyResult = OutputOf<'plans.apply'>;
export type PlanLanguage = PlanSummary['language'];

const MAX_HOURS = 20;

/** The plan's totals for the table's last line: topics, hours, СОР and СОЧ. */
export function planTotals(topics: readonly Pick<PlanTopic, 'hours' | 'sor' | 'soch'>[]) {
  return {
    topics: topics.length,
    hours: topics.reduce((sum, t) => sum + t.hours, 0),
    sor: topics.filter((t) => t.sor).length,
    soch: topics.filter((t) => t.soch).length,
  };
}

/** Hours as a teacher types them ("2", "1,5", "1.5"): from half an hour to 20, in halves; null otherwise. */
export function parseHours(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d+)?$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n > 0 && n <= MAX_HOURS && Math.round(n * 2) === n * 2 ? n : null;
}

/** "1,5" in Kazakh and Russian, "1.5" in English. */
export function hoursText(hours: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 }).format(hours);
}

/** A subject in a grade the teacher may import a plan for, with the language of their classes there. */
export interface ImportChoice { key: string; subjectId: string; subjectName: string; grade: number; language: PlanLanguage }

/** The subjects and grades of the teacher's own journals, each once, by subject then grade. */
export function importChoices(journals: Journals, locale: Locale): ImportChoice[] {
  const byKey = new Map<string, ImportChoice>();
  for (const j of journals) {
    if (!j.mine) continue;
    const key = `${j.subject.id}:${j.class.grade}`;
    if (!byKey.has(key)) byKey.set(key, { key, subjectId: j.subject.id, subjectName: j.subject.name[locale], grade: j.class.grade, language: j.class.language });
  }
  return [...byKey.values()].sort((a, b) => a.subjectName.localeCompare(b.subjectName, locale) || a.grade - b.grade);
}

/** A class (or one group of it) a plan can be laid onto: the teacher's own, of the plan's subject and grade. */
export interface ApplyTarget { key: string; classId: string; groupId: string | null; className: string; group: number | null }

export function applyTargets(journals: Journals, plan: Pick<PlanSummary, 'grade'> & { subject: { id: string } }): ApplyTarget[] {
  return journals
    .filter((j) => j.mine && j.subject.id === plan.subject.id && j.class.grade === plan.grade)
    .map((j) => ({ key: `${j.class.id}|${j.group?.id ?? ''}`, classId: j.class.id, groupId: j.group?.id ?? null, className: j.class.name, group: j.group?.number ?? null }))
    .sort((a, b) => a.className.localeCompare(b.className, 'ru') || (a.group ?? 0) - (b.group ?? 0));
}

/** Why a file cannot be a plan before it is sent (the server checks again): its type, its size. */
export function planFileProblem(file: { name: string; size: number }): { key: string; params: Record<string, string | number> } | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return { key: 'error.plan_file_type', params: { name: file.name } };
  if (file.size > PLAN_FILE_MAX_BYTES) return { key: 'error.plan_file_too_large', params: { max: PLAN_FILE_MAX_BYTES / 1024 / 1024 } };
  return null;
}

/** A file's bytes as base64, in pieces (a 2 MB file at once would overflow the call's arguments). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** A topic's section is written on its first line only: the lines after it under the same section leave it out. */
export function startsSection(topics: readonly Pick<PlanTopic, 'section'>[], index: number): boolean {
  const section = topics[index]?.section ?? null;
  if (section === null) return false;
  return index === 0 || (topics[index - 1]?.section ?? null) !== section;
}

/** The outcome of laying a plan out, line by line: the message key and the number of lessons (or topics). */
export function applyCounts(result: ApplyResult): { key: string; n: number; tone: 'ok' | 'plain' | 'warn' }[] {
  return [
    { key: 'written', n: result.written, tone: 'ok' as const },
    { key: 'unchanged', n: result.unchanged, tone: 'plain' as const },
    { key: 'kept', n: result.kept, tone: 'plain' as const },
    { key: 'locked', n: result.locked, tone: result.locked > 0 ? 'warn' as const : 'plain' as const },
    { key: 'cleared', n: result.cleared, tone: 'plain' as const },
    { key: 'notFitted', n: result.notFitted.length, tone: result.notFitted.length > 0 ? 'warn' as const : 'plain' as const },
    { key: 'spare', n: result.spareLessons, tone: 'plain' as const },
  ];
}

/** The teacher's own plan of a subject in a grade and language, which a new import would replace. */
export function planReplaced(plans: readonly PlanSummary[], choice: Pick<ImportChoice, 'subjectId' | 'grade'>, language: PlanLanguage): PlanSummary | null {
  return plans.find((p) => p.mine && p.subject.id === choice.subjectId && p.grade === choice.grade && p.language === language) ?? null;
}
