import { useCallback, useEffect, useReducer, useRef, useState, type ChangeEvent } from 'react';
import { createPortal } from 'react-dom';
import { BoardImportError, importBoardFile } from '../../../../src-core/board/import';
import type { LessonView } from '../../../../src-core/contract/schemas';
import { Board } from '../../../board/Board';
import type { PageBackground } from '../../../board/ink';
import { clockTime } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18n';
import { ToolsMenu } from '../../../board/tools/index';
import { DocumentLayer } from './DocumentPages';
import { useLessonClass } from './useLessonClass';
import { deckReducer, fileBytes, firstText, initialDeck, pageKeyAction, pngName, type DeckAction, type PresentPage } from './present';

/**
 * A lesson on the board: the pages as thumbnails on the left, the current page on the existing Board (each page is
 * its own Board, kept mounted once shown, so that it keeps its strokes and its undo history in memory), board files
 * imported as pages under the ink, the page as PNG, full screen on the stage. Nothing here is saved to the server.
 */

const PAPERS: PageBackground[] = ['blank', 'grid', 'lined'];
const THUMB_WIDTH = 240;

/** A page's ink, small, and the proportions of the surface it was taken from (the document layer is fitted alike). */
interface Thumb { url: string; ratio: string }

type Notice = { kind: 'ok' | 'error' | 'info'; text: string } | null;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable="true"]');

