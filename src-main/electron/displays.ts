import { screen, type Display } from 'electron';
import { chooseBoardDisplay, decideBoardChange, type BoardChoice, type DisplayFacts } from '../app/displays';

/** Electron's Display reduced to the facts the board choice reads. */
export function displayFacts(): DisplayFacts[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d: Display) => ({
    id: d.id,
    label: d.label,
    internal: d.internal,
    touchSupport: d.touchSupport,
    primary: d.id === primaryId,
    bounds: d.bounds,
  }));
}

export function currentBoard(preferredId?: number | null): BoardChoice | null {
  return chooseBoardDisplay(displayFacts(), preferredId);
}

/**
 * Calls `onMove` with the new board when a display is plugged in or out and the board should change, and
 * `onGone` when no display is left. Returns a function that stops watching.
 */
export function watchDisplays(opts: {
  currentBoardId: () => number | null;
  preferredId?: () => number | null;
  onMove: (board: BoardChoice) => void;
  onGone: () => void;
  log: (message: string) => void;
}): () => void {
  const react = () => {
    const facts = displayFacts();
    opts.log(`displays: ${facts.map((d) => `${d.id}${d.primary ? '*' : ''} ${d.label || '?'} touch=${d.touchSupport}`).join(', ')}`);
    const change = decideBoardChange(opts.currentBoardId(), facts, opts.preferredId?.());
    if (change.action === 'move') opts.onMove(change.to);
    if (change.action === 'close') opts.onGone();
  };
  screen.on('display-added', react);
  screen.on('display-removed', react);
  return () => {
    screen.removeListener('display-added', react);
    screen.removeListener('display-removed', react);
  };
}
