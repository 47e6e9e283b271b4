import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../src-core/contract/errors';
import { translate } from '../../../src-core/i18n/index';
import { bytesSource, type ByteSource } from '../../../src-core/resources/bytes';
import { DEFAULT_FILE_LIMITS, sniffFile, type FileLimits } from '../../../src-core/resources/sniff';
import {
  bytes, ebmlSample, gifSample, html5Sample, isoSample, jpegSample, latin1, mp3Sample, oggSample, pdfSample, pngSample,
  wavSample, webpSample, zipOf,
} from './samples';

async function refusal(data: Uint8Array, limits?: FileLimits): Promise<OperationError> {
  try {
    const sniffed = await sniffFile(bytesSource(data), limits);
    throw new Error(`accepted as ${sniffed.format}`);
  } catch (e) {
    if (!(e instanceof OperationError)) throw e;
    return e;
  }
}
const cut = (data: Uint8Array, n: number) => data.slice(0, data.length - n);
const patched = (data: Uint8Array, at: number, values: number[] | string) => {
  const copy = data.slice();
  copy.set(typeof values === 'string' ? latin1(values) : values, at);
  return copy;
};

describe('a file is known by its bytes', async () => {
  const samples: [string, Uint8Array, { kind: string; mime: string; format: string }][] = [
    ['PDF', await pdfSample(), { kind: 'pdf', mime: 'application/pdf', format: 'PDF' }],
    ['PNG', pngSample(), { kind: 'image', mime: 'image/png', format: 'PNG' }],
    ['JPEG', jpegSample(), { kind: 'image', mime: 'image/jpeg', format: 'JPEG' }],
    ['GIF', gifSample(), { kind: 'image', mime: 'image/gif', format: 'GIF' }],
    ['WebP', webpSample(), { kind: 'image', mime: 'image/webp', format: 'WebP' }],
    ['MP3 with an ID3 tag', mp3Sample(4, true), { kind: 'audio', mime: 'audio/mpeg', format: 'MP3' }],
    ['MP3 without a tag', mp3Sample(4, false), { kind: 'audio', mime: 'audio/mpeg', format: 'MP3' }],
    ['Ogg Opus', oggSample('opus'), { kind: 'audio', mime: 'audio/ogg', format: 'OGG' }],
    ['Ogg Theora', oggSample('theora'), { kind: 'video', mime: 'video/ogg', format: 'OGG' }],
    ['WAV', wavSample(), { kind: 'audio', mime: 'audio/wav', format: 'WAV' }],
    ['M4A', isoSample('M4A '), { kind: 'audio', mime: 'audio/mp4', format: 'M4A' }],
    ['MP4', isoSample('isom'), { kind: 'video', mime: 'video/mp4', format: 'MP4' }],
    ['MP4 with a 64-bit box', isoSample('isom', { largeMdat: true }), { kind: 'video', mime: 'video/mp4', format: 'MP4' }],
    ['MOV', isoSample('qt  '), { kind: 'video', mime: 'video/quicktime', format: 'MOV' }],
    ['WebM', ebmlSample('webm'), { kind: 'video', mime: 'video/webm', format: 'WebM' }],
    ['WebM being recorded (unknown size)', ebmlSample('webm', { unknownSize: true }), { kind: 'video', mime: 'video/webm', format: 'WebM' }],
    ['Matroska', ebmlSample('matroska'), { kind: 'video', mime: 'video/x-matroska', format: 'Matroska' }],
    ['HTML5 package', html5Sample(), { kind: 'html5', mime: 'application/zip', format: 'ZIP' }],
  ];

  it.each(samples)('%s', async (_name, data, expected) => {
    expect(await sniffFile(bytesSource(data))).toEqual(expected);
  });

  const truncated: [string, Uint8Array, string][] = [
    ['PDF without %%EOF', cut(await pdfSample(), 8), 'PDF'],
    ['PNG without IEND', cut(pngSample(), 5), 'PNG'],
    ['JPEG without its end marker', cut(jpegSample(), 2), 'JPEG'],
    ['GIF without its trailer', cut(gifSample(), 1), 'GIF'],
    ['WebP shorter than its RIFF size', cut(webpSample(), 4), 'WebP'],
    ['MP3 whose last frame is cut', cut(mp3Sample(4, true), 100), 'MP3'],
    ['Ogg whose last page is cut', cut(oggSample(), 1), 'OGG'],
    ['WAV shorter than its RIFF size', cut(wavSample(), 50), 'WAV'],
    ['M4A whose media box is cut', cut(isoSample('M4A '), 10), 'M4A'],
    ['MP4 whose media box is cut', cut(isoSample('isom'), 10), 'MP4'],
    ['MOV whose media box is cut', cut(isoSample('qt  '), 1), 'MOV'],
    ['MP4 without its movie box', bytes(isoSample('isom').subarray(0, 24), [0, 0, 0, 12], 'mdat', [1, 2, 3, 4]), 'MP4'],
    ['WebM whose segment is cut', cut(ebmlSample('webm'), 3), 'WebM'],
    ['zip without its directory', cut(html5Sample(), 10), 'ZIP'],
  ];

  it.each(truncated)('refuses a file cut short: %s', async (_name, data, format) => {
    const err = await refusal(data);
    expect(err).toMatchObject({ code: 'invalid_input', messageKey: 'error.file_truncated', params: { format } });
  });

  it('refuses damaged files of a known kind, naming the kind', async () => {
    const png = pngSample();
    const zip = html5Sample({ 'big.txt': 'x'.repeat(5000) });
    const damagedZip = zip.slice();
    const at = Buffer.from(zip).indexOf('big.txt') + 'big.txt'.length + 2; // inside big.txt's compressed data
    damagedZip[at] = damagedZip[at]! ^ 0xff;
    const cases: [Uint8Array, string][] = [
      [patched(await pdfSample(), 5, 'x.y'), 'PDF'],
      [patched(png, 16, [0, 0, 0, 2]), 'PNG'], // the width changed, the IHDR's CRC no longer matches
      [patched(webpSample(), 12, 'VP9?'), 'WebP'],
      [bytes(mp3Sample(0, true), 'definitely not an mpeg frame'), 'MP3'],
      [patched(oggSample(), oggSample().length - 29, 'OggX'), 'OGG'], // the last page's capture pattern
      [patched(wavSample(), 36, 'junk'), 'WAV'], // no data chunk
      [bytes(isoSample('isom'), [0, 0, 0, 4], 'free'), 'MP4'], // a box shorter than its own header
      [damagedZip, 'ZIP'],
    ];
    for (const [data, format] of cases) {
      expect(await refusal(data), format).toMatchObject({ code: 'invalid_input', messageKey: 'error.file_corrupt', params: { format } });
    }
  });

  it('refuses what the library does not keep: SVG, HTML, text, programs, other zips and ISO media', async () => {
    const others = [
      latin1('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      latin1('<!doctype html><html><body><script>alert(1)</script></body></html>'),
      latin1('Just words.'),
      bytes([0x4d, 0x5a, 0x90, 0], new Uint8Array(200)), // a Windows program
      zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), // a Word document
      isoSample('heic'),
      patched(ebmlSample('webm'), Buffer.from(ebmlSample('webm')).indexOf('webm'), 'mkv?'), // an EBML document of another kind
    ];
    for (const data of others) expect(await refusal(data)).toMatchObject({ code: 'invalid_input', messageKey: 'error.file_type_unknown' });
    expect(await refusal(new Uint8Array(0))).toMatchObject({ messageKey: 'error.file_empty' });
  });

  it('refuses a file over the limit before reading it, and a package that unpacks to too much', async () => {
    const reads: number[] = [];
    const big: ByteSource = { size: 300 * 1024 * 1024, read: async (o) => { reads.push(o); return new Uint8Array(0); } };
    const err = await sniffFile(big).catch((e) => e);
    expect(err).toMatchObject({ code: 'too_large', messageKey: 'error.file_too_large', params: { max: 200 } });
    expect(reads).toEqual([]);
    const bomb = zipOf({ 'index.html': '<html></html>', 'zeros.bin': new Uint8Array(3 * 1024 * 1024) });
    expect(await refusal(bomb, { ...DEFAULT_FILE_LIMITS, maxPackageBytes: 1024 * 1024 })).toMatchObject({ code: 'too_large', messageKey: 'error.package_too_large', params: { max: 1 } });
    expect(translate('ru', err.messageKey, err.params)).toBe('Файл слишком большой: не более 200 МБ');
  });

  it('walks files larger than its read window (a megabyte) across its edges', async () => {
    const frames = 3000; // 1.25 MB of MP3
    let reads = 0;
    const counted = (data: Uint8Array): ByteSource => ({ size: data.length, read: async (o, n) => { reads++; return data.subarray(o, o + n); } });
    expect(await sniffFile(counted(mp3Sample(frames, true)))).toMatchObject({ format: 'MP3' });
    expect(reads).toBeLessThan(10);
    expect((await sniffFile(counted(cut(mp3Sample(frames, true), 1))).catch((e) => e)).messageKey).toBe('error.file_truncated');
    // Junk between frames is skipped to the next frame.
    const junk = bytes(mp3Sample(2, true), latin1('junk junk'), mp3Sample(3, false));
    expect(await sniffFile(bytesSource(junk))).toMatchObject({ format: 'MP3' });
    const bigMovie = isoSample('isom');
    const withBigMdat = bytes(bigMovie.subarray(0, bigMovie.length - 72), [0, 0x20, 0, 8], 'mdat', new Uint8Array(0x200000));
    expect(await sniffFile(bytesSource(withBigMdat))).toMatchObject({ format: 'MP4' });
    expect(await refusal(cut(withBigMdat, 1))).toMatchObject({ messageKey: 'error.file_truncated' });
  });
});
