import { expect, test, type Page } from '@playwright/test';

// The board's classroom tools on the board's test page (board.html): the timer, the random pupil with the one-tap
// formative mark (the page keeps the marks given and shows them in its header), the curtain, the spotlight and the
// magnifier. Screenshots of every tool in kk, ru and en at 1920×1080 and 1366×768 go to /tmp/board-tools-*.png.

test.beforeEach(({ page: _page }, info) => {
  test.skip(info.project.name !== 'server', 'the board page is the same on both hosts');
});

async function openPage(page: Page, query = 'lang=en', size = { width: 1366, height: 768 }) {
  await page.setViewportSize(size);
  await page.goto(`/board.html?${query}`);
  await expect(page.getByTestId('ink-canvas')).toBeVisible();
  await expect(page.getByTestId('tools-menu')).toBeVisible();
}

/** The tool's overlay lies inside the board's stage. */
async function expectInStage(page: Page, kind: string) {
  await expect(page.locator(`.board-surface > [data-testid="tool-${kind}"]`)).toBeVisible();
}

test('the timer counts down, pauses, resumes and signals zero; Escape closes it', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+05:00') });
  await openPage(page);
  await page.getByTestId('tools-open-timer').click();
  await expectInStage(page, 'timer');
  const digits = page.getByTestId('timer-digits');
  await expect(digits).toHaveText('05:00');
  await page.getByTestId('timer-preset-1').click();
  await expect(digits).toHaveText('01:00');
  await page.getByTestId('timer-plus').click();
  await expect(digits).toHaveText('02:00');
  await page.getByTestId('timer-minus').click();
  await expect(digits).toHaveText('01:00');
  await page.getByTestId('timer-start').click();
  await page.clock.runFor(30_000);
  await expect(digits).toHaveText('00:30');
  await page.getByTestId('timer-pause').click();
  await page.clock.runFor(20_000);
  await expect(digits).toHaveText('00:30');
  await expect(page.getByTestId('timer-start')).toHaveText('Resume');
  await page.getByTestId('timer-start').click();
  await page.clock.runFor(29_000);
  await expect(digits).toHaveText('00:01');
  await page.clock.runFor(2_000);
  await expect(digits).toHaveText('00:00');
  await expect(page.getByTestId('tool-timer')).toHaveClass(/tools-timer-done/);
  await expect(page.getByTestId('tool-timer')).toContainText("Time's up!");
  await expect(page.getByTestId('timer-sound')).toHaveAttribute('aria-pressed', 'false'); // muted by default
  await page.getByTestId('timer-reset').click();
  await expect(digits).toHaveText('01:00');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-timer')).toHaveCount(0);
});

test('the picker picks all 25 once before anyone twice; one tap gives a mark through onMark', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPage(page);
  await page.getByTestId('tools-open-picker').click();
  await expectInStage(page, 'picker');
  const name = page.getByTestId('picker-name');
  const picks: string[] = [];
  for (let i = 0; i < 26; i++) {
    await page.getByTestId('picker-pick').click();
    // The count changes with the pick (in the same render): wait for it before reading the name.
    await expect(page.getByTestId('picker-progress')).toContainText(`Picked: ${(i % 25) + 1} of 25`);
    await expect(name).toHaveAttribute('data-state', 'done');
    const id = (await name.getAttribute('data-pupil-id'))!;
    expect(id).toMatch(/^demo-pupil-\d\d$/);
    picks.push(id);
  }
  expect(new Set(picks.slice(0, 25)).size).toBe(25);
  expect(picks.slice(0, 25)).toContain(picks[25]);
  expect(picks[25]).not.toBe(picks[24]);
  await expect(page.getByTestId('picker-progress')).toContainText('a new round');

  const marks = page.getByTestId('demo-marks');
  await expect(marks).toHaveAttribute('data-count', '0');
  await page.getByTestId('picker-mark-7').click();
  await expect(page.getByTestId('picker-result')).toContainText('formative mark 7 given');
  await expect(marks).toHaveAttribute('data-count', '1');
  await expect(marks).toHaveAttribute('data-last', `${picks[25]}:7`);
  const shown = (await name.textContent())!;
  await expect(marks).toContainText(`${shown.split(' ')[0]} `);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-picker')).toHaveCount(0);
});

