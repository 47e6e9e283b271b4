/**
 * A small, non-validating XML reader for board files (SVG pages, IWB content.xml, RDF metadata). No DOM: src-core
 * runs in Node and in the renderer. It reads elements, attributes, text, CDATA and the five predefined entities plus
 * character references, and refuses DOCTYPE/ENTITY declarations outright, so no external or expanding entity (XXE,
 * "billion laughs") can ever be resolved. Size, depth and node limits bound the work a hostile file can cause.
 */

export interface XmlElement {
  /** The qualified name as written (`svg:polyline`). */
  name: string;
  /** The name without its prefix (`polyline`): board files use varying prefixes for the same SVG namespace. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export type XmlErrorReason = 'doctype' | 'malformed' | 'too_big' | 'too_deep';

/** The only error the reader throws. */
export class XmlError extends Error {
  constructor(readonly reason: XmlErrorReason, message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

export interface XmlLimits {
  maxChars: number;
  maxDepth: number;
  maxNodes: number;
}
export const DEFAULT_XML_LIMITS: XmlLimits = { maxChars: 64 * 1024 * 1024, maxDepth: 256, maxNodes: 2_000_000 };

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][\w:.-]*$/;

/** Replaces entity and character references; an unknown entity or an invalid code point is malformed XML. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError('malformed', `Bare '&' in text: ${whole}`);
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
    if (!m) throw new XmlError('malformed', `Unknown entity &${ref};`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    const valid = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff)
      || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!valid) throw new XmlError('malformed', `Invalid character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Parses a whole document and returns its root element. */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (text.length > limits.maxChars) throw new XmlError('too_big', `The XML is larger than ${limits.maxChars} characters`);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let nodes = 0;
  let i = 0;

  const addNode = (node: XmlNode) => {
    if (++nodes > limits.maxNodes) throw new XmlError('too_big', `More than ${limits.maxNodes} XML nodes`);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (typeof node === 'string') {
      if (node.trim() !== '') throw new XmlError('malformed', 'Text outside the root element');
    } else if (root) throw new XmlError('malformed', 'More than one root element');
  };
  const until = (end: string, what: string) => {
    const j = src.indexOf(end, i);
    if (j < 0) throw new XmlError('malformed', `Unterminated ${what}`);
    return j;
  };

  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt !== i) {
      const end = lt < 0 ? src.length : lt;
      addNode(decodeEntities(src.slice(i, end)));
      i = end;
      continue;
    }
    if (src.startsWith('<?', i)) {
      i = until('?>', 'processing instruction') + 2;
    } else if (src.startsWith('<!--', i)) {
      i = until('-->', 'comment') + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const j = until(']]>', 'CDATA section');
      if (!stack.length) throw new XmlError('malformed', 'CDATA outside the root element');
      addNode(src.slice(i + 9, j));
      i = j + 3;
    } else if (src.startsWith('<!', i)) {
      // DOCTYPE, ENTITY, ELEMENT, ATTLIST: refused, so no entity can be declared, expanded or fetched.
      throw new XmlError('doctype', 'DOCTYPE and ENTITY declarations are not allowed in board files');
    } else if (src.startsWith('</', i)) {
      const j = until('>', 'end tag');
      const name = src.slice(i + 2, j).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError('malformed', `Unexpected </${name}>`);
      i = j + 1;
    } else {
      i = readStartTag(i);
    }
  }
  if (stack.length) throw new XmlError('malformed', `Unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new XmlError('malformed', 'No root element');
  return root;

  function readStartTag(start: number): number {
    let p = start + 1;
    const nameMatch = /^[^\s/>]+/.exec(src.slice(p, p + 256));
    const name = nameMatch?.[0] ?? '';
    if (!NAME.test(name)) throw new XmlError('malformed', `Bad element name at ${start}`);
    p += name.length;
    const attrs: Record<string, string> = Object.create(null);
    for (;;) {
      while (p < src.length && /\s/.test(src[p]!)) p++;
      if (p >= src.length) throw new XmlError('malformed', `Unterminated <${name}>`);
      const c = src[p]!;
      if (c === '>' || (c === '/' && src[p + 1] === '>')) break;
      const eq = src.indexOf('=', p);
      if (eq < 0) throw new XmlError('malformed', `Bad attribute in <${name}>`);
      const attr = src.slice(p, eq).trim();
      if (!NAME.test(attr)) throw new XmlError('malformed', `Bad attribute name in <${name}>`);
      let q = eq + 1;
      while (q < src.length && /\s/.test(src[q]!)) q++;
      const quote = src[q];
      if (quote !== '"' && quote !== "'") throw new XmlError('malformed', `Unquoted attribute ${attr} in <${name}>`);
      const close = src.indexOf(quote, q + 1);
      if (close < 0) throw new XmlError('malformed', `Unterminated attribute ${attr} in <${name}>`);
      const raw = src.slice(q + 1, close);
      if (raw.includes('<')) throw new XmlError('malformed', `'<' in attribute ${attr}`);
      if (attr in attrs) throw new XmlError('malformed', `Repeated attribute ${attr} in <${name}>`);
      attrs[attr] = decodeEntities(raw);
      p = close + 1;
    }
    const selfClosing = src[p] === '/';
    const el: XmlElement = { name, local: localName(name), attrs, children: [] };
    addNode(el);
    if (!stack.length) root = el;
    if (!selfClosing) {
      if (stack.length >= limits.maxDepth) throw new XmlError('too_deep', `XML nested deeper than ${limits.maxDepth}`);
      stack.push(el);
    }
    return p + (selfClosing ? 2 : 1);
  }
}

/** Child elements, optionally only those with the given local name. */
export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local));
}

/** All descendant elements with a local name, in document order. */
export function descendants(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The text of an element and its descendants, as written. */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

/** An attribute by its local name, whatever its prefix (`xlink:href`, `href`). */
export function attr(el: XmlElement, local: string): string | undefined {
  const plain = el.attrs[local];
  if (plain !== undefined) return plain;
  for (const [k, v] of Object.entries(el.attrs)) if (localName(k) === local) return v;
  return undefined;
}
