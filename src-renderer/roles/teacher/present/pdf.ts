import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
// The legacy build carries its own polyfills: the board's Electron and a school's older browsers run it alike.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { fitRect } from './present';
import type { SlideProblem } from './slides';

/**
 * PDF pages with pdf.js (its worker bundled by vite): a document read once per file (by its hash) and each page
 * rendered sharp at the size it is shown, kept in a small cache so that turning back to a page costs nothing.
 */

GlobalWorkerOptions.workerSrc = workerUrl;

/** A PDF that could not be read, with the reason shown on its slide. */
export class PdfProblem extends Error {
  constructor(readonly problem: SlideProblem, cause?: unknown) {
    super(problem, { cause });
    this.name = 'PdfProblem';
  }
}

const documents = new Map<string, Promise<PDFDocumentProxy>>();

/** Opens a PDF's bytes (pdf.js without eval: the renderer's CSP forbids it). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  try {
    return await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: true }).promise;
  } catch (err) {
    throw new PdfProblem('present.slide.corrupt', err);
  }
}

/** The document of a file, read once: `load` fetches its bytes (a failed fetch is not kept, so it is tried again). */
export function pdfDocument(sha256: string, load: () => Promise<Uint8Array>): Promise<PDFDocumentProxy> {
  let doc = documents.get(sha256);
  if (!doc) {
    doc = load().then(openPdf);
    documents.set(sha256, doc);
    doc.catch(() => { if (documents.get(sha256) === doc) documents.delete(sha256); });
  }
  return doc;
}

/** A PDF page's size in its own units (points), for fitting it into a box. */
export async function pageSize(doc: PDFDocumentProxy, pageNumber: number): Promise<{ width: number; height: number }> {
  const page = await doc.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  return { width, height };
}

/**
 * Renders a page fitted into a box of `boxWidth`×`boxHeight` CSS pixels at `ratio` device pixels each: a canvas of
 * the fitted size in device pixels (white under the page, as on paper).
 */
export async function renderPdfPage(doc: PDFDocumentProxy, pageNumber: number, boxWidth: number, boxHeight: number, ratio: number): Promise<HTMLCanvasElement> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const fit = fitRect(base.width, base.height, boxWidth, boxHeight);
  const viewport = page.getViewport({ scale: Math.max(0.01, fit.scale * ratio) });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(viewport.width));
  canvas.height = Math.max(1, Math.round(viewport.height));
  await page.render({ canvas, viewport, background: '#ffffff' }).promise;
  page.cleanup();
  return canvas;
}

// ---- The cache of rendered pages -------------------------------------------------------------------------------

/** About 24 megapixels of rendered pages (some 100 MB): a dozen full-HD pages. */
const CACHE_PIXELS = 24_000_000;
const rendered = new Map<string, Promise<HTMLCanvasElement>>();
const sizes = new Map<string, number>();

function remember(key: string, canvas: Promise<HTMLCanvasElement>) {
  rendered.set(key, canvas);
  canvas.then((c) => {
    if (rendered.get(key) !== canvas) return;
    sizes.set(key, c.width * c.height);
    let total = [...sizes.values()].reduce((a, b) => a + b, 0);
    // The oldest go first (a Map keeps its insertion order; a hit is put back at the end).
    for (const old of [...sizes.keys()]) {
      if (total <= CACHE_PIXELS || old === key) break;
      total -= sizes.get(old) ?? 0;
      sizes.delete(old);
      rendered.delete(old);
    }
  }, () => { if (rendered.get(key) === canvas) rendered.delete(key); });
}

/** A page rendered for a box, from the cache when it was rendered at that size before. */
export function cachedPdfPage(sha256: string, doc: PDFDocumentProxy, pageNumber: number, boxWidth: number, boxHeight: number, ratio: number): Promise<HTMLCanvasElement> {
  const w = Math.round(boxWidth * ratio), h = Math.round(boxHeight * ratio);
  const key = `${sha256}#${pageNumber}@${w}x${h}`;
  const hit = rendered.get(key);
  if (hit) {
    // Most recently used: to the end.
    rendered.delete(key);
    rendered.set(key, hit);
    const size = sizes.get(key);
    if (size !== undefined) { sizes.delete(key); sizes.set(key, size); }
    return hit;
  }
  const canvas = renderPdfPage(doc, pageNumber, boxWidth, boxHeight, ratio);
  remember(key, canvas);
  return canvas;
}
