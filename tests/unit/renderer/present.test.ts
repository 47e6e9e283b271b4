import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBoardFile } from '../../../src-core/board/import';
import type { BoardDocument, BoardPage } from '../../../src-core/board/model';
import {
  deckReducer, docBackground, docFill, firstText, fitRect, imageHref, initialDeck, pageKeyAction, pngName, svgPoints, textLines,
} from '../../../src-renderer/roles/teacher/present/present';

const page = (over: Partial<BoardPage> = {}): BoardPage => ({ width: 800, height: 600, background: 'blank', items: [], skipped: [], ...over });
const doc = (pages: BoardPage[]): BoardDocument => ({ title: 'Doc', source: 'ubz', pages });

describe('the deck of a presented lesson', () => {
  it('starts with one blank page', () => {
    const d = initialDeck();
    expect(d.pages).toHaveLength(1);
    expect(d.pages[0]).toMatchObject({ background: 'blank', doc: null });
    expect(d.current).toBe(0);
  });

  it('adds a page after the current one, makes it current, with a fresh id', () => {
    let d = deckReducer(initialDeck(), { type: 'add', background: 'grid' });
    d = deckReducer(d, { type: 'go', index: 0 });
    d = deckReducer(d, { type: 'add', background: 'lined' });
    expect(d.pages.map((p) => p.background)).toEqual(['blank', 'lined', 'grid']);
    expect(d.current).toBe(1);
    expect(new Set(d.pages.map((p) => p.id)).size).toBe(3);
  });

  it('imports a document as pages at the end, the first of them current', () => {
    let d = deckReducer(initialDeck(), { type: 'add', background: 'blank' });
    d = deckReducer(d, { type: 'go', index: 0 });
    d = deckReducer(d, { type: 'import', doc: doc([page(), page({ background: 'grid' }), page({ background: '#ffeedd' })]) });
    expect(d.pages).toHaveLength(5);
    expect(d.current).toBe(2);
    expect(d.pages.slice(2).map((p) => p.source)).toEqual([{ title: 'Doc', page: 1 }, { title: 'Doc', page: 2 }, { title: 'Doc', page: 3 }]);
    expect(d.pages.slice(2).map((p) => p.background)).toEqual(['blank', 'grid', 'blank']);
    expect(new Set(d.pages.map((p) => p.id)).size).toBe(5);
    // Ids stay unique after more pages.
    d = deckReducer(d, { type: 'add', background: 'blank' });
    expect(new Set(d.pages.map((p) => p.id)).size).toBe(6);
  });

  it('steps and goes within the pages, and does not change state at the ends', () => {
    const one = initialDeck();
    expect(deckReducer(one, { type: 'step', by: -1 })).toBe(one);
    expect(deckReducer(one, { type: 'step', by: 1 })).toBe(one);
    let d = deckReducer(deckReducer(one, { type: 'add', background: 'blank' }), { type: 'add', background: 'blank' });
    expect(d.current).toBe(2);
    d = deckReducer(d, { type: 'step', by: -1 });
    expect(d.current).toBe(1);
    expect(deckReducer(d, { type: 'go', index: 99 }).current).toBe(2);
    expect(deckReducer(d, { type: 'go', index: -3 }).current).toBe(0);
  });

  it('turns pages with PageUp/PageDown, the arrows, Home and End, and leaves Ctrl combinations alone', () => {
    const d = deckReducer(deckReducer(initialDeck(), { type: 'add', background: 'blank' }), { type: 'add', background: 'blank' });
    expect(pageKeyAction({ key: 'PageDown' }, d)).toEqual({ type: 'step', by: 1 });
    expect(pageKeyAction({ key: 'ArrowRight' }, d)).toEqual({ type: 'step', by: 1 });
    expect(pageKeyAction({ key: 'PageUp' }, d)).toEqual({ type: 'step', by: -1 });
    expect(pageKeyAction({ key: 'ArrowLeft' }, d)).toEqual({ type: 'step', by: -1 });
    expect(pageKeyAction({ key: 'Home' }, d)).toEqual({ type: 'go', index: 0 });
    expect(pageKeyAction({ key: 'End' }, d)).toEqual({ type: 'go', index: 2 });
    expect(pageKeyAction({ key: 'PageDown', ctrlKey: true }, d)).toBeNull();
    expect(pageKeyAction({ key: 'z' }, d)).toBeNull();
  });
});

describe('an imported page under the ink', () => {
  it('fits a page into a box, centred, keeping its proportions', () => {
    expect(fitRect(1436, 1060, 1436, 1060)).toEqual({ x: 0, y: 0, width: 1436, height: 1060, scale: 1 });
    const r = fitRect(800, 600, 1600, 600);
    expect(r).toEqual({ x: 400, y: 0, width: 800, height: 600, scale: 1 });
    const tall = fitRect(1000, 500, 500, 1000);
    expect(tall.scale).toBe(0.5);
    expect(tall.y).toBe(375);
    expect(fitRect(0, 10, 10, 10).scale).toBe(0);
  });

  it('keeps the grid and the lines of a page, and paints a colour itself', () => {
    expect(docBackground(page({ background: 'grid' }))).toBe('grid');
    expect(docBackground(page({ background: '#102030' }))).toBe('blank');
    expect(docFill(page({ background: '#102030' }))).toBe('#102030');
    expect(docFill(page({ background: 'lined' }))).toBe('#ffffff');
  });

  it('writes points, image addresses and text lines for SVG', () => {
    expect(svgPoints([[1, 2], [3.14159, 4, 0.5]])).toBe('1,2 3.14,4');
    expect(imageHref({ type: 'image', x: 0, y: 0, width: 1, height: 1, mime: 'image/png', data: 'QUJD' })).toBe('data:image/png;base64,QUJD');
    expect(imageHref({ type: 'image', x: 0, y: 0, width: 1, height: 1, mime: 'image/png', ref: 'images/a.png' })).toBeNull();
    const t = textLines({ type: 'text', x: 10, y: 100, width: 50, height: 50, text: 'one\ntwo', fontSize: 10 });
    expect(t.fontSize).toBe(10);
    expect(t.lines).toEqual([{ text: 'one', y: 109 }, { text: 'two', y: 121 }]);
    expect(textLines({ type: 'text', x: 0, y: 0, width: 1, height: 1, text: 'x' }).fontSize).toBe(20);
  });

  it('names the saved picture after the lesson and the page', () => {
    expect(pngName('Алгебра · 7 «А»', 3)).toBe('Алгебра-·-7-«А»-3.png');
    expect(pngName('a/b:c', 1)).toBe('a-b-c-1.png');
    expect(pngName('   ', 2)).toBe('board-2.png');
  });

  it('takes the sample OpenBoard file as six pages, the first with its title text', () => {
    const bytes = new Uint8Array(readFileSync('/work/shared/bench-data/iwb/sankore-player-demo_abecedaire.ubz'));
    const d = deckReducer(initialDeck(), { type: 'import', doc: importBoardFile('sankore-player-demo_abecedaire.ubz', bytes) });
    expect(d.pages).toHaveLength(7);
    expect(firstText(d.pages[1]!.doc)).toBe('Mon abécédaire');
    expect(firstText(d.pages[0]!.doc)).toBeNull();
  });
});
