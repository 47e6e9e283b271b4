import { getStroke } from 'perfect-freehand';

/**
 * The ink of the board, with no DOM in it: strokes and their outlines (perfect-freehand), the eraser's hit test,
 * the page's undo/redo history as a pure reducer, and the view's pan and zoom. Coordinates are page coordinates
 * (CSS pixels of the page at zoom 1) unless a name says "screen".
 */

/** A sampled point: page x, y and the pen's pressure (0–1; 0.5 when the pointer gives none). */
export type InkPoint = [x: number, y: number, pressure: number];
export type InkTool = 'pen' | 'highlighter';
export type BoardTool = InkTool | 'eraser';
export type PageBackground = 'blank' | 'grid' | 'lined';

export interface Stroke {
  id: string;
  tool: InkTool;
  colour: string;
  /** The nominal diameter in page pixels (the highlighter's is wider). */
  width: number;
  /** True when the points carry real pressure from a pen; otherwise the outline simulates it from speed. */
  pressure: boolean;
  points: InkPoint[];
}

/** The board's palette: dark, saturated colours that stay legible on white from the back of a classroom. */
export interface BoardColour { name: string; value: string }
export const BOARD_COLOURS: readonly BoardColour[] = [
  { name: 'black', value: '#1b2730' }, { name: 'blue', value: '#1456c8' }, { name: 'red', value: '#c21d1d' },
  { name: 'green', value: '#137a35' }, { name: 'orange', value: '#b35c00' }, { name: 'purple', value: '#7a2fb5' },
];
/** The highlighter's: light colours that tint the paper and leave ink under them readable. */
export const HIGHLIGHTER_COLOURS: readonly BoardColour[] = [
  { name: 'yellow', value: '#ffd400' }, { name: 'lime', value: '#3ee07a' }, { name: 'pink', value: '#ff7ab8' }, { name: 'cyan', value: '#4cc9ff' },
];
export type WidthChoice = 'thin' | 'medium' | 'thick';
export const WIDTHS: Record<WidthChoice, number> = { thin: 3, medium: 6, thick: 12 };
/** A highlighter is this many times wider than a pen of the same width choice. */
export const HIGHLIGHTER_SCALE = 4;
export const HIGHLIGHTER_ALPHA = 0.35;

export const strokeWidth = (tool: InkTool, choice: WidthChoice) => WIDTHS[choice] * (tool === 'highlighter' ? HIGHLIGHTER_SCALE : 1);

export interface OutlineOptions {
  width: number;
  tool?: InkTool;
  /** Real pressure from the pointer (pen); otherwise perfect-freehand simulates it. */
  pressure?: boolean;
  /** The stroke is finished (caps the end); false while it is being drawn. */
  complete?: boolean;
}

const PEN_THINNING = 0.55;
/** The farthest an outline reaches from its centre line: full pressure widens a pen by its thinning. */
export const outlineReach = (width: number) => width * (0.5 + PEN_THINNING / 2);

/** The closed outline polygon of a stroke: perfect-freehand's getStroke, tuned per tool. */
export function strokeOutline(points: readonly InkPoint[], options: OutlineOptions): [number, number][] {
  const highlighter = options.tool === 'highlighter';
  return getStroke(points as InkPoint[], {
    size: options.width,
    // A highlighter keeps its width (a marker's chisel); a pen thins with pressure or speed.
    // Simulated pressure (a mouse, a finger) thins less: a fast line must stay legible from the back row.
    thinning: highlighter ? 0 : options.pressure ? PEN_THINNING : PEN_THINNING / 2,
    smoothing: 0.5,
    streamline: highlighter ? 0.6 : 0.45,
    simulatePressure: !highlighter && !options.pressure,
    start: { cap: true, taper: 0 },
    end: { cap: true, taper: 0 },
    last: options.complete ?? true,
  }) as [number, number][];
}

