import type { View } from '../../../board/ink';
import { paintBackground } from '../../../board/paint';
import { fitRect, type PresentPage } from './present';
import { textSlideFontSize, wrapText, type SlideProblem } from './slides';

/**
 * A page as one picture, as the board shows it: white paper, the page's document or slide under the view's pan
 * and zoom, and the ink (with the paper's grid or lines) multiplied over them. For the PNG of a page and the pages
 * of the PDF saved to the lesson.
 */

/** The surface a page is drawn for: its size in CSS pixels, device pixels per CSS pixel, and the view. */
export interface PageFrame { width: number; height: number; ratio: number; view: View }

export interface ComposeSources {
  /** The page's ink as the board shows it (paper and strokes, the whole surface); null when the page was never shown. */
  ink: Blob | CanvasImageSource | null;
  /** An imported board page's SVG layer. */
  svg: SVGSVGElement | null;
  /** A video slide's element: its current frame is drawn. */
  video: HTMLVideoElement | null;
  pdfPage(sha256: string, page: number, width: number, height: number, ratio: number): Promise<HTMLCanvasElement>;
  fileUrl(sha256: string): Promise<string>;
  labels: {
    kind(kind: 'video' | 'audio' | 'html5'): string;
    problem(problem: SlideProblem): string;
    failedTitle(title: string): string;
  };
}

const FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const INK = '#1b2730';

export async function composePage(page: PresentPage, frame: PageFrame, src: ComposeSources): Promise<HTMLCanvasElement> {
  const { width, height, ratio, view } = frame;
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(width * ratio));
  out.height = Math.max(1, Math.round(height * ratio));
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);

  // The content in the surface's CSS pixels, moved and scaled as the ink is.
  ctx.setTransform(ratio * view.zoom, 0, 0, ratio * view.zoom, ratio * view.x, ratio * view.y);
  await paintContent(ctx, page, frame, src);
  ctx.setTransform(1, 0, 0, 1, 0, 0);

  // The ink layer is white paper where nothing is written: multiplied, it leaves what lies under it.
  ctx.globalCompositeOperation = 'multiply';
  if (src.ink instanceof Blob) {
    const ink = await createImageBitmap(src.ink);
    try { ctx.drawImage(ink, 0, 0, out.width, out.height); } finally { ink.close(); }
  } else if (src.ink) {
    ctx.drawImage(src.ink, 0, 0, out.width, out.height);
  } else if (page.background !== 'blank') {
    const paper = document.createElement('canvas');
    paper.width = out.width;
    paper.height = out.height;
    const p = paper.getContext('2d');
    if (p) { paintBackground(p, page.background, view, ratio, width, height); ctx.drawImage(paper, 0, 0); }
  }
  ctx.globalCompositeOperation = 'source-over';
  return out;
}

async function paintContent(ctx: CanvasRenderingContext2D, page: PresentPage, frame: PageFrame, src: ComposeSources) {
  const { width, height } = frame;
  if (page.doc && src.svg) {
    await drawImageOf(ctx, svgUrl(src.svg, width, height), 0, 0, width, height);
    return;
  }
  const slide = page.slide;
  if (!slide) return;
  switch (slide.kind) {
    case 'pdf': {
      const sharp = frame.ratio * Math.min(3, Math.max(1, frame.view.zoom));
      const canvas = await src.pdfPage(slide.resource.sha256, slide.page, width, height, sharp);
      const fit = fitRect(canvas.width, canvas.height, width, height);
      ctx.drawImage(canvas, fit.x, fit.y, fit.width, fit.height);
      return;
    }
    case 'image': {
      const image = await loadImage(await src.fileUrl(slide.resource.sha256));
      const fit = fitRect(image.naturalWidth, image.naturalHeight, width, height);
      ctx.drawImage(image, fit.x, fit.y, fit.width, fit.height);
      return;
    }
    case 'video': {
      const v = src.video;
      if (v && v.readyState >= 2 && v.videoWidth > 0) {
        const fit = fitRect(v.videoWidth, v.videoHeight, width, height);
        ctx.fillStyle = '#000000';
        ctx.fillRect(fit.x, fit.y, fit.width, fit.height);
        try {
          ctx.drawImage(v, fit.x, fit.y, fit.width, fit.height);
          return;
        } catch {
          // A frame the page may not read: the card instead.
        }
      }
      paintCard(ctx, width, height, slide.resource.title, src.labels.kind('video'));
      return;
    }
    case 'audio': case 'html5':
      paintCard(ctx, width, height, slide.resource.title, src.labels.kind(slide.kind));
      return;
    case 'text':
      paintText(ctx, slide.text, width, height);
      return;
    case 'failed':
      paintCard(ctx, width, height, src.labels.failedTitle(slide.resource.title), src.labels.problem(slide.problem), '#b42318');
      return;
  }
}

/** A slide that has no picture of its own: its name and what it is, in the middle. */
function paintCard(ctx: CanvasRenderingContext2D, width: number, height: number, title: string, note: string, colour = INK) {
  const size = Math.max(18, Math.min(width / 28, height / 14));
  const maxWidth = width * 0.8;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#f3f6f8';
  const boxW = width * 0.86, boxH = Math.min(height * 0.6, size * 8);
  ctx.fillRect((width - boxW) / 2, (height - boxH) / 2, boxW, boxH);
  ctx.font = `700 ${size}px ${FONT}`;
  ctx.fillStyle = colour;
  const lines = wrapText(title, maxWidth, (s) => ctx.measureText(s).width).slice(0, 3);
  lines.forEach((line, i) => ctx.fillText(line, width / 2, height / 2 - size * (lines.length - i) * 1.1 + size * 0.3));
  ctx.font = `${size * 0.75}px ${FONT}`;
  ctx.fillStyle = '#5a6b76';
  ctx.fillText(note, width / 2, height / 2 + size * 0.9, maxWidth);
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
}

/** The teacher's text as on the slide: large, from the top left inside a margin, wrapped to the width. */
export const TEXT_MARGIN = 0.06;
export const TEXT_LINE_HEIGHT = 1.3;

function paintText(ctx: CanvasRenderingContext2D, text: string, width: number, height: number) {
  if (!text.trim()) return;
  const size = textSlideFontSize(text, width, height);
  const margin = Math.round(width * TEXT_MARGIN);
  ctx.font = `600 ${size}px ${FONT}`;
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  const lines = wrapText(text, width - 2 * margin, (s) => ctx.measureText(s).width);
  lines.forEach((line, i) => ctx.fillText(line, margin, margin + i * size * TEXT_LINE_HEIGHT));
  ctx.textBaseline = 'alphabetic';
}

function svgUrl(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  return URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
}

async function drawImageOf(ctx: CanvasRenderingContext2D, url: string, x: number, y: number, w: number, h: number) {
  try {
    const image = await loadImage(url);
    ctx.drawImage(image, x, y, w, h);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

/** A canvas as a file of the given type. */
export const canvasBlob = (canvas: HTMLCanvasElement, type: 'image/png' | 'image/jpeg', quality?: number): Promise<Blob> =>
  new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))), type, quality));

