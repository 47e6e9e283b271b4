import { screen, type BrowserWindow } from 'electron';
import type { BoardChoice } from '../app/displays';
import { APP_ORIGIN } from '../app/renderer-files';
import { currentBoard, watchDisplays } from './displays';
import { createSecureWindow } from './security';

/**
 * A lesson presented with the presenter view: the lesson's own window goes full screen on the board's display
 * (src-main/app/displays.ts chooses it), and the presenter view (notes, the next page, the clock, the class) opens
 * on the teacher's screen. With one display the lesson stays where it is and the presenter view opens beside it.
 * The two pages talk over a BroadcastChannel of the app's origin; the presenter view calls nothing of the bridge.
 */
export interface PresenterWindows {
  /** Opens `route` ("presenter.html#<id>", validated by the bridge) for the lesson shown in `lesson`. */
  open(lesson: BrowserWindow, route: string): boolean;
  isPresenting(): boolean;
  /** The teacher chose another display for the board: a lesson being presented moves to it. */
  rechoose(): void;
  dispose(): void;
}

export function createPresenterWindows(opts: {
  preload: string;
  /** The display the teacher chose for the board on this computer, if any. */
  preferredId: () => number | null;
  log: (message: string) => void;
}): PresenterWindows {
  let shown: { presenter: BrowserWindow; lesson: BrowserWindow; boardId: number | null } | null = null;

  const toBoard = (lesson: BrowserWindow, board: BoardChoice) => {
    if (shown) shown.boardId = board.display.id;
    lesson.setFullScreen(false);
    lesson.setBounds(board.display.bounds);
    lesson.setFullScreen(true);
  };

  const stopWatching = watchDisplays({
    currentBoardId: () => shown?.boardId ?? null,
    preferredId: opts.preferredId,
    onMove: (board) => { if (shown && board.separate && !shown.lesson.isDestroyed()) toBoard(shown.lesson, board); },
    onGone: () => shown?.presenter.close(),
    log: opts.log,
  });

  return {
    open(lesson, route) {
      const board = currentBoard(opts.preferredId());
      if (!board) return false;
      if (shown && !shown.presenter.isDestroyed()) shown.presenter.close();
      const teacherScreen = screen.getPrimaryDisplay().workArea;
      const presenter = createSecureWindow({
        show: false, title: 'Sabaq', backgroundColor: '#ffffff', minWidth: 800, minHeight: 560,
        ...(board.separate ? teacherScreen : { width: Math.min(1280, teacherScreen.width), height: Math.min(800, teacherScreen.height) }),
      }, opts.preload);
      shown = { presenter, lesson, boardId: null };
      presenter.on('closed', () => { if (shown?.presenter === presenter) shown = null; });
      if (board.separate) toBoard(lesson, board);
      opts.log(`presenter view: lesson on display ${board.display.id} (${board.reason}), presenter on the primary display`);
      void presenter.loadURL(`${APP_ORIGIN}/${route}`);
      presenter.once('ready-to-show', () => presenter.show());
      return true;
    },
    isPresenting: () => shown !== null && !shown.presenter.isDestroyed(),
    rechoose() {
      const board = currentBoard(opts.preferredId());
      if (!shown || !board || shown.lesson.isDestroyed()) return;
      if (board.separate) toBoard(shown.lesson, board);
      else {
        shown.boardId = board.display.id;
        shown.lesson.setFullScreen(false);
        shown.lesson.setBounds(board.display.bounds);
      }
    },
    dispose() {
      stopWatching();
      if (shown && !shown.presenter.isDestroyed()) shown.presenter.close();
    },
  };
}
