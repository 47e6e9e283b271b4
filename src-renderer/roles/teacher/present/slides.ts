import type { PlanResource } from '../../../../src-core/contract/ops/resources';

/**
 * Slides made from the lesson plan's resources, with no DOM in it: what a slide holds, how a resource becomes
 * slides, the geometry and words of a text slide, the media bar's time, and the lesson plan's stage at a moment.
 */

/** What a slide needs of its resource: the file by hash, and its name for the thumbnail and the error. */
export interface SlideResource { resourceId: string; sha256: string; title: string; mime: string }

/** Why a resource shows no content on its slide (a key of the catalogs). */
export type SlideProblem = 'present.slide.unavailable' | 'present.slide.corrupt' | 'present.slide.unsupported';

export type Slide =
  | { kind: 'pdf'; resource: SlideResource; page: number; pages: number }
  | { kind: 'image' | 'video' | 'audio' | 'html5'; resource: SlideResource }
  | { kind: 'text'; text: string }
  | { kind: 'failed'; resource: SlideResource; problem: SlideProblem };

/** An HTML5 package opens at its launch page: the host redirects '' to its index.html or its SCORM manifest's page. */
export const HTML5_LAUNCH = '';

export const slideResource = (r: PlanResource): SlideResource => ({ resourceId: r.resourceId, sha256: r.sha256, title: r.title, mime: r.mime });

/** A resource's slides: a PDF one per page (its page count known once it is read), anything else one. */
export function slidesOfResource(r: PlanResource, pdfPages?: number): Slide[] {
  const resource = slideResource(r);
  if (r.kind === 'pdf') {
    const pages = pdfPages ?? 0;
    if (pages < 1) return [{ kind: 'failed', resource, problem: 'present.slide.corrupt' }];
    return Array.from({ length: pages }, (_, i) => ({ kind: 'pdf' as const, resource, page: i + 1, pages }));
  }
  return [{ kind: r.kind, resource }];
}

/** A slide a resource could not give. */
export const failedSlide = (r: PlanResource, problem: SlideProblem): Slide => ({ kind: 'failed', resource: slideResource(r), problem });

/** Whether a slide shows something the ink surface must let the pointer reach (an HTML5 page's buttons). */
export const isInteractive = (slide: Slide | null): boolean => slide?.kind === 'html5';
export const isMedia = (slide: Slide | null): slide is { kind: 'video' | 'audio'; resource: SlideResource } =>
  slide?.kind === 'video' || slide?.kind === 'audio';

/** A slide's name in the rail and the presenter view: the resource's title, with the page of a PDF. */
export function slideTitle(slide: Slide): { title: string; page: number | null } | null {
  if (slide.kind === 'text') return null;
  return { title: slide.resource.title, page: slide.kind === 'pdf' ? slide.page : null };
}

// ---- A text slide ----------------------------------------------------------------------------------------------

/** The type of a text slide: large enough to read from the back row on a board, smaller for long text. */
export function textSlideFontSize(text: string, boxWidth: number, boxHeight: number): number {
  const base = Math.max(24, Math.min(boxWidth / 18, boxHeight / 9));
  const length = text.trim().length;
  if (length > 400) return Math.max(24, base * 0.6);
  if (length > 160) return Math.max(24, base * 0.8);
  return base;
}

/**
 * Breaks text into lines no wider than `maxWidth` by the given measure (words kept whole unless one alone is too
 * wide, then cut by characters). The teacher's own line breaks stay.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    if (!words.length) { lines.push(''); continue; }
    let line = '';
    for (const word of words) {
      const tried = line ? `${line} ${word}` : word;
      if (measure(tried) <= maxWidth) { line = tried; continue; }
      if (line) lines.push(line);
      if (measure(word) <= maxWidth) { line = word; continue; }
      // A word wider than the line: cut it where it stops fitting.
      let piece = '';
      for (const ch of word) {
        if (piece && measure(piece + ch) > maxWidth) { lines.push(piece); piece = ''; }
        piece += ch;
      }
      line = piece;
    }
    lines.push(line);
  }
  return lines;
}

// ---- The media bar ---------------------------------------------------------------------------------------------

/** A media time as m:ss (h:mm:ss past an hour); an unknown length as --:--. */
export function mediaTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

// ---- The lesson plan's stages ----------------------------------------------------------------------------------

export interface StageTiming { index: number; startsAt: number; endsAt: number }

/**
 * Which stage of the plan a moment of the lesson falls in (minutes from its start): the stages follow each other
 * by their minutes; past the last one it stays the last. Null when the plan has no stages.
 */
export function stageAt(stages: readonly { minutes: number }[], elapsedMinutes: number): StageTiming | null {
  if (!stages.length) return null;
  let start = 0;
  for (let i = 0; i < stages.length; i++) {
    const end = start + stages[i]!.minutes;
    if (elapsedMinutes < end || i === stages.length - 1) return { index: i, startsAt: start, endsAt: end };
    start = end;
  }
  return null;
}

/** Where each stage starts and ends, in minutes from the lesson's start. */
export function stageTimings(stages: readonly { minutes: number }[]): StageTiming[] {
  let start = 0;
  return stages.map((s, index) => {
    const timing = { index, startsAt: start, endsAt: start + s.minutes };
    start += s.minutes;
    return timing;
  });
}

/**
 * When the lesson timer counts from: the lesson's own start while the lesson is on, otherwise the moment the board
 * opened it (a lesson shown early, late or on another day still gets its timer).
 */
export function timerStart(lessonStartsAt: string, lessonEndsAt: string, openedAt: number, now: number): number {
  const start = Date.parse(lessonStartsAt), end = Date.parse(lessonEndsAt);
  return Number.isFinite(start) && Number.isFinite(end) && now >= start && now < end ? start : openedAt;
}

/** A duration as m:ss (h:mm:ss past an hour) for the lesson timer. */
export const elapsedText = (ms: number): string => mediaTime(Math.max(0, ms) / 1000);
