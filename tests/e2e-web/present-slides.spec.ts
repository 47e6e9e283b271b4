import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type CDPSession, type Locator, type Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { FileInfo, LessonPlan, PlanResource } from '../../src-core/contract/ops/resources';
import type { Locale } from '../../src-core/i18n';
import { lessonPdf } from '../bench/pdf';
import { png } from '../helpers/png';
import { askHost, LOCALES, PASSWORD, signIn, t } from './helpers';

// Slides from the lesson plan on the board: the files written to the host (POST /files) and named in the lesson's
// plan (lesson.setPlan), then shown: a PDF's pages rendered under the ink, a picture, a video with the board's own
// controls, an HTML5 package in a sandboxed frame, a damaged PDF and a missing file each saying so on their page;
// the layer under the ink following a two-finger pan; the presenter view in a second window following the pages;
// the board saved to the lesson as a PNG and a PDF of every page. SABAQ_PRESENT_SHOTS=1 also writes
// /tmp/present-slides-*.png (1920×1080 and 1366×768, kk/ru/en).
const SHOTS = process.env.SABAQ_PRESENT_SHOTS === '1';
const UBZ = '/work/shared/bench-data/iwb/sankore-player-demo_abecedaire.ubz';
const PDF_PAGES = 3;
const MISSING_SHA = 'f'.repeat(64);

test.describe.configure({ mode: 'serial' });

// The board saved to the lesson runs on both hosts (the desktop client keeps the files and sends them with its sync);
// the rest only against the central server: the slides are drawn alike whichever host gives the files.
test.beforeEach(({ page: _page }, info) => {
  test.skip(info.project.name !== 'server' && !info.title.includes('saved to the lesson'), 'the slides are the same on both hosts');
});

const stage = (page: Page) => page.getByTestId('present-stage');
const currentPage = (page: Page) => page.locator('[data-testid="present-page"][data-current="true"]');

async function bearer(request: APIRequestContext, login = 'teacher'): Promise<string> {
  const res = await request.post('/auth/sign-in', { data: { login, password: PASSWORD, deviceId: '00000000-0000-4000-8000-00000000e2e1' } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function upload(request: APIRequestContext, token: string, name: string, bytes: Buffer | Uint8Array): Promise<FileInfo> {
  const res = await request.post(`/files?name=${encodeURIComponent(name)}`, {
    data: Buffer.from(bytes), headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' },
  });
  expect(res.status(), (await res.text()).slice(0, 300)).toBe(201);
  return ((await res.json()) as { file: FileInfo }).file;
}

/** A short WebM made by the browser itself (a canvas recorded by MediaRecorder). */
async function webm(page: Page): Promise<Buffer> {
  await page.goto('/');
  const b64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320; canvas.height = 180;
    const ctx = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
    const parts: Blob[] = [];
    recorder.ondataavailable = (e) => parts.push(e.data);
    const stopped = new Promise((r) => { recorder.onstop = r; });
    recorder.start();
    for (let i = 0; i < 40; i++) {
      ctx.fillStyle = `hsl(${i * 9}, 70%, 50%)`;
      ctx.fillRect(0, 0, 320, 180);
      ctx.fillStyle = '#fff';
      ctx.fillRect(20 + i * 6, 70, 40, 40);
      await new Promise((r) => setTimeout(r, 40));
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(parts, { type: 'video/webm' }).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}

/**
 * The lesson the slides are tried on: one the other browser tests leave alone (the presentation's first, the lesson
 * plan's second and third, the plans' last, and the demo pupil's class, whose board the diary's test saves).
 */
async function slideLesson(request: APIRequestContext) {
  const day = await askHost(request, 'teacher', 'timetable.teacherDay', {});
  const lessons = [...day.lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.period - b.period);
  expect(lessons.length, 'the demo teacher teaches on the test day').toBeGreaterThan(1);
  const pupilClass = (await askHost(request, 'student', 'diary.week', {})).class?.id;
  const free = lessons.findIndex((l, i) => i > 2 && i < lessons.length - 1 && l.class.id !== pupilClass && l.status !== 'cancelled');
  const index = free >= 0 ? free : lessons.length - 1;
  return { lesson: lessons[index]!, index };
}

interface Uploaded { pdf: FileInfo; broken: FileInfo; image: FileInfo; video: FileInfo; html5: FileInfo }

/** The plan of the lesson with every kind of resource; the files written first. */
async function planWithResources(page: Page, request: APIRequestContext): Promise<{ lessonId: string; index: number; files: Uploaded; plan: LessonPlan }> {
  const { lesson, index } = await slideLesson(request);
  const token = await bearer(request);
  const brokenPdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251)), Buffer.from('\n%%EOF\n')]);
  const files: Uploaded = {
    pdf: await upload(request, token, 'fractions.pdf', await lessonPdf(PDF_PAGES, { images: false })),
    broken: await upload(request, token, 'broken.pdf', brokenPdf),
    image: await upload(request, token, 'map.png', png(400, 240, (x, y) => [x % 256, (y * 2) % 256, 180])),
    video: await upload(request, token, 'experiment.webm', await webm(page)),
    html5: await upload(request, token, 'quiz.zip', zipSync({ 'index.html': strToU8('<!doctype html><meta charset="utf-8"><h1>Quiz</h1><button>1</button>') })),
  };
  const resource = (f: FileInfo, title: string, i: number): PlanResource => ({
    resourceId: `00000000-0000-4000-8000-0000000000${String(10 + i)}`, sha256: f.sha256, title, kind: f.kind, mime: f.mime, size: f.size,
  });
  const plan: LessonPlan = {
    objectives: ['5.1.2.3 бөлімдері бірдей бөлшектерді қосу'],
    stages: [
      { title: 'Ұйымдастыру', minutes: 5, notes: 'Сәлемдесу, үй тапсырмасын тексеру' },
      { title: 'Жаңа тақырып', minutes: 20, notes: 'PDF бойынша түсіндіру, тақтаға мысал жазу' },
      { title: 'Бекіту', minutes: 20, notes: null },
    ],
    resources: [
      resource(files.pdf, 'Бөлшектер', 0),
      resource(files.image, 'Карта', 1),
      resource(files.video, 'Тәжірибе', 2),
      resource(files.broken, 'Бүлінген PDF', 3),
      { ...resource(files.pdf, 'Жоқ файл', 4), sha256: MISSING_SHA, size: 1000 },
      resource(files.html5, 'Тест', 5),
    ],
    notes: null,
  };
  const res = await request.post('/api/lesson.setPlan', { data: { lessonId: lesson.id, plan }, headers: { Authorization: `Bearer ${token}` } });
  expect(res.status(), (await res.text()).slice(0, 300)).toBe(200);
  return { lessonId: lesson.id, index, files, plan };
}

