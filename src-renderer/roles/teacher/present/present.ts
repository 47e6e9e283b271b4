import type { BoardDocument, BoardPage, ImageItem, TextItem } from '../../../../src-core/board/model';
import type { PageBackground } from '../../../board/ink';
import type { Slide } from './slides';

/**
 * The presentation's pages, with no DOM in it: the deck (pages and the current one) as a pure reducer, the keys
 * that turn pages, and the geometry of an imported board page drawn under the ink.
 */

export interface PresentPage {
  id: string;
  /** The ink surface's paper (grid or lined paper under the ink; an imported page keeps its own when it has one). */
  background: PageBackground;
  /** An imported page of a board document, drawn under the ink; null for a page of the teacher's own. */
  doc: BoardPage | null;
  /** The document's title and the page's number in it, for the thumbnail's name. */
  source: { title: string; page: number } | null;
  /** A slide made from a resource of the lesson plan, or typed by the teacher, drawn under the ink; null for none. */
  slide: Slide | null;
}

export interface Deck { pages: PresentPage[]; current: number; nextId: number }

export type DeckAction =
  | { type: 'add'; background: PageBackground }
  | { type: 'import'; doc: BoardDocument }
  | { type: 'addSlides'; slides: readonly Slide[] }
  | { type: 'addText' }
  | { type: 'setText'; id: string; text: string }
  | { type: 'go'; index: number }
  | { type: 'step'; by: number };

/** A lesson starts with one blank page. */
export function initialDeck(): Deck {
  return { pages: [{ id: 'p1', background: 'blank', doc: null, source: null, slide: null }], current: 0, nextId: 2 };
}

const clampIndex = (deck: Deck, index: number) => Math.max(0, Math.min(deck.pages.length - 1, Math.trunc(index)));

/** The paper of an imported page on the ink surface: its grid or lines; a colour is painted by the document layer. */
export const docBackground = (page: BoardPage): PageBackground => (page.background === 'grid' || page.background === 'lined' ? page.background : 'blank');

/** The colour behind an imported page's items (white unless the document gave one). */
export const docFill = (page: BoardPage): string => (page.background.startsWith('#') ? page.background : '#ffffff');

export function deckReducer(deck: Deck, action: DeckAction): Deck {
  switch (action.type) {
    case 'add': {
      // A new page goes right after the current one and becomes current.
      return insertAfterCurrent(deck, { id: `p${deck.nextId}`, background: action.background, doc: null, source: null, slide: null });
    }
    case 'addText':
      return insertAfterCurrent(deck, { id: `p${deck.nextId}`, background: 'blank', doc: null, source: null, slide: { kind: 'text', text: '' } });
    case 'setText': {
      const at = deck.pages.findIndex((p) => p.id === action.id);
      const page = deck.pages[at];
      if (!page || page.slide?.kind !== 'text' || page.slide.text === action.text) return deck;
      const pages = [...deck.pages];
      pages[at] = { ...page, slide: { kind: 'text', text: action.text } };
      return { ...deck, pages };
    }
    case 'addSlides': {
      // A resource's slides go after the last page, in their order; the first of them becomes current.
      const added = action.slides.map((slide, i): PresentPage => ({ id: `p${deck.nextId + i}`, background: 'blank', doc: null, source: null, slide }));
      if (!added.length) return deck;
      return { pages: [...deck.pages, ...added], current: deck.pages.length, nextId: deck.nextId + added.length };
    }
    case 'import': {
      // A document's pages go after the last page, in their order; the first of them becomes current.
      const added = action.doc.pages.map((p, i): PresentPage => ({
        id: `p${deck.nextId + i}`, background: docBackground(p), doc: p, source: { title: action.doc.title, page: i + 1 }, slide: null,
      }));
      if (!added.length) return deck;
      return { pages: [...deck.pages, ...added], current: deck.pages.length, nextId: deck.nextId + added.length };
    }
    case 'go': {
      const current = clampIndex(deck, action.index);
      return current === deck.current ? deck : { ...deck, current };
    }
    case 'step': {
      const current = clampIndex(deck, deck.current + action.by);
      return current === deck.current ? deck : { ...deck, current };
    }
  }
}

/** A new page goes right after the current one and becomes current. */
function insertAfterCurrent(deck: Deck, page: PresentPage): Deck {
  const at = deck.current + 1;
  return { pages: [...deck.pages.slice(0, at), page, ...deck.pages.slice(at)], current: at, nextId: deck.nextId + 1 };
}

/** What a key does to the deck: the page before or after, the first or the last; null when it is not a page key. */
export function pageKeyAction(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean }, deck: Deck): DeckAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'PageDown': case 'ArrowRight': case 'ArrowDown': return { type: 'step', by: 1 };
    case 'PageUp': case 'ArrowLeft': case 'ArrowUp': return { type: 'step', by: -1 };
    case 'Home': return { type: 'go', index: 0 };
    case 'End': return { type: 'go', index: deck.pages.length - 1 };
    default: return null;
  }
}

/** Where a page of `w`×`h` lands when scaled to fit a box of `boxW`×`boxH`, centred (SVG's "xMidYMid meet"). */
export function fitRect(w: number, h: number, boxW: number, boxH: number): { x: number; y: number; width: number; height: number; scale: number } {
  if (w <= 0 || h <= 0 || boxW <= 0 || boxH <= 0) return { x: 0, y: 0, width: 0, height: 0, scale: 0 };
  const scale = Math.min(boxW / w, boxH / h);
  const width = w * scale, height = h * scale;
  return { x: (boxW - width) / 2, y: (boxH - height) / 2, width, height, scale };
}

/** Points as SVG's `points` attribute (two decimals). */
export const svgPoints = (points: readonly (readonly number[])[]): string =>
  points.map((p) => `${round(p[0] ?? 0)},${round(p[1] ?? 0)}`).join(' ');

const round = (v: number) => Math.round(v * 100) / 100;

/** An image's address: a data URL of the bytes the file held, or null when the file only named it. */
export const imageHref = (item: ImageItem): string | null => (item.data ? `data:${item.mime};base64,${item.data}` : null);

export const DEFAULT_FONT_SIZE = 20;
export const LINE_HEIGHT = 1.2;

/** A text box's lines and where each one's baseline is (the box's top plus about one ascent, then a line each). */
export function textLines(item: TextItem): { x: number; fontSize: number; lines: { text: string; y: number }[] } {
  const fontSize = item.fontSize ?? DEFAULT_FONT_SIZE;
  const lines = item.text.split('\n').map((text, i) => ({ text, y: round(item.y + fontSize * (0.9 + i * LINE_HEIGHT)) }));
  return { x: round(item.x), fontSize, lines };
}

/** The first text of a page (the thumbnail's and the test's hint of what the page holds). */
export const firstText = (page: BoardPage | null): string | null => {
  const item = page?.items.find((i): i is TextItem => i.type === 'text');
  return item ? item.text : null;
};

/** Reads a file the teacher picked into bytes (the importer takes bytes, not a File). */
export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A safe file name for the saved picture: the lesson's name and the page's number. */
export function pngName(lesson: string, page: number): string {
  return `${fileBase(lesson)}-${page}.png`;
}

/** A safe file name for the whole board as PDF: the lesson's name. */
export const pdfName = (lesson: string): string => `${fileBase(lesson)}.pdf`;

const fileBase = (lesson: string) => lesson.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'board';
