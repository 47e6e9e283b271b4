/**
 * The journal's keyboard, as pure functions: what a key press means in a cell (move, a digit of a mark, an
 * attendance code, clear, undo, history) and how digits make a mark ("1" then "0" quickly is 10).
 */

export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export type KeyAction =
  | { type: 'move'; rows: number; cols: number; wrap?: boolean }
  | { type: 'digit'; digit: string }
  | { type: 'code'; code: string }
  | { type: 'commit' }
  | { type: 'cancel' }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'history' }
  | { type: 'home' | 'end' };

/** A letter typed → the school's attendance code: the code itself, or an alias of a catalog ("н=ж" in Russian). */
export type CodeKeys = ReadonlyMap<string, string>;

/**
 * The letters that write each code: the codes themselves and every language's aliases ("н=ж у=д б=а о=к"), so a
 * Russian-speaking teacher types "н" and a teacher on a Latin layout "u". An alias of a code the school does not
 * have is dropped; an alias never hides a code.
 */
export function codeKeys(codes: readonly string[], aliasLines: readonly string[]): CodeKeys {
  const keys = new Map<string, string>();
  for (const line of aliasLines) {
    for (const pair of line.split(/\s+/)) {
      const [alias, code] = pair.split('=');
      if (alias && code && codes.includes(code) && !keys.has(alias.toLocaleLowerCase())) keys.set(alias.toLocaleLowerCase(), code);
    }
  }
  for (const code of codes) keys.set(code.toLocaleLowerCase(), code);
  return keys;
}

/** What a key press means in the grid; null: a key the journal does not use (nothing happens). */
export function actionOf(e: KeyPress, keys: CodeKeys): KeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'я' || e.key === 'Я')) return { type: 'undo' };
  if (mod || e.altKey) return null;
  switch (e.key) {
    case 'ArrowUp': return { type: 'move', rows: -1, cols: 0 };
    case 'ArrowDown': return { type: 'move', rows: 1, cols: 0 };
    case 'ArrowLeft': return { type: 'move', rows: 0, cols: -1 };
    case 'ArrowRight': return { type: 'move', rows: 0, cols: 1 };
    case 'Tab': return { type: 'move', rows: 0, cols: e.shiftKey ? -1 : 1, wrap: true };
    case 'Enter': return { type: 'commit' };
    case 'Escape': return { type: 'cancel' };
    case 'Delete': case 'Backspace': return { type: 'clear' };
    case 'Home': return { type: 'home' };
    case 'End': return { type: 'end' };
    default: break;
  }
  if (/^[0-9]$/.test(e.key)) return { type: 'digit', digit: e.key };
  const letter = e.key.length === 1 ? e.key.toLocaleLowerCase() : '';
  const code = letter ? keys.get(letter) : undefined;
  if (code) return { type: 'code', code };
  // H (or Р, the same key on a Cyrillic layout) opens the history, unless the school made it a code.
  if (letter === 'h' || letter === 'р') return { type: 'history' };
  return null;
}

/** The values a cell takes: the ФО 1–10, or the score of a СОР/СОЧ 0 to its maximum. */
export interface MarkRange { min: number; max: number }
export const FO_RANGE: MarkRange = { min: 1, max: 10 };

export interface Typed {
  /** The digits typed so far that may still grow ("1" may become "10"). */
  pending: string;
  /** A whole value to write now. */
  commit: number | null;
  /** The digit makes no mark (a "0" for a ФО, a score above the maximum): nothing happens. */
  rejected: boolean;
}

/** A digit typed into a cell: a value once no further digit could make a larger valid one, else it waits. */
export function typeDigit(pending: string, digit: string, range: MarkRange): Typed {
  const text = pending === '0' ? digit : pending + digit;
  const value = Number(text);
  if (value > range.max) {
    // "1" then "7" for a ФО: not 17; the "7" alone is a mark.
    if (pending !== '' && Number(digit) >= range.min && Number(digit) <= range.max) return typeDigit('', digit, range);
    return { pending, commit: null, rejected: true };
  }
  const canGrow = value > 0 && value * 10 <= range.max;
  if (canGrow) return { pending: text, commit: null, rejected: false };
  if (value < range.min) return { pending: '', commit: null, rejected: true };
  return { pending: '', commit: value, rejected: false };
}

/** Enter or the pause after a digit: the pending digits as a value, or null when they make none. */
export function commitPending(pending: string, range: MarkRange): number | null {
  if (pending === '') return null;
  const value = Number(pending);
  return value >= range.min && value <= range.max ? value : null;
}

/** The next focused cell after a move, kept inside the grid; Tab runs on to the next row (and back). */
export function moveFocus(at: { row: number; col: number }, move: { rows: number; cols: number; wrap?: boolean }, size: { rows: number; cols: number }): { row: number; col: number } | null {
  if (size.rows === 0 || size.cols === 0) return null;
  let row = at.row + move.rows;
  let col = at.col + move.cols;
  if (move.wrap) {
    if (col >= size.cols) { col = 0; row += 1; }
    if (col < 0) { col = size.cols - 1; row -= 1; }
    // Tab past the last cell (or Shift+Tab before the first) leaves the grid.
    if (row < 0 || row >= size.rows) return null;
  }
  return { row: Math.min(size.rows - 1, Math.max(0, row)), col: Math.min(size.cols - 1, Math.max(0, col)) };
}

/** The rows or columns to draw for a scroll position: those in view and a few more on each side. */
export function visibleRange(scroll: number, viewport: number, size: number, count: number, overscan = 3): { first: number; last: number } {
  if (count === 0 || size <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scroll / size) - overscan);
  const last = Math.min(count - 1, Math.ceil((scroll + viewport) / size) + overscan);
  return { first, last };
}