async function openLesson(page: Page, locale: Locale, index: number) {
  await signIn(page, 'teacher', locale);
  await page.locator('[data-section="digitalLessons"]').click();
  await page.getByTestId('present-lesson').nth(index).click();
  await expect(stage(page)).toBeVisible();
  await expect(currentPage(page).getByTestId('ink-canvas')).toBeVisible();
}

/** Pixels of a canvas (in the page) that `test` picks, counted in a region given as fractions of its size. */
async function countPixels(canvas: Locator, kind: 'dark' | 'blue' | 'red', region = { x: 0, y: 0, w: 1, h: 1 }): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement, [k, r]) => {
    const x0 = Math.floor(c.width * r.x), y0 = Math.floor(c.height * r.y);
    const d = c.getContext('2d')!.getImageData(x0, y0, Math.max(1, Math.floor(c.width * r.w)), Math.max(1, Math.floor(c.height * r.h))).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [R, G, B] = [d[i]!, d[i + 1]!, d[i + 2]!];
      if (k === 'dark' && R < 100 && G < 100 && B < 140) n++;
      if (k === 'blue' && B > 150 && R < 60 && G < 120) n++;
      if (k === 'red' && R > 150 && G < 80 && B < 80) n++;
    }
    return n;
  }, [kind, region] as const);
}

/** The same count over a PNG file's pixels, decoded in the page. */
async function pngPixels(page: Page, bytes: Buffer, kind: 'blue' | 'red'): Promise<number> {
  return page.evaluate(async ([b64, k]) => {
    const data = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [R, G, B] = [d[i]!, d[i + 1]!, d[i + 2]!];
      if (k === 'blue' && B > 150 && R < 60 && G < 120) n++;
      if (k === 'red' && R > 150 && G < 80 && B < 80) n++;
    }
    return n;
  }, [bytes.toString('base64'), kind] as const);
}

async function scribble(page: Page, canvas: Locator, dx = 0, dy = 0) {
  const box = (await canvas.boundingBox())!;
  const x0 = box.x + box.width * 0.55 + dx, y0 = box.y + box.height * 0.3 + dy;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(x0 + i * 10, y0 + Math.sin(i / 2) * 30 + i * 4);
  await page.mouse.up();
}

