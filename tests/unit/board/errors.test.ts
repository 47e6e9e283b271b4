import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBoardFile } from '../../../src-core/board/import';
import { BoardImportError, type BoardImportCode } from '../../../src-core/board/model';
import { translate } from '../../../src-core/i18n/index';
import { benchFile } from './files';

/** Every failure is a BoardImportError with its code, and no document comes back. */
function failure(name: string, bytes: Uint8Array, limits = {}): BoardImportError {
  let result: unknown;
  try {
    result = importBoardFile(name, bytes, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(BoardImportError);
    return e as BoardImportError;
  }
  throw new Error(`Expected an error, got a document of ${(result as { pages: unknown[] }).pages.length} pages`);
}
const code = (name: string, bytes: Uint8Array, limits = {}): BoardImportCode => failure(name, bytes, limits).code;

/** A deterministic stream of "random" bytes. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) { s = (s * 1103515245 + 12345) >>> 0; out[i] = s >>> 24; }
  return out;
}
const ubz = benchFile('sankore-player-demo_abecedaire.ubz');

describe('board files that cannot be imported', () => {
  it('a .ubz cut in half is truncated (its zip directory is gone)', () => {
    expect(code('abecedaire.ubz', ubz.slice(0, ubz.length >> 1))).toBe('truncated');
  });

  it('random bytes named .ubz are corrupt; random bytes with another name are of an unknown type', () => {
    expect(code('lesson.ubz', noise(4096))).toBe('corrupt');
    expect(code('lesson.bin', noise(4096))).toBe('unknown_type');
  });

  it('a zip whose compressed data was overwritten with random bytes is corrupt (inflate or CRC-32 fails)', () => {
    const damaged = ubz.slice();
    damaged.set(noise(20_000, 3), 200_000); // inside images/, whose entries are listed before the directory
    expect(code('abecedaire.ubz', damaged)).toBe('corrupt');
    const page = zipSync({ 'page001.svg': benchFile('sankore-cff_suse_page001.svg') });
    const flipped = page.slice();
    flipped[200] = flipped[200]! ^ 0xff; // one byte of deflate data
    expect(code('suse.ubz', flipped)).toBe('corrupt');
  });

  it('a PDF, even named .iwb, or a zip without board content is of an unknown type', () => {
    expect(code('lesson.iwb', strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'))).toBe('unknown_type');
    expect(code('notes.zip', zipSync({ 'readme.txt': strToU8('hello') }))).toBe('unknown_type');
    expect(code('slides.odp', zipSync({ 'content.xml': strToU8('<office:document-content xmlns:office="urn:oasis"/>') }))).toBe('unknown_type');
  });

  it('a file over maxBytes is too big, and says the limit in MB', () => {
    const err = failure('abecedaire.ubz', ubz, { maxBytes: 100 * 1024 });
    expect(err.code).toBe('too_big');
    expect(err.params).toEqual({ max: 0.1 });
    expect(importBoardFile('abecedaire.ubz', ubz).pages).toHaveLength(6); // 653 KB, under the default 50 MB
    expect(translate('en', 'error.board_too_big', { max: 50 })).toContain('50 MB');
  });

  it('a zip bomb is refused from its declared sizes, before anything is inflated', () => {
    const bomb = zipSync({ 'page001.svg': new Uint8Array(8 * 1024 * 1024) }); // 8 MB of zeros, ~8 KB zipped
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(code('bomb.ubz', bomb, { maxInflated: 1024 * 1024 })).toBe('too_big');
    // A directory that understates the inflated size is a lie, refused as corrupt.
    const lying = zipSync({ 'page001.svg': noise(50_000) }, { level: 0 });
    const view = new DataView(lying.buffer);
    const dir = lying.length - 22 - 46 - 'page001.svg'.length;
    expect(view.getUint32(dir, true)).toBe(0x02014b50);
    view.setUint32(dir + 24, 10, true); // declared size: 10 bytes
    expect(code('lying.ubz', lying)).toBe('corrupt');
  });

  it('XML with a DOCTYPE or ENTITY declaration (XXE, billion laughs) is refused as corrupt', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg viewBox="0 0 10 10"><text>&x;</text></svg>';
    const err = failure('xxe.ubz', zipSync({ 'page001.svg': strToU8(xxe) }));
    expect(err.code).toBe('corrupt');
    expect(err.params).toEqual({ reason: 'doctype' });
    const iwb = '<!DOCTYPE iwb [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><iwb><svg:svg xmlns:svg="x"/></iwb>';
    expect(code('laughs.iwb', zipSync({ 'content.xml': strToU8(iwb) }))).toBe('corrupt');
  });

  it('an empty file is empty, and every code has its message in the three languages', () => {
    expect(code('a.ubz', new Uint8Array())).toBe('empty');
    for (const c of ['corrupt', 'truncated', 'too_big', 'unknown_type', 'empty'] as const) {
      for (const locale of ['kk', 'ru', 'en'] as const) expect(translate(locale, `error.board_${c}`, { max: 50 })).not.toBe(`error.board_${c}`);
    }
  });
});