/** The outline as an SVG path (quadratic curves through the midpoints, as in perfect-freehand's docs). */
export function outlinePath(outline: readonly [number, number][]): string {
  if (outline.length < 2) return '';
  const first = outline[0]!;
  let d = `M${first[0].toFixed(2)},${first[1].toFixed(2)}Q`;
  for (let i = 0; i < outline.length; i++) {
    const [x0, y0] = outline[i]!;
    const [x1, y1] = outline[(i + 1) % outline.length]!;
    d += `${x0.toFixed(2)},${y0.toFixed(2)} ${((x0 + x1) / 2).toFixed(2)},${((y0 + y1) / 2).toFixed(2)} `;
  }
  return `${d}Z`;
}

export interface Bounds { minX: number; minY: number; maxX: number; maxY: number }

/** The box around a stroke's points, grown by as far as its outline can reach. */
export function strokeBounds(stroke: Pick<Stroke, 'points' | 'width'>): Bounds {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of stroke.points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  const r = outlineReach(stroke.width);
  return { minX: minX - r, minY: minY - r, maxX: maxX + r, maxY: maxY + r };
}

type XY = readonly [number, number, ...unknown[]];

/** The squared distance between the segments ab and cd (0 when they cross). */
export function segmentDistanceSq(a: XY, b: XY, c: XY, d: XY): number {
  if (segmentsCross(a, b, c, d)) return 0;
  return Math.min(pointSegmentSq(a, c, d), pointSegmentSq(b, c, d), pointSegmentSq(c, a, b), pointSegmentSq(d, a, b));
}

function pointSegmentSq(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  const x = a[0] + t * dx - p[0], y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const o = (p: XY, q: XY, r: XY) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const o1 = o(a, b, c), o2 = o(a, b, d), o3 = o(c, d, a), o4 = o(c, d, b);
  return o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0 && o1 !== o2 && o3 !== o4;
}

/**
 * Whether the eraser's path (page points, the eraser a disc of `eraserRadius`) touches a stroke: it does when it
 * passes within half the stroke's width (plus the eraser's radius) of the stroke's centre line.
 */
export function eraserHits(stroke: Stroke, eraserPath: readonly XY[], eraserRadius: number, bounds = strokeBounds(stroke)): boolean {
  if (!eraserPath.length || !stroke.points.length) return false;
  const reach = stroke.width / 2 + eraserRadius;
  const reachSq = reach * reach;
  const path = eraserPath.length === 1 ? [eraserPath[0]!, eraserPath[0]!] : eraserPath;
  const pts = stroke.points.length === 1 ? [stroke.points[0]!, stroke.points[0]!] : stroke.points;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]!, b = path[i]!;
    if (Math.max(a[0], b[0]) + eraserRadius < bounds.minX || Math.min(a[0], b[0]) - eraserRadius > bounds.maxX
      || Math.max(a[1], b[1]) + eraserRadius < bounds.minY || Math.min(a[1], b[1]) - eraserRadius > bounds.maxY) continue;
    for (let j = 1; j < pts.length; j++) {
      if (segmentDistanceSq(a, b, pts[j - 1]!, pts[j]!) <= reachSq) return true;
    }
  }
  return false;
}

/** The ids of the strokes the eraser's path touches, in page order. */
export function strokesErasedBy(strokes: readonly Stroke[], eraserPath: readonly XY[], eraserRadius: number): string[] {
  return strokes.filter((s) => eraserHits(s, eraserPath, eraserRadius)).map((s) => s.id);
}

// ---- The page and its history --------------------------------------------------------------------------------

/** What was done to a page, with what undoing it needs. */
export type PageEntry =
  | { kind: 'add'; stroke: Stroke }
  | { kind: 'erase'; removed: { index: number; stroke: Stroke }[] }
  | { kind: 'clear'; removed: readonly Stroke[] };

export interface PageState {
  strokes: readonly Stroke[];
  done: readonly PageEntry[];
  undone: readonly PageEntry[];
}

export type PageAction =
  | { type: 'add'; stroke: Stroke }
  | { type: 'erase'; ids: readonly string[] }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' };

/** How many steps back a teacher can go on one page. */
export const HISTORY_LIMIT = 200;

export const emptyPage = (strokes: readonly Stroke[] = []): PageState => ({ strokes, done: [], undone: [] });