type Pt = [number, number];
async function twoFingers(cdp: CDPSession, a: Pt, b: Pt, by: Pt, steps = 12) {
  const at = (p: Pt, i: number): Pt => [p[0] + (by[0] * i) / steps, p[1] + (by[1] * i) / steps];
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', i: number) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [a, b].map((p, id) => ({ x: at(p, i)[0], y: at(p, i)[1], id, radiusX: 4, radiusY: 4, force: 1 })),
  });
  await send('touchStart', 0);
  for (let i = 1; i <= steps; i++) await send('touchMove', i);
  await send('touchEnd', steps);
}

let prepared: Awaited<ReturnType<typeof planWithResources>> | null = null;

test('the lesson plan\'s resources become slides: a PDF\'s pages under the ink, a picture, a video, HTML5, and the ones that fail say why', async ({ page, request }) => {
  const locale: Locale = 'en';
  prepared = await planWithResources(page, request);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLesson(page, locale, prepared.index);

  // The plan's resources are offered when the lesson opens: all six added, the PDF as its three pages.
  const panel = page.getByTestId('present-plan');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('present-plan-item')).toHaveCount(6);
  await panel.getByTestId('present-plan-add-all').click();
  await expect(stage(page)).toHaveAttribute('data-page-count', String(1 + PDF_PAGES + 5));
  await expect(page.getByTestId('present-notice')).toHaveText(t(locale, 'present.plan.addedSome', { n: PDF_PAGES + 3, failed: 2 }));
  await expect(stage(page)).toHaveAttribute('data-current', '1');

  // The PDF's first page, rendered: its heading (dark text in the top left) and its blue bars are on the canvas.
  const pdf = currentPage(page).getByTestId('present-slide-pdf');
  await expect(pdf).toHaveAttribute('data-ready', 'true');
  const pdfCanvas = pdf.locator('canvas');
  expect(await countPixels(pdfCanvas, 'dark', { x: 0.04, y: 0.04, w: 0.4, h: 0.1 }), 'the heading "Sabaq PDF 1"').toBeGreaterThan(300);
  expect(await countPixels(pdfCanvas, 'blue'), 'the chart\'s blue bars').toBeGreaterThan(500);
  // A blank region of the page stays blank (the text is where the PDF put it, not a grey smear).
  expect(await countPixels(pdfCanvas, 'dark', { x: 0.6, y: 0.02, w: 0.35, h: 0.1 })).toBe(0);
  // Its size is the stage's: the page fills the surface's height (sharp, not a thumbnail scaled up).
  const surface = (await currentPage(page).locator('.board-surface').boundingBox())!;
  const drawn = (await pdfCanvas.boundingBox())!;
  expect(Math.max(drawn.width / surface.width, drawn.height / surface.height)).toBeGreaterThan(0.98);
  expect(await pdfCanvas.evaluate((c: HTMLCanvasElement) => c.height)).toBeGreaterThanOrEqual(Math.floor(drawn.height));

  // Red ink over the PDF page, then the page as PNG: the PDF's bars and the ink in one picture.
  await currentPage(page).getByTestId('board-colour-red').click();
  await scribble(page, currentPage(page).getByTestId('ink-canvas'));
  const download = page.waitForEvent('download');
  await page.getByTestId('present-save-menu').click();
  await page.getByTestId('present-save').click();
  const file = await download;
  const pngBytes = readFileSync(await file.path());
  await expect(stage(page)).toHaveAttribute('data-last-export', 'composed');
  expect(await pngPixels(page, pngBytes, 'red'), 'the ink').toBeGreaterThan(300);
  expect(await pngPixels(page, pngBytes, 'blue'), 'the PDF under it').toBeGreaterThan(500);

  // The next PDF pages are the deck's next pages; the thumbnails show them.
  await page.keyboard.press('PageDown');
  await expect(currentPage(page).getByTestId('present-slide-pdf')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('present-thumb').nth(2)).toContainText('Бөлшектер');

  // The picture.
  await page.getByTestId('present-thumb').nth(1 + PDF_PAGES).click();
  const image = currentPage(page).getByTestId('present-slide-image').locator('img');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(400);

  // The video: the board's own large controls over the ink; play, then a pen on the video pauses it.
  await page.keyboard.press('PageDown');
  const bar = currentPage(page).getByTestId('present-media-bar');
  await expect(bar).toBeVisible();
  for (const id of ['present-media-play', 'present-media-seek', 'present-media-mute', 'present-media-volume', 'present-media-back', 'present-media-forward']) {
    await expect(bar.getByTestId(id)).toBeVisible();
  }
  const play = bar.getByTestId('present-media-play');
  expect((await play.boundingBox())!.height, 'a finger-sized button').toBeGreaterThanOrEqual(60);
  await expect(bar.getByTestId('present-media-seek')).toBeEnabled();
  await play.click();
  await expect(bar).toHaveAttribute('data-playing', 'true');
  await scribble(page, currentPage(page).getByTestId('ink-canvas'), -300);
  await expect(bar).toHaveAttribute('data-playing', 'false');

  // The damaged PDF and the missing file: each page says why, translated.
  await page.keyboard.press('PageDown');
  await expect(currentPage(page).getByTestId('present-slide-error')).toContainText(t(locale, 'present.slide.corrupt'));
  await expect(currentPage(page).getByTestId('present-slide-error')).toContainText(t(locale, 'present.slide.failedTitle', { title: 'Бүлінген PDF' }));
  await page.keyboard.press('PageDown');
  await expect(currentPage(page).getByTestId('present-slide-error')).toContainText(t(locale, 'present.slide.unavailable'));

  // The HTML5 package in a sandboxed frame, in use until the teacher switches to writing over it.
  await page.keyboard.press('PageDown');
  const frame = currentPage(page).getByTestId('present-html5');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-forms');
  expect(await frame.getAttribute('src')).toMatch(/\/pkg\/$/);
  await expect(page.frameLocator('[data-current="true"] [data-testid="present-html5"]').getByRole('heading', { name: 'Quiz' })).toBeVisible();
  await expect(currentPage(page)).toHaveClass(/interact/);
  await currentPage(page).getByTestId('present-interact').click();
  await expect(currentPage(page)).not.toHaveClass(/interact/);

  // The rest of the lesson still works: back to the PDF's first page, its ink still there.
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  await expect(currentPage(page).getByTestId('present-slide-pdf')).toHaveAttribute('data-ready', 'true');
  expect(await countPixels(currentPage(page).getByTestId('ink-canvas'), 'red')).toBeGreaterThan(300);
});

