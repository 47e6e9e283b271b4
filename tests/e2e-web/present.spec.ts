import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Locale } from '../../src-core/i18n';
import { askHost, LOCALES, signIn, t } from './helpers';

// The teacher's "Digital lessons": a lesson of the day opened on the board, ink kept per page, board files imported
// as pages under the ink, a refused file, the page as PNG, full screen. Only the central server's project (the view
// has nothing of its own to sync). SABAQ_PRESENT_SHOTS=1 also writes /tmp/present-*.png (1920×1080 and 1366×768, kk/ru/en).
const SHOTS = process.env.SABAQ_PRESENT_SHOTS === '1';
const UBZ = '/work/shared/bench-data/iwb/sankore-player-demo_abecedaire.ubz';

test.beforeEach(({ page: _page }, info) => {
  test.skip(info.project.name !== 'server', 'the view is the same on both hosts');
});

const stage = (page: Page) => page.getByTestId('present-stage');
const currentPage = (page: Page) => page.locator('[data-testid="present-page"][data-current="true"]');

async function openFirstLesson(page: Page, locale: Locale) {
  await signIn(page, 'teacher', locale);
  await page.locator('[data-section="digitalLessons"]').click();
  await expect(page.getByTestId('present-view')).toBeVisible();
  await expect(page.getByRole('heading', { name: t(locale, 'present.title') })).toBeVisible();
  await page.getByTestId('present-lesson').first().click();
  await expect(stage(page)).toBeVisible();
  await expect(currentPage(page).getByTestId('ink-canvas')).toBeVisible();
}

/** Dark pixels in the current page's ink canvas (the ink; the paper is white, grid lines are light). */
async function inkPixels(page: Page): Promise<number> {
  return currentPage(page).getByTestId('ink-canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 120 && d[i + 1]! < 120 && d[i + 2]! < 160) n++;
    return n;
  });
}

async function scribble(page: Page, canvas: Locator, dx = 0) {
  const box = (await canvas.boundingBox())!;
  const x0 = box.x + 120 + dx, y0 = box.y + 120;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(x0 + i * 12, y0 + Math.sin(i / 2) * 40 + i * 4);
  await page.mouse.up();
}

