import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardFile } from '../../../../src-core/contract/ops/resources';
import type { LessonView } from '../../../../src-core/contract/schemas';
import { useApi } from '../../../api/ApiContext';
import { IDENTITY_VIEW } from '../../../board/ink';
import { ApiError, type ApiClient } from '../../../api/client';
import { useI18n, type Translate } from '../../../i18n/I18n';
import { canvasBlob, composePage, type ComposeSources, type PageFrame } from './compose';
import type { PageExporter } from './PageBoard';
import { cachedPdfPage } from './pdf';
import { writePdf, type PdfPicture } from './pdf-writer';
import { pdfName, pngName, type Deck, type DeckAction, type PresentPage } from './present';
import { pdfOf } from './resource-files';
import type { SlideProblem } from './slides';

/**
 * The board as files: the current page as a PNG (downloaded), and "save to the lesson" — the current page as a PNG
 * and every page as one PDF, written to the host (`POST /files`; on the desktop client offline, kept and sent with
 * the sync) and named to the lesson by `lesson.saveBoard`. A page's ink lives in its own board, which has a size
 * only while it is shown: each page written on is shown in turn (under the saving notice) and taken as it looks.
 */

export type Notice = { kind: 'ok' | 'error' | 'info'; text: string } | null;

/** What drawing a page needs from the host and the catalogs. */
export function composeSources(api: ApiClient, t: Translate, svg: SVGSVGElement | null, video: HTMLVideoElement | null, ink: ComposeSources['ink']): ComposeSources {
  return {
    ink,
    svg,
    video,
    pdfPage: async (sha, n, w, h, ratio) => cachedPdfPage(sha, await pdfOf(api, sha), n, w, h, ratio),
    fileUrl: (sha) => api.fileUrl(sha),
    labels: {
      kind: (kind) => t(`present.slide.kind.${kind}`),
      problem: (problem: SlideProblem) => t(problem),
      failedTitle: (name) => t('present.slide.failedTitle', { title: name }),
    },
  };
}

/** CSS pixels to points: a page of the PDF is as large as the board showed it at 96 pixels an inch. */
const PT_PER_PX = 0.75;
const JPEG_QUALITY = 0.88;
const MAX_PAGES = 500;

const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

interface Options {
  lesson: LessonView;
  title: string;
  deckRef: React.RefObject<Deck>;
  dispatch(action: DeckAction): void;
  visited: readonly string[];
  exporters: React.RefObject<Map<string, PageExporter>>;
  /** An imported page's SVG when its page was never shown (its thumbnail's). */
  thumbSvg(id: string): SVGSVGElement | null;
  setNotice(notice: Notice): void;
}

