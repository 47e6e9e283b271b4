/**
 * Which screen is the interactive board. A classroom computer has the teacher's monitor (or laptop panel) and the
 * board (a touch screen or a projector); the presentation window goes to the board, the main window stays with
 * the teacher. Only the facts Electron's `screen` gives are used, so the choice is tested without Electron.
 */
export interface DisplayFacts {
  id: number;
  label: string;
  /** The laptop's own panel. */
  internal: boolean;
  touchSupport: 'available' | 'unavailable' | 'unknown';
  primary: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}

export type BoardReason = 'chosen-by-teacher' | 'only-display' | 'touch-display' | 'external-display' | 'largest-other-display';

export interface BoardChoice {
  display: DisplayFacts;
  reason: BoardReason;
  /** False when the board is the very screen the main window is on (a board-only computer). */
  separate: boolean;
}

/**
 * The rules, in order: the display the teacher picked (if still connected); the only display; a touch display
 * that is not a laptop's own panel (another one first, then the primary); an external display other than the
 * primary; the largest display other than the primary. `separate` is relative to the primary display, where
 * the main window opens.
 */
export function chooseBoardDisplay(displays: readonly DisplayFacts[], preferredId?: number | null): BoardChoice | null {
  if (displays.length === 0) return null;
  const primary = displays.find((d) => d.primary) ?? displays[0]!;
  const pick = (display: DisplayFacts, reason: BoardReason): BoardChoice => ({
    display,
    reason,
    separate: display.id !== primary.id,
  });

  const preferred = preferredId == null ? undefined : displays.find((d) => d.id === preferredId);
  if (preferred) return pick(preferred, 'chosen-by-teacher');
  if (displays.length === 1) return pick(displays[0]!, 'only-display');

  const others = displays.filter((d) => d.id !== primary.id);
  const isBoardPanel = (d: DisplayFacts) => d.touchSupport === 'available' && !d.internal;
  const touch = others.find(isBoardPanel) ?? (isBoardPanel(primary) ? primary : undefined);
  if (touch) return pick(touch, 'touch-display');
  const external = others.find((d) => !d.internal);
  if (external) return pick(external, 'external-display');
  const largest = [...others].sort((a, b) => area(b) - area(a))[0]!;
  return pick(largest, 'largest-other-display');
}

function area(d: DisplayFacts): number {
  return d.bounds.width * d.bounds.height;
}

export type BoardChange =
  | { action: 'keep' }
  | { action: 'move'; to: BoardChoice }
  | { action: 'close'; reason: 'no-display' };

/**
 * What to do with an open presentation window when a display is added or removed: stay where it is while its
 * display is still the choice, otherwise move to the new choice. A teacher who plugs the board in mid-lesson
 * sees the presentation jump to it.
 */
export function decideBoardChange(
  currentBoardId: number | null,
  displays: readonly DisplayFacts[],
  preferredId?: number | null,
): BoardChange {
  const choice = chooseBoardDisplay(displays, preferredId);
  if (!choice) return { action: 'close', reason: 'no-display' };
  if (choice.display.id === currentBoardId) return { action: 'keep' };
  return { action: 'move', to: choice };
}