export function PresentStage({ lesson, onBack }: { lesson: LessonView; onBack(): void }) {
  const { t, locale } = useI18n();
  const [deck, dispatchDeck] = useReducer(deckReducer, undefined, initialDeck);
  const [visited, setVisited] = useState<readonly string[]>(['p1']);
  const [thumbs, setThumbs] = useState<Readonly<Record<string, Thumb>>>({});
  /** The board surface's proportions, as last seen: every thumbnail has them. */
  const [ratio, setRatio] = useState('16 / 9');
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [full, setFull] = useState(false);
  const [lastExport, setLastExport] = useState<'none' | 'composed' | 'ink-only'>('none');
  const stageRef = useRef<HTMLDivElement | null>(null);
  const [stageEl, setStageEl] = useState<HTMLDivElement | null>(null);
  // One callback for the stage's life: a new one each render would hand React null and the element again, and the
  // open tool (drawn into the stage) would start over.
  const onStage = useCallback((el: HTMLDivElement | null) => { stageRef.current = el; setStageEl(el); }, []);
  const klass = useLessonClass(lesson);
  const layers = useRef(new Map<string, SVGSVGElement>());
  const current = deck.pages[deck.current]!;
  const title = `${lesson.subject.name[locale]} · ${lesson.class.name}`;

  // A page's Board is mounted when the page is first shown and stays mounted (hidden) after.
  if (!visited.includes(current.id)) setVisited([...visited, current.id]);

  /** The current look of a page's ink, small, for its thumbnail. */
  const snapshot = useCallback((id: string) => {
    const canvas = stageRef.current?.querySelector<HTMLCanvasElement>(`[data-page-id="${id}"] canvas`);
    if (!canvas || canvas.width < 2 || canvas.height < 2) return;
    const small = document.createElement('canvas');
    small.width = THUMB_WIDTH;
    small.height = Math.max(1, Math.round((canvas.height / canvas.width) * THUMB_WIDTH));
    const ctx = small.getContext('2d');
    if (!ctx) return;
    ctx.drawImage(canvas, 0, 0, small.width, small.height);
    const thumb: Thumb = { url: small.toDataURL('image/png'), ratio: `${canvas.width} / ${canvas.height}` };
    setThumbs((old) => ({ ...old, [id]: thumb }));
    setRatio(thumb.ratio);
  }, []);

  const deckRef = useRef(deck);
  useEffect(() => { deckRef.current = deck; }, [deck]);
  const dispatch = useCallback((action: DeckAction) => {
    const d = deckRef.current;
    const id = d.pages[d.current]?.id;
    if (id) snapshot(id);
    dispatchDeck(action);
  }, [snapshot]);

  // Pages by keys; Ctrl+Z / Ctrl+Y go to the current page's Board only (every mounted Board listens on the window).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const action = pageKeyAction(e, deckRef.current);
      if (!action) return;
      e.preventDefault();
      dispatch(action);
    };
    const onHistoryKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      e.stopImmediatePropagation();
      e.preventDefault();
      const which = key === 'y' || e.shiftKey ? 'redo' : 'undo';
      stageRef.current?.querySelector<HTMLButtonElement>(`.present-page[data-current="true"] [data-testid="board-${which}"]`)?.click();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keydown', onHistoryKey, true);
    return () => { window.removeEventListener('keydown', onKey); window.removeEventListener('keydown', onHistoryKey, true); };
  }, [dispatch]);

  useEffect(() => {
    const onChange = () => setFull(!!stageRef.current && document.fullscreenElement === stageRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // The current thumbnail follows the ink (after each stroke).
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);
  const refreshThumb = () => {
    clearTimeout(refreshTimer.current);
    const id = current.id;
    refreshTimer.current = setTimeout(() => snapshot(id), 120);
  };

  const toggleFull = async () => {
    const stage = stageRef.current;
    if (!stage) return;
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await stage.requestFullscreen();
    } catch {
      setNotice({ kind: 'error', text: t('present.fullscreenUnavailable') });
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setNotice({ kind: 'info', text: t('present.importing') });
    try {
      const doc = importBoardFile(file.name, await fileBytes(file));
      dispatch({ type: 'import', doc });
      const skipped = doc.pages.reduce((n, p) => n + p.skipped.length, 0);
      const text = t('present.imported', { n: doc.pages.length, title: doc.title });
      setNotice({ kind: 'ok', text: skipped ? `${text}. ${t('present.skipped', { n: skipped })}` : text });
    } catch (err) {
      // A refused file changes nothing: the pages stay as they were.
      setNotice({ kind: 'error', text: err instanceof BoardImportError ? t(err.messageKey, err.params) : t('error.board_corrupt') });
      if (!(err instanceof BoardImportError)) console.error('board import', err);
    } finally {
      setBusy(false);
    }
  };

  const savePage = async (page: PresentPage, index: number, ink: Blob) => {
    const layer = page.doc ? layers.current.get(page.id) : undefined;
    let png = ink;
    let inkOnly = false;
    if (layer) {
      try { png = await composePng(ink, layer); } catch (err) { inkOnly = true; console.warn('page export: ink only', err); }
    }
    download(png, pngName(title, index + 1));
    setLastExport(inkOnly ? 'ink-only' : 'composed');
    setNotice(inkOnly ? { kind: 'info', text: t('present.savedInkOnly') } : { kind: 'ok', text: t('present.saved') });
  };

  const exportCurrent = () => {
    stageRef.current?.querySelector<HTMLButtonElement>('.present-page[data-current="true"] [data-testid="board-export"]')?.click();
  };

  const missing = t('present.missingImage');
  const pageLabel = (p: PresentPage, i: number) => (p.source ? t('present.docPage', { title: p.source.title, n: p.source.page }) : t('present.page', { n: i + 1 }));

  return (
    <section className="view present" data-testid="present-stage-view">
      <div className="present-head">
        <button type="button" className="button" onClick={onBack} data-testid="present-back"><span aria-hidden="true">‹ </span>{t('present.back')}</button>
        <div className="present-title">
          <h1 data-testid="present-title">{title}</h1>
          <span className="muted">{clockTime(lesson.startsAt)}–{clockTime(lesson.endsAt)}{lesson.topic ? ` · ${lesson.topic}` : ''}</span>
        </div>
      </div>
      <div
        ref={onStage}
        className={full ? 'present-stage fullscreen' : 'present-stage'}
        role="region"
        aria-label={t('present.stage')}
        data-testid="present-stage"
        data-page-count={deck.pages.length}
        data-current={deck.current}
        data-last-export={lastExport}
      >
        <div className="present-bar">
          <label className={busy ? 'button present-file busy' : 'button present-file'}>
            <input type="file" accept=".ubz,.iwb" onChange={onFile} disabled={busy} data-testid="present-import" />
            <span>{t('present.import')}</span>
          </label>
          <div className="present-nav" role="group" aria-label={t('present.pages')}>
            <button type="button" className="button" disabled={deck.current === 0} onClick={() => dispatch({ type: 'step', by: -1 })}
              aria-keyshortcuts="PageUp" aria-label={t('present.previous')} title={`${t('present.previous')} (${t('present.keysHint')})`} data-testid="present-previous">
              <span aria-hidden="true">‹</span>
            </button>
            <span className="present-count" aria-live="polite" data-testid="present-count">{t('present.pageOf', { n: deck.current + 1, total: deck.pages.length })}</span>
            <button type="button" className="button" disabled={deck.current === deck.pages.length - 1} onClick={() => dispatch({ type: 'step', by: 1 })}
              aria-keyshortcuts="PageDown" aria-label={t('present.next')} title={`${t('present.next')} (${t('present.keysHint')})`} data-testid="present-next">
              <span aria-hidden="true">›</span>
            </button>
          </div>
          <ToolsMenu stage={stageEl} pupils={klass.pupils} absentIds={klass.absentIds} onMark={klass.onMark} />
          <button type="button" className="button" onClick={exportCurrent} data-testid="present-save">{t('present.savePng')}</button>
          <button type="button" className="button primary" onClick={toggleFull} aria-pressed={full} data-testid="present-fullscreen">
            {full ? t('present.exitFullscreen') : t('present.fullscreen')}
          </button>
        </div>
        {notice && (
          <p className={`present-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="present-notice" data-kind={notice.kind}>
            {notice.text}
          </p>
        )}
        <div className="present-body">
          <nav className="present-rail" aria-label={t('present.pages')}>
            <ol className="present-thumbs">
              {deck.pages.map((p, i) => (
                <li key={p.id}>
                  <button type="button" className="present-thumb" aria-current={i === deck.current ? 'page' : undefined}
                    onClick={() => dispatch({ type: 'go', index: i })} data-testid="present-thumb" title={firstText(p.doc) ?? pageLabel(p, i)}>
                    <span className={`present-thumb-paper paper-${p.background}`} style={{ aspectRatio: thumbs[p.id]?.ratio ?? ratio }}>
                      {p.doc && <DocumentLayer page={p.doc} missingLabel={missing} className="present-thumb-doc" />}
                      {thumbs[p.id] && <img className="present-thumb-ink" src={thumbs[p.id]!.url} alt="" />}
                    </span>
                    <span className="present-thumb-label"><b>{i + 1}</b> {p.source ? pageLabel(p, i) : ''}</span>
                  </button>
                </li>
              ))}
            </ol>
            <div className="present-add" role="group" aria-label={t('present.addPage')}>
              <span className="present-add-title">+ {t('present.addPage')}</span>
              {PAPERS.map((b) => (
                <button key={b} type="button" className="present-add-button" onClick={() => dispatch({ type: 'add', background: b })}
                  aria-label={`${t('present.addPage')}: ${t(`board.background.${b}`)}`} title={`${t('present.addPage')}: ${t(`board.background.${b}`)}`} data-testid={`present-add-${b}`}>
                  <span className={`present-add-paper paper-${b}`} aria-hidden="true">+</span>
                  <span className="present-add-label">{t(`board.background.${b}`)}</span>
                </button>
              ))}
            </div>
          </nav>
          <div className="present-pages">
            {deck.pages.map((p, i) => visited.includes(p.id) && (
              <PageBoard key={p.id} page={p} isCurrent={i === deck.current} missingLabel={missing}
                onLayer={(el) => { if (el) layers.current.set(p.id, el); else layers.current.delete(p.id); }}
                onExport={(png) => { void savePage(p, i, png); }}
                onInk={refreshThumb} />
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}

/** One page: its own Board (strokes and history), and an imported page's document under the ink. */
function PageBoard({ page, isCurrent, missingLabel, onLayer, onExport, onInk }: {
  page: PresentPage; isCurrent: boolean; missingLabel: string;
  onLayer(el: SVGSVGElement | null): void; onExport(png: Blob): void; onInk(): void;
}) {
  const [surface, setSurface] = useState<HTMLElement | null>(null);
  const wrapper = useCallback((el: HTMLDivElement | null) => setSurface(el?.querySelector<HTMLElement>('.board-surface') ?? null), []);
  return (
    <div ref={wrapper} className={page.doc ? 'present-page has-doc' : 'present-page'} hidden={!isCurrent}
      data-page-id={page.id} data-current={isCurrent} data-testid="present-page" onPointerUp={onInk}>
      <Board initialBackground={page.background} onExport={onExport} />
      {page.doc && surface && createPortal(
        <DocumentLayer ref={onLayer} page={page.doc} missingLabel={missingLabel} className="present-doc" testId="present-doc" />,
        surface,
      )}
    </div>
  );
}

/** The document layer and the ink in one PNG: the SVG drawn as an image, the ink multiplied over it (as on screen). */
async function composePng(ink: Blob, layer: SVGSVGElement): Promise<Blob> {
  const inkImage = await createImageBitmap(ink);
  const { width, height } = inkImage;
  const clone = layer.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const doc = new Image();
    doc.src = url;
    await doc.decode();
    const out = document.createElement('canvas');
    out.width = width;
    out.height = height;
    const ctx = out.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(doc, 0, 0, width, height);
    ctx.globalCompositeOperation = 'multiply';
    ctx.drawImage(inkImage, 0, 0);
    return await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
    inkImage.close();
  }
}

function download(png: Blob, name: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(png);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
