import { getDocument, GlobalWorkerOptions, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { isJpeg, pdfDate, pdfString, writePdf, type PdfPicture } from '../../../src-renderer/roles/teacher/present/pdf-writer';

GlobalWorkerOptions.workerSrc = new URL('../../../node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', import.meta.url).href;

/** A 16×8 JPEG (left half red, right half white), written by Chromium's encoder. */
const JPEG = Uint8Array.from(atob(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAcI/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABUBAQEAAAAAAAAAAAAAAAAAAAUG/8QAGxEAAQQDAAAAAAAAAAAAAAAAAAQGQsFDgYL/2gAMAwEAAhEDEQA/AJ43YA9BLVle6sXVH//Z',
), (c) => c.charCodeAt(0));

const picture = (over: Partial<PdfPicture> = {}): PdfPicture => ({ jpeg: JPEG, width: 16, height: 8, pageWidth: 1024.5, pageHeight: 576, ...over });
const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

describe('the PDF of the board (pictures, one a page)', () => {
  it('is read by pdf.js: as many pages as pictures, each of its own size, each drawing its picture', async () => {
    const bytes = writePdf([picture(), picture({ pageWidth: 600, pageHeight: 800 }), picture()], { title: 'Алгебра · 7А', created: new Date('2026-11-23T04:00:00Z') });
    const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
    expect(doc.numPages).toBe(3);
    const first = await doc.getPage(1);
    expect(first.view).toEqual([0, 0, 1024.5, 576]);
    expect((await doc.getPage(2)).view).toEqual([0, 0, 600, 800]);
    const { info } = (await doc.getMetadata()) as { info: { Title?: string; Producer?: string } };
    expect(info.Title).toBe('Алгебра · 7А');
    expect(info.Producer).toBe('Sabaq');
    // The page paints one image XObject, and pdf.js decodes it to the picture's size.
    const ops = await first.getOperatorList();
    const paint = ops.fnArray.indexOf(OPS.paintImageXObject);
    expect(paint).toBeGreaterThanOrEqual(0);
    const name = ops.argsArray[paint]![0] as string;
    const image = await new Promise<{ width: number; height: number }>((resolve) => first.objs.get(name, resolve));
    expect([image.width, image.height]).toEqual([16, 8]);
    await doc.destroy();
  });

  it('has a cross-reference table whose every offset points at its object', () => {
    const bytes = writePdf([picture(), picture()]);
    const text = latin1(bytes);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!.map(Number);
    expect(first).toBe(0);
    expect(count).toBe(4 + 2 * 3);
    const rows = text.slice(startxref).split('\n').slice(2, 2 + count!);
    expect(rows[0]).toBe('0000000000 65535 f ');
    rows.slice(1).forEach((row, i) => {
      expect(row).toMatch(/^\d{10} 00000 n $/);
      const offset = Number(row.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    // Every stream's /Length is the number of bytes between "stream\n" and "\nendstream".
    for (const m of text.matchAll(/\/Length (\d+) >>\nstream\n/g)) {
      const start = m.index + m[0].length;
      expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe('\nendstream');
    }
    expect(text.match(/\/Type \/Page /g)).toHaveLength(2);
  });

  it('refuses no pages and a picture that is not a JPEG', () => {
    expect(() => writePdf([])).toThrow();
    expect(() => writePdf([picture({ jpeg: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) })])).toThrow(/page 1/);
    expect(isJpeg(JPEG)).toBe(true);
  });

  it('writes ASCII titles as literals (escaped) and others as UTF-16BE, dates in UTC', () => {
    expect(pdfString('Board (7A)\\1')).toBe('(Board \\(7A\\)\\\\1)');
    expect(pdfString('Ә')).toBe('<FEFF04D8>');
    expect(pdfDate(new Date('2026-11-23T04:05:06Z'))).toBe('D:20261123040506Z');
  });
});
