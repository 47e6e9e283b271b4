import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Board } from '../../../board/Board';
import { IDENTITY_VIEW, type View } from '../../../board/ink';
import { useI18n } from '../../../i18n/I18n';
import type { PageFrame } from './compose';
import { DocumentLayer } from './DocumentPages';
import { MediaBar } from './MediaBar';
import type { PresentPage } from './present';
import { SlideContent } from './SlideContent';
import { isInteractive } from './slides';

/**
 * One page of the deck: its own Board (strokes and history), and under the ink an imported page's document or a
 * slide — moved and scaled with the ink surface's view, so that what was written on them stays where it was
 * written. A video's or a sound's bar and an HTML5 page's switch lie over the ink, not under it.
 */

/** What the deck asks of a shown page to save it: its surface, its view, its ink and what lies under the ink. */
export interface PageExporter {
  /** The surface's size and view; null while the page is hidden (it has no size then). */
  frame(): PageFrame | null;
  /** The ink as the board exports it (paper and strokes) at the surface's size. */
  ink(): Promise<Blob>;
  /** The live ink canvas (for small pictures of the page; no export needed). */
  inkCanvas(): HTMLCanvasElement | null;
  svg(): SVGSVGElement | null;
  video(): HTMLVideoElement | null;
}

/** Zoom changes this small are not worth a new rendering of a PDF page. */
const ZOOM_STEP = 0.25;
const ZOOM_SETTLE_MS = 200;

export function PageBoard({ page, isCurrent, missingLabel, register, onInk, onText }: {
  page: PresentPage;
  isCurrent: boolean;
  missingLabel: string;
  register(id: string, exporter: PageExporter | null): void;
  onInk(): void;
  onText(text: string): void;
}) {
  const { t } = useI18n();
  const wrapper = useRef<HTMLDivElement | null>(null);
  const [surface, setSurface] = useState<HTMLElement | null>(null);
  const onWrapper = useCallback((el: HTMLDivElement | null) => {
    wrapper.current = el;
    setSurface(el?.querySelector<HTMLElement>('.board-surface') ?? null);
  }, []);
  const layer = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement | null>(null);
  const view = useRef<View>(IDENTITY_VIEW);
  const [zoom, setZoom] = useState(1);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [media, setMedia] = useState<HTMLMediaElement | null>(null);
  const [interact, setInteract] = useState(isInteractive(page.slide));
  const [editing, setEditing] = useState(page.slide?.kind === 'text' && !page.slide.text);
  const pending = useRef<((png: Blob) => void) | null>(null);

  const onView = useCallback((v: View) => {
    view.current = v;
    if (layer.current) layer.current.style.transform = `matrix(${v.zoom}, 0, 0, ${v.zoom}, ${v.x}, ${v.y})`;
    // A PDF page is rendered again for the new zoom once the view settles (each frame of a pinch would be too many).
    clearTimeout(settle.current);
    settle.current = setTimeout(() => setZoom((z) => (Math.abs(z - v.zoom) >= ZOOM_STEP || (v.zoom === 1 && z !== 1) ? v.zoom : z)), ZOOM_SETTLE_MS);
  }, []);
  useEffect(() => () => clearTimeout(settle.current), []);

  const onExport = useCallback((png: Blob) => {
    const resolve = pending.current;
    pending.current = null;
    resolve?.(png);
  }, []);

  useEffect(() => {
    const exporter: PageExporter = {
      frame() {
        const s = surface;
        if (!s || s.clientWidth < 2 || s.clientHeight < 2) return null;
        return { width: s.clientWidth, height: s.clientHeight, ratio: window.devicePixelRatio || 1, view: view.current };
      },
      ink() {
        return new Promise<Blob>((resolve, reject) => {
          const button = wrapper.current?.querySelector<HTMLButtonElement>('[data-testid="board-export"]');
          if (!button) { reject(new Error('the page has no board')); return; }
          pending.current = resolve;
          button.click();
          setTimeout(() => { if (pending.current === resolve) { pending.current = null; reject(new Error('the board did not export')); } }, 10_000);
        });
      },
      inkCanvas: () => surface?.querySelector<HTMLCanvasElement>('canvas.ink-canvas') ?? null,
      svg: () => svg.current,
      video: () => (media instanceof HTMLVideoElement ? media : null),
    };
    register(page.id, exporter);
    return () => register(page.id, null);
  }, [register, page.id, surface, media]);

  // Leaving the page stops its video or sound.
  useEffect(() => { if (!isCurrent) media?.pause(); }, [isCurrent, media]);

  // A pen or a finger on a playing video pauses it: the ink goes onto the still picture.
  const onPointerDownCapture = (e: React.PointerEvent) => {
    if (media instanceof HTMLVideoElement && !media.paused && (e.target as Element).classList.contains('ink-canvas')) media.pause();
  };

  const slide = page.slide;
  const hasLayer = !!page.doc || !!slide;
  const classes = ['present-page', hasLayer ? 'has-doc' : '', interact ? 'interact' : ''].filter(Boolean).join(' ');
  return (
    <div ref={onWrapper} className={classes} hidden={!isCurrent} data-page-id={page.id} data-current={isCurrent}
      data-slide={slide?.kind ?? (page.doc ? 'doc' : 'paper')} data-testid="present-page" onPointerUp={onInk} onPointerDownCapture={onPointerDownCapture}>
      <Board initialBackground={page.background} onExport={onExport} onView={onView} />
      {hasLayer && surface && createPortal(
        <>
          <div ref={layer} className="present-layer" data-testid="present-layer">
            {page.doc && <DocumentLayer ref={svg} page={page.doc} missingLabel={missingLabel} className="present-doc" testId="present-doc" />}
            {slide && <SlideContent slide={slide} zoom={zoom} onMedia={setMedia} />}
          </div>
          {(media || slide?.kind === 'html5' || slide?.kind === 'text') && (
            <div className="present-slide-controls">
              {media && (slide?.kind === 'video' || slide?.kind === 'audio') && <MediaBar media={media} kind={slide.kind} />}
              {slide?.kind === 'html5' && (
                <button type="button" className="present-control-button" aria-pressed={!interact} onClick={() => setInteract(!interact)} data-testid="present-interact">
                  {interact ? t('present.html5.write') : t('present.html5.use')}
                </button>
              )}
              {slide?.kind === 'text' && !editing && (
                <button type="button" className="present-control-button" onClick={() => setEditing(true)} data-testid="present-text-edit">{t('present.text.edit')}</button>
              )}
            </div>
          )}
          {slide?.kind === 'text' && editing && (
            <TextEditor text={slide.text} onDone={(text) => { onText(text); setEditing(false); }} />
          )}
        </>,
        surface,
      )}
    </div>
  );
}

function TextEditor({ text, onDone }: { text: string; onDone(text: string): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(text);
  const id = useId();
  return (
    <form className="present-text-editor" onSubmit={(e) => { e.preventDefault(); onDone(value); }} data-testid="present-text-editor">
      <label className="present-text-editor-label" htmlFor={id}>{t('present.text.label')}</label>
      <textarea id={id} className="present-text-editor-input" value={value} maxLength={2000} autoFocus
        onChange={(e) => setValue(e.currentTarget.value)} placeholder={t('present.text.placeholder')} data-testid="present-text-input" />
      <div className="present-text-editor-actions">
        <button type="submit" className="button primary" data-testid="present-text-done">{t('present.text.done')}</button>
      </div>
    </form>
  );
}
