import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import {
  IDENTITY_VIEW, panBy, strokeBounds, eraserHits, toPage, twoFingerView, zoomAt,
  type BoardTool, type InkPoint, type PageBackground, type Stroke, type View,
} from './ink';
import { paintBackground, paintEraserRing, paintLiveStroke, paintStrokes } from './paint';

/**
 * The board's drawing surface: one <canvas> that shows a cached layer of the finished strokes and, on top, the
 * stroke being drawn. Pointer moves only record points and ask for a frame; the frame (requestAnimationFrame)
 * paints everything that arrived since the last one, so that ink appears in the frame of the move that made it.
 *
 * Pointers: a pen or a mouse draws; a finger draws too until a pen is seen ("pen mode": a palm or a finger then
 * moves the page instead); two fingers always pan and pinch-zoom. The wheel pans, Ctrl+wheel zooms.
 */

export interface InkCanvasHandle {
  /** The page as seen (background and ink, without the eraser's ring) as a PNG. */
  exportPng(): Promise<Blob>;
  resetView(): void;
}

/** What a painted frame showed: the time stamps of the pointer moves it was the first to paint (for the benchmark). */
export interface FrameProbe { eventTimes: number[]; handledTimes: number[]; paintedAt: number }

export interface InkCanvasProps {
  strokes: readonly Stroke[];
  background: PageBackground;
  tool: BoardTool;
  colour: string;
  width: number;
  penMode: boolean;
  label: string;
  onStroke(stroke: Stroke): void;
  onErase(ids: string[]): void;
  onPenSeen(): void;
  onFrame?(probe: FrameProbe): void;
  /** The view after each change of pan or zoom (in the frame that paints it): layers under the ink follow it. */
  onView?(view: View): void;
  ref?: Ref<InkCanvasHandle>;
}

const ERASER_RADIUS = 20;

type Live =
  | { kind: 'draw'; pointerId: number; byTouch: boolean; stroke: Omit<Stroke, 'id'> }
  | { kind: 'erase'; pointerId: number; byTouch: boolean; last: [number, number]; hits: Set<string> }
  | { kind: 'pan'; pointerId: number; last: [number, number] }
  | { kind: 'pinch'; ids: [number, number]; start: View; a0: [number, number]; b0: [number, number] }
  | null;

interface Painted { strokes: readonly Stroke[]; hidden: ReadonlySet<string> }

