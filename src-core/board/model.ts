import { z } from 'zod';

/**
 * The board document: pages of ink, text, images and shapes in page units (the page's top-left is 0,0), as imported
 * from OpenBoard (.ubz) or IWB CFF (.iwb) files. Transforms of the source are already applied to the coordinates.
 */

const coord = z.number();
const colour = z.string().regex(/^#[0-9a-f]{6}$/);
const opacity = z.number().min(0).max(1);

export const StrokePoint = z.union([z.tuple([coord, coord]), z.tuple([coord, coord, z.number().min(0).max(1)])]);
export type StrokePoint = z.infer<typeof StrokePoint>;

export const StrokeItem = z.object({
  type: z.literal('stroke'),
  points: z.array(StrokePoint).min(1),
  color: colour,
  width: z.number().positive(),
  /** Below 1 for a highlighter. */
  opacity,
  /** OpenBoard stores pen strokes as closed outline polygons, drawn filled. */
  closed: z.boolean().optional(),
});

export const TextItem = z.object({
  type: z.literal('text'),
  x: coord, y: coord, width: z.number().nonnegative(), height: z.number().nonnegative(),
  /** Plain text; paragraphs are separated by '\n'. */
  text: z.string().min(1),
  fontSize: z.number().positive().optional(),
  color: colour.optional(),
});

export const ImageItem = z.object({
  type: z.literal('image'),
  x: coord, y: coord, width: z.number().nonnegative(), height: z.number().nonnegative(),
  mime: z.string().regex(/^image\/[\w.+-]+$/),
  /** Base64 of the image when the file holds it. */
  data: z.string().optional(),
  /** The path the source named when the file does not hold the image (a note is in the page's `skipped`). */
  ref: z.string().optional(),
}).refine((i) => (i.data === undefined) !== (i.ref === undefined), { message: 'An image has either data or a ref' });

export const ShapeItem = z.object({
  type: z.literal('shape'),
  kind: z.enum(['ellipse', 'rect', 'polygon']),
  /** The bounding box. */
  x: coord, y: coord, width: z.number().nonnegative(), height: z.number().nonnegative(),
  /** The corners of a polygon. */
  points: z.array(z.tuple([coord, coord])).optional(),
  stroke: z.object({ color: colour, width: z.number().nonnegative(), opacity }).nullable(),
  fill: z.object({ color: colour, opacity }).nullable(),
});

export const BoardItem = z.union([StrokeItem, TextItem, ImageItem, ShapeItem]);
export type BoardItem = z.infer<typeof BoardItem>;
export type StrokeItem = z.infer<typeof StrokeItem>;
export type TextItem = z.infer<typeof TextItem>;
export type ImageItem = z.infer<typeof ImageItem>;
export type ShapeItem = z.infer<typeof ShapeItem>;

export const BoardPage = z.object({
  width: z.number().positive(),
  height: z.number().positive(),
  background: z.union([z.enum(['blank', 'grid', 'lined']), colour]),
  items: z.array(BoardItem),
  /** What the page held that was not imported, one note each (widgets, audio, missing images). */
  skipped: z.array(z.string()),
});
export type BoardPage = z.infer<typeof BoardPage>;

export const BoardDocument = z.object({
  title: z.string(),
  source: z.enum(['ubz', 'iwb']),
  pages: z.array(BoardPage).min(1),
});
export type BoardDocument = z.infer<typeof BoardDocument>;

export interface BoardImportLimits {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** The largest total of the zip's declared (inflated) sizes, in bytes: a zip bomb is refused before inflating. */
  maxInflated: number;
  maxEntries: number;
  maxPages: number;
  maxItemsPerPage: number;
}
export const DEFAULT_BOARD_LIMITS: BoardImportLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxInflated: 200 * 1024 * 1024,
  maxEntries: 20_000,
  maxPages: 1_000,
  maxItemsPerPage: 100_000,
};

export type BoardImportCode = 'corrupt' | 'truncated' | 'too_big' | 'unknown_type' | 'empty';

/** Why a board file was not imported; `messageKey` and `params` go to translate(). */
export class BoardImportError extends Error {
  readonly messageKey: `error.board_${BoardImportCode}`;
  constructor(readonly code: BoardImportCode, detail: string, readonly params: Record<string, string | number> = {}) {
    super(detail);
    this.name = 'BoardImportError';
    this.messageKey = `error.board_${code}`;
  }
}

export const tooBig = (detail: string, maxBytes: number) =>
  new BoardImportError('too_big', detail, { max: megabytes(maxBytes) });

/** A limit in MB for the message, to one decimal (50, 0.1). */
export const megabytes = (bytes: number) => Number((bytes / (1024 * 1024)).toFixed(1));

/** The last step of every import: a whole valid document with some content, or an error, never half a document. */
export function finishDocument(doc: BoardDocument): BoardDocument {
  if (!doc.pages.length || doc.pages.every((p) => p.items.length === 0)) {
    throw new BoardImportError('empty', 'The file holds no ink, text, image or shape');
  }
  const checked = BoardDocument.safeParse(doc);
  if (!checked.success) {
    throw new BoardImportError('corrupt', `The imported document is not valid: ${checked.error.issues[0]?.message ?? ''}`);
  }
  return checked.data;
}
