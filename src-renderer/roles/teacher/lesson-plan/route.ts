import { useCallback, useSyncExternalStore } from 'react';

/**
 * A lesson's plan has an address of its own in the page's hash (`#/lesson-plan/<lesson id>?date=<YYYY-MM-DD>`):
 * a lesson of the day, the journal's lesson panel and the presentation open it by a link, and a reload keeps it.
 */
export interface LessonPlanRoute { lessonId: string; date: string | null }

const PREFIX = '#/lesson-plan/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function lessonPlanHref(lessonId: string, date?: string | null): string {
  return `${PREFIX}${lessonId}${date ? `?date=${date}` : ''}`;
}

/** The lesson a hash names, or null (another hash, a malformed id or date). */
export function parseLessonPlanHash(hash: string): LessonPlanRoute | null {
  if (!hash.startsWith(PREFIX)) return null;
  const [id, query = ''] = hash.slice(PREFIX.length).split('?', 2);
  if (!id || !UUID.test(id)) return null;
  const date = new URLSearchParams(query).get('date');
  return { lessonId: id.toLowerCase(), date: date && DATE.test(date) ? date : null };
}

const CHANGED = 'sabaq:route';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  window.addEventListener(CHANGED, listener);
  return () => {
    window.removeEventListener('hashchange', listener);
    window.removeEventListener(CHANGED, listener);
  };
}

const currentHash = () => window.location.hash;

/** Leaves the lesson plan: the address loses its hash without a new history entry. */
export function closeLessonPlan(): void {
  if (!parseLessonPlanHash(window.location.hash)) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
  window.dispatchEvent(new Event(CHANGED));
}

/** The lesson plan the address names now, and how to leave it. */
export function useLessonPlanRoute(): { route: LessonPlanRoute | null; close: () => void } {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  const close = useCallback(() => closeLessonPlan(), []);
  return { route: parseLessonPlanHash(hash), close };
}
