import { cssFontSize, elementMatrix, image, inkStrokes, outlineStroke, richText, shape, xhtmlText, zipPath } from './elements';
import { type Matrix, parseColour, transformBox, finite } from './geometry';
import {
  type BoardDocument, BoardImportError, type BoardImportLimits, type BoardItem, type BoardPage, DEFAULT_BOARD_LIMITS,
  finishDocument, megabytes, type TextItem,
} from './model';
import { attr, childElements, descendants, textContent, type XmlElement } from './svg';
import { type BoardZip, openBoardZip, readXml } from './zip';

/**
 * OpenBoard / Open-Sankoré documents (.ubz): a zip of metadata.rdf and page001.svg, page002.svg…, images in
 * images/. Pen ink is stored as filled outline polygons (or polylines), text as foreignObject ub:type="text" with
 * XHTML or Qt rich text, and widgets (.wgt, with JavaScript) are listed as skipped, never run or kept.
 */

export const UBZ_PAGE = /^page(\d+)\.svg$/i;

export function importUbz(bytes: Uint8Array, limits: BoardImportLimits = DEFAULT_BOARD_LIMITS): BoardDocument {
  return ubzFromZip(openBoardZip(bytes, limits), limits, 'OpenBoard');
}

export function ubzFromZip(zip: BoardZip, limits: BoardImportLimits, fallbackTitle: string): BoardDocument {
  const pageNames = zip.names.filter((n) => UBZ_PAGE.test(n))
    .sort((a, b) => Number(UBZ_PAGE.exec(a)![1]) - Number(UBZ_PAGE.exec(b)![1]));
  if (!pageNames.length) throw new BoardImportError('empty', 'The .ubz holds no pageNNN.svg');
  if (pageNames.length > limits.maxPages) throw new BoardImportError('too_big', `The .ubz has ${pageNames.length} pages`, { max: megabytes(limits.maxBytes) });
  const texts = zip.read([...pageNames, 'metadata.rdf']);
  const svgs = pageNames.map((n) => readXml(texts.get(n)!, n));
  const imageNames = new Set(svgs.flatMap((svg) => descendants(svg, 'image'))
    .map((el) => zipPath(attr(el, 'href') ?? '')).filter((p): p is string => p !== undefined && zip.has(p)));
  const files = zip.read([...imageNames]);

  const metadata = texts.get('metadata.rdf');
  const title = metadata ? descendants(readXml(metadata, 'metadata.rdf'), 'title').map(textContent).find((t) => t.trim()) : undefined;
  const pages = svgs.map((svg) => ubzPage(svg, files, limits));
  return finishDocument({ title: title?.trim() || fallbackTitle, source: 'ubz', pages });
}

/** One OpenBoard page: the viewBox's top-left becomes 0,0. */
export function ubzPage(svg: XmlElement, files: Map<string, Uint8Array>, limits: BoardImportLimits = DEFAULT_BOARD_LIMITS): BoardPage {
  const vb = (attr(svg, 'viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const nominal = /^(\d+)x(\d+)$/.exec(attr(svg, 'nominal-size') ?? '');
  const [minX, minY, width, height] = vb.length === 4 && vb.every(Number.isFinite) && vb[2]! > 0 && vb[3]! > 0
    ? vb as [number, number, number, number]
    : [0, 0, Number(nominal?.[1] ?? 1280), Number(nominal?.[2] ?? 960)];
  const items: BoardItem[] = [];
  const skipped: string[] = [];
  const page: Matrix = [1, 0, 0, 1, -minX, -minY];

  const coversPage = (el: XmlElement) => finite(attr(el, 'x')) <= minX && finite(attr(el, 'y')) <= minY
    && finite(attr(el, 'width')) >= width && finite(attr(el, 'height')) >= height && !attr(el, 'transform');
  let background: BoardPage['background'] = attr(svg, 'crossed-background') === 'true' ? 'grid'
    : attr(svg, 'ruled-background') === 'true' ? 'lined' : 'blank';

  const walk = (parent: XmlElement, m: Matrix) => {
    for (const el of childElements(parent)) {
      if (items.length > limits.maxItemsPerPage) throw new BoardImportError('too_big', 'A page holds too many items', { max: megabytes(limits.maxBytes) });
      switch (el.local) {
        case 'g': walk(el, elementMatrix(el, m)); break;
        case 'polyline': case 'line': case 'path': items.push(...inkStrokes(el, m)); break;
        case 'polygon': { const s = outlineStroke(el, m); if (s) items.push(s); break; }
        case 'rect': {
          // The first page-sized rect is the page's background colour, not an item.
          if (parent === svg && items.length === 0 && coversPage(el)) {
            const colour = parseColour(attr(el, 'fill'));
            if (background === 'blank' && colour && colour !== '#ffffff') background = colour;
            break;
          }
          const s = shape(el, m); if (s) items.push(s); break;
        }
        case 'ellipse': case 'circle': { const s = shape(el, m); if (s) items.push(s); break; }
        case 'image': { const i = image(el, m, files, skipped); if (i) items.push(i); break; }
        case 'foreignObject': foreignObject(el, m); break;
        case 'defs': case 'title': case 'desc': case 'metadata': case 'style': break;
        default: skipped.push(`${el.local}: ${sourceName(el)}`);
      }
    }
  };
  const foreignObject = (el: XmlElement, m: Matrix) => {
    if (attr(el, 'type') === 'text') {
      const t = textItem(el, m);
      if (t) items.push(t);
      return;
    }
    const src = attr(el, 'src') ?? '';
    skipped.push(/\.wgt\b/i.test(src) ? `widget: ${sourceName(el)} (interactive widgets are not imported)` : `${attr(el, 'type') ?? 'object'}: ${sourceName(el)}`);
  };
  walk(svg, page);
  return { width, height, background, items, skipped };
}

/** The file name an OpenBoard item came from, for a note (never a local path). */
function sourceName(el: XmlElement): string {
  const s = attr(el, 'source') ?? attr(el, 'src') ?? attr(el, 'href') ?? '';
  return s.split(/[\\/]/).filter(Boolean).pop() ?? el.local;
}

function textItem(el: XmlElement, parent: Matrix): TextItem | undefined {
  const rich = descendants(el, 'itemTextContent')[0];
  const m = elementMatrix(el, parent);
  const text = rich ? richText(textContent(rich)) : xhtmlText(el);
  if (!text) return undefined;
  const box = transformBox(m, finite(attr(el, 'x')), finite(attr(el, 'y')), finite(attr(el, 'width')), finite(attr(el, 'height')));
  const styled = rich ? textContent(rich) : descendants(el, 'font').concat(descendants(el, 'span')).map((f) => attr(f, 'style') ?? '').join(';');
  const size = cssFontSize(styled);
  const colourEl = [el, ...descendants(el, 'font'), ...descendants(el, 'span')].find((f) => parseColour(attr(f, 'color')));
  const color = parseColour(colourEl ? attr(colourEl, 'color') : undefined) ?? parseColour(attr(el, 'fill-on-light-background'));
  const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
  return { type: 'text', ...box, text, ...(size ? { fontSize: size * scale } : {}), ...(color ? { color } : {}) };
}
