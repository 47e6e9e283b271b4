import { iwbFromZip } from './iwb';
import { type BoardDocument, BoardImportError, type BoardImportLimits, DEFAULT_BOARD_LIMITS, tooBig } from './model';
import { UBZ_PAGE, ubzFromZip } from './ubz';
import { looksLikeZip, openBoardZip } from './zip';

/**
 * Imports an OpenBoard (.ubz) or IWB (.iwb) file into a board document, choosing the reader by what the zip holds,
 * not by the file's name. It returns a whole document, checked by its schema, or throws a BoardImportError: a file
 * is never imported in part.
 */
export function importBoardFile(name: string, bytes: Uint8Array, limits: Partial<BoardImportLimits> = {}): BoardDocument {
  const l: BoardImportLimits = { ...DEFAULT_BOARD_LIMITS, ...limits };
  try {
    if (bytes.length === 0) throw new BoardImportError('empty', 'The file is empty');
    if (bytes.length > l.maxBytes) throw tooBig(`The file is ${bytes.length} bytes`, l.maxBytes);
    if (!looksLikeZip(bytes)) throw notAZip(name, bytes);
    const zip = openBoardZip(bytes, l);
    const title = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'Board';
    if (zip.has('content.xml')) return iwbFromZip(zip, l, title);
    if (zip.has('metadata.rdf') || zip.names.some((n) => UBZ_PAGE.test(n))) return ubzFromZip(zip, l, title);
    throw new BoardImportError('unknown_type', 'The zip holds neither content.xml (IWB) nor pageNNN.svg (OpenBoard)');
  } catch (e) {
    if (e instanceof BoardImportError) throw e;
    // Anything else thrown while reading (a RangeError from damaged bytes) means the file is damaged.
    throw new BoardImportError('corrupt', `The board file could not be read: ${(e as Error)?.message ?? String(e)}`);
  }
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const KNOWN_OTHER = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (old Office, SMART .xbk's cousins)
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x1f, 0x8b], // gzip
];

/** A file that is not a zip: another known type, or damaged bytes under a board file's name. */
function notAZip(name: string, bytes: Uint8Array): BoardImportError {
  if (KNOWN_OTHER.some((sig) => startsWith(bytes, sig))) return new BoardImportError('unknown_type', 'The file is not a board file');
  if (/\.(ubz|iwb)$/i.test(name)) return new BoardImportError('corrupt', 'The file has a board file name, but is not a zip');
  return new BoardImportError('unknown_type', 'The file is not a zip');
}

export { BoardImportError } from './model';
export type { BoardDocument, BoardImportLimits } from './model';
