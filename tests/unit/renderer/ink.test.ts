import { describe, expect, it } from 'vitest';
import {
  canRedo, canUndo, emptyPage, eraserHits, HISTORY_LIMIT, MAX_ZOOM, MIN_ZOOM, outlinePath, pageReducer, panBy, strokeBounds,
  strokeOutline, strokesErasedBy, toPage, toScreen, twoFingerView, zoomAt, type InkPoint, type PageAction, type PageState, type Stroke, type View,
} from '../../../src-renderer/board/ink';

const line = (x0: number, y0: number, x1: number, y1: number, n = 20, pressure = 0.5): InkPoint[] =>
  Array.from({ length: n }, (_, i) => [x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * i) / (n - 1), pressure]);
const stroke = (id: string, points: InkPoint[], width = 6): Stroke => ({ id, tool: 'pen', colour: '#1b2730', width, pressure: false, points });

/** A small deterministic generator, so that "random" cases are the same on every run. */
function rng(seed: number) {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
}

describe('stroke outlines (perfect-freehand)', () => {
  it.each([
    ['a pen with real pressure', { width: 8, pressure: true }, 0.9],
    ['a mouse or finger (simulated pressure)', { width: 8, pressure: false }, 0.5],
    ['a highlighter', { width: 32, tool: 'highlighter' as const }, 0.5],
  ])('%s: a closed polygon, non-empty, within the points grown by the width', (_what, options, pressure) => {
    const points = line(100, 100, 400, 250, 30, pressure);
    const outline = strokeOutline(points, options);
    expect(outline.length).toBeGreaterThan(8);
    const b = strokeBounds({ points, width: options.width });
    for (const [x, y] of outline) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(b.minX - 1);
      expect(x).toBeLessThanOrEqual(b.maxX + 1);
      expect(y).toBeGreaterThanOrEqual(b.minY - 1);
      expect(y).toBeLessThanOrEqual(b.maxY + 1);
    }
    expect(outlinePath(outline)).toMatch(/^M[\d.-]+,[\d.-]+Q.*Z$/);
  });

  it('a pen pressed harder draws a wider line', () => {
    const span = (pressure: number) => {
      const ys = strokeOutline(line(0, 100, 300, 100, 30, pressure), { width: 10, pressure: true }).map(([, y]) => y);
      return Math.max(...ys) - Math.min(...ys);
    };
    expect(span(1)).toBeGreaterThan(span(0.2));
  });

  it('a single tap still leaves a dot', () => {
    expect(strokeOutline([[50, 50, 0.5]], { width: 6 }).length).toBeGreaterThan(3);
  });
});

describe('the eraser', () => {
  const s = stroke('a', line(100, 100, 300, 100), 10);

  it('erases a stroke when its path passes within the stroke\'s width, and not otherwise', () => {
    expect(eraserHits(s, [[200, 50], [200, 150]], 4)).toBe(true); // crosses it
    expect(eraserHits(s, [[150, 108]], 4)).toBe(true); // 8 px off the centre line: inside 5 + 4
    expect(eraserHits(s, [[150, 110]], 4)).toBe(false); // 10 px off: outside 9
    expect(eraserHits(s, [[310, 100], [400, 100]], 4)).toBe(false); // past its end
    expect(eraserHits(s, [[50, 50], [50, 150]], 4)).toBe(false);
  });

  it('a fast sweep between two samples still hits what lies between them', () => {
    expect(eraserHits(s, [[200, 0], [200, 400]], 1)).toBe(true);
  });

  it('finds exactly the strokes the path touches, in page order', () => {
    const strokes = [stroke('top', line(0, 0, 500, 0)), stroke('mid', line(0, 100, 500, 100)), stroke('low', line(0, 200, 500, 200))];
    expect(strokesErasedBy(strokes, [[250, -50], [250, 120]], 2)).toEqual(['top', 'mid']);
    expect(strokesErasedBy(strokes, [[600, 0], [600, 200]], 2)).toEqual([]);
  });

  it('agrees with a brute-force distance check on random cases', () => {
    const next = rng(7);
    for (let k = 0; k < 300; k++) {
      const st = stroke('r', line(next() * 200, next() * 200, next() * 200, next() * 200, 8), 2 + next() * 10);
      const p: [number, number] = [next() * 200, next() * 200];
      const radius = next() * 5;
      // Dense sampling of the centre line, the reference.
      let nearest = Infinity;
      for (let i = 1; i < st.points.length; i++) {
        const [ax, ay] = st.points[i - 1]!, [bx, by] = st.points[i]!;
        for (let t = 0; t <= 1; t += 0.001) nearest = Math.min(nearest, Math.hypot(ax + (bx - ax) * t - p[0], ay + (by - ay) * t - p[1]));
      }
      const reach = st.width / 2 + radius;
      if (Math.abs(nearest - reach) < 0.05) continue; // too close to the edge for the sampled reference
      expect(eraserHits(st, [p], radius), `case ${k}`).toBe(nearest <= reach);
    }
  });
});

