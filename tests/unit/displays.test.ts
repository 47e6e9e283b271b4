import { describe, expect, it } from 'vitest';
import { chooseBoardDisplay, decideBoardChange, type DisplayFacts } from '../../src-main/app/displays';

let nextId = 1;
function display(facts: Partial<DisplayFacts> = {}): DisplayFacts {
  return {
    id: nextId++,
    label: '',
    internal: false,
    touchSupport: 'unknown',
    primary: false,
    bounds: { x: 0, y: 0, width: 1920, height: 1080 },
    ...facts,
  };
}

describe('which display is the board', () => {
  it('none when there is no display', () => {
    expect(chooseBoardDisplay([])).toBeNull();
  });

  it('the only display on a computer built into the board', () => {
    const only = display({ primary: true, touchSupport: 'available' });
    expect(chooseBoardDisplay([only])).toEqual({ display: only, reason: 'only-display', separate: false });
  });

  it("the touch display next to the teacher's monitor", () => {
    const monitor = display({ primary: true, label: 'DELL P2419H' });
    const projector = display({ label: 'EPSON PJ', bounds: { x: 1920, y: 0, width: 1280, height: 800 } });
    const board = display({ label: 'SMART Board', touchSupport: 'available', bounds: { x: 3200, y: 0, width: 3840, height: 2160 } });
    expect(chooseBoardDisplay([monitor, projector, board])).toEqual({ display: board, reason: 'touch-display', separate: true });
  });

  it('the touch display even when it is the primary one', () => {
    const board = display({ primary: true, touchSupport: 'available' });
    const monitor = display({ touchSupport: 'unavailable' });
    expect(chooseBoardDisplay([board, monitor])).toMatchObject({ display: board, reason: 'touch-display', separate: false });
  });

  it("a projector plugged into the teacher's laptop (the external display)", () => {
    const laptop = display({ primary: true, internal: true, touchSupport: 'available' });
    const projector = display({ internal: false, touchSupport: 'unknown' });
    // The laptop's own touch panel is the teacher's screen, never the board.
    expect(chooseBoardDisplay([laptop, projector])).toEqual({ display: projector, reason: 'external-display', separate: true });
  });

  it('an external display over a second internal one', () => {
    const panel = display({ primary: true, internal: true });
    const secondPanel = display({ internal: true, bounds: { x: 0, y: 0, width: 3000, height: 2000 } });
    const projector = display({ internal: false });
    expect(chooseBoardDisplay([panel, secondPanel, projector])).toMatchObject({ display: projector, reason: 'external-display' });
  });

  it('the largest other display when all else is equal', () => {
    const primary = display({ primary: true, internal: true });
    const small = display({ internal: true, bounds: { x: 0, y: 0, width: 1024, height: 768 } });
    const large = display({ internal: true, bounds: { x: 0, y: 0, width: 2560, height: 1440 } });
    expect(chooseBoardDisplay([primary, small, large])).toMatchObject({ display: large, reason: 'largest-other-display' });
  });

  it("the teacher's own choice while that display is connected", () => {
    const monitor = display({ primary: true });
    const board = display({ touchSupport: 'available' });
    expect(chooseBoardDisplay([monitor, board], monitor.id)).toMatchObject({ display: monitor, reason: 'chosen-by-teacher' });
    expect(chooseBoardDisplay([monitor, board], 9999)).toMatchObject({ display: board, reason: 'touch-display' });
  });
});

describe('when displays come and go', () => {
  const monitor = display({ primary: true });
  const board = display({ touchSupport: 'available' });

  it('the presentation stays where it is while its display is still the board', () => {
    expect(decideBoardChange(board.id, [monitor, board])).toEqual({ action: 'keep' });
  });

  it('moves to the board when the board is plugged in mid-lesson', () => {
    expect(decideBoardChange(monitor.id, [monitor, board])).toMatchObject({ action: 'move', to: { display: board } });
  });

  it("falls back to the teacher's monitor when the board is unplugged", () => {
    expect(decideBoardChange(board.id, [monitor])).toMatchObject({ action: 'move', to: { display: monitor, reason: 'only-display' } });
  });

  it('closes when no display is left', () => {
    expect(decideBoardChange(board.id, [])).toEqual({ action: 'close', reason: 'no-display' });
  });
});