test('the layer under the ink pans with two fingers, as the ink does (a PDF page and an imported board page)', async ({ page, request }) => {
  prepared ??= await planWithResources(page, request);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLesson(page, 'en', prepared.index);
  await page.getByTestId('present-plan').getByTestId('present-plan-add').first().click();
  const pdf = currentPage(page).getByTestId('present-slide-pdf');
  await expect(pdf).toHaveAttribute('data-ready', 'true');
  const canvas = currentPage(page).getByTestId('ink-canvas');
  const cdp = await page.context().newCDPSession(page);

  const box = (await canvas.boundingBox())!;
  const before = (await pdf.locator('canvas').boundingBox())!;
  const a: Pt = [box.x + box.width * 0.3, box.y + box.height * 0.3], b: Pt = [box.x + box.width * 0.5, box.y + box.height * 0.5];
  await twoFingers(cdp, a, b, [120, 70]);
  await expect.poll(async () => {
    const after = (await pdf.locator('canvas').boundingBox())!;
    return [Math.round(after.x - before.x), Math.round(after.y - before.y), Math.round(after.width - before.width)];
  }).toEqual([120, 70, 0]);

  // Pinch: the fingers spread to twice their distance about their midpoint; the page grows with the ink's zoom.
  const mid: Pt = [box.x + box.width / 2, box.y + box.height / 2];
  const grown = (await pdf.locator('canvas').boundingBox())!;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: mid[0] - 50, y: mid[1], id: 0 }, { x: mid[0] + 50, y: mid[1], id: 1 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: mid[0] - 50 - i * 5, y: mid[1], id: 0 }, { x: mid[0] + 50 + i * 5, y: mid[1], id: 1 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(async () => Math.round(((await pdf.locator('canvas').boundingBox())!.width / grown.width) * 100) / 100).toBe(2);
  // The view reset puts the page back where it was.
  await currentPage(page).getByTestId('board-reset-view').click();
  await expect.poll(async () => Math.round((await pdf.locator('canvas').boundingBox())!.x)).toBe(Math.round(before.x));

  // An imported OpenBoard page: its SVG layer pans with the ink too.
  await page.getByTestId('present-import').setInputFiles(UBZ);
  const doc = currentPage(page).getByTestId('present-doc');
  await expect(doc).toBeVisible();
  const docBefore = (await doc.boundingBox())!;
  await twoFingers(cdp, a, b, [-90, 40]);
  await expect.poll(async () => {
    const after = (await doc.boundingBox())!;
    return [Math.round(after.x - docBefore.x), Math.round(after.y - docBefore.y)];
  }).toEqual([-90, 40]);
});

