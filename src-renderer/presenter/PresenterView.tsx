import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import {
  boardMessage, channelIdOf, channelName, type PresenterMessage, type PresenterState,
} from '../roles/teacher/present/presenter-link';
import { elapsedText, stageAt, stageTimings } from '../roles/teacher/present/slides';

/**
 * The teacher's screen while the board shows the lesson: the current page and the next one, the plan's stages with
 * their minutes and the current stage's notes, a clock and the lesson timer, the class, and the page turns. It
 * only shows what the board window sends over their channel, and sends back the turns.
 */

type Link = { kind: 'none' } | { kind: 'waiting' } | { kind: 'live'; state: PresenterState } | { kind: 'closed' };

const HELLO_EVERY_MS = 2000;

export function PresenterView({ hash }: { hash: string }) {
  const { t, locale, setLocale } = useI18n();
  const id = useMemo(() => channelIdOf(hash), [hash]);
  const [link, setLink] = useState<Link>(id ? { kind: 'waiting' } : { kind: 'none' });
  const channel = useRef<BroadcastChannel | null>(null);
  const now = useNow();
  const [pickedStage, setPickedStage] = useState<number | null>(null);

  useEffect(() => {
    if (!id || typeof BroadcastChannel !== 'function') return;
    const c = new BroadcastChannel(channelName(id));
    channel.current = c;
    let live = false;
    c.onmessage = (e: MessageEvent) => {
      const m = boardMessage(e.data);
      if (!m) return;
      if (m.type === 'closed') { live = false; setLink({ kind: 'closed' }); return; }
      live = true;
      setLink({ kind: 'live', state: m.state });
    };
    const hello = () => { if (!live) c.postMessage({ type: 'hello' } satisfies PresenterMessage); };
    hello();
    const timer = setInterval(hello, HELLO_EVERY_MS);
    const bye = () => c.postMessage({ type: 'bye' } satisfies PresenterMessage);
    window.addEventListener('pagehide', bye);
    return () => { clearInterval(timer); window.removeEventListener('pagehide', bye); bye(); c.close(); channel.current = null; };
  }, [id]);

  const state = link.kind === 'live' ? link.state : null;
  useEffect(() => { if (state && state.locale !== locale) setLocale(state.locale); }, [state, locale, setLocale]);
  useEffect(() => { document.title = `${t('presenter.title')}${state ? ` · ${state.title}` : ''}`; }, [t, state]);

  const send = (m: PresenterMessage) => channel.current?.postMessage(m);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (['PageDown', 'ArrowRight', 'ArrowDown', ' '].includes(e.key)) { e.preventDefault(); channel.current?.postMessage({ type: 'step', by: 1 }); }
      if (['PageUp', 'ArrowLeft', 'ArrowUp'].includes(e.key)) { e.preventDefault(); channel.current?.postMessage({ type: 'step', by: -1 }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!state) {
    const text = link.kind === 'none' ? t('presenter.noBoard') : link.kind === 'closed' ? t('presenter.closed') : t('presenter.waiting');
    return (
      <main className="presenter presenter-empty" data-testid="presenter" data-link={link.kind}>
        <h1>{t('presenter.title')}</h1>
        <p role="status">{text}</p>
      </main>
    );
  }

  const elapsed = now - state.timerFrom;
  const stages = state.plan?.stages ?? [];
  const timings = stageTimings(stages);
  const byTime = stageAt(stages, elapsed / 60_000);
  const stageIndex = pickedStage !== null && pickedStage < stages.length ? pickedStage : byTime?.index ?? null;
  const stage = stageIndex !== null ? stages[stageIndex] : undefined;
  const absent = new Set(state.absentIds);
  const clock = new Date(now).toLocaleTimeString(locale === 'en' ? 'en-GB' : locale === 'ru' ? 'ru-RU' : 'kk-KZ', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  return (
    <main className="presenter" data-testid="presenter" data-link="live" data-current={state.current}>
      <header className="presenter-head">
        <div className="presenter-title">
          <h1 data-testid="presenter-title">{state.title}</h1>
          <span className="muted">{state.subtitle}</span>
        </div>
        <div className="presenter-clocks">
          <span className="presenter-clock"><span className="presenter-clock-label">{t('presenter.clock')}</span><b data-testid="presenter-clock">{clock}</b></span>
          <span className="presenter-clock"><span className="presenter-clock-label">{t('presenter.timer')}</span><b data-testid="presenter-timer">{elapsedText(elapsed)}</b></span>
        </div>
      </header>

      <section className="presenter-slides" aria-label={t('presenter.slides')}>
        <figure className="presenter-current">
          <figcaption>{t('presenter.current')}: <b data-testid="presenter-current-label">{state.labels[state.current] ?? ''}</b></figcaption>
          <Picture url={state.currentThumb} testId="presenter-current" />
        </figure>
        <figure className="presenter-next">
          <figcaption>{t('presenter.next')}: <b data-testid="presenter-next-label">{state.labels[state.current + 1] ?? t('presenter.last')}</b></figcaption>
          {state.current + 1 < state.total ? <Picture url={state.nextThumb} testId="presenter-next" /> : <div className="presenter-picture end">{t('presenter.last')}</div>}
        </figure>
        <div className="presenter-nav" role="group" aria-label={t('presenter.slides')}>
          <button type="button" className="button presenter-turn" disabled={state.current === 0} onClick={() => send({ type: 'step', by: -1 })} data-testid="presenter-previous">
            <span aria-hidden="true">‹ </span>{t('presenter.previous')}
          </button>
          <span className="presenter-count" data-testid="presenter-count" aria-live="polite">{t('present.pageOf', { n: state.current + 1, total: state.total })}</span>
          <button type="button" className="button primary presenter-turn" disabled={state.current >= state.total - 1} onClick={() => send({ type: 'step', by: 1 })} data-testid="presenter-next-button">
            {t('presenter.nextButton')}<span aria-hidden="true"> ›</span>
          </button>
        </div>
      </section>

      <section className="presenter-plan" aria-label={t('presenter.plan')}>
        <h2>{t('presenter.plan')}</h2>
        {!state.plan && <p className="muted" data-testid="presenter-no-plan">{t('presenter.noPlan')}</p>}
        {stages.length > 0 && (
          <ol className="presenter-stages" data-testid="presenter-stages">
            {stages.map((s, i) => (
              <li key={i}>
                <button type="button" className="presenter-stage" aria-current={i === stageIndex ? 'step' : undefined} onClick={() => setPickedStage(i === pickedStage ? null : i)} data-testid="presenter-stage">
                  <span className="presenter-stage-title">{s.title}</span>
                  <span className="presenter-stage-time">{t('presenter.stageTime', { from: timings[i]!.startsAt, to: timings[i]!.endsAt })}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
        {stage && (
          <div className="presenter-notes" data-testid="presenter-notes">
            <h3>{stage.title} · {t('presenter.minutes', { n: stage.minutes })}</h3>
            <p>{stage.notes ?? t('presenter.noNotes')}</p>
          </div>
        )}
        {state.plan && state.plan.objectives.length > 0 && (
          <div className="presenter-objectives">
            <h3>{t('presenter.objectives')}</h3>
            <ul>{state.plan.objectives.map((o, i) => <li key={i}>{o}</li>)}</ul>
          </div>
        )}
        {state.plan?.notes && <p className="presenter-plan-notes">{state.plan.notes}</p>}
      </section>

      <section className="presenter-class" aria-label={t('presenter.class')}>
        <h2>{t('presenter.class')} <span className="muted">{t('presenter.present', { n: state.pupils.filter((p) => !absent.has(p.id)).length, total: state.pupils.length })}</span></h2>
        <ol className="presenter-pupils" data-testid="presenter-pupils">
          {state.pupils.map((p) => (
            <li key={p.id} className={absent.has(p.id) ? 'absent' : undefined}>
              {p.name}{absent.has(p.id) && <span className="tag warn">{t('presenter.absent')}</span>}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

function Picture({ url, testId }: { url: string | null; testId: string }) {
  return (
    <div className="presenter-picture" data-testid={testId} data-ready={url ? 'true' : 'false'}>
      {url && <img src={url} alt="" draggable={false} />}
    </div>
  );
}

/** The time now, each second. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
