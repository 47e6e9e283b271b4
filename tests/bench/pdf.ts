import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { build } from 'vite';
import { png } from '../helpers/png';
import { DEJAVU_CONDENSED, DEJAVU_CONDENSED_BOLD } from '../../src-core/reports/fonts';
import { figure, median, percentile, type Bench, type FigureReport } from './figures';

/**
 * A PDF page on the board (`pdf-page-render`): the renderer's own pdf.js module (src-renderer/…/present/pdf.ts, its
 * worker bundled by vite) in Debian's Chromium, each page of a lesson-like PDF rendered fitted into a 1920×1080
 * stage. The PDF is made here with pdfkit: per page a heading and text in Kazakh (an embedded font), vector shapes
 * (a chart, a grid, circles) and a picture (a PNG photo-like gradient).
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const ORIGIN = 'http://pdf.bench';
const PAGES = 24;
const STAGE = { width: 1920, height: 1080 };

// ---- A realistic lesson PDF ------------------------------------------------------------------------------------

/** A picture like a photo: soft colour fields and rings, different on each page. */
const photo = (seed: number) => png(400, 250, (x, y) => {
  const r = Math.hypot(x - 160 - seed * 7, y - 140);
  return [
    Math.round(120 + 100 * Math.sin(x / 37 + seed)),
    Math.round(140 + 90 * Math.cos(y / 29 + r / 40)),
    Math.round(160 + 80 * Math.sin((x + y) / 53 - seed)),
  ];
});

/** A PDF of `pages` A4-landscape pages as a teacher's slides look: headings, text, shapes and a picture on each. */
export async function lessonPdf(pages: number, options: { images?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 48, autoFirstPage: false, info: { Title: 'Сабақ: бөлшектер' } });
  doc.registerFont('R', Buffer.from(DEJAVU_CONDENSED, 'base64'));
  doc.registerFont('B', Buffer.from(DEJAVU_CONDENSED_BOLD, 'base64'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let i = 1; i <= pages; i++) {
    doc.addPage();
    doc.font('B').fontSize(34).fillColor('#102030').text(`Sabaq PDF ${i}`, 48, 40);
    doc.font('R').fontSize(16).fillColor('#1b2730').text(
      'Бөлшектерді қосу және азайту. Бөлімдері бірдей бөлшектерді қосқанда алымдары қосылады, бөлімі өзгермейді. '
      + 'Мысал: 2/7 + 3/7 = 5/7. Әр оқушы дәптеріне үш мысал жазып, көршісімен тексереді.',
      48, 96, { width: 420, lineGap: 4 },
    );
    // A bar chart on a grid.
    doc.save().lineWidth(0.5).strokeColor('#c7d7e2');
    for (let g = 0; g <= 10; g++) doc.moveTo(500, 100 + g * 22).lineTo(790, 100 + g * 22).stroke();
    doc.restore();
    for (let b = 0; b < 6; b++) {
      const h = 30 + ((i * 37 + b * 53) % 170);
      doc.rect(515 + b * 46, 320 - h, 30, h).fill(b % 2 ? '#1456c8' : '#137a35');
    }
    doc.circle(140, 420, 60).lineWidth(6).stroke('#c21d1d');
    doc.polygon([260, 480], [330, 360], [400, 480]).fill('#b35c00');
    if (options.images !== false) doc.image(photo(i), 460, 350, { width: 330 });
    doc.font('R').fontSize(11).fillColor('#5a6b76').text(`${i} / ${pages}`, 48, 520, { lineBreak: false });
  }
  doc.end();
  return done;
}

// ---- The benchmark ---------------------------------------------------------------------------------------------

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };

/** A page of its own that loads the renderer's pdf module (built by vite like the app). */
async function buildPage(): Promise<{ dir: string; out: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sabaq-bench-pdf-'));
  const out = path.join(dir, 'out');
  const module = path.join(repo, 'src-renderer/roles/teacher/present/pdf.ts').replaceAll('\\', '/');
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><body><script type="module" src="./main.ts"></script></body>');
  writeFileSync(path.join(dir, 'main.ts'), `
    import { openPdf, renderPdfPage } from '${module}';
    window.benchPdf = async (b64, width, height) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const t0 = performance.now();
      const doc = await openPdf(bytes);
      const open = performance.now() - t0;
      const times = [];
      let size = null;
      for (let p = 1; p <= doc.numPages; p++) {
        const s = performance.now();
        const canvas = await renderPdfPage(doc, p, width, height, 1);
        times.push(performance.now() - s);
        size = [canvas.width, canvas.height];
      }
      return { open, pages: doc.numPages, times, size };
    };
  `);
  await build({ configFile: false, root: dir, base: './', logLevel: 'warn', build: { outDir: out, emptyOutDir: true, target: 'es2022' } });
  return { dir, out };
}

async function pdfPageRender(): Promise<FigureReport> {
  const bytes = await lessonPdf(PAGES);
  const { dir, out } = await buildPage();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: STAGE, deviceScaleFactor: 1 });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const rel = new URL(route.request().url()).pathname.replace(/^\/+/, '');
      const body = await readFile(path.join(out, rel)).catch(() => null);
      return body ? route.fulfill({ body, contentType: TYPES[path.extname(rel)] ?? 'application/octet-stream' }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => typeof (window as unknown as { benchPdf?: unknown }).benchPdf === 'function');
    const run = () => page.evaluate(([b64, w, h]) => (window as unknown as {
      benchPdf(b64: string, w: number, h: number): Promise<{ open: number; pages: number; times: number[]; size: [number, number] }>;
    }).benchPdf(b64, w, h), [bytes.toString('base64'), STAGE.width, STAGE.height] as const);
    // The first run starts the worker and loads the fonts; the second is what turning pages costs during a lesson.
    const cold = await run();
    const warm = await run();
    const times = warm.times;
    return {
      figures: [
        figure('page rendered to a 1920×1080 stage, median', median(times), 'ms', { atMost: 200 }),
        figure('page rendered, p95', percentile(times, 95), 'ms', { atMost: 200 }),
        figure('slowest page', Math.max(...times), 'ms'),
        figure('first page of the first PDF (worker start, fonts)', cold.times[0]!, 'ms'),
        figure('open the PDF (parse)', warm.open, 'ms'),
      ],
      notes: [
        `${warm.pages} pages of a pdfkit-made PDF (${Math.round(bytes.length / 1024)} kB: heading and Kazakh text in embedded DejaVu Sans Condensed, a bar chart on a grid, a circle, a triangle and a 400×250 PNG picture on each page)`,
        `each page rendered at ${warm.size[0]}×${warm.size[1]} px (fitted into 1920×1080, device pixel ratio 1), no cache; figures from the second pass (the first started the worker)`,
      ],
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfBenches: Bench[] = [
  {
    name: 'pdf-page-render',
    target: 'a PDF page rendered with pdf.js to a 1920×1080 stage in under 200 ms (median and p95)',
    run: pdfPageRender,
  },
];
