import type { Locale } from '../../../../src-core/i18n';

/**
 * The board window and the presenter view talk over a BroadcastChannel of their own (named by an id the board
 * makes when it opens the view, so that two boards never mix). The board sends everything the view shows — the
 * view never calls the host itself (its session and tokens stay the board window's); the view sends page turns.
 * No DOM in this file: the messages, their checks and the view's address.
 */

export interface PresenterStage { title: string; minutes: number; notes: string | null }
export interface PresenterPupil { id: string; name: string }

export interface PresenterState {
  locale: Locale;
  title: string;
  /** The lesson's time and topic as one line. */
  subtitle: string;
  current: number;
  total: number;
  /** Each page's name, as on the board's rail. */
  labels: string[];
  /** Pictures (data URLs) of the current page and the next one, with their ink; null while there is none. */
  currentThumb: string | null;
  nextThumb: string | null;
  /** The lesson plan's stages and notes; null without a plan (or while it is read). */
  plan: { objectives: string[]; stages: PresenterStage[]; notes: string | null } | null;
  pupils: PresenterPupil[];
  absentIds: string[];
  /** When the lesson timer counts from (ms since the epoch). */
  timerFrom: number;
}

export type BoardMessage = { type: 'state'; state: PresenterState } | { type: 'closed' };
export type PresenterMessage = { type: 'hello' } | { type: 'bye' } | { type: 'go'; index: number } | { type: 'step'; by: number };

export const channelName = (id: string) => `sabaq.presenter.${id}`;

/** The presenter view's address beside the app's page (a page of its own: it needs no sign-in). */
export const presenterRoute = (id: string) => `presenter.html#${encodeURIComponent(id)}`;

/** The channel's id from the view's address, or null when it has none. */
export function channelIdOf(hash: string): string | null {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  return /^[A-Za-z0-9-]{8,64}$/.test(id) ? id : null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** A page turn asked by the view (anything else on the channel is ignored). */
export function presenterMessage(data: unknown): PresenterMessage | null {
  if (!isRecord(data)) return null;
  if (data.type === 'hello') return { type: 'hello' };
  if (data.type === 'bye') return { type: 'bye' };
  if (data.type === 'go' && isInt(data.index) && data.index >= 0) return { type: 'go', index: data.index };
  if (data.type === 'step' && (data.by === 1 || data.by === -1)) return { type: 'step', by: data.by };
  return null;
}

/** What the board sent, when it has the shape the view reads. */
export function boardMessage(data: unknown): BoardMessage | null {
  if (!isRecord(data)) return null;
  if (data.type === 'closed') return { type: 'closed' };
  if (data.type !== 'state' || !isRecord(data.state)) return null;
  const s = data.state;
  const ok = typeof s.title === 'string' && typeof s.subtitle === 'string' && isInt(s.current) && isInt(s.total)
    && Array.isArray(s.labels) && Array.isArray(s.pupils) && Array.isArray(s.absentIds) && typeof s.timerFrom === 'number'
    && (s.locale === 'kk' || s.locale === 'ru' || s.locale === 'en');
  return ok ? { type: 'state', state: s as unknown as PresenterState } : null;
}
