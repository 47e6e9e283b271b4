import { unzipSync } from 'fflate';
import { BoardImportError, DEFAULT_BOARD_LIMITS } from '../board/model';
import { XmlError, attr, childElements, descendants, parseXml, type XmlElement } from '../board/svg';
import { entryText, openBoardZip, type BoardZip } from '../board/zip';
import { fileCorrupt, fileTruncated, fileTypeUnknown, packageNoLaunch, packageTooLarge } from './file-errors';
import type { FileLimits } from './sniff';

/**
 * An HTML5 package (an interactive lesson, a SCORM course): a zip the host serves file by file, in a sandbox,
 * from the page its author meant to be opened first.
 */
export interface HtmlPackage {
  /** The page to open: the SCORM manifest's launch page, or index.html. */
  launchPath: string;
  names: string[];
  /** One file of the package with its type, or null when the package holds no such file. */
  entry(path: string): { bytes: Uint8Array; mime: string } | null;
}

type Limits = Pick<FileLimits, 'maxBytes' | 'maxPackageBytes' | 'maxPackageEntries'>;

function openZip(bytes: Uint8Array, limits: Limits): BoardZip {
  try {
    return openBoardZip(bytes, { ...DEFAULT_BOARD_LIMITS, maxBytes: limits.maxBytes, maxInflated: limits.maxPackageBytes, maxEntries: limits.maxPackageEntries });
  } catch (e) {
    throw zipError(e, limits);
  }
}

function zipError(e: unknown, limits: Limits): unknown {
  if (!(e instanceof BoardImportError)) return e;
  if (e.code === 'too_big') return packageTooLarge(limits.maxPackageBytes);
  return e.code === 'truncated' ? fileTruncated('ZIP') : fileCorrupt('ZIP');
}

/** Opens a package (already checked when it was uploaded) to serve its files. */
export function openPackage(bytes: Uint8Array, limits: Limits): HtmlPackage {
  const zip = openZip(bytes, limits);
  const launchPath = launchPathOf(zip);
  if (!launchPath) throw fileTypeUnknown();
  return {
    launchPath,
    names: zip.names.filter((n) => !n.endsWith('/')),
    entry(path) {
      if (!zip.has(path) || path.endsWith('/')) return null;
      try {
        const data = zip.read([path]).get(path)!;
        return { bytes: data, mime: mimeOfEntry(path) };
      } catch (e) {
        throw zipError(e, limits);
      }
    },
  };
}

/** The most inflated at once while a package is checked, so a large package is not held unpacked whole in memory. */
const CHECK_BATCH_BYTES = 64 * 1024 * 1024;

/**
 * Checks an uploaded zip whole: its directory, the page to open, then every entry inflated and compared with its
 * CRC-32 (a damaged package is refused now, not found broken in front of a class). Returns the launch path.
 */
export function verifyPackage(bytes: Uint8Array, limits: Limits): string {
  const zip = openZip(bytes, limits);
  const launchPath = launchPathOf(zip);
  if (!launchPath) throw fileTypeUnknown(); // a zip that is no web page: a Word document, an archive of photos
  const sizes = zipEntrySizes(bytes);
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = () => {
    try {
      zip.read(batch);
    } catch (e) {
      throw zipError(e, limits);
    }
    batch = [];
    batchBytes = 0;
  };
  for (const [name, size] of sizes) {
    if (batch.length && batchBytes + size > CHECK_BATCH_BYTES) flush();
    batch.push(name);
    batchBytes += size;
  }
  if (batch.length) flush();
  return launchPath;
}

/** Each entry's declared size, read from the directory without inflating anything (the zip reader checks them). */
function zipEntrySizes(bytes: Uint8Array): [string, number][] {
  const sizes: [string, number][] = [];
  try {
    unzipSync(bytes, { filter: (f) => { if (!f.name.endsWith('/')) sizes.push([f.name, f.originalSize]); return false; } });
  } catch {
    throw fileCorrupt('ZIP');
  }
  return sizes;
}

/**
 * The page a package opens with: a SCORM manifest's (the default organisation's first item that names a resource,
 * else the first resource with an href), or index.html at the root or inside the one folder the zip was made of.
 * Null when the zip is no web package; a manifest that names no page it holds is refused.
 */