test('the teacher presents a lesson: ink per page, a board file imported, a refused file, the page as PNG', async ({ page, request }) => {
  const locale: Locale = 'en';
  const day = await askHost(request, 'teacher', 'timetable.teacherDay', {}, locale);
  expect(day.lessons.length, 'the demo teacher teaches on the test day').toBeGreaterThan(0);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openFirstLesson(page, locale);
  const first = [...day.lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.period - b.period)[0]!;
  await expect(page.getByTestId('present-title')).toContainText(first.subject.name[locale]);
  await expect(page.getByTestId('present-title')).toContainText(first.class.name);
  await expect(stage(page)).toHaveAttribute('data-page-count', '1');

  // Ink on the first page.
  expect(await inkPixels(page)).toBe(0);
  await scribble(page, currentPage(page).getByTestId('ink-canvas'));
  await expect.poll(() => inkPixels(page)).toBeGreaterThan(200);
  const firstInk = await inkPixels(page);

  // A grid page: empty, the first page's ink is not on it; a stroke there, then Ctrl+Z undoes only that page's stroke.
  await page.getByTestId('present-add-grid').click();
  await expect(stage(page)).toHaveAttribute('data-page-count', '2');
  await expect(page.getByTestId('present-count')).toHaveText(t(locale, 'present.pageOf', { n: 2, total: 2 }));
  await expect.poll(() => inkPixels(page)).toBe(0);
  await scribble(page, currentPage(page).getByTestId('ink-canvas'), 300);
  await expect.poll(() => inkPixels(page)).toBeGreaterThan(200);
  await page.keyboard.press('Control+z');
  await expect.poll(() => inkPixels(page)).toBe(0);
  await page.keyboard.press('Control+y');
  await expect.poll(() => inkPixels(page)).toBeGreaterThan(200);

  // Back by PageUp: the first page's ink is still there, the same; PageDown and the buttons turn pages too.
  await page.keyboard.press('PageUp');
  await expect(stage(page)).toHaveAttribute('data-current', '0');
  await expect.poll(() => inkPixels(page)).toBe(firstInk);
  await page.keyboard.press('PageDown');
  await expect(stage(page)).toHaveAttribute('data-current', '1');
  await page.getByTestId('present-previous').click();
  await expect(stage(page)).toHaveAttribute('data-current', '0');
  await expect.poll(() => inkPixels(page)).toBe(firstInk);
  // The thumbnails: one per page, the current one marked.
  await expect(page.getByTestId('present-thumb')).toHaveCount(2);
  await expect(page.getByTestId('present-thumb').first()).toHaveAttribute('aria-current', 'page');

  // The OpenBoard file: six more pages, the first of them shown with its text in the document layer under the ink.
  await page.getByTestId('present-import').setInputFiles(UBZ);
  await expect(stage(page)).toHaveAttribute('data-page-count', '8');
  await expect(stage(page)).toHaveAttribute('data-current', '2');
  await expect(page.getByTestId('present-notice')).toHaveText(t(locale, 'present.imported', { n: 6, title: 'abécédaire français' }));
  const doc = currentPage(page).getByTestId('present-doc');
  await expect(doc).toBeVisible();
  await expect(doc.getByTestId('present-doc-text').first()).toHaveText('Mon abécédaire');
  await expect(doc.locator('image')).toHaveCount(5);
  expect(await doc.locator('image').first().getAttribute('href')).toMatch(/^data:image\/png;base64,/);
  // The layer lies under the ink canvas, inside the board's surface (in the layer that takes the ink's view).
  expect(await currentPage(page).locator('.board-surface > .present-layer > svg[data-testid="present-doc"]').count()).toBe(1);
  await expect(page.getByTestId('present-thumb')).toHaveCount(8);

  // Ink over the document page, then the page as PNG: the document and the ink in one picture.
  await scribble(page, currentPage(page).getByTestId('ink-canvas'), 200);
  const download = page.waitForEvent('download');
  await page.getByTestId('present-save-menu').click();
  await page.getByTestId('present-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-3\.png$/);
  await expect(stage(page)).toHaveAttribute('data-last-export', 'composed');
  await expect(page.getByTestId('present-notice')).toHaveText(t(locale, 'present.saved'));
  const png = (await import('node:fs')).readFileSync(await file.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // Decoded in the page: coloured pixels (the alphabet's pictures) mean the document is in the picture, not only ink.
  const colourful = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 60) n++;
    return n;
  }, png.toString('base64'));
  expect(colourful).toBeGreaterThan(1000);

  // A damaged file: the translated error, nothing changes, the lesson stays open.
  const junk = randomBytes(4096);
  junk[0] = 0; // not by chance another file type's signature
  await page.getByTestId('present-import').setInputFiles({ name: 'bad.ubz', mimeType: 'application/octet-stream', buffer: junk });
  await expect(page.getByTestId('present-notice')).toHaveText(t(locale, 'error.board_corrupt'));
  await expect(page.getByTestId('present-notice')).toHaveAttribute('role', 'alert');
  await expect(stage(page)).toHaveAttribute('data-page-count', '8');
  await expect(stage(page)).toHaveAttribute('data-current', '2');
  await expect(doc.getByTestId('present-doc-text').first()).toHaveText('Mon abécédaire');

  // Full screen on the stage; Escape (or the button) leaves it.
  await page.getByTestId('present-fullscreen').click();
  await expect(page.getByTestId('present-fullscreen')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid'))).toBe('present-stage');
  await page.keyboard.press('Escape');
  if (await page.evaluate(() => document.fullscreenElement !== null)) {
    // Headless Chromium has no browser UI to take Escape: leave by the button.
    await page.getByTestId('present-fullscreen').click();
  }
  await expect(page.getByTestId('present-fullscreen')).toHaveAttribute('aria-pressed', 'false');

  // Back to the lessons.
  await page.getByTestId('present-back').click();
  await expect(page.getByTestId('present-lesson').first()).toBeVisible();
});

