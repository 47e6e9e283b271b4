import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ChangeEvent } from 'react';
import { BoardImportError, importBoardFile } from '../../../../src-core/board/import';
import type { PlanResource } from '../../../../src-core/contract/ops/resources';
import type { LessonView } from '../../../../src-core/contract/schemas';
import { useApi, useOperation } from '../../../api/ApiContext';
import type { PageBackground } from '../../../board/ink';
import { clockTime } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18n';
import { ToolsMenu } from '../../../board/tools/index';
import { BoardDisplayMenu } from './BoardDisplayMenu';
import { DocumentLayer } from './DocumentPages';
import { PageBoard, type PageExporter } from './PageBoard';
import { PlanPanel } from './PlanPanel';
import { SaveMenu } from './SaveMenu';
import { deckReducer, fileBytes, firstText, initialDeck, pageKeyAction, type DeckAction, type PresentPage } from './present';
import { usePresenterState } from './presenter-state';
import { resourcesSlides } from './resource-files';
import { SlideThumb } from './SlideThumb';
import { slideTitle } from './slides';
import { useBoardSave, type Notice } from './useBoardSave';
import { useLessonClass } from './useLessonClass';
import { usePresenter } from './usePresenter';

/**
 * A lesson on the board: the pages as thumbnails on the left, the current page on the existing Board (each page is
 * its own Board, kept mounted once shown, so that it keeps its strokes and its undo history in memory), board files
 * imported as pages under the ink, slides from the lesson plan's resources, the teacher's text slides, the page as
 * PNG, the whole board saved to the lesson, the presenter view in a second window, full screen on the stage.
 */

const PAPERS: PageBackground[] = ['blank', 'grid', 'lined'];
const THUMB_WIDTH = 240;

