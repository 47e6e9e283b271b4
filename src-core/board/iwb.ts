import { elementMatrix, image, inkStrokes, shape, tidyLines, zipPath } from './elements';
import { finite, type Matrix, parseColour, positive, transformBox, IDENTITY } from './geometry';
import {
  type BoardDocument, BoardImportError, type BoardImportLimits, type BoardItem, type BoardPage, DEFAULT_BOARD_LIMITS,
  finishDocument, megabytes, type TextItem,
} from './model';
import { attr, childElements, descendants, type XmlElement, type XmlNode } from './svg';
import { type BoardZip, openBoardZip, readXml } from './zip';

/**
 * IWB Common File Format (.iwb): a zip whose content.xml holds an `iwb` root with one `svg:svg`. IMS CFF 1.0
 * (xmlns http://www.imsglobal.org/xsd/iwb_v1p0) puts pages as `svg:page` in an `svg:pageset`; the older BECTA draft
 * (http://www.becta.org.uk/iwb) and single-page files put the items straight in `svg:svg`, read as one page.
 * Images are embedded when the zip holds them. `iwb:element`/`group` references carry only editing hints (locked,
 * grouped) and are not needed to draw the page.
 */

export function importIwb(bytes: Uint8Array, limits: BoardImportLimits = DEFAULT_BOARD_LIMITS): BoardDocument {
  return iwbFromZip(openBoardZip(bytes, limits), limits, 'IWB');
}

export function iwbFromZip(zip: BoardZip, limits: BoardImportLimits, fallbackTitle: string): BoardDocument {
  const content = zip.read(['content.xml']).get('content.xml');
  if (!content) throw new BoardImportError('unknown_type', 'The zip has no content.xml');
  const root = readXml(content, 'content.xml');
  // Other zips hold a content.xml too (OpenDocument): only an `iwb` root is a whiteboard file.
  if (root.local !== 'iwb') throw new BoardImportError('unknown_type', `content.xml has a <${root.name}> root, not <iwb>`);
  const svg = childElements(root, 'svg')[0];
  if (!svg) throw new BoardImportError('empty', 'content.xml holds no svg:svg');

  const viewbox = (attr(svg, 'viewbox') ?? attr(svg, 'viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const docWidth = positive(attr(svg, 'width'), viewbox.length === 4 && viewbox[2]! > 0 ? viewbox[2]! : 1280);
  const docHeight = positive(attr(svg, 'height'), viewbox.length === 4 && viewbox[3]! > 0 ? viewbox[3]! : 960);
  const pageset = childElements(svg, 'pageset')[0];
  const pageEls = pageset ? childElements(pageset, 'page') : [svg];
  if (!pageEls.length) throw new BoardImportError('empty', 'The pageset holds no page');
  if (pageEls.length > limits.maxPages) throw new BoardImportError('too_big', `The .iwb has ${pageEls.length} pages`, { max: megabytes(limits.maxBytes) });

  const imageNames = descendants(svg, 'image').map((el) => zipPath(attr(el, 'href') ?? ''))
    .filter((p): p is string => p !== undefined && zip.has(p));
  const files = zip.read(imageNames);
  const pages = pageEls.map((el) => iwbPage(el, positive(attr(el, 'width'), docWidth), positive(attr(el, 'height'), docHeight), files, limits));

  const title = childElements(root, 'meta').map((m) => attr(m, 'title')).find((t) => t?.trim());
  return finishDocument({ title: title?.trim() || fallbackTitle, source: 'iwb', pages });
}

function iwbPage(pageEl: XmlElement, width: number, height: number, files: Map<string, Uint8Array>, limits: BoardImportLimits): BoardPage {
  const items: BoardItem[] = [];
  const skipped: string[] = [];
  let background: BoardPage['background'] = 'blank';
  let backgroundSeen = false;

  const walk = (parent: XmlElement, m: Matrix) => {
    for (const el of childElements(parent)) {
      if (items.length > limits.maxItemsPerPage) throw new BoardImportError('too_big', 'A page holds too many items', { max: megabytes(limits.maxBytes) });
      switch (el.local) {
        case 'g': case 'a': case 'switch': walk(el, elementMatrix(el, m)); break;
        case 'polyline': case 'line': case 'path': items.push(...inkStrokes(el, m)); break;
        case 'rect': {
          // The first page-sized rect is the page's background colour, not an item.
          if (!backgroundSeen && isBackground(el, width, height)) {
            backgroundSeen = true;
            const colour = parseColour(attr(el, 'fill'));
            if (colour && colour !== '#ffffff') background = colour;
          } else {
            const s = shape(el, m); if (s) items.push(s);
          }
          break;
        }
        case 'polygon': case 'ellipse': case 'circle': { const s = shape(el, m); if (s) items.push(s); break; }
        case 'image': { const i = image(el, m, files, skipped); if (i) items.push(i); break; }
        case 'textarea': case 'text': { const t = textItem(el, m); if (t) items.push(t); break; }
        case 'desc': case 'title': case 'defs': break;
        default: skipped.push(`${el.local}: ${attr(el, 'id') ?? ''}`.trim());
      }
    }
  };
  walk(pageEl, IDENTITY);
  return { width, height, background, items, skipped };
}

function isBackground(el: XmlElement, width: number, height: number): boolean {
  if ((attr(el, 'id') ?? '').startsWith('backgroundColor')) return true;
  return finite(attr(el, 'x')) <= 0 && finite(attr(el, 'y')) <= 0 && finite(attr(el, 'width')) >= width && finite(attr(el, 'height')) >= height;
}

/** svg:textarea (or svg:text): tspans in order, a line per tbreak. */
function textItem(el: XmlElement, parent: Matrix): TextItem | undefined {
  const m = elementMatrix(el, parent);
  const parts: string[] = [];
  const walk = (n: XmlNode) => {
    if (typeof n === 'string') parts.push(n);
    else if (n.local === 'tbreak') parts.push('\n');
    else n.children.forEach(walk);
  };
  el.children.forEach(walk);
  const text = tidyLines(parts.join(''));
  if (!text) return undefined;
  const span = descendants(el, 'tspan')[0] ?? el;
  const size = parseFloat(attr(span, 'font-size') ?? attr(el, 'font-size') ?? '');
  const color = parseColour(attr(span, 'fill') ?? attr(el, 'fill'));
  const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
  const box = transformBox(m, finite(attr(el, 'x')), finite(attr(el, 'y')), finite(attr(el, 'width')), finite(attr(el, 'height')));
  return { type: 'text', ...box, text, ...(size > 0 ? { fontSize: size * scale } : {}), ...(color ? { color } : {}) };
}
