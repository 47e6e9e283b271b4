import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBoardFile } from '../../../src-core/board/import';
import { importIwb } from '../../../src-core/board/iwb';
import { BoardImportError } from '../../../src-core/board/model';
import { benchFile, newlineIwb } from './files';

describe('IWB CFF: the Newline benchmark (IMS namespace, svg:pageset)', () => {
  const doc = importBoardFile('benchmark.iwb', newlineIwb());
  const items = doc.pages.flatMap((p) => p.items);

  it('has its 12 pages of 2560x1498 (pages declaring 0x0 take the document size)', () => {
    expect(doc.source).toBe('iwb');
    expect(doc.title).toBe('benchmark');
    expect(doc.pages).toHaveLength(12);
    expect(doc.pages.every((p) => p.width === 2560 && p.height === 1498)).toBe(true);
    expect(doc.pages[0]!.background).toBe('#f2f2f2'); // backgroundColor rect, rgb(242,242,242)
    expect(doc.pages[4]!.background).toBe('#000000');
  });

  it('turns the 58 svg:polyline into strokes, highlighters translucent', () => {
    const strokes = items.filter((i) => i.type === 'stroke');
    expect(strokes).toHaveLength(58);
    expect(doc.pages.map((p) => p.items.filter((i) => i.type === 'stroke').length)).toEqual([41, 12, 0, 0, 0, 0, 2, 3, 0, 0, 0, 0]);
    expect(strokes.some((s) => s.color === '#f8b01e' && s.opacity > 0.54 && s.opacity < 0.56)).toBe(true);
  });

  it('keeps the 4 ellipses and 10 polygons as shapes, with fill only where it shows', () => {
    const shapes = items.filter((i) => i.type === 'shape');
    expect(shapes.filter((s) => s.kind === 'ellipse')).toHaveLength(4);
    expect(shapes.filter((s) => s.kind === 'polygon')).toHaveLength(10);
    const circle = shapes.find((s) => s.kind === 'ellipse')!;
    expect(circle.x).toBeCloseTo(494.35156 - 81.2619, 3);
    expect(circle.fill).toBeNull(); // fill-opacity="0.0"
    expect(circle.stroke).toEqual({ color: '#ea6666', width: 4, opacity: 1 });
  });

  it('reads the 4 textareas as plain text, a line per tbreak', () => {
    expect(items.filter((i) => i.type === 'text').map((t) => t.text)).toEqual([
      'EXAMPLE TEXT #1', 'EXAMPLE TEXT #2', 'BKG: BLACK, PLAIN\nTEXT: WHITE', 'BKG: GREEN, ROWS\nTEXT: BLACK']);
  });

  it('keeps the 9 images it does not hold as refs, each with a note', () => {
    const images = items.filter((i) => i.type === 'image');
    expect(images).toHaveLength(9);
    expect(images.every((i) => i.data === undefined && i.ref?.startsWith('images/'))).toBe(true);
    expect(doc.pages.flatMap((p) => p.skipped).filter((s) => s.startsWith('image not in the file'))).toHaveLength(9);
    const scaled = images[0]!; // translate(48.08,360.50) scale(0.67,0.67) of 1685x1123
    expect(scaled.x).toBeCloseTo(48.08, 2);
    expect(scaled.width).toBeCloseTo(1685 * 0.67, 2);
  });

  it('embeds an image the zip holds', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const xml = `<iwb xmlns="http://www.imsglobal.org/xsd/iwb_v1p0" xmlns:svg="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
      <svg:svg width="800" height="600"><svg:image xlink:href="images/a.png" x="10" y="20" width="30" height="40"/></svg:svg></iwb>`;
    const doc1 = importIwb(zipSync({ 'content.xml': strToU8(xml), 'images/a.png': png }));
    expect(doc1.pages[0]!.items[0]).toEqual({ type: 'image', x: 10, y: 20, width: 30, height: 40, mime: 'image/png', data: Buffer.from(png).toString('base64') });
  });
});

describe('IWB CFF: the legacy BECTA stub', () => {
  it('is "empty": its only svg:svg holds an image without href and a polyline without points', () => {
    // One blank page would look like a successful import of nothing; the teacher is told instead.
    const run = () => importBoardFile('toDir.iwb', benchFile('sankore-cff_toDir_stub.iwb'));
    expect(run).toThrow(BoardImportError);
    try { run(); } catch (e) {
      expect((e as BoardImportError).code).toBe('empty');
      expect((e as BoardImportError).messageKey).toBe('error.board_empty');
    }
  });
});