describe('the page history (a pure reducer)', () => {
  const strokes = Array.from({ length: 6 }, (_, i) => stroke(`s${i}`, line(0, i * 10, 100, i * 10, 4)));
  const ids = (s: PageState) => s.strokes.map((x) => x.id);
  const run = (actions: PageAction[], from = emptyPage()) => actions.reduce(pageReducer, from);

  it('undo reverses adding, erasing and clearing; redo does them again', () => {
    const drawn = run(strokes.slice(0, 4).map((stroke) => ({ type: 'add', stroke })));
    expect(ids(drawn)).toEqual(['s0', 's1', 's2', 's3']);
    const erased = pageReducer(drawn, { type: 'erase', ids: ['s1', 's3'] });
    expect(ids(erased)).toEqual(['s0', 's2']);
    const cleared = pageReducer(erased, { type: 'clear' });
    expect(ids(cleared)).toEqual([]);
    const back = run([{ type: 'undo' }, { type: 'undo' }], cleared);
    expect(ids(back)).toEqual(['s0', 's1', 's2', 's3']); // erased strokes return to their places
    expect(ids(run([{ type: 'redo' }, { type: 'redo' }], back))).toEqual([]);
  });

  it('a new action after undo drops the redo stack; nothing to do is no step', () => {
    const s = run([{ type: 'add', stroke: strokes[0]! }, { type: 'add', stroke: strokes[1]! }, { type: 'undo' }]);
    expect(canRedo(s)).toBe(true);
    const t = pageReducer(s, { type: 'add', stroke: strokes[2]! });
    expect(canRedo(t)).toBe(false);
    expect(pageReducer(t, { type: 'erase', ids: ['nope'] })).toBe(t);
    expect(pageReducer(emptyPage(), { type: 'clear' }).done).toHaveLength(0);
    expect(pageReducer(emptyPage(), { type: 'undo' })).toEqual(emptyPage());
    expect(canUndo(emptyPage())).toBe(false);
  });

  it('for random action sequences: undo of everything gives the start, redo of everything gives the end', () => {
    const next = rng(42);
    for (let run_ = 0; run_ < 100; run_++) {
      const start = emptyPage(strokes.slice(0, 2));
      let s = start;
      let fresh = 100;
      for (let k = 0; k < 25; k++) {
        const before = s;
        const r = next();
        if (r < 0.5) s = pageReducer(s, { type: 'add', stroke: stroke(`n${fresh++}`, line(0, 0, 10, 10, 3)) });
        else if (r < 0.8) s = pageReducer(s, { type: 'erase', ids: s.strokes.filter(() => next() < 0.3).map((x) => x.id) });
        else s = pageReducer(s, { type: 'clear' });
        // A step that did something is undone exactly; one that did nothing left the state as it was.
        if (s !== before) expect(ids(pageReducer(s, { type: 'undo' }))).toEqual(ids(before));
      }
      const end = s;
      let u = end;
      while (canUndo(u)) u = pageReducer(u, { type: 'undo' });
      expect(ids(u)).toEqual(ids(start));
      let r = u;
      while (canRedo(r)) r = pageReducer(r, { type: 'redo' });
      expect(ids(r)).toEqual(ids(end));
    }
  });

  it('undo then redo is the identity on the strokes, at every step', () => {
    let s = emptyPage();
    const steps: PageAction[] = [
      { type: 'add', stroke: strokes[0]! }, { type: 'add', stroke: strokes[1]! }, { type: 'add', stroke: strokes[2]! },
      { type: 'erase', ids: ['s0', 's2'] }, { type: 'add', stroke: strokes[3]! }, { type: 'clear' }, { type: 'add', stroke: strokes[4]! },
    ];
    for (const step of steps) {
      const before = ids(s);
      s = pageReducer(s, step);
      expect(ids(pageReducer(s, { type: 'undo' }))).toEqual(before);
      expect(ids(pageReducer(pageReducer(s, { type: 'undo' }), { type: 'redo' }))).toEqual(ids(s));
    }
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let s = emptyPage();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s = pageReducer(s, { type: 'add', stroke: stroke(`h${i}`, line(0, 0, 1, 1, 2)) });
    expect(s.done).toHaveLength(HISTORY_LIMIT);
    while (canUndo(s)) s = pageReducer(s, { type: 'undo' });
    expect(s.strokes).toHaveLength(20);
  });
});