let sequence = 0;
const newStrokeId = () => `${Date.now().toString(36)}-${(sequence++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The pointer's samples since the last event (a pen gives several per frame); the event itself when none. */
const samples = (e: PointerEvent): PointerEvent[] => {
  const list = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
  return list.length ? list : [e];
};

export function InkCanvas(props: InkCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  // The surface's mutable state lives outside React: a pointer move must not cost a render.
  const surface = useRef({
    view: IDENTITY_VIEW as View,
    ratio: 1, width: 0, height: 0,
    /** The finished strokes, transparent, painted under `layerView`; while the view moves it is only moved. */
    layer: null as HTMLCanvasElement | null,
    layerView: IDENTITY_VIEW as View,
    layerDirty: true,
    wheelUntil: 0,
    settleTimer: 0 as ReturnType<typeof setTimeout> | 0,
    painted: { strokes: [], hidden: new Set() } as Painted,
    live: null as Live,
    touches: new Map<number, [number, number]>(),
    hover: null as [number, number] | null,
    frame: 0,
    eventTimes: [] as number[],
    handledTimes: [] as number[],
    reportedView: null as View | null,
  });

  useImperativeHandle(props.ref, () => ({
    exportPng: () => new Promise<Blob>((resolve, reject) => {
      const s = surface.current;
      const out = document.createElement('canvas');
      out.width = Math.max(1, Math.round(s.width * s.ratio));
      out.height = Math.max(1, Math.round(s.height * s.ratio));
      const ctx = out.getContext('2d');
      if (!ctx) return reject(new Error('no 2d context'));
      paintBackground(ctx, propsRef.current.background, s.view, s.ratio, s.width, s.height);
      paintStrokes(ctx, propsRef.current.strokes, s.view, s.ratio, s.width, s.height);
      out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), 'image/png');
    }),
    resetView() { surface.current.view = IDENTITY_VIEW; surface.current.layerDirty = true; requestFrame(); },
  }));

  function requestFrame() {
    const s = surface.current;
    if (!s.frame) s.frame = requestAnimationFrame(paintFrame);
  }

  function rebuildLayer() {
    const s = surface.current;
    const p = propsRef.current;
    const hidden = s.live?.kind === 'erase' ? s.live.hits : new Set<string>();
    if (!s.layer) s.layer = document.createElement('canvas');
    const w = Math.max(1, Math.round(s.width * s.ratio)), h = Math.max(1, Math.round(s.height * s.ratio));
    if (s.layer.width !== w || s.layer.height !== h) { s.layer.width = w; s.layer.height = h; }
    const ctx = s.layer.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    paintStrokes(ctx, p.strokes, s.view, s.ratio, s.width, s.height, hidden);
    s.layerView = s.view;
    s.painted = { strokes: p.strokes, hidden: new Set(hidden) };
    s.layerDirty = false;
  }

  /** Adds strokes to the cached layer without repainting the others (a new stroke lands on top). */
  function appendToLayer(added: readonly Stroke[], all: readonly Stroke[]) {
    const s = surface.current;
    const ctx = s.layer?.getContext('2d');
    if (!ctx) { s.layerDirty = true; return; }
    paintStrokes(ctx, added, s.layerView, s.ratio, s.width, s.height);
    s.painted = { strokes: all, hidden: s.painted.hidden };
  }

  function paintFrame() {
    const s = surface.current;
    s.frame = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // Repainting thousands of strokes every frame of a pan would drop frames: the layer moves with the fingers and
    // is repainted once the view settles (what lay outside it shows when they lift).
    const moving = s.live?.kind === 'pan' || s.live?.kind === 'pinch' || performance.now() < s.wheelUntil;
    const still = s.layerView === s.view;
    if (!s.layer || (s.layerDirty && (!moving || still))) rebuildLayer();
    paintBackground(ctx, propsRef.current.background, s.view, s.ratio, s.width, s.height);
    const k = s.view.zoom / s.layerView.zoom;
    ctx.setTransform(k, 0, 0, k, (s.view.x - s.layerView.x * k) * s.ratio, (s.view.y - s.layerView.y * k) * s.ratio);
    ctx.drawImage(s.layer!, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (s.live?.kind === 'draw') paintLiveStroke(ctx, s.live.stroke, s.view, s.ratio);
    if (propsRef.current.tool === 'eraser' && s.hover) paintEraserRing(ctx, s.hover[0], s.hover[1], ERASER_RADIUS, s.ratio);
    if (s.reportedView !== s.view) { s.reportedView = s.view; propsRef.current.onView?.(s.view); }
    if (s.eventTimes.length && propsRef.current.onFrame) {
      propsRef.current.onFrame({ eventTimes: s.eventTimes, handledTimes: s.handledTimes, paintedAt: performance.now() });
    }
    s.eventTimes = [];
    s.handledTimes = [];
  }

  // New strokes from the page (undo, redo, a stroke just finished) or another background: bring the layer up to date.
  useEffect(() => {
    const s = surface.current;
    const { strokes } = props;
    const painted = s.painted.strokes;
    if (s.live?.kind === 'erase') { s.layerDirty = true; requestFrame(); return; }
    if (painted === strokes || (painted.length === strokes.length && strokes.at(-1) === painted.at(-1) && !s.painted.hidden.size && strokes.every((x, i) => x === painted[i]))) {
      s.painted = { strokes, hidden: s.painted.hidden };
    } else if (!s.layerDirty && !s.painted.hidden.size && strokes.length > painted.length && painted.every((x, i) => x === strokes[i])) {
      appendToLayer(strokes.slice(painted.length), strokes);
    } else s.layerDirty = true;
    requestFrame();
  }, [props.strokes]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => { requestFrame(); }, [props.background]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { if (props.tool !== 'eraser') { surface.current.hover = null; requestFrame(); } }, [props.tool]); // eslint-disable-line react-hooks/exhaustive-deps

  // The canvas follows its box and the screen's pixel ratio.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const fit = () => {
      const s = surface.current;
      const box = canvas.getBoundingClientRect();
      s.ratio = window.devicePixelRatio || 1;
      s.width = box.width; s.height = box.height;
      canvas.width = Math.max(1, Math.round(box.width * s.ratio));
      canvas.height = Math.max(1, Math.round(box.height * s.ratio));
      s.layerDirty = true;
      if (s.frame) cancelAnimationFrame(s.frame);
      s.frame = 0;
      paintFrame();
    };
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    const dpr = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
    dpr.addEventListener('change', fit);
    fit();
    return () => { observer.disconnect(); dpr.removeEventListener('change', fit); };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Pointer input, as native listeners (coalesced samples, no React event pooling on the hot path).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const s = surface.current;
    const at = (e: PointerEvent): [number, number] => {
      const box = canvas.getBoundingClientRect();
      return [e.clientX - box.left, e.clientY - box.top];
    };
    const pagePoint = (e: PointerEvent): InkPoint => {
      const [x, y] = toPage(s.view, ...at(e));
      // A mouse reports 0.5 while pressed, a finger usually 0 or 1: only a pen's pressure means anything.
      return [x, y, e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5];
    };

    const startInk = (e: PointerEvent) => {
      const p = propsRef.current;
      if (p.tool === 'eraser') {
        const point = toPage(s.view, ...at(e));
        s.live = { kind: 'erase', pointerId: e.pointerId, byTouch: e.pointerType === 'touch', last: point, hits: new Set() };
        s.hover = at(e);
        erase([point]);
      } else {
        s.live = { kind: 'draw', pointerId: e.pointerId, byTouch: e.pointerType === 'touch', stroke: { tool: p.tool, colour: p.colour, width: p.width, pressure: e.pointerType === 'pen', points: [pagePoint(e)] } };
      }
      requestFrame();
    };

    const erase = (path: [number, number][]) => {
      if (s.live?.kind !== 'erase') return;
      const { hits } = s.live;
      let changed = false;
      const radius = ERASER_RADIUS / s.view.zoom;
      for (const stroke of propsRef.current.strokes) {
        if (!hits.has(stroke.id) && eraserHits(stroke, path, radius, strokeBounds(stroke))) { hits.add(stroke.id); changed = true; }
      }
      if (changed) s.layerDirty = true;
    };

    const startPinch = () => {
      const [[ia, a], [ib, b]] = [...s.touches.entries()] as [[number, [number, number]], [number, [number, number]]];
      s.live = { kind: 'pinch', ids: [ia, ib], start: s.view, a0: a, b0: b };
    };

    const down = (e: PointerEvent) => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      e.preventDefault();
      canvas.focus({ preventScroll: true });
      try { canvas.setPointerCapture(e.pointerId); } catch { /* the pointer is already gone */ }
      if (e.pointerType === 'pen' && !propsRef.current.penMode) propsRef.current.onPenSeen();
      if (e.pointerType !== 'touch') {
        if (!s.live || s.live.kind === 'pan') startInk(e);
        return;
      }
      s.touches.set(e.pointerId, at(e));
      // While a pen or the mouse writes, touches are a hand resting on the board: ignored.
      if ((s.live?.kind === 'draw' || s.live?.kind === 'erase') && !s.live.byTouch) return;
      if (s.touches.size === 2) {
        // A second finger turns a finger's fresh stroke into a gesture: the stroke is dropped, not committed.
        if (s.live?.kind === 'draw' || s.live?.kind === 'erase' || s.live?.kind === 'pan') {
          if (s.live.kind === 'erase') s.layerDirty = true;
          s.live = null;
        }
        if (!s.live) startPinch();
        requestFrame();
      } else if (s.touches.size === 1 && !s.live) {
        if (propsRef.current.penMode) s.live = { kind: 'pan', pointerId: e.pointerId, last: at(e) };
        else startInk(e);
      }
    };

    const move = (e: PointerEvent) => {
      const live = s.live;
      if (e.pointerType === 'touch' && s.touches.has(e.pointerId)) s.touches.set(e.pointerId, at(e));
      if (propsRef.current.tool === 'eraser' && e.pointerType !== 'touch') { s.hover = at(e); requestFrame(); }
      if (!live) return;
      if (live.kind === 'draw' && live.pointerId === e.pointerId) {
        for (const c of samples(e)) live.stroke.points.push(pagePoint(c));
        s.eventTimes.push(e.timeStamp);
        s.handledTimes.push(performance.now());
        requestFrame();
      } else if (live.kind === 'erase' && live.pointerId === e.pointerId) {
        const path: [number, number][] = [live.last];
        for (const c of samples(e)) path.push(toPage(s.view, ...at(c)));
        live.last = path.at(-1)!;
        erase(path);
        s.hover = at(e);
        s.eventTimes.push(e.timeStamp);
        s.handledTimes.push(performance.now());
        requestFrame();
      } else if (live.kind === 'pan' && live.pointerId === e.pointerId) {
        const [x, y] = at(e);
        s.view = panBy(s.view, x - live.last[0], y - live.last[1]);
        live.last = [x, y];
        requestFrame();
      } else if (live.kind === 'pinch' && live.ids.includes(e.pointerId)) {
        const a = s.touches.get(live.ids[0]), b = s.touches.get(live.ids[1]);
        if (a && b) { s.view = twoFingerView(live.start, live.a0, live.b0, a, b); requestFrame(); }
      }
    };

    const up = (e: PointerEvent) => {
      const live = s.live;
      s.touches.delete(e.pointerId);
      if (!live) return;
      const cancelled = e.type === 'pointercancel';
      if (live.kind === 'draw' && live.pointerId === e.pointerId) {
        s.live = null;
        if (!cancelled) {
          const stroke: Stroke = { ...live.stroke, id: newStrokeId() };
          // Onto the layer now, so that the stroke does not blink out until the page's state comes back.
          appendToLayer([stroke], [...s.painted.strokes, stroke]);
          propsRef.current.onStroke(stroke);
        }
      } else if (live.kind === 'erase' && live.pointerId === e.pointerId) {
        s.live = null;
        s.layerDirty = true;
        if (!cancelled && live.hits.size) propsRef.current.onErase([...live.hits]);
      } else if (live.kind === 'pan' && live.pointerId === e.pointerId) {
        s.live = null;
        s.layerDirty = true;
      } else if (live.kind === 'pinch' && live.ids.includes(e.pointerId)) {
        // The other finger stays down: it neither draws nor pans until it is lifted too.
        s.live = null;
        s.layerDirty = true;
      }
      requestFrame();
    };

    const leave = (e: PointerEvent) => { if (e.pointerType !== 'touch' && !s.live) { s.hover = null; requestFrame(); } };

    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = canvas.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) s.view = zoomAt(s.view, Math.exp(-e.deltaY * 0.002), e.clientX - box.left, e.clientY - box.top);
      else s.view = panBy(s.view, -e.deltaX, -e.deltaY);
      // A wheel has no "lift": the view counts as settled 150 ms after the last turn.
      s.wheelUntil = performance.now() + 150;
      s.layerDirty = true;
      clearTimeout(s.settleTimer);
      s.settleTimer = setTimeout(requestFrame, 160);
      requestFrame();
    };

    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    canvas.addEventListener('pointerleave', leave);
    canvas.addEventListener('wheel', wheel, { passive: false });
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
      canvas.removeEventListener('pointerleave', leave);
      canvas.removeEventListener('wheel', wheel);
      if (s.frame) cancelAnimationFrame(s.frame);
      clearTimeout(s.settleTimer);
      s.frame = 0;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <canvas
      ref={canvasRef}
      className={`ink-canvas tool-${props.tool}`}
      role="img"
      aria-label={props.label}
      tabIndex={-1}
      data-testid="ink-canvas"
    />
  );
}
