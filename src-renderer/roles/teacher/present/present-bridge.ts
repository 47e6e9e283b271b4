import type { SabaqBridge } from '../../../api/bridge';

/**
 * The presenter view's window. In the desktop client the shell chooses the screens (the board's and the teacher's)
 * and may offer `present(route)`: it opens the route of the app's own pages on the teacher's screen and answers
 * whether it did. Without it (a browser) the page opens the view with window.open.
 */
export interface PresentBridge {
  /** Opens `route` (e.g. "presenter.html#<id>", relative to the app's index.html) in a window of the shell's choosing. */
  present?(route: string): Promise<{ ok: boolean }> | Promise<void> | void;
  /** The computer's displays, which one is the board now and why, and the one the teacher chose (if any). */
  displays?(): Promise<DisplayMenuAnswer>;
  /** The teacher chooses the board's display (null: the shell's rules choose again). */
  chooseDisplay?(id: number | null): Promise<DisplayMenuAnswer>;
}

export interface DisplayMenu {
  displays: { id: number; label: string; width: number; height: number; primary: boolean; touch: boolean }[];
  boardId: number | null;
  reason: string | null;
  chosenId: number | null;
}
export type DisplayMenuAnswer = ({ ok: true } & DisplayMenu) | { ok: false };

/** The shell's display menu, when the page runs inside the desktop shell; null in a browser. */
export function displayBridge(): Required<Pick<PresentBridge, 'displays' | 'chooseDisplay'>> | null {
  const bridge = window.sabaq as (SabaqBridge & PresentBridge) | undefined;
  if (typeof bridge?.displays !== 'function' || typeof bridge.chooseDisplay !== 'function') return null;
  return { displays: bridge.displays.bind(bridge), chooseDisplay: bridge.chooseDisplay.bind(bridge) };
}

export type PresenterOpened = 'shell' | 'window' | 'blocked';

export async function openPresenterWindow(route: string, name: string): Promise<PresenterOpened> {
  const bridge = window.sabaq as (SabaqBridge & PresentBridge) | undefined;
  if (typeof bridge?.present === 'function') {
    try {
      const answer = await bridge.present(route);
      if (!answer || (typeof answer === 'object' && answer.ok !== false)) return 'shell';
    } catch {
      // The shell could not: the browser's way below.
    }
  }
  const opened = window.open(route, name, 'popup,width=1280,height=800');
  return opened ? 'window' : 'blocked';
}