test('the presenter view in a second window follows the board, and turns its pages', async ({ page, request, context }) => {
  prepared ??= await planWithResources(page, request);
  const locale: Locale = 'ru';
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLesson(page, locale, prepared.index);
  await page.getByTestId('present-plan').getByTestId('present-plan-add').nth(1).click(); // the picture
  await expect(page.getByTestId('present-plan')).toBeHidden();
  await page.getByTestId('present-plan-open').click();
  await expect(page.getByTestId('present-plan').getByTestId('present-plan-add').nth(1)).toHaveText(t(locale, 'present.plan.added'));
  await page.getByTestId('present-plan').getByTestId('present-plan-add').first().click(); // the PDF
  await expect(stage(page)).toHaveAttribute('data-page-count', String(2 + PDF_PAGES));

  const opened = context.waitForEvent('page');
  await page.getByTestId('present-presenter').click();
  const presenter = await opened;
  await presenter.setViewportSize({ width: 1366, height: 768 });
  await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-link', 'live');
  await expect(presenter.getByTestId('presenter-title')).toHaveText(await page.getByTestId('present-title').innerText());
  await expect(presenter.getByTestId('presenter-count')).toHaveText(t(locale, 'present.pageOf', { n: 3, total: 5 }));
  await expect(presenter.getByTestId('presenter-current-label')).toHaveText(t(locale, 'present.docPage', { title: 'Бөлшектер', n: 1 }));
  await expect(presenter.getByTestId('presenter-next-label')).toHaveText(t(locale, 'present.docPage', { title: 'Бөлшектер', n: 2 }));
  // Its pictures of the current and the next page.
  await expect(presenter.getByTestId('presenter-current')).toHaveAttribute('data-ready', 'true');
  await expect(presenter.getByTestId('presenter-next')).toHaveAttribute('data-ready', 'true');
  // The plan's stages with their minutes, the current stage's notes, the clock, the timer and the class.
  await expect(presenter.getByTestId('presenter-stage')).toHaveCount(3);
  await expect(presenter.getByTestId('presenter-stage').nth(1)).toContainText(t(locale, 'presenter.stageTime', { from: 5, to: 25 }));
  await expect(presenter.getByTestId('presenter-notes')).toContainText('Сәлемдесу');
  await presenter.getByTestId('presenter-stage').nth(1).click();
  await expect(presenter.getByTestId('presenter-notes')).toContainText('PDF бойынша түсіндіру');
  await expect(presenter.getByTestId('presenter-clock')).toHaveText(/^\d\d:\d\d:\d\d$/);
  await expect(presenter.getByTestId('presenter-timer')).toHaveText(/^\d+:\d\d$/);
  const sheetPupils = await presenter.getByTestId('presenter-pupils').locator('li').count();
  expect(sheetPupils).toBeGreaterThan(5);

  // A page turned on the board shows in the view; a turn in the view moves the board.
  await page.getByTestId('present-next').click();
  await expect(presenter.getByTestId('presenter-count')).toHaveText(t(locale, 'present.pageOf', { n: 4, total: 5 }));
  await presenter.getByTestId('presenter-next-button').click();
  await expect(stage(page)).toHaveAttribute('data-current', '4');
  await expect(presenter.getByTestId('presenter-next-label')).toHaveText(t(locale, 'presenter.last'));
  await presenter.getByTestId('presenter-previous').click();
  await presenter.getByTestId('presenter-previous').click();
  await expect(stage(page)).toHaveAttribute('data-current', '2');

  // Closing the lesson on the board tells the view.
  await page.getByTestId('present-back').click();
  await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-link', 'closed');
});

