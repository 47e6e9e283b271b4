import type { InputOf, OutputOf } from '../../../../src-core/contract/operations';
import type { Resource, ResourceKind } from '../../../../src-core/contract/ops/resources';
import type { Locale } from '../../../../src-core/i18n/index';
import type { Translate } from '../../../i18n/I18n';

export type ScopeFilter = 'personal' | 'school' | 'all';
export type Scope = Resource['scope'];
export type ResourceLanguage = NonNullable<Resource['language']>;
type Journals = OutputOf<'journal.list'>['journals'];

export const KINDS: readonly ResourceKind[] = ['pdf', 'image', 'audio', 'video', 'html5'];
export const LANGUAGES: readonly ResourceLanguage[] = ['kk', 'ru', 'en'];
/** The grades of a Kazakh school (the contract allows 12 for the twelve-year school to come). */
export const GRADES: readonly number[] = Array.from({ length: 11 }, (_, i) => i + 1);

/** The library's filters as the form holds them: an empty string is "any". */
export interface LibraryFilter {
  scope: ScopeFilter;
  subjectId: string;
  grade: string;
  language: '' | ResourceLanguage;
  kind: '' | ResourceKind;
  text: string;
}

export const ANY_FILTER: LibraryFilter = { scope: 'all', subjectId: '', grade: '', language: '', kind: '', text: '' };

/** The filters as resources.list takes them: "any" is left out, the search words trimmed and cut to the contract's length. */
export function listInput(filter: LibraryFilter): InputOf<'resources.list'> {
  const input: InputOf<'resources.list'> = { scope: filter.scope };
  if (filter.subjectId) input.subjectId = filter.subjectId;
  const grade = Number(filter.grade);
  if (filter.grade && Number.isInteger(grade) && grade >= 1 && grade <= 12) input.grade = grade;
  if (filter.language) input.language = filter.language;
  if (filter.kind) input.kind = filter.kind;
  const text = filter.text.trim().slice(0, 100).trim();
  if (text) input.text = text;
  return input;
}

/** A resource's title, and the tags by which colleagues find it, as the upload and edit forms hold them. */
export interface Tags {
  title: string;
  scope: Scope;
  subjectId: string;
  grade: string;
  topic: string;
  language: '' | ResourceLanguage;
}

/** "Fractions_grade 5.final.pdf" → "Fractions grade 5.final": the file's name without its extension, as a title. */
export function defaultTitle(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const title = stem.replace(/[_\s]+/g, ' ').trim();
  return (title || base.trim()).slice(0, 300);
}

export function newTags(fileName: string, scope: Scope, preset: Partial<Tags> = {}): Tags {
  return { title: defaultTitle(fileName), scope, subjectId: '', grade: '', topic: '', language: '', ...preset };
}

export function tagsOf(resource: Resource): Tags {
  return {
    title: resource.title,
    scope: resource.scope,
    subjectId: resource.subject?.id ?? '',
    grade: resource.grade === null ? '' : String(resource.grade),
    topic: resource.topic ?? '',
    language: resource.language ?? '',
  };
}

/** What the form's tags send: every tag named (an empty one clears it), the texts trimmed to the contract's lengths. */
export function tagsInput(tags: Tags) {
  const grade = Number(tags.grade);
  const topic = tags.topic.trim().slice(0, 500).trim();
  return {
    title: tags.title.trim().slice(0, 300).trim(),
    scope: tags.scope,
    subjectId: tags.subjectId || null,
    grade: tags.grade && Number.isInteger(grade) && grade >= 1 && grade <= 12 ? grade : null,
    topic: topic || null,
    language: tags.language || null,
  };
}

/** What the signed-in user may do in the library (the server checks again; the screen shows only what may work). */
export function libraryAbilities(permissions: readonly string[]) {
  return {
    read: permissions.includes('resources.read'),
    upload: permissions.includes('resources.upload'),
    manageSchool: permissions.includes('resources.manageSchool'),
  };
}

export interface SubjectOption { id: string; name: string }
export type SchoolSubjects = OutputOf<'school.subjects'>['subjects'];

/**
 * The subjects a filter or a tag offers, each once, in the alphabet of the page's language: the school's subjects
 * when they came (school.subjects), else those the user's journals name; and, either way, those the listed
 * resources carry (a subject removed from the school since still shows on the resources tagged with it).
 */
export function subjectOptions(journals: Journals, resources: readonly Resource[], locale: Locale, school: SchoolSubjects | null = null): SubjectOption[] {
  const byId = new Map<string, SubjectOption>();
  for (const s of school ?? journals.map((j) => j.subject)) byId.set(s.id, { id: s.id, name: s.name[locale] });
  for (const r of resources) if (r.subject && !byId.has(r.subject.id)) byId.set(r.subject.id, { id: r.subject.id, name: r.subject.name[locale] });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A file's size in the unit a person reads best: the message key of the unit and the number in the page's language. */
export function sizeParts(bytes: number, locale: Locale): { unit: 'b' | 'kb' | 'mb' | 'gb'; value: string } {
  const units = ['b', 'kb', 'mb', 'gb'] as const;
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) { value /= 1024; i++; }
  const digits = i === 0 || value >= 100 ? 0 : 1;
  const shown = new Intl.NumberFormat(locale === 'kk' ? 'kk-KZ' : locale === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  return { unit: units[i]!, value: shown };
}

/** "1,5 МБ" / "1,5 MB": a file's size, said in the page's language. */
export function sizeText(bytes: number, locale: Locale, t: Translate): string {
  const size = sizeParts(bytes, locale);
  return t(`library.size.${size.unit}`, { n: size.value });
}

/** The file of a drop or a file input: the first one (the form tags one file at a time). */
export function firstFile(files: FileList | readonly File[] | null | undefined): File | null {
  return files ? Array.from(files)[0] ?? null : null;
}
