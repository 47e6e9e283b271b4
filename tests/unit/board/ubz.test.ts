import { describe, expect, it } from 'vitest';
import { importBoardFile } from '../../../src-core/board/import';
import type { BoardPage } from '../../../src-core/board/model';
import { importUbz } from '../../../src-core/board/ubz';
import { benchFile, ubzOfPage } from './files';

const count = (page: BoardPage, type: string) => page.items.filter((i) => i.type === type).length;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('OpenBoard .ubz: the real "abécédaire" document', () => {
  const doc = importBoardFile('abecedaire.ubz', benchFile('sankore-player-demo_abecedaire.ubz'));

  it('has its 6 pages in file order, sized by their viewBox, with the title from metadata.rdf', () => {
    expect(doc.source).toBe('ubz');
    expect(doc.title).toBe('abécédaire français');
    expect(doc.pages).toHaveLength(6);
    expect(doc.pages.map((p) => p.width)).toEqual([1436, 1472, 1481, 1557, 1774, 1380]);
    expect(doc.pages.every((p) => p.height === 1060 && p.background === 'blank')).toBe(true);
    expect(doc.pages[5]!.items).toEqual([]); // page006 is blank: kept as a blank page
  });

  it('reads the text of foreignObject ub:type="text" with its size and colour, placed by its matrix', () => {
    const title = doc.pages[0]!.items.find((i) => i.type === 'text')!;
    // matrix(1,0,0,1,-502.982,-433.379) in a viewBox starting at -746,-530
    expect(title).toMatchObject({ text: 'Mon abécédaire', fontSize: 135, color: '#55007f', width: 1027, height: 168 });
    expect(title.x).toBeCloseTo(-502.982 + 746, 3);
    expect(title.y).toBeCloseTo(-433.379 + 530, 3);
    expect(doc.pages.map((p) => count(p, 'text'))).toEqual([6, 5, 5, 5, 6, 0]);
  });

  it('embeds the 26 PNG images the pages use (of 29 in images/) as base64 (PNG signature), scaled by their matrix', () => {
    const images = doc.pages.flatMap((p) => p.items.filter((i) => i.type === 'image'));
    expect(images).toHaveLength(26);
    for (const img of images) {
      expect(img.mime).toBe('image/png');
      expect([...Buffer.from(img.data!, 'base64').subarray(0, 8)]).toEqual(PNG);
    }
    expect(images[0]!.width).toBeCloseTo(69 * 1.91424, 3);
    expect(doc.pages.every((p) => p.skipped.length === 0)).toBe(true);
  });

  it('keeps the pen polyline of page 1 as a stroke with its colour and width', () => {
    const pen = doc.pages[0]!.items.find((i) => i.type === 'stroke');
    expect(pen).toEqual({ type: 'stroke', points: [[497.73 + 746, -371.66 + 530], [497.74 + 746, -371.66 + 530]], color: '#000000', width: 1.97, opacity: 1 });
  });

  it('importUbz reads the same bytes directly', () => {
    expect(importUbz(benchFile('sankore-player-demo_abecedaire.ubz'))).toEqual(doc);
  });
});

describe('OpenBoard pages with ink polygons, rich text and widgets', () => {
  it('suse: the 194 ink polygons become closed highlighter strokes, the widget is listed as skipped', () => {
    const [page] = importBoardFile('suse.ubz', ubzOfPage('sankore-cff_suse_page001.svg')).pages;
    const strokes = page!.items.filter((i) => i.type === 'stroke');
    expect(strokes.filter((s) => s.closed)).toHaveLength(194);
    expect(strokes).toHaveLength(195); // plus the one <line> (the pen's first dot)
    expect(strokes.every((s) => s.color === '#e3ff00' && s.opacity === 0.5)).toBe(true);
    expect(page!.background).toBe('grid'); // ub:crossed-background="true"
    expect(page!.skipped).toEqual(['widget: ordonner_des_images.wgt (interactive widgets are not imported)']);
  });

  it('fromDir1: Qt rich text (HTML in CDATA, with its own DOCTYPE) becomes plain text', () => {
    const [page] = importBoardFile('fromDir1.ubz', ubzOfPage('sankore-cff_fromDir1_page001.svg')).pages;
    const texts = page!.items.filter((i) => i.type === 'text');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ text: 'sdfsdfsdfdsfsf', color: '#000000' });
    expect(texts[0]!.fontSize).toBeCloseTo((89 * 4) / 3, 3); // 89pt
    expect(count(page!, 'stroke')).toBe(1);
    expect(page!.skipped).toEqual(['widget: Graphme.wgt (interactive widgets are not imported)', 'audio: evol_intent_-_middle_of_the_night.mp3']);
  });
});
