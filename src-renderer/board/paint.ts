import { HIGHLIGHTER_ALPHA, outlinePath, strokeOutline, type InkPoint, type PageBackground, type Stroke, type View } from './ink';

/** Painting the board on a 2D canvas: the page's background, its strokes (each outline cached as a Path2D). */

const GRID_STEP = 40;
const GRID_COLOUR = '#d8e3ea';
const LINE_COLOUR = '#c7d7e2';
const MARGIN_COLOUR = '#f2b8b8';

const paths = new WeakMap<Stroke, Path2D>();

/** A stroke's finished outline; computed once per stroke (strokes are never changed, only replaced). */
export function strokePath(stroke: Stroke): Path2D {
  let path = paths.get(stroke);
  if (!path) {
    path = new Path2D(outlinePath(strokeOutline(stroke.points, { width: stroke.width, tool: stroke.tool, pressure: stroke.pressure, complete: true })));
    paths.set(stroke, path);
  }
  return path;
}

/** Sets the context to draw page coordinates under the view at a pixel ratio. */
export function setView(ctx: CanvasRenderingContext2D, view: View, ratio: number) {
  ctx.setTransform(ratio * view.zoom, 0, 0, ratio * view.zoom, ratio * view.x, ratio * view.y);
}

/** White paper, with a grid or lines that move and scale with the page. `width`/`height` are CSS pixels. */
export function paintBackground(ctx: CanvasRenderingContext2D, background: PageBackground, view: View, ratio: number, width: number, height: number) {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (background === 'blank') return;
  const step = GRID_STEP * view.zoom;
  if (step < 6) return;
  ctx.lineWidth = 1;
  ctx.beginPath();
  const firstY = ((view.y % step) + step) % step;
  for (let y = firstY; y < height; y += step) { ctx.moveTo(0, Math.round(y) + 0.5); ctx.lineTo(width, Math.round(y) + 0.5); }
  if (background === 'grid') {
    const firstX = ((view.x % step) + step) % step;
    for (let x = firstX; x < width; x += step) { ctx.moveTo(Math.round(x) + 0.5, 0); ctx.lineTo(Math.round(x) + 0.5, height); }
  }
  ctx.strokeStyle = background === 'grid' ? GRID_COLOUR : LINE_COLOUR;
  ctx.stroke();
  if (background === 'lined') {
    // An exercise book's margin, two squares in from the page's left edge.
    const x = Math.round(view.x + 2 * step) + 0.5;
    if (x > 0 && x < width) {
      ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, height);
      ctx.strokeStyle = MARGIN_COLOUR; ctx.stroke();
    }
  }
}

function fillStroke(ctx: CanvasRenderingContext2D, tool: Stroke['tool'], colour: string, path: Path2D) {
  // A highlighter multiplies: it tints the paper and leaves the pen's ink under it dark.
  ctx.globalAlpha = tool === 'highlighter' ? HIGHLIGHTER_ALPHA : 1;
  ctx.globalCompositeOperation = tool === 'highlighter' ? 'multiply' : 'source-over';
  ctx.fillStyle = colour;
  ctx.fill(path);
}

/** Paints finished strokes (those outside the visible page rectangle are skipped). */
export function paintStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], view: View, ratio: number, width: number, height: number, hidden?: ReadonlySet<string>) {
  setView(ctx, view, ratio);
  const minX = -view.x / view.zoom, minY = -view.y / view.zoom;
  const maxX = minX + width / view.zoom, maxY = minY + height / view.zoom;
  for (const s of strokes) {
    if (hidden?.has(s.id)) continue;
    const first = s.points[0];
    // A cheap cull on the first point and a generous margin; the path itself is exact.
    if (first && s.points.length < 400) {
      const reach = 2000;
      if (first[0] < minX - reach || first[0] > maxX + reach || first[1] < minY - reach || first[1] > maxY + reach) continue;
    }
    fillStroke(ctx, s.tool, s.colour, strokePath(s));
  }
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
}

/** The stroke being drawn, outlined afresh each frame (it is not finished yet). */
export function paintLiveStroke(ctx: CanvasRenderingContext2D, live: Omit<Stroke, 'id'>, view: View, ratio: number) {
  setView(ctx, view, ratio);
  const outline = strokeOutline(live.points as InkPoint[], { width: live.width, tool: live.tool, pressure: live.pressure, complete: false });
  fillStroke(ctx, live.tool, live.colour, new Path2D(outlinePath(outline)));
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
}

/** The eraser's ring where the pointer is (screen coordinates). */
export function paintEraserRing(ctx: CanvasRenderingContext2D, sx: number, sy: number, radius: number, ratio: number) {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.beginPath();
  ctx.arc(sx, sy, radius, 0, Math.PI * 2);
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#5a6b76';
  ctx.stroke();
}