/** A page's ink, small, and the proportions of the surface it was taken from (the document layer is fitted alike). */
interface Thumb { url: string; ratio: string }

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
  const api = useApi();
  const plan = useOperation('lesson.plan', { lessonId: lesson.id });
  const [planOpen, setPlanOpen] = useState(false);
  const [offered, setOffered] = useState(false);
  const stageRef = useRef<HTMLDivElement | null>(null);
  const [stageEl, setStageEl] = useState<HTMLDivElement | null>(null);
  // One callback for the stage's life: a new one each render would hand React null and the element again, and the
  // open tool (drawn into the stage) would start over.
  const onStage = useCallback((el: HTMLDivElement | null) => { stageRef.current = el; setStageEl(el); }, []);
  const klass = useLessonClass(lesson);
  const exporters = useRef(new Map<string, PageExporter>());
  const register = useCallback((id: string, ex: PageExporter | null) => {
    if (ex) exporters.current.set(id, ex); else exporters.current.delete(id);
  }, []);
  const current = deck.pages[deck.current]!;
  const title = `${lesson.subject.name[locale]} · ${lesson.class.name}`;

  // The plan's resources are offered once, when the lesson opens with a plan that has some.
  if (!offered && plan.data) {
    setOffered(true);
    if (plan.data.plan?.resources.length) setPlanOpen(true);
  }

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

  const thumbSvg = useCallback((id: string) => stageRef.current?.querySelector<SVGSVGElement>(`.present-thumb[data-page-id="${id}"] svg.present-thumb-doc`) ?? null, []);
  const save = useBoardSave({ lesson, title, deckRef, dispatch: dispatchDeck, visited, exporters, thumbSvg, setNotice });
  const pageLabel = useCallback((p: PresentPage, i: number) => {
    if (p.source) return t('present.docPage', { title: p.source.title, n: p.source.page });
    const named = p.slide && slideTitle(p.slide);
    if (named) return named.page ? t('present.docPage', { title: named.title, n: named.page }) : named.title;
    if (p.slide?.kind === 'text') return t('present.text.name');
    return t('present.page', { n: i + 1 });
  }, [t]);
  const [inkTick, setInkTick] = useState(0);
  const presenter = usePresenter(dispatch);
  const presenterState = usePresenterState({
    lesson, title, deck, plan: plan.data?.plan ?? null, pupils: klass.pupils, absentIds: klass.absentIds, pageLabel, exporters, thumbSvg, thumbs, inkTick,
    pictures: presenter.connected,
  });
  const { publish } = presenter;
  useEffect(() => { publish(presenterState); }, [publish, presenterState]);
  const openPresenter = async () => {
    const how = await presenter.open();
    if (how === 'blocked') setNotice({ kind: 'error', text: t('present.presenter.blocked') });
  };

  const addedResources = useMemo(() => new Set(deck.pages.flatMap((p) => (p.slide && p.slide.kind !== 'text' ? [p.slide.resource.resourceId] : []))), [deck.pages]);
  const addResources = async (resources: PlanResource[]) => {
    if (!resources.length) return;
    setBusy(true);
    setNotice({ kind: 'info', text: t('present.plan.adding') });
    try {
      const slides = await resourcesSlides(api, resources);
      dispatch({ type: 'addSlides', slides });
      const failed = slides.filter((s) => s.kind === 'failed').length;
      setNotice(failed
        ? { kind: 'error', text: t('present.plan.addedSome', { n: slides.length - failed, failed }) }
        : { kind: 'ok', text: t('present.plan.addedAll', { n: slides.length }) });
      setPlanOpen(false);
    } finally {
      setBusy(false);
    }
  };

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
    refreshTimer.current = setTimeout(() => { snapshot(id); setInkTick((n) => n + 1); }, 120);
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

  const missing = t('present.missingImage');
  const saving = save.progress !== null;

  return (
    <section className="view present" data-testid="present-stage-view">
      <div className="present-head">
        <button type="button" className="button" onClick={onBack} data-testid="present-back"><span aria-hidden="true">‹ </span>{t('present.back')}</button>
        <div className="present-title">
          <h1 data-testid="present-title">{title}</h1>
          <span className="muted">{clockTime(lesson.startsAt)}–{clockTime(lesson.endsAt)}{lesson.topic ? ` · ${lesson.topic}` : ''}</span>
        </div>
        <BoardDisplayMenu />
        <button type="button" className="button present-presenter" onClick={() => { void openPresenter(); }} aria-pressed={presenter.connected} data-testid="present-presenter">
          {t('present.presenter.open')}
        </button>
      </div>
      <div
        ref={onStage}
        className={full ? 'present-stage fullscreen' : 'present-stage'}
        role="region"
        aria-label={t('present.stage')}
        data-testid="present-stage"
        data-page-count={deck.pages.length}
        data-current={deck.current}
        data-last-export={save.lastExport}
        data-saving={saving}
        aria-busy={saving}
      >
        <div className="present-bar">
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
          <SaveMenu disabled={saving || busy} onPng={() => { void save.downloadPng(); }} onLesson={() => { void save.saveToLesson(); }} />
          <button type="button" className="button primary" onClick={toggleFull} aria-pressed={full} data-testid="present-fullscreen">
            {full ? t('present.exitFullscreen') : t('present.fullscreen')}
          </button>
        </div>
        {planOpen && (
          <PlanPanel plan={plan.data?.plan ?? null} error={plan.error} loading={plan.loading} added={addedResources} busy={busy}
            onAdd={(r) => { void addResources(r); }} onRetry={plan.reload} onClose={() => setPlanOpen(false)} />
        )}
        {save.progress && (
          <div className="present-saving" role="status" data-testid="present-saving">
            <span className="present-saving-box">{t('present.save.progress', { n: Math.min(save.progress.done + 1, save.progress.total), total: save.progress.total })}</span>
          </div>
        )}
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
                  <button type="button" className="present-thumb" aria-current={i === deck.current ? 'page' : undefined} data-page-id={p.id}
                    onClick={() => dispatch({ type: 'go', index: i })} data-testid="present-thumb" title={firstText(p.doc) ?? pageLabel(p, i)}>
                    <span className={`present-thumb-paper paper-${p.background}`} style={{ aspectRatio: thumbs[p.id]?.ratio ?? ratio }}>
                      {p.doc && <DocumentLayer page={p.doc} missingLabel={missing} className="present-thumb-doc" />}
                      {p.slide && <SlideThumb slide={p.slide} />}
                      {thumbs[p.id] && <img className="present-thumb-ink" src={thumbs[p.id]!.url} alt="" />}
                    </span>
                    <span className="present-thumb-label"><b>{i + 1}</b> {p.source || p.slide ? pageLabel(p, i) : ''}</span>
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
              <button type="button" className="present-add-button" onClick={() => dispatch({ type: 'addText' })}
                aria-label={`${t('present.addPage')}: ${t('present.text.name')}`} title={`${t('present.addPage')}: ${t('present.text.name')}`} data-testid="present-add-text">
                <span className="present-add-paper paper-text" aria-hidden="true">T</span>
                <span className="present-add-label">{t('present.text.name')}</span>
              </button>
              <button type="button" className="button present-rail-action" onClick={() => setPlanOpen(!planOpen)} aria-expanded={planOpen} disabled={busy} data-testid="present-plan-open">
                {t('present.plan.open')}
              </button>
              <label className={busy ? 'button present-file present-rail-action busy' : 'button present-file present-rail-action'}>
                <input type="file" accept=".ubz,.iwb" onChange={onFile} disabled={busy} data-testid="present-import" />
                <span>{t('present.import')}</span>
              </label>
            </div>
          </nav>
          <div className="present-pages">
            {deck.pages.map((p, i) => visited.includes(p.id) && (
              <PageBoard key={p.id} page={p} isCurrent={i === deck.current} missingLabel={missing} register={register}
                onInk={refreshThumb} onText={(text) => dispatch({ type: 'setText', id: p.id, text })} />
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