function apply(strokes: readonly Stroke[], entry: PageEntry): readonly Stroke[] {
  if (entry.kind === 'add') return [...strokes, entry.stroke];
  if (entry.kind === 'clear') return [];
  const gone = new Set(entry.removed.map((r) => r.stroke.id));
  return strokes.filter((s) => !gone.has(s.id));
}

function revert(strokes: readonly Stroke[], entry: PageEntry): readonly Stroke[] {
  if (entry.kind === 'add') return strokes.filter((s) => s.id !== entry.stroke.id);
  if (entry.kind === 'clear') return entry.removed;
  const out = [...strokes];
  for (const { index, stroke } of entry.removed) out.splice(Math.min(index, out.length), 0, stroke);
  return out;
}

function record(state: PageState, entry: PageEntry): PageState {
  const done = [...state.done, entry];
  return { strokes: apply(state.strokes, entry), done: done.length > HISTORY_LIMIT ? done.slice(-HISTORY_LIMIT) : done, undone: [] };
}

/** The page's reducer: a new action clears the redo stack; erasing nothing or clearing an empty page is no step. */
export function pageReducer(state: PageState, action: PageAction): PageState {
  switch (action.type) {
    case 'add':
      return record(state, { kind: 'add', stroke: action.stroke });
    case 'erase': {
      const ids = new Set(action.ids);
      // Indices ascending, so that re-inserting them in order puts every stroke back where it was.
      const removed = state.strokes.flatMap((stroke, index) => (ids.has(stroke.id) ? [{ index, stroke }] : []));
      return removed.length ? record(state, { kind: 'erase', removed }) : state;
    }
    case 'clear':
      return state.strokes.length ? record(state, { kind: 'clear', removed: state.strokes }) : state;
    case 'undo': {
      const entry = state.done.at(-1);
      if (!entry) return state;
      return { strokes: revert(state.strokes, entry), done: state.done.slice(0, -1), undone: [...state.undone, entry] };
    }
    case 'redo': {
      const entry = state.undone.at(-1);
      if (!entry) return state;
      return { strokes: apply(state.strokes, entry), done: [...state.done, entry], undone: state.undone.slice(0, -1) };
    }
  }
}

export const canUndo = (s: PageState) => s.done.length > 0;
export const canRedo = (s: PageState) => s.undone.length > 0;

// ---- The view: pan and zoom ----------------------------------------------------------------------------------

/** screen = page × zoom + (x, y), in CSS pixels. */
export interface View { x: number; y: number; zoom: number }
export const IDENTITY_VIEW: View = { x: 0, y: 0, zoom: 1 };
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 8;

const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export const toPage = (v: View, sx: number, sy: number): [number, number] => [(sx - v.x) / v.zoom, (sy - v.y) / v.zoom];
export const toScreen = (v: View, px: number, py: number): [number, number] => [px * v.zoom + v.x, py * v.zoom + v.y];

/** Zoom by a factor about a screen point, which keeps showing the same page point. */
export function zoomAt(v: View, factor: number, sx: number, sy: number): View {
  const zoom = clampZoom(v.zoom * factor);
  const [px, py] = toPage(v, sx, sy);
  return { zoom, x: sx - px * zoom, y: sy - py * zoom };
}

export const panBy = (v: View, dx: number, dy: number): View => ({ ...v, x: v.x + dx, y: v.y + dy });

type Screen = readonly [number, number];

/**
 * Two fingers: the view at the gesture's start and where the fingers were and are now. The page point under the
 * fingers' first midpoint follows their midpoint (pan) and the zoom follows their spread (pinch).
 */
export function twoFingerView(start: View, a0: Screen, b0: Screen, a1: Screen, b1: Screen): View {
  const spread0 = Math.hypot(b0[0] - a0[0], b0[1] - a0[1]);
  const spread1 = Math.hypot(b1[0] - a1[0], b1[1] - a1[1]);
  const zoom = clampZoom(spread0 > 0 ? start.zoom * (spread1 / spread0) : start.zoom);
  const [px, py] = toPage(start, (a0[0] + b0[0]) / 2, (a0[1] + b0[1]) / 2);
  const mx = (a1[0] + b1[0]) / 2, my = (a1[1] + b1[1]) / 2;
  return { zoom, x: mx - px * zoom, y: my - py * zoom };
}