test('the picker leaves absent pupils out and shuffles before it shows the name', async ({ page }) => {
  await openPage(page, 'lang=en&absent=demo-pupil-01,demo-pupil-02');
  await page.getByTestId('tools-open-picker').click();
  const name = page.getByTestId('picker-name');
  await expect(page.getByTestId('picker-progress')).toContainText('Picked: 0 of 23');
  await expect(page.getByTestId('picker-progress')).toContainText('Absent: 2');
  const picks: string[] = [];
  let sawShuffle = false;
  for (let i = 0; i < 23; i++) {
    await page.getByTestId('picker-pick').click();
    await expect(page.getByTestId('picker-progress')).toContainText(`Picked: ${i + 1} of 23`);
    if ((await name.getAttribute('data-state')) === 'shuffling') sawShuffle = true;
    await expect(name).toHaveAttribute('data-state', 'done');
    picks.push((await name.getAttribute('data-pupil-id'))!);
  }
  expect(sawShuffle).toBe(true);
  expect(new Set(picks).size).toBe(23);
  expect(picks).not.toContain('demo-pupil-01');
  expect(picks).not.toContain('demo-pupil-02');
  await page.getByTestId('tool-close').click();
  await expect(page.getByTestId('tool-picker')).toHaveCount(0);
});

test('the curtain, the spotlight and the magnifier open over the stage, work, and close with Escape', async ({ page }) => {
  await openPage(page, 'lang=en&seed=400');
  // Curtain: arrows and dragging the edge move it.
  await page.getByTestId('tools-open-curtain').click();
  await expectInStage(page, 'curtain');
  const cloth = page.getByTestId('curtain-cloth');
  await expect(cloth).toHaveAttribute('data-open', '0.10');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(cloth).toHaveAttribute('data-open', '0.20');
  const stage = (await page.locator('.board-surface').boundingBox())!;
  const edge = (await page.getByTestId('curtain-edge').boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2, stage.y + stage.height / 2, { steps: 5 });
  await page.mouse.up();
  expect(Number(await cloth.getAttribute('data-open'))).toBeCloseTo(0.5, 1);
  await page.getByTestId('curtain-from-left').click();
  await page.keyboard.press('ArrowRight');
  await expect(cloth).toHaveAttribute('data-open', '0.55');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-curtain')).toHaveCount(0);

  // Spotlight: drag the circle, change its size.
  await page.getByTestId('tools-open-spotlight').click();
  await expectInStage(page, 'spotlight');
  const circle = page.getByTestId('spotlight-circle');
  const r0 = Number(await circle.getAttribute('data-radius'));
  await page.getByTestId('spotlight-bigger').click();
  expect(Number(await circle.getAttribute('data-radius'))).toBeGreaterThan(r0);
  const c = (await circle.boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2);
  await page.mouse.down();
  await page.mouse.move(stage.x + 300, stage.y + 200, { steps: 5 });
  await page.mouse.up();
  const moved = (await circle.boundingBox())!;
  expect(moved.x + moved.width / 2).toBeCloseTo(stage.x + 300, 0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-spotlight')).toHaveCount(0);

  // Magnifier: the lens shows the canvas's picture, taken at opening and again when the lens is let go.
  await page.getByTestId('tools-open-magnifier').click();
  await expectInStage(page, 'magnifier');
  const img = page.locator('.tools-lens-image');
  await expect(img).toHaveAttribute('src', /^data:image\/png;base64,/);
  const lens = (await page.getByTestId('magnifier-lens').boundingBox())!;
  await page.mouse.move(lens.x + lens.width / 2, lens.y + lens.height / 2);
  await page.mouse.down();
  await page.mouse.move(stage.x + 400, stage.y + 250, { steps: 5 });
  await page.mouse.up();
  await expect(img).toHaveAttribute('style', /translate\(-650px, -350px\) scale\(2\)/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tool-magnifier')).toHaveCount(0);
});

test('screenshots of the tools in kk, ru and en at 1920×1080 and 1366×768', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
    for (const lang of ['kk', 'ru', 'en']) {
      await openPage(page, `lang=${lang}&seed=300`, size);
      const shot = (name: string) => page.screenshot({ path: `/tmp/board-tools-${lang}-${size.width}-${name}.png` });
      await page.getByTestId('tools-open-timer').click();
      await page.getByTestId('timer-preset-3').click();
      await shot('timer');
      await page.keyboard.press('Escape');
      await page.getByTestId('tools-open-picker').click();
      await page.getByTestId('picker-pick').click();
      await page.getByTestId('picker-mark-8').click();
      await expect(page.getByTestId('demo-marks')).toHaveAttribute('data-count', '1');
      await shot('picker');
      await page.keyboard.press('Escape');
      for (const tool of ['curtain', 'spotlight', 'magnifier']) {
        await page.getByTestId(`tools-open-${tool}`).click();
        if (tool === 'curtain') for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
        await shot(tool);
        await page.keyboard.press('Escape');
      }
    }
  }
});
