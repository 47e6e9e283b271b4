import { expect, test, type CDPSession, type Page } from '@playwright/test';

// The board's ink surface on its own page (board.html), driven with real input through the DevTools protocol: a pen
// with pressure (Input.dispatchMouseEvent, pointerType 'pen'), fingers (Input.dispatchTouchEvent) and the mouse.
// What is on the page is read back from the board's own PNG export: non-white pixels counted in regions.
// Only the central server's project: the page has no data and does not depend on the host.

type Pt = [number, number];
interface Region { x: number; y: number; w: number; h: number }

test.beforeEach(({ page: _page }, info) => {
  test.skip(info.project.name !== 'server', 'the board page is the same on both hosts');
});

async function openBoard(page: Page, query = '') {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/board.html?lang=en${query ? `&${query}` : ''}`);
  const canvas = page.getByTestId('ink-canvas');
  await expect(canvas).toBeVisible();
  const box = (await canvas.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  /** Canvas coordinates to the viewport's. */
  const at = ([x, y]: Pt): Pt => [box.x + x, box.y + y];
  return { canvas, box, cdp, at };
}

/** n points on the segment from a to b. */
const segment = (a: Pt, b: Pt, n = 16): Pt[] => Array.from({ length: n }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / (n - 1), a[1] + ((b[1] - a[1]) * i) / (n - 1)]);

async function penStroke(cdp: CDPSession, points: Pt[], force = 0.7) {
  const ev = (type: string, [x, y]: Pt, buttons: number) => cdp.send('Input.dispatchMouseEvent', {
    type, x, y, button: 'left', buttons, clickCount: 1, pointerType: 'pen', force,
  } as never);
  await ev('mousePressed', points[0]!, 1);
  for (const p of points.slice(1)) await ev('mouseMoved', p, 1);
  await ev('mouseReleased', points.at(-1)!, 0);
}

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', fingers: Pt[]) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: fingers.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 })) });
}

/** One finger (or two, in step) along paths of the same length. */
async function fingers(cdp: CDPSession, paths: Pt[][]) {
  await touch(cdp, 'touchStart', paths.map((p) => p[0]!));
  for (let i = 1; i < paths[0]!.length; i++) await touch(cdp, 'touchMove', paths.map((p) => p[i]!));
  await touch(cdp, 'touchEnd', []);
}

async function mouseStroke(page: Page, at: (p: Pt) => Pt, points: Pt[]) {
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p));
  await page.mouse.up();
}

/** Exports the page as PNG (the toolbar's button) and counts its non-white pixels in each region (outside the image: none). */
async function inkIn(page: Page, regions: Region[]): Promise<number[]> {
  const before = await page.evaluate(() => window.sabaqBoard!.exports.length);
  await page.getByTestId('board-export').click();
  await page.waitForFunction((n) => window.sabaqBoard!.exports.length > n, before);
  return countInk(page, null, regions);
}

/** The same count on what the screen shows (a screenshot of the canvas): the cached layer, not a fresh paint. */
async function inkOnScreen(page: Page, regions: Region[]): Promise<number[]> {
  await page.mouse.move(0, 0); // no eraser ring over the page
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const png = await page.getByTestId('ink-canvas').screenshot();
  return countInk(page, png.toString('base64'), regions);
}

function countInk(page: Page, base64: string | null, regions: Region[]): Promise<number[]> {
  return page.evaluate(async ({ base64, rs }) => {
    const blob = base64 === null ? window.sabaqBoard!.exports.at(-1)! : new Blob([Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0))], { type: 'image/png' });
    const bitmap = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = bitmap.width; c.height = bitmap.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const ratio = window.devicePixelRatio || 1;
    return rs.map((r) => {
      const data = ctx.getImageData(Math.round(r.x * ratio), Math.round(r.y * ratio), Math.round(r.w * ratio), Math.round(r.h * ratio)).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)) n++;
      return n;
    });
  }, { base64, rs: regions });
}

/** A band around a horizontal stroke from x 100 to 400 at height y. */
const band = (y: number): Region => ({ x: 80, y: y - 25, w: 340, h: 50 });

test('a pen draws with its pressure; undo and redo by button and by Ctrl+Z / Ctrl+Y', async ({ page }) => {
  const { cdp, at } = await openBoard(page);
  await expect(page.getByTestId('board-undo')).toBeDisabled();
  await penStroke(cdp, segment([100, 100], [400, 100]).map(at), 0.7);
  await penStroke(cdp, segment([100, 200], [400, 200]).map(at), 0.7);
  // A pen was seen: pen mode is on by itself.
  await expect(page.getByTestId('board-pen-mode')).toHaveAttribute('aria-pressed', 'true');
  const [a, b, empty] = await inkIn(page, [band(100), band(200), band(500)]);
  expect(a).toBeGreaterThan(300);
  expect(b).toBeGreaterThan(300);
  expect(empty).toBe(0);

  await page.getByTestId('board-undo').click();
  expect(await inkIn(page, [band(100), band(200)])).toEqual([a, 0]);
  await page.keyboard.press('Control+y');
  expect(await inkIn(page, [band(100), band(200)])).toEqual([a, b]);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  expect(await inkIn(page, [band(100), band(200)])).toEqual([0, 0]);
  await page.getByTestId('board-redo').click();
  expect((await inkIn(page, [band(100)]))[0]).toBe(a);

  // Pressure: the same line pressed hard is wider than pressed lightly.
  await page.getByTestId('board-width-thick').click();
  await penStroke(cdp, segment([100, 350], [400, 350]).map(at), 0.15);
  await penStroke(cdp, segment([100, 450], [400, 450]).map(at), 1);
  const [light, hard] = await inkIn(page, [band(350), band(450)]);
  expect(hard).toBeGreaterThan(light! * 1.3);
});

test('two fingers pan the page; one finger draws, until a pen is seen, and then it pans', async ({ page }) => {
  const { cdp, at } = await openBoard(page);
  await fingers(cdp, [segment([100, 100], [400, 100]).map(at)]);
  const [drawn] = await inkIn(page, [band(100)]);
  expect(drawn).toBeGreaterThan(200);
  await expect(page.getByTestId('board-pen-mode')).toHaveAttribute('aria-pressed', 'false');

  // Two fingers down 200 px together: the ink follows them, nothing new is drawn.
  await fingers(cdp, [segment([600, 300], [600, 500], 12).map(at), segment([800, 300], [800, 500], 12).map(at)]);
  expect(await inkIn(page, [band(100), band(300), { x: 550, y: 250, w: 300, h: 300 }])).toEqual([0, drawn, 0]);
  // The screen agrees with the export once the fingers are lifted (the cached layer is repainted for the new view).
  expect(await inkOnScreen(page, [band(100), band(300)])).toEqual([0, drawn]);

  // A pen stroke turns pen mode on; a finger (or a palm) then moves the page and leaves no ink.
  await penStroke(cdp, segment([100, 500], [400, 500]).map(at));
  await expect(page.getByTestId('board-pen-mode')).toHaveAttribute('aria-pressed', 'true');
  await fingers(cdp, [segment([700, 600], [700, 500], 12).map(at)]);
  const [first, pen, palm] = await inkIn(page, [band(200), band(400), { x: 650, y: 420, w: 100, h: 200 }]);
  expect(first).toBeGreaterThan(200); // 300 − 100
  expect(pen).toBeGreaterThan(200); // 500 − 100
  expect(palm).toBe(0);
  expect(await inkOnScreen(page, [band(200), band(400), { x: 650, y: 420, w: 100, h: 200 }])).toEqual([first, pen, palm]);
});

test('a palm on the board while the pen writes neither draws, nor moves the page, nor breaks the pen\'s stroke', async ({ page }) => {
  const { cdp, at } = await openBoard(page);
  const pen = (type: string, p: Pt, buttons: number) => cdp.send('Input.dispatchMouseEvent', {
    type, x: p[0], y: p[1], button: 'left', buttons, clickCount: 1, pointerType: 'pen', force: 0.6,
  } as never);
  const line = segment([100, 150], [400, 150]).map(at);
  await pen('mousePressed', line[0]!, 1);
  for (const [i, p] of line.slice(1).entries()) {
    // The heel of the hand lands two contact points below the pen halfway, and slides.
    if (i === 4) await touch(cdp, 'touchStart', [at([600, 400]), at([650, 430])]);
    if (i > 4) await touch(cdp, 'touchMove', [at([600 + i * 5, 400 + i * 3]), at([650 + i * 5, 430 + i * 3])]);
    await pen('mouseMoved', p, 1);
  }
  await touch(cdp, 'touchEnd', []);
  await pen('mouseReleased', line.at(-1)!, 0);
  const [stroke, palm] = await inkIn(page, [band(150), { x: 550, y: 350, w: 250, h: 200 }]);
  expect(stroke).toBeGreaterThan(300);
  expect(palm).toBe(0);
  expect(await inkOnScreen(page, [band(150)])).toEqual([stroke]);
});

test('two fingers spread apart zoom the page about their midpoint', async ({ page }) => {
  const { cdp, at } = await openBoard(page);
  await mouseStroke(page, at, segment([100, 100], [300, 100]));
  const [before] = await inkIn(page, [{ x: 0, y: 0, w: 1366, h: 600 }]);
  // Fingers at 100 and 300 move to 0 and 400 around x = 200: twice the zoom, the stroke twice as long and thick.
  await fingers(cdp, [segment([150, 100], [50, 100], 10).map(at), segment([250, 100], [350, 100], 10).map(at)]);
  const [after, left, right] = await inkIn(page, [{ x: 0, y: 0, w: 1366, h: 600 }, { x: 0, y: 60, w: 40, h: 80 }, { x: 360, y: 60, w: 40, h: 80 }]);
  expect(after).toBeGreaterThan(before! * 3);
  expect(left).toBeGreaterThan(50); // the stroke now starts at x = 0 …
  expect(right).toBeGreaterThan(50); // … and ends at x = 400
  await page.getByTestId('board-reset-view').click();
  expect((await inkIn(page, [{ x: 0, y: 0, w: 1366, h: 600 }]))[0]).toBe(before);
});

test('the eraser removes the strokes it crosses, and undo brings them back', async ({ page }) => {
  const { at } = await openBoard(page);
  await mouseStroke(page, at, segment([100, 150], [400, 150]));
  await mouseStroke(page, at, segment([100, 300], [400, 300]));
  const [top, low] = await inkIn(page, [band(150), band(300)]);
  expect(top).toBeGreaterThan(200);
  expect(low).toBeGreaterThan(200);

  await page.getByTestId('board-eraser').click();
  await mouseStroke(page, at, segment([250, 100], [250, 220], 6));
  expect(await inkIn(page, [band(150), band(300)])).toEqual([0, low]);
  expect(await inkOnScreen(page, [band(150), band(300)])).toEqual([0, low]);
  await page.keyboard.press('Control+z');
  expect(await inkIn(page, [band(150), band(300)])).toEqual([top, low]);

  // Clear page, and its undo.
  await page.getByTestId('board-clear').click();
  expect(await inkIn(page, [band(150), band(300)])).toEqual([0, 0]);
  await page.getByTestId('board-undo').click();
  expect(await inkIn(page, [band(150), band(300)])).toEqual([top, low]);
});

test('the toolbar: targets of at least 48 px, reachable and pressable from the keyboard, in every language', async ({ page }) => {
  for (const lang of ['kk', 'ru', 'en']) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/board.html?lang=${lang}`);
    // The board's own toolbar (the page also has the classroom tools' menu).
    const toolbar = page.locator('.board-toolbar');
    await expect(toolbar).toBeVisible();
    for (const button of await toolbar.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.width, await button.getAttribute('data-testid') ?? '').toBeGreaterThanOrEqual(48);
      expect(box.height).toBeGreaterThanOrEqual(48);
    }
    // One row at 1366 × 768: the page keeps its height.
    expect((await toolbar.boundingBox())!.height).toBeLessThan(90);
  }
  await page.getByTestId('board-pen').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('board-highlighter')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('board-highlighter')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-eraser')).toHaveAttribute('aria-pressed', 'true');
});