function launchPathOf(zip: BoardZip): string | null {
  if (zip.has('imsmanifest.xml')) {
    const href = scormLaunch(readManifest(zip));
    const path = href === null ? null : hrefPath(href);
    if (!path || !zip.has(path)) throw packageNoLaunch();
    return path;
  }
  for (const index of ['index.html', 'index.htm']) if (zip.has(index)) return index;
  const roots = new Set(zip.names.map((n) => n.split('/')[0]));
  const [root] = [...roots];
  if (roots.size === 1 && root) {
    for (const index of ['index.html', 'index.htm']) if (zip.has(`${root}/${index}`)) return `${root}/${index}`;
  }
  return null;
}

function readManifest(zip: BoardZip): XmlElement {
  try {
    const data = zip.read(['imsmanifest.xml']).get('imsmanifest.xml')!;
    return parseXml(entryText(data, 'imsmanifest.xml'));
  } catch (e) {
    if (e instanceof XmlError || e instanceof BoardImportError) throw fileCorrupt('ZIP');
    throw e;
  }
}

/** The launch href of a SCORM (1.2 or 2004) manifest, with the xml:base of its resources, or null. */
export function scormLaunch(manifest: XmlElement): string | null {
  const resourcesEl = descendants(manifest, 'resources')[0];
  if (!resourcesEl) return null;
  const resources = childElements(resourcesEl, 'resource');
  const hrefOf = (r: XmlElement) => {
    const href = attr(r, 'href');
    return href ? `${attr(resourcesEl, 'base') ?? ''}${attr(r, 'base') ?? ''}${href}` : null;
  };
  const organizations = descendants(manifest, 'organizations')[0];
  const orgs = organizations ? childElements(organizations, 'organization') : [];
  const org = orgs.find((o) => attr(o, 'identifier') === attr(organizations!, 'default')) ?? orgs[0];
  for (const item of org ? descendants(org, 'item') : []) {
    const ref = attr(item, 'identifierref');
    const resource = ref ? resources.find((r) => attr(r, 'identifier') === ref) : undefined;
    const href = resource && hrefOf(resource);
    if (href) return href;
  }
  for (const r of resources) {
    const href = hrefOf(r);
    if (href) return href;
  }
  return null;
}

/** A manifest's href as a path inside the zip: its query and fragment dropped, percent-escapes decoded. */
function hrefPath(href: string): string | null {
  const bare = href.split(/[?#]/)[0]!;
  try {
    return packageEntryPath(decodeURIComponent(bare));
  } catch {
    return null;
  }
}

const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * A path asked for inside a package, checked: relative, with forward slashes only, no `..` or `.` steps, no empty
 * steps, no control characters. Null when refused.
 */
export function packageEntryPath(path: string): string | null {
  if (path === '' || path.length > 1024 || path.startsWith('/') || path.includes('\\') || hasControlCharacter(path)) return null;
  if (/^[a-zA-Z]:/.test(path)) return null;
  const steps = path.split('/');
  if (steps.some((s) => s === '' || s === '.' || s === '..')) return null;
  return path;
}

const ENTRY_TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', xhtml: 'application/xhtml+xml', js: 'text/javascript', mjs: 'text/javascript',
  css: 'text/css', json: 'application/json', xml: 'application/xml', xsd: 'application/xml', txt: 'text/plain',
  svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  ico: 'image/x-icon', bmp: 'image/bmp', mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', oga: 'audio/ogg',
  m4a: 'audio/mp4', mp4: 'video/mp4', m4v: 'video/mp4', webm: 'video/webm', ogv: 'video/ogg', vtt: 'text/vtt',
  woff: 'font/woff', woff2: 'font/woff2', ttf: 'font/ttf', otf: 'font/otf', pdf: 'application/pdf', wasm: 'application/wasm',
};

/** The type a package's file is served with, by its extension (served with nosniff, in the package's sandbox). */
export function mimeOfEntry(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (ext && ENTRY_TYPES[ext]) || 'application/octet-stream';
}
