import type { BrowserWindow } from 'electron';
import type { BoardChoice } from '../app/displays';
import { APP_START_URL } from '../app/renderer-files';
import { currentBoard, watchDisplays } from './displays';
import { createSecureWindow } from './security';

/**
 * The presentation window on the interactive board: full screen on the display chosen as the board, moved when
 * displays come and go. Opened by a bridge channel still to come ('present'); until then the updater only asks
 * whether something is being presented.
 */
export interface BoardWindow {
  isPresenting(): boolean;
  /** Shows a renderer route (e.g. "#/board/lesson/…") on the board. */
  open(route: string): void;
  close(): void;
  dispose(): void;
}

export function createBoardWindow(opts: { preload: string; log: (message: string) => void }): BoardWindow {
  let shown: { window: BrowserWindow; boardId: number } | null = null;

  const place = (window: BrowserWindow, board: BoardChoice) => {
    if (shown) shown.boardId = board.display.id;
    window.setFullScreen(false);
    window.setBounds(board.display.bounds);
    window.setFullScreen(true);
  };

  const stopWatching = watchDisplays({
    currentBoardId: () => shown?.boardId ?? null,
    onMove: (board) => shown && place(shown.window, board),
    onGone: () => shown?.window.close(),
    log: opts.log,
  });

  return {
    isPresenting: () => shown !== null && !shown.window.isDestroyed(),
    open(route) {
      if (!/^#\/[\w\-/]*$/.test(route)) throw new Error(`not a renderer route: ${route.slice(0, 100)}`);
      const board = currentBoard();
      if (!board) return;
      if (!shown) {
        const window = createSecureWindow({ show: false, frame: false, backgroundColor: '#000000', ...board.display.bounds }, opts.preload);
        window.on('closed', () => {
          shown = null;
        });
        shown = { window, boardId: board.display.id };
      }
      const { window } = shown;
      place(window, board);
      void window.loadURL(`${APP_START_URL}${route}`);
      window.once('ready-to-show', () => window.show());
    },
    close: () => shown?.window.close(),
    dispose: stopWatching,
  };
}
