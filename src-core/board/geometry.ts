/** SVG geometry shared by the .ubz and .iwb readers: transforms, points, paths and colours. */

/** An affine matrix [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** How much the matrix scales lengths on average (for stroke widths). */
export const lengthScale = (m: Matrix) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

const numbers = (s: string) => (s.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? []).map(Number);

/** Parses an SVG transform list (matrix, translate, scale, rotate, skewX, skewY), composed left to right. */
export function parseTransform(s: string | undefined): Matrix {
  let m: Matrix = IDENTITY;
  if (!s) return m;
  for (const [, fn, args] of s.matchAll(/(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g)) {
    const v = numbers(args ?? '');
    let t: Matrix = IDENTITY;
    if (fn === 'matrix' && v.length === 6) t = v as unknown as Matrix;
    else if (fn === 'translate') t = [1, 0, 0, 1, v[0] ?? 0, v[1] ?? 0];
    else if (fn === 'scale') t = [v[0] ?? 1, 0, 0, v[1] ?? v[0] ?? 1, 0, 0];
    else if (fn === 'rotate') {
      const r = ((v[0] ?? 0) * Math.PI) / 180;
      const [cx, cy] = [v[1] ?? 0, v[2] ?? 0];
      t = multiply(multiply([1, 0, 0, 1, cx, cy], [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]), [1, 0, 0, 1, -cx, -cy]);
    } else if (fn === 'skewX') t = [1, 0, Math.tan(((v[0] ?? 0) * Math.PI) / 180), 1, 0, 0];
    else if (fn === 'skewY') t = [1, Math.tan(((v[0] ?? 0) * Math.PI) / 180), 0, 1, 0, 0];
    m = multiply(m, t);
  }
  return m.every(Number.isFinite) ? m : IDENTITY;
}

/** The `points` of a polyline or polygon, transformed; non-finite pairs are dropped. */
export function parsePoints(s: string | undefined, m: Matrix): [number, number][] {
  const v = numbers(s ?? '');
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < v.length; i += 2) {
    const p = apply(m, v[i]!, v[i + 1]!);
    if (Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push(p);
  }
  return out;
}

/**
 * The subpaths of an SVG path `d`, as polylines. M, L, H, V and Z are followed exactly; curves and arcs (C, S, Q, T,
 * A) are reduced to their end points, which is enough for ink saved as many short segments.
 */
export function parsePath(d: string | undefined, m: Matrix): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  const ARGS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
  let x = 0, y = 0, sx = 0, sy = 0;
  let cur: [number, number][] = [];
  const flush = (closed: boolean) => {
    if (cur.length) out.push({ points: cur.map(([px, py]) => apply(m, px, py)), closed });
    cur = [];
  };
  for (const [, cmd, args] of (d ?? '').matchAll(/([MmLlHhVvCcSsQqTtAaZz])([^MmLlHhVvCcSsQqTtAaZz]*)/g)) {
    const lower = cmd!.toLowerCase();
    const rel = cmd !== cmd!.toUpperCase();
    if (lower === 'z') { x = sx; y = sy; flush(true); continue; }
    const v = numbers(args ?? '');
    const n = ARGS[lower]!;
    for (let i = 0; i + n <= v.length; i += n) {
      const a = v.slice(i, i + n);
      if (lower === 'h') x = (rel ? x : 0) + a[0]!;
      else if (lower === 'v') y = (rel ? y : 0) + a[0]!;
      else { x = (rel ? x : 0) + a[n - 2]!; y = (rel ? y : 0) + a[n - 1]!; }
      if (lower === 'm' && i === 0) { flush(false); sx = x; sy = y; }
      cur.push([x, y]);
    }
  }
  flush(false);
  return out.filter((s) => s.points.every(([px, py]) => Number.isFinite(px) && Number.isFinite(py)));
}

const NAMED_COLOURS: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00',
  gray: '#808080', grey: '#808080', orange: '#ffa500', purple: '#800080',
};

/** A colour as '#rrggbb', or undefined for 'none', 'transparent' or what cannot be read. */
export function parseColour(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const c = s.trim().toLowerCase();
  if (NAMED_COLOURS[c]) return NAMED_COLOURS[c];
  let m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(c);
  if (m) return `#${m[1]}`;
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})/.exec(c);
  if (m) return `#${[m[1], m[2], m[3]].map((v) => Math.min(255, Number(v)).toString(16).padStart(2, '0')).join('')}`;
  return undefined;
}

/** An opacity in 0..1, or the fallback. */
export function parseOpacity(s: string | undefined, fallback = 1): number {
  const v = s === undefined ? NaN : Number(s);
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : fallback;
}

/** A positive finite number, or the fallback. */
export function positive(s: string | undefined, fallback: number): number {
  const v = s === undefined ? NaN : parseFloat(s);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export const finite = (s: string | undefined, fallback = 0) => {
  const v = s === undefined ? NaN : parseFloat(s);
  return Number.isFinite(v) ? v : fallback;
};

/** The box x, y, width, height after a transform (the bounding box of its four corners). */
export function transformBox(m: Matrix, x: number, y: number, w: number, h: number) {
  const corners = [apply(m, x, y), apply(m, x + w, y), apply(m, x, y + h), apply(m, x + w, y + h)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  return { x: x0, y: y0, width: Math.max(...xs) - x0, height: Math.max(...ys) - y0 };
}

/** Base64 without Node's Buffer (src-core also runs in the renderer). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The image type by its first bytes, else by its name; undefined when it is not an image the board can show. */
export function imageMime(bytes: Uint8Array | undefined, name: string): string | undefined {
  if (bytes && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes && bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const byExt: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', bmp: 'image/bmp', webp: 'image/webp' };
  return byExt[ext ?? ''];
}