describe('the view: pan and zoom', () => {
  const views: View[] = [{ x: 0, y: 0, zoom: 1 }, { x: 120, y: -40, zoom: 2.5 }, { x: -300, y: 77, zoom: 0.4 }];

  it('page → screen → page round-trips', () => {
    for (const v of views) {
      for (const [px, py] of [[0, 0], [13.5, -7], [1920, 1080]] as const) {
        const [sx, sy] = toScreen(v, px, py);
        const [bx, by] = toPage(v, sx, sy);
        expect(bx).toBeCloseTo(px, 9);
        expect(by).toBeCloseTo(py, 9);
      }
    }
  });

  it('zooming about a point keeps that point still, and zooming back returns the view', () => {
    for (const v of views) {
      const z = zoomAt(v, 1.7, 400, 300);
      expect(toPage(z, 400, 300)[0]).toBeCloseTo(toPage(v, 400, 300)[0], 9);
      expect(toPage(z, 400, 300)[1]).toBeCloseTo(toPage(v, 400, 300)[1], 9);
      const back = zoomAt(z, 1 / 1.7, 400, 300);
      expect(back.x).toBeCloseTo(v.x, 9);
      expect(back.y).toBeCloseTo(v.y, 9);
      expect(back.zoom).toBeCloseTo(v.zoom, 9);
    }
    expect(zoomAt(views[0]!, 1000, 0, 0).zoom).toBe(MAX_ZOOM);
    expect(zoomAt(views[0]!, 0.001, 0, 0).zoom).toBe(MIN_ZOOM);
  });

  it('two fingers moving together pan by their movement; spreading them zooms about their midpoint', () => {
    const v = views[1]!;
    const pan = twoFingerView(v, [100, 100], [200, 100], [130, 80], [230, 80]);
    expect(pan).toEqual(panBy(v, 30, -20));
    const pinch = twoFingerView(v, [100, 100], [200, 100], [50, 100], [250, 100]);
    expect(pinch.zoom).toBeCloseTo(v.zoom * 2, 9);
    expect(toPage(pinch, 150, 100)[0]).toBeCloseTo(toPage(v, 150, 100)[0], 9);
    // Where the fingers end up over the page is where they started over it: the page sticks to the fingers.
    const moved = twoFingerView(v, [100, 100], [200, 160], [10, 40], [300, 250]);
    expect(toPage(moved, 155, 145)[0]).toBeCloseTo(toPage(v, 150, 130)[0], 9);
    expect(toPage(moved, 155, 145)[1]).toBeCloseTo(toPage(v, 150, 130)[1], 9);
  });
});
