import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { boardDisplayPreference, displayMenu } from '../../src-main/app/board-display';
import type { DisplayFacts } from '../../src-main/app/displays';

const monitor: DisplayFacts = { id: 10, label: 'monitor', internal: false, touchSupport: 'unknown', primary: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const board: DisplayFacts = { id: 20, label: 'board', internal: false, touchSupport: 'available', primary: false, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const projector: DisplayFacts = { id: 30, label: 'projector', internal: false, touchSupport: 'unavailable', primary: false, bounds: { x: 5760, y: 0, width: 1280, height: 800 } };

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-display-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('the board display the teacher chose', () => {
  it('is kept across restarts, and forgotten when set to none', async () => {
    const dir = tempDir();
    expect(await boardDisplayPreference(dir).get()).toBeNull();
    await boardDisplayPreference(dir).set(30);
    expect(await boardDisplayPreference(dir).get()).toBe(30);
    await boardDisplayPreference(dir).set(null);
    expect(await boardDisplayPreference(dir).get()).toBeNull();
  });

  it('is none when its file was damaged', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'board-display.json'), '{"displayId": "20"');
    expect(await boardDisplayPreference(dir).get()).toBeNull();
    writeFileSync(path.join(dir, 'board-display.json'), '{"displayId": 2.5}');
    expect(await boardDisplayPreference(dir).get()).toBeNull();
  });

  it('wins over the rules while its display is connected; otherwise the rules choose and the menu says so', () => {
    expect(displayMenu([monitor, board, projector], null)).toMatchObject({ boardId: 20, reason: 'touch-display', chosenId: null });
    expect(displayMenu([monitor, board, projector], 30)).toMatchObject({ boardId: 30, reason: 'chosen-by-teacher', chosenId: 30 });
    expect(displayMenu([monitor, board], 30)).toMatchObject({ boardId: 20, reason: 'touch-display', chosenId: null });
    const menu = displayMenu([monitor, board], null);
    expect(menu.displays).toEqual([
      { id: 10, label: 'monitor', width: 1920, height: 1080, primary: true, touch: false },
      { id: 20, label: 'board', width: 3840, height: 2160, primary: false, touch: true },
    ]);
    expect(displayMenu([], null)).toMatchObject({ boardId: null, reason: null, displays: [] });
  });
});