test('the board is saved to the lesson: a PDF of every page and the current page as PNG, listed in the lesson\'s plan', async ({ page, request }) => {
  prepared ??= await planWithResources(page, request);
  const locale: Locale = 'kk';
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLesson(page, locale, prepared.index);
  await page.getByTestId('present-plan').getByTestId('present-plan-add').first().click(); // the PDF: pages 2–4
  await expect(stage(page)).toHaveAttribute('data-page-count', String(1 + PDF_PAGES));
  // Ink on a PDF page, a text page the teacher types, a grid page with ink: six pages in all.
  await scribble(page, currentPage(page).getByTestId('ink-canvas'));
  await page.getByTestId('present-add-text').click();
  await page.getByTestId('present-text-input').fill('Бүгінгі тақырып: бөлшектерді қосу');
  await page.getByTestId('present-text-done').click();
  await expect(currentPage(page).getByTestId('present-text')).toHaveText('Бүгінгі тақырып: бөлшектерді қосу');
  await page.getByTestId('present-add-grid').click();
  await scribble(page, currentPage(page).getByTestId('ink-canvas'), -200);
  const pages = 1 + PDF_PAGES + 2;
  await expect(stage(page)).toHaveAttribute('data-page-count', String(pages));
  const current = Number(await stage(page).getAttribute('data-current'));

  await page.getByTestId('present-save-menu').click();
  await page.getByTestId('present-save-lesson').click();
  await expect(page.getByTestId('present-notice')).toHaveText(t(locale, 'present.save.done', { n: pages }), { timeout: 30_000 });
  // The board is back on the page it was on.
  await expect(stage(page)).toHaveAttribute('data-current', String(current));

  const saved = await askHost(request, 'teacher', 'lesson.plan', { lessonId: prepared.lessonId });
  const pdfFile = saved.boardFiles.find((f) => f.format === 'pdf');
  const pngFile = saved.boardFiles.find((f) => f.format === 'png');
  expect(pdfFile?.pages).toBe(pages);
  expect(pngFile?.pages).toBe(1);
  // The PDF itself, read back from the host: pdf.js finds as many pages as the deck had.
  const token = await bearer(request);
  const res = await request.get(`/files/${pdfFile!.sha256}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const doc = await getDocument({ data: new Uint8Array(await res.body()), isEvalSupported: false }).promise;
  expect(doc.numPages).toBe(pages);
  const first = await doc.getPage(1);
  const surface = (await currentPage(page).locator('.board-surface').boundingBox())!;
  expect(Math.abs(first.view[2]! - surface.width * 0.75)).toBeLessThan(1.5);
  await doc.destroy();
  const pngRes = await request.get(`/files/${pngFile!.sha256}`, { headers: { Authorization: `Bearer ${token}` } });
  expect((await pngRes.body()).subarray(1, 4).toString()).toBe('PNG');
});

for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
  for (const locale of LOCALES) {
    test(`slide screens ${size.width}×${size.height} ${locale}`, async ({ page, request, context }) => {
      test.skip(!SHOTS, 'SABAQ_PRESENT_SHOTS=1 writes the screens');
      prepared ??= await planWithResources(page, request);
      await page.setViewportSize(size);
      await openLesson(page, locale, prepared.index);
      await expect(page.getByTestId('present-plan')).toBeVisible();
      await page.screenshot({ path: `/tmp/present-slides-${size.width}-${locale}-plan.png` });
      await page.getByTestId('present-plan-add-all').click();
      await expect(currentPage(page).getByTestId('present-slide-pdf')).toHaveAttribute('data-ready', 'true');
      await scribble(page, currentPage(page).getByTestId('ink-canvas'));
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/present-slides-${size.width}-${locale}-pdf.png` });
      await page.getByTestId('present-thumb').nth(2 + PDF_PAGES).click();
      await expect(currentPage(page).getByTestId('present-media-bar')).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/present-slides-${size.width}-${locale}-video.png` });
      await page.keyboard.press('PageDown');
      await page.screenshot({ path: `/tmp/present-slides-${size.width}-${locale}-error.png` });
      await page.getByTestId('present-add-text').click();
      await page.getByTestId('present-text-input').fill(t(locale, 'present.text.placeholder'));
      await page.screenshot({ path: `/tmp/present-slides-${size.width}-${locale}-text-edit.png` });
      await page.getByTestId('present-text-done').click();
      await page.screenshot({ path: `/tmp/present-slides-${size.width}-${locale}-text.png` });
      await page.keyboard.press('Home');
      await page.keyboard.press('PageDown');
      const opened = context.waitForEvent('page');
      await page.getByTestId('present-presenter').click();
      const presenter = await opened;
      await presenter.setViewportSize(size);
      await expect(presenter.getByTestId('presenter-current')).toHaveAttribute('data-ready', 'true');
      await presenter.screenshot({ path: `/tmp/present-slides-${size.width}-${locale}-presenter.png` });
      await presenter.close();
    });
  }
}