export function useBoardSave({ lesson, title, deckRef, dispatch, visited, exporters, thumbSvg, setNotice }: Options) {
  const api = useApi();
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [lastExport, setLastExport] = useState<'none' | 'composed' | 'ink-only'>('none');
  const visitedRef = useRef(visited);
  useEffect(() => { visitedRef.current = visited; }, [visited]);

  const sources = useCallback((page: PresentPage, ex: PageExporter | undefined, ink: ComposeSources['ink']): ComposeSources =>
    composeSources(api, t, ex?.svg() ?? (page.doc ? thumbSvg(page.id) : null), ex?.video() ?? null, ink), [api, t, thumbSvg]);

  /** Shows a page and waits until its board has its size again. */
  const show = useCallback(async (index: number, id: string): Promise<PageExporter | undefined> => {
    if (deckRef.current.current !== index) dispatch({ type: 'go', index });
    for (let i = 0; i < 120; i++) {
      await frames();
      const ex = exporters.current.get(id);
      if (ex?.frame()) { await frames(); return ex; }
    }
    return exporters.current.get(id);
  }, [deckRef, dispatch, exporters]);

  /** The current page as one picture (what the board shows). */
  const composeCurrent = useCallback(async (): Promise<{ canvas: HTMLCanvasElement; frame: PageFrame }> => {
    const deck = deckRef.current;
    const page = deck.pages[deck.current]!;
    const ex = exporters.current.get(page.id);
    const frame = ex?.frame();
    if (!ex || !frame) throw new Error('the current page is not shown');
    const canvas = await composePage(page, frame, sources(page, ex, await ex.ink()));
    return { canvas, frame };
  }, [deckRef, exporters, sources]);

  /** "Save the page as PNG": a download of the current page; only the ink when what lies under it cannot be drawn. */
  const downloadPng = useCallback(async () => {
    const deck = deckRef.current;
    const index = deck.current;
    try {
      const { canvas } = await composeCurrent();
      download(await canvasBlob(canvas, 'image/png'), pngName(title, index + 1));
      setLastExport('composed');
      setNotice({ kind: 'ok', text: t('present.saved') });
    } catch (err) {
      console.warn('page export: ink only', err);
      const ink = await exporters.current.get(deck.pages[index]!.id)?.ink().catch(() => null);
      if (!ink) { setNotice({ kind: 'error', text: t('present.save.pngFailed') }); return; }
      download(ink, pngName(title, index + 1));
      setLastExport('ink-only');
      setNotice({ kind: 'info', text: t('present.savedInkOnly') });
    }
  }, [composeCurrent, deckRef, exporters, setNotice, t, title]);

  /** Every page as one picture each, in order, and the current one as PNG. */
  const pictures = useCallback(async (): Promise<{ png: Blob; pdf: Uint8Array; pages: number }> => {
    const deck = deckRef.current;
    const start = deck.current;
    const { canvas: currentCanvas, frame: stageFrame } = await composeCurrent();
    const png = await canvasBlob(currentCanvas, 'image/png');
    const list: PdfPicture[] = [];
    try {
      for (let i = 0; i < deck.pages.length; i++) {
        setProgress({ done: i, total: deck.pages.length });
        const page = deck.pages[i]!;
        let canvas: HTMLCanvasElement;
        let frame: PageFrame;
        if (i === start) {
          canvas = currentCanvas;
          frame = stageFrame;
        } else if (visitedRef.current.includes(page.id)) {
          const ex = await show(i, page.id);
          const shown = ex?.frame();
          frame = shown ?? { ...stageFrame, view: IDENTITY_VIEW };
          canvas = await composePage(page, frame, sources(page, ex, ex && shown ? await ex.ink() : null));
        } else {
          // Never shown: nothing was written on it; drawn as it would first appear.
          frame = { ...stageFrame, view: IDENTITY_VIEW };
          canvas = await composePage(page, frame, sources(page, undefined, null));
        }
        const jpeg = new Uint8Array(await (await canvasBlob(canvas, 'image/jpeg', JPEG_QUALITY)).arrayBuffer());
        list.push({ jpeg, width: canvas.width, height: canvas.height, pageWidth: frame.width * PT_PER_PX, pageHeight: frame.height * PT_PER_PX });
      }
    } finally {
      if (deckRef.current.current !== start) dispatch({ type: 'go', index: start });
    }
    return { png, pdf: writePdf(list, { title }), pages: list.length };
  }, [composeCurrent, deckRef, dispatch, show, sources, title]);

  const saveToLesson = useCallback(async () => {
    const deck = deckRef.current;
    if (deck.pages.length > MAX_PAGES) { setNotice({ kind: 'error', text: t('present.save.tooMany', { max: MAX_PAGES }) }); return; }
    setProgress({ done: 0, total: deck.pages.length });
    setNotice({ kind: 'info', text: t('present.save.saving') });
    try {
      const { png, pdf, pages } = await pictures();
      setProgress({ done: pages, total: pages });
      const pngInfo = await api.uploadFile(png, pngName(title, deck.current + 1));
      const pdfInfo = await api.uploadFile(new Blob([pdf as BlobPart], { type: 'application/pdf' }), pdfName(title));
      const savedAt = new Date().toISOString();
      const files: BoardFile[] = [
        { sha256: pngInfo.sha256, format: 'png', size: pngInfo.size, pages: 1, savedAt },
        { sha256: pdfInfo.sha256, format: 'pdf', size: pdfInfo.size, pages, savedAt },
      ];
      await api.invoke('lesson.saveBoard', { lessonId: lesson.id, files });
      setNotice({ kind: 'ok', text: t('present.save.done', { n: pages }) });
    } catch (err) {
      if (!(err instanceof ApiError)) console.error('save to the lesson', err);
      const reason = err instanceof ApiError ? t(err.messageKey, err.params) : t('present.save.failed');
      setNotice({ kind: 'error', text: t('present.save.error', { reason }) });
    } finally {
      setProgress(null);
    }
  }, [api, deckRef, lesson.id, pictures, setNotice, t, title]);

  return { progress, lastExport, downloadPng, saveToLesson };
}

function download(file: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(file);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