test('the day navigator picks another day\'s lessons', async ({ page, request }) => {
  await openFirstLesson(page, 'ru');
  await page.getByTestId('present-back').click();
  const today = await askHost(request, 'teacher', 'timetable.teacherDay', {}, 'ru');
  const shownBefore = await page.getByTestId('day-title').textContent();
  await page.getByRole('button', { name: t('ru', 'day.next') }).click();
  await expect(page.getByTestId('day-title')).not.toHaveText(shownBefore ?? '');
  const next = await askHost(request, 'teacher', 'timetable.teacherDay', { date: nextDay(today.date) }, 'ru');
  if (next.lessons.length) await expect(page.getByTestId('present-lesson')).toHaveCount(next.lessons.length);
  else await expect(page.getByTestId('present-lesson')).toHaveCount(0);
});

const nextDay = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
  for (const locale of LOCALES) {
    test(`screens ${size.width}×${size.height} ${locale}`, async ({ page }) => {
      test.skip(!SHOTS, 'SABAQ_PRESENT_SHOTS=1 writes the screens');
      await page.setViewportSize(size);
      await signIn(page, 'teacher', locale);
      await page.locator('[data-section="digitalLessons"]').click();
      await expect(page.getByTestId('present-lesson').first()).toBeVisible();
      await page.screenshot({ path: `/tmp/present-${size.width}-${locale}-lessons.png` });
      await page.getByTestId('present-lesson').first().click();
      await scribble(page, currentPage(page).getByTestId('ink-canvas'));
      await page.getByTestId('present-import').setInputFiles(UBZ);
      await expect(stage(page)).toHaveAttribute('data-page-count', '7');
      await expect(currentPage(page).getByTestId('present-doc')).toBeVisible();
      await scribble(page, currentPage(page).getByTestId('ink-canvas'), 250);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/present-${size.width}-${locale}-stage.png` });
      const junk = randomBytes(512);
      junk[0] = 0;
      await page.getByTestId('present-import').setInputFiles({ name: 'bad.ubz', mimeType: 'application/octet-stream', buffer: junk });
      await expect(page.getByTestId('present-notice')).toHaveText(t(locale, 'error.board_corrupt'));
      await page.screenshot({ path: `/tmp/present-${size.width}-${locale}-error.png` });
    });
  }
}

test('the random pupil picker calls a pupil of the lesson to the board, and a tap puts the mark in the journal', async ({ page, request }) => {
  // A lesson outside the journals the journal's tests write (the teacher's first two): their term marks stay theirs.
  const { journals } = await askHost(request, 'teacher', 'journal.list', {});
  const busy = journals.filter((j) => j.mine).slice(0, 2).map((j) => `${j.class.id}|${j.subject.id}`);
  const lessons = (await askHost(request, 'teacher', 'timetable.teacherDay', {})).lessons;
  const at = lessons.findIndex((l) => !busy.includes(`${l.class.id}|${l.subject.id}`));
  test.skip(at < 0, "all of today's lessons are in the journals the journal's tests write");
  const lessonId = lessons[at]!;
  await signIn(page, 'teacher', 'en');
  await page.locator('[data-section="digitalLessons"]').click();
  await page.getByTestId('present-lesson').nth(at).click();
  await expect(stage(page)).toBeVisible();
  await expect(page.getByTestId('present-title')).toContainText(lessonId.class.name);
  const sheet = await askHost(request, 'teacher', 'journal.sheet', { classId: lessonId.class.id, subjectId: lessonId.subject.id });
  await page.getByTestId('tools-open-picker').click();
  await expect(page.getByTestId('picker-progress')).toContainText(String(sheet.pupils.length));
  await page.getByTestId('picker-pick').click();
  const name = page.getByTestId('picker-name');
  await expect(name).toHaveAttribute('data-state', 'done');
  const pupilId = (await name.getAttribute('data-pupil-id'))!;
  expect(sheet.pupils.map((p) => p.id)).toContain(pupilId);
  const writable = sheet.lessons.find((l) => l.id === lessonId.id)?.writable;
  test.skip(!writable, "today's first lesson is not the teacher's to write");
  await page.getByTestId('picker-mark-7').click();
  await expect(page.getByTestId('picker-result')).toBeVisible();
  await expect.poll(async () => {
    const after = await askHost(request, 'teacher', 'journal.sheet', { classId: lessonId.class.id, subjectId: lessonId.subject.id });
    return after.cells.find((c) => c.lessonId === lessonId.id && c.studentId === pupilId)?.fo?.value;
  }).toBe(7);
});
