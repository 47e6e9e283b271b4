import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18n';
import {
  adjust, formatClock, idleTimer, isFinished, isFresh, MINUTE, pause, preset, remaining, reset, start, TIMER_PRESETS,
  type TimerState,
} from './timer';
import { CloseButton, ToolOverlay, useEscape, type ToolProps } from './ToolOverlay';

/** The wall clock (ms), read in event handlers and the tick. */
const clockNow = () => Date.now();

/** Three short beeps (Web Audio), only when the teacher has turned the sound on. */
function beep() {
  try {
    const audio = new AudioContext();
    for (let i = 0; i < 3; i++) {
      const osc = audio.createOscillator(), gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.2;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.35);
      osc.stop(audio.currentTime + i * 0.35 + 0.2);
    }
    setTimeout(() => void audio.close(), 1500);
  } catch { /* no audio: the visual signal stays */ }
}

/** The countdown: presets, ±1 min, start/pause/reset, big digits; at zero it flashes (and beeps if sound is on). */
export function Timer({ onClose, initialMinutes = 5 }: ToolProps & { initialMinutes?: number }) {
  const { t } = useI18n();
  useEscape(onClose);
  const [timer, setTimer] = useState<TimerState>(() => idleTimer(initialMinutes * MINUTE));
  const [now, setNow] = useState(clockNow);
  const [sound, setSound] = useState(false);
  const running = timer.startedAt !== null;
  const left = remaining(timer, now);
  const done = isFinished(timer, now);

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(clockNow()), 200);
    return () => clearInterval(id);
  }, [running]);

  // The signal, once, when a running timer reaches zero.
  const signalled = useRef(false);
  useEffect(() => {
    if (done && running && !signalled.current) {
      signalled.current = true;
      if (sound) beep();
    }
    if (!done) signalled.current = false;
  }, [done, running, sound]);

  const act = (f: (s: TimerState, at: number) => TimerState) => {
    const at = clockNow();
    setNow(at);
    setTimer((s) => f(s, at));
  };

  return (
    <ToolOverlay kind="timer" label={t('tools.timer')} className={done ? 'tools-timer-done' : undefined}>
      <div className="tools-panel-head">
        <span className="tools-title">{t('tools.timer')}</span>
        <CloseButton onClose={onClose} />
      </div>
      <div className="tools-timer-digits" role="timer" aria-label={t('tools.timer.left')} data-testid="timer-digits" data-remaining={left}>
        {formatClock(left)}
      </div>
      <div className="tools-timer-done-text" role="status" aria-live="assertive">{done ? t('tools.timer.done') : ''}</div>
      <div className="tools-row">
        {TIMER_PRESETS.map((m) => (
          <button key={m} type="button" className="tools-button" data-testid={`timer-preset-${m}`}
            aria-pressed={isFresh(timer) && timer.durationMs === m * MINUTE}
            onClick={() => act(() => preset(m))}>
            {t('tools.timer.minutes', { n: m })}
          </button>
        ))}
      </div>
      <div className="tools-row">
        <button type="button" className="tools-button tools-wide" data-testid="timer-minus" aria-label={t('tools.timer.minus')} title={t('tools.timer.minus')}
          onClick={() => act((s, at) => adjust(s, -MINUTE, at))}>−1</button>
        {running && !done
          ? <button type="button" className="tools-button tools-primary tools-wide" data-testid="timer-pause" onClick={() => act(pause)}>{t('tools.timer.pause')}</button>
          : (
            <button type="button" className="tools-button tools-primary tools-wide" data-testid="timer-start" disabled={done}
              onClick={() => act(start)}>
              {isFresh(timer) ? t('tools.timer.start') : t('tools.timer.resume')}
            </button>
          )}
        <button type="button" className="tools-button tools-wide" data-testid="timer-plus" aria-label={t('tools.timer.plus')} title={t('tools.timer.plus')}
          onClick={() => act((s, at) => adjust(s, MINUTE, at))}>+1</button>
      </div>
      <div className="tools-row">
        <button type="button" className="tools-button tools-wide" data-testid="timer-reset" onClick={() => act((s) => reset(s))}>{t('tools.timer.reset')}</button>
        <button type="button" className="tools-button tools-wide" data-testid="timer-sound" aria-pressed={sound} onClick={() => setSound((v) => !v)}>
          {t('tools.timer.sound')}
        </button>
      </div>
    </ToolOverlay>
  );
}
