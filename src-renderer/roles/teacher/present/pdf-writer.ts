/**
 * A PDF of pictures, written by hand (no dependency, no DOM): each page one JPEG image (DCTDecode) filling a page of
 * its own size. Enough for the board saved to a lesson: the pupils open it in any PDF reader.
 */

export interface PdfPicture {
  /** The JPEG file's bytes (baseline or progressive, RGB). */
  jpeg: Uint8Array;
  /** The picture's size in pixels. */
  width: number;
  height: number;
  /** The page's size in points (1/72 inch); the picture fills it. */
  pageWidth: number;
  pageHeight: number;
}

export interface PdfInfo { title?: string; created?: Date }

const encoder = new TextEncoder();

/** A text string of the PDF: plain ASCII as a literal, anything else (Kazakh, Russian) as UTF-16BE with its BOM. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** A date as PDF writes it: D:YYYYMMDDHHmmSSZ (UTC). */
export const pdfDate = (d: Date): string => `D:${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, '').replace(/\.$/, ''));

/** Whether bytes start like a JPEG file (SOI, then a marker). */
export const isJpeg = (bytes: Uint8Array): boolean => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

export function writePdf(pictures: readonly PdfPicture[], info: PdfInfo = {}): Uint8Array {
  if (!pictures.length) throw new Error('a PDF needs at least one page');
  const chunks: Uint8Array[] = [];
  let length = 0;
  const offsets: number[] = [];
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string, stream?: Uint8Array) => {
    offsets[id] = length;
    push(`${id} 0 obj\n${body}\n`);
    if (stream) { push('stream\n'); push(stream); push('\nendstream\n'); }
    push('endobj\n');
  };

  // Objects: 1 the catalog, 2 the page tree, 3 the document's info, then per page its page, contents and image.
  const pageId = (i: number) => 4 + i * 3;
  // The header, and a comment of four bytes above 127 that tells transfer programs the file is binary.
  push(new Uint8Array([...encoder.encode('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));

  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pictures.map((_, i) => `${pageId(i)} 0 R`).join(' ')}] /Count ${pictures.length} >>`);
  const created = pdfDate(info.created ?? new Date());
  object(3, `<< /Producer (Sabaq) /CreationDate (${created})${info.title ? ` /Title ${pdfString(info.title)}` : ''} >>`);
  pictures.forEach((p, i) => {
    if (!isJpeg(p.jpeg)) throw new Error(`page ${i + 1}: not a JPEG picture`);
    const id = pageId(i);
    const w = num(p.pageWidth), h = num(p.pageHeight);
    object(id, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>`);
    const content = encoder.encode(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`);
    object(id + 1, `<< /Length ${content.length} >>`, content);
    object(id + 2, `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>`, p.jpeg);
  });

  const count = 4 + pictures.length * 3;
  const xref = length;
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let id = 1; id < count; id++) table += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  push(table);
  push(`trailer\n<< /Size ${count} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${xref}\n%%EOF\n`);

  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
