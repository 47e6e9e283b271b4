import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chooseBoardDisplay, type BoardReason, type DisplayFacts } from './displays';

/**
 * The board's display as the teacher chose it on this computer (or none: the shell's rules choose), kept in
 * `<data>/board-display.json` so that it holds across restarts. A display no longer connected is ignored by the
 * choice (src-main/app/displays.ts) until it is back.
 */
export interface BoardDisplayPreference {
  get(): Promise<number | null>;
  set(id: number | null): Promise<void>;
}

export function boardDisplayPreference(dataDir: string): BoardDisplayPreference {
  const file = path.join(dataDir, 'board-display.json');
  return {
    async get() {
      try {
        const value = (JSON.parse(await readFile(file, 'utf8')) as { displayId?: unknown }).displayId;
        return typeof value === 'number' && Number.isInteger(value) ? value : null;
      } catch {
        return null; // none chosen yet, or a file nobody should have edited: the rules choose
      }
    },
    async set(id) {
      const temp = `${file}.tmp`;
      await writeFile(temp, JSON.stringify({ displayId: id }));
      await rename(temp, file);
    },
  };
}

/** What the page's display menu shows: every display, which one is the board now and why, and the teacher's choice. */
export interface DisplayMenu {
  displays: { id: number; label: string; width: number; height: number; primary: boolean; touch: boolean }[];
  boardId: number | null;
  reason: BoardReason | null;
  chosenId: number | null;
}

export function displayMenu(facts: readonly DisplayFacts[], chosenId: number | null): DisplayMenu {
  const board = chooseBoardDisplay(facts, chosenId);
  return {
    displays: facts.map((d) => ({
      id: d.id, label: d.label, width: d.bounds.width, height: d.bounds.height, primary: d.primary, touch: d.touchSupport === 'available',
    })),
    boardId: board?.display.id ?? null,
    reason: board?.reason ?? null,
    chosenId: chosenId !== null && facts.some((d) => d.id === chosenId) ? chosenId : null,
  };
}
