import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18n';
import { mediaTime } from './slides';

/**
 * A video's or a sound's controls for a board: play and pause, the position, the volume — each a large target for a
 * finger (the browser's own controls are too small from a step away, and would lie under the ink).
 */

interface MediaState { playing: boolean; time: number; duration: number; volume: number; muted: boolean }

/** The element's own controls, changed outside the component (its props are not the component's to change). */
const control = {
  toggle(m: HTMLMediaElement) { if (m.paused || m.ended) void m.play().catch(() => undefined); else m.pause(); },
  seek(m: HTMLMediaElement, to: number) { m.currentTime = Math.max(0, Number.isFinite(m.duration) ? Math.min(m.duration, to) : to); },
  mute(m: HTMLMediaElement, on: boolean) { m.muted = on; },
  volume(m: HTMLMediaElement, v: number) { m.volume = v; m.muted = v === 0; },
};

const read = (m: HTMLMediaElement): MediaState => ({ playing: !m.paused && !m.ended, time: m.currentTime, duration: m.duration, volume: m.volume, muted: m.muted });

export function MediaBar({ media, kind }: { media: HTMLMediaElement; kind: 'video' | 'audio' }) {
  const { t } = useI18n();
  const [state, setState] = useState<MediaState>(() => read(media));

  useEffect(() => {
    const update = () => setState(read(media));
    const events = ['play', 'pause', 'ended', 'timeupdate', 'durationchange', 'loadedmetadata', 'volumechange', 'seeked'];
    for (const e of events) media.addEventListener(e, update);
    update();
    return () => { for (const e of events) media.removeEventListener(e, update); };
  }, [media]);

  const toggle = () => control.toggle(media);
  const known = Number.isFinite(state.duration) && state.duration > 0;
  const skip = (by: number) => control.seek(media, media.currentTime + by);
  const label = kind === 'video' ? t('present.media.video') : t('present.media.audio');

  return (
    <div className="present-media-bar" role="group" aria-label={label} data-testid="present-media-bar" data-playing={state.playing}>
      <button type="button" className="present-media-button" onClick={() => skip(-10)} aria-label={t('present.media.back10')} title={t('present.media.back10')} data-testid="present-media-back">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M11 6L5 12l6 6M19 6l-6 6 6 6" /></svg>
      </button>
      <button type="button" className="present-media-button play" onClick={toggle} aria-label={state.playing ? t('present.media.pause') : t('present.media.play')}
        title={state.playing ? t('present.media.pause') : t('present.media.play')} data-testid="present-media-play">
        {state.playing
          ? <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M8 5v14M16 5v14" strokeWidth="4" /></svg>
          : <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 4l13 8-13 8z" fill="currentColor" /></svg>}
      </button>
      <button type="button" className="present-media-button" onClick={() => skip(10)} aria-label={t('present.media.forward10')} title={t('present.media.forward10')} data-testid="present-media-forward">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M13 6l6 6-6 6M5 6l6 6-6 6" /></svg>
      </button>
      <span className="present-media-time" data-testid="present-media-time">{mediaTime(state.time)} / {mediaTime(state.duration)}</span>
      <input type="range" className="present-media-seek" min={0} max={known ? state.duration : 0} step={0.1} value={known ? Math.min(state.time, state.duration) : 0}
        disabled={!known} onChange={(e) => control.seek(media, Number(e.currentTarget.value))}
        aria-label={t('present.media.position')} aria-valuetext={`${mediaTime(state.time)} / ${mediaTime(state.duration)}`} data-testid="present-media-seek" />
      <button type="button" className="present-media-button" onClick={() => control.mute(media, !state.muted)} aria-pressed={state.muted}
        aria-label={state.muted ? t('present.media.unmute') : t('present.media.mute')} title={state.muted ? t('present.media.unmute') : t('present.media.mute')} data-testid="present-media-mute">
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
          {state.muted ? <path d="M17 9l5 6M22 9l-5 6" /> : <path d="M16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12" />}
        </svg>
      </button>
      <input type="range" className="present-media-volume" min={0} max={1} step={0.05} value={state.muted ? 0 : state.volume}
        onChange={(e) => control.volume(media, Number(e.currentTarget.value))}
        aria-label={t('present.media.volume')} aria-valuetext={`${Math.round((state.muted ? 0 : state.volume) * 100)}%`} data-testid="present-media-volume" />
    </div>
  );
}
