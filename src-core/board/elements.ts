import {
  apply, finite, imageMime, lengthScale, type Matrix, multiply, parseColour, parseOpacity, parsePath, parsePoints,
  parseTransform, positive, toBase64, transformBox,
} from './geometry';
import type { ImageItem, ShapeItem, StrokeItem } from './model';
import { attr, type XmlElement, type XmlNode } from './svg';

/** SVG elements read the same way in .ubz pages and .iwb content: ink, shapes, images, and text cleaned to plain. */

/** The element's own transform composed onto its parent's. */
export const elementMatrix = (el: XmlElement, parent: Matrix) => multiply(parent, parseTransform(attr(el, 'transform')));

const strokeWidth = (el: XmlElement, m: Matrix) => positive(attr(el, 'stroke-width'), 1) * (lengthScale(m) || 1);

/** polyline, line or path as open ink, drawn with its stroke colour. */
export function inkStrokes(el: XmlElement, parent: Matrix): StrokeItem[] {
  const m = elementMatrix(el, parent);
  const color = parseColour(attr(el, 'stroke')) ?? parseColour(attr(el, 'fill')) ?? '#000000';
  const base = { type: 'stroke' as const, color, width: strokeWidth(el, m), opacity: parseOpacity(attr(el, 'stroke-opacity')) };
  if (el.local === 'path') {
    return parsePath(attr(el, 'd'), m).map((s) => ({ ...base, points: s.points, ...(s.closed ? { closed: true } : {}) }));
  }
  const points = el.local === 'line'
    ? [apply(m, finite(attr(el, 'x1')), finite(attr(el, 'y1'))), apply(m, finite(attr(el, 'x2')), finite(attr(el, 'y2')))]
    : parsePoints(attr(el, 'points'), m);
  return points.length && points.every((p) => p.every(Number.isFinite)) ? [{ ...base, points }] : [];
}

/** An OpenBoard pen stroke: its outline as a closed polygon, filled with the pen's colour. */
export function outlineStroke(el: XmlElement, parent: Matrix): StrokeItem | undefined {
  const m = elementMatrix(el, parent);
  const points = parsePoints(attr(el, 'points'), m);
  if (!points.length) return undefined;
  const fill = parseColour(attr(el, 'fill'));
  return {
    type: 'stroke', points, closed: true,
    color: fill ?? parseColour(attr(el, 'stroke')) ?? '#000000',
    width: strokeWidth(el, m),
    opacity: parseOpacity(fill ? attr(el, 'fill-opacity') : attr(el, 'stroke-opacity')),
  };
}

function paint(el: XmlElement, m: Matrix): Pick<ShapeItem, 'stroke' | 'fill'> {
  const strokeColour = parseColour(attr(el, 'stroke'));
  const fillColour = parseColour(attr(el, 'fill'));
  const fillOpacity = parseOpacity(attr(el, 'fill-opacity'));
  return {
    stroke: strokeColour ? { color: strokeColour, width: strokeWidth(el, m), opacity: parseOpacity(attr(el, 'stroke-opacity')) } : null,
    fill: fillColour && fillOpacity > 0 ? { color: fillColour, opacity: fillOpacity } : null,
  };
}

/** ellipse, circle, rect or polygon as a shape (its bounding box after the transform). */
export function shape(el: XmlElement, parent: Matrix): ShapeItem | undefined {
  const m = elementMatrix(el, parent);
  if (el.local === 'polygon') {
    const points = parsePoints(attr(el, 'points'), m);
    if (!points.length) return undefined;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x, y] = [Math.min(...xs), Math.min(...ys)];
    return { type: 'shape', kind: 'polygon', x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, points, ...paint(el, m) };
  }
  if (el.local === 'rect') {
    const box = transformBox(m, finite(attr(el, 'x')), finite(attr(el, 'y')), finite(attr(el, 'width')), finite(attr(el, 'height')));
    return { type: 'shape', kind: 'rect', ...box, ...paint(el, m) };
  }
  const rx = el.local === 'circle' ? finite(attr(el, 'r')) : finite(attr(el, 'rx'));
  const ry = el.local === 'circle' ? rx : finite(attr(el, 'ry'));
  const box = transformBox(m, finite(attr(el, 'cx')) - rx, finite(attr(el, 'cy')) - ry, 2 * rx, 2 * ry);
  return { type: 'shape', kind: 'ellipse', ...box, ...paint(el, m) };
}

/** An image: embedded as base64 when the file holds it, else a ref with a note in `skipped`. */
export function image(el: XmlElement, parent: Matrix, files: Map<string, Uint8Array>, skipped: string[]): ImageItem | undefined {
  const href = attr(el, 'href');
  if (!href) return undefined;
  const m = elementMatrix(el, parent);
  const box = transformBox(m, finite(attr(el, 'x')), finite(attr(el, 'y')), finite(attr(el, 'width')), finite(attr(el, 'height')));
  const path = zipPath(href);
  const bytes = path === undefined ? undefined : files.get(path);
  const mime = imageMime(bytes, href);
  if (!mime) { skipped.push(`image of an unknown type: ${href}`); return undefined; }
  if (bytes) return { type: 'image', ...box, mime, data: toBase64(bytes) };
  skipped.push(`image not in the file: ${href}`);
  return { type: 'image', ...box, mime, ref: href };
}

/** The zip path an href names, if it is a relative path inside the document (never `..`, a scheme or a drive). */
export function zipPath(href: string): string | undefined {
  const p = href.replace(/^\.\//, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || p.split('/').includes('..')) return undefined;
  return p;
}

const BLOCKS = new Set(['body', 'div', 'p', 'li', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'tbreak']);

/** Lines trimmed, blank ones dropped: paragraphs become lines of plain text. */
export const tidyLines = (s: string) => s.split('\n').map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim()).filter(Boolean).join('\n');

/** The plain text of an XHTML fragment, a line per block (div, p, br). */
export function xhtmlText(el: XmlElement): string {
  const parts: string[] = [];
  const walk = (n: XmlNode) => {
    if (typeof n === 'string') { parts.push(n.replace(/\s+/g, ' ')); return; }
    const block = BLOCKS.has(n.local.toLowerCase());
    if (block) parts.push('\n');
    n.children.forEach(walk);
    if (block) parts.push('\n');
  };
  walk(el);
  return tidyLines(parts.join(''));
}

const HTML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/** The plain text of Qt rich text (HTML, not XML: it is only stripped, never parsed as markup). */
export function richText(html: string): string {
  const s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
      const code = ref[0] === '#' ? (ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : NaN;
      if (Number.isFinite(code)) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      return HTML_ENTITIES[ref.toLowerCase()] ?? whole;
    });
  return tidyLines(s);
}

/** A font size in page units from CSS text (`font-size: 90px`, `font-size:89pt`). */
export function cssFontSize(css: string): number | undefined {
  const m = /font-size\s*:\s*([\d.]+)\s*(px|pt)?/i.exec(css);
  if (!m) return undefined;
  const v = parseFloat(m[1]!) * (m[2]?.toLowerCase() === 'pt' ? 4 / 3 : 1);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}
