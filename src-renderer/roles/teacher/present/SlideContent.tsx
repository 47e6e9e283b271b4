import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../../../api/ApiContext';
import { useI18n } from '../../../i18n/I18n';
import { cachedPdfPage, PdfProblem } from './pdf';
import { fitRect } from './present';
import { pdfOf } from './resource-files';
import { HTML5_LAUNCH, textSlideFontSize, type Slide, type SlideProblem, type SlideResource } from './slides';

/**
 * A slide's content under the ink: a PDF page rendered sharp for the box it fills, a picture, a video or a sound
 * (their controls are the page's media bar), an HTML5 package in a sandboxed frame, the teacher's text in large
 * type, or the reason a resource shows nothing. The box is the ink surface's; the page moves it with the view.
 */

/** A box's size in CSS pixels, followed as it changes (0×0 while its page is hidden). */
export function useBoxSize(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const width = el.clientWidth, height = el.clientHeight;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** A file's address from the host (asked for anew each time a slide shows it: the ticket is short-lived). */
function useFileUrl(sha256: string, path?: string): { url: string | null; failed: boolean } {
  const api = useApi();
  const [state, setState] = useState<{ key: string; url: string | null; failed: boolean } | null>(null);
  const key = `${sha256}/${path ?? ''}`;
  useEffect(() => {
    let alive = true;
    api.fileUrl(sha256, path).then(
      (url) => { if (alive) setState({ key, url, failed: false }); },
      () => { if (alive) setState({ key, url: null, failed: true }); },
    );
    return () => { alive = false; };
  }, [api, sha256, path, key]);
  return state?.key === key ? state : { url: null, failed: false };
}

export interface SlideContentProps {
  slide: Slide;
  /** The view's zoom, once it settles: a PDF page is rendered again for it (up to 3×) so that it stays sharp. */
  zoom: number;
  /** The slide's video or audio element (the media bar drives it), or null. */
  onMedia(el: HTMLMediaElement | null): void;
}

export const SlideContent = memo(function SlideContent({ slide, zoom, onMedia }: SlideContentProps) {
  switch (slide.kind) {
    case 'pdf': return <PdfSlide resource={slide.resource} page={slide.page} zoom={zoom} />;
    case 'image': return <ImageSlide resource={slide.resource} />;
    case 'video': case 'audio': return <MediaSlide kind={slide.kind} resource={slide.resource} onMedia={onMedia} />;
    case 'html5': return <Html5Slide resource={slide.resource} />;
    case 'text': return <TextSlide text={slide.text} />;
    case 'failed': return <SlideError resource={slide.resource} problem={slide.problem} />;
  }
});

/** Why a resource shows nothing: its title and the reason, large, in the middle of the slide. */
export function SlideError({ resource, problem }: { resource: SlideResource; problem: SlideProblem }) {
  const { t } = useI18n();
  return (
    <div className="present-slide present-slide-error" role="alert" data-testid="present-slide-error" data-problem={problem}>
      <span className="present-slide-error-icon" aria-hidden="true">!</span>
      <strong className="present-slide-error-title">{t('present.slide.failedTitle', { title: resource.title })}</strong>
      <span className="present-slide-error-text">{t(problem)}</span>
    </div>
  );
}

function PdfSlide({ resource, page, zoom }: { resource: SlideResource; page: number; zoom: number }) {
  const api = useApi();
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width, height } = useBoxSize(box);
  const [state, setState] = useState<{ problem: SlideProblem | null; fit: { x: number; y: number; width: number; height: number } | null }>({ problem: null, fit: null });
  const sharpness = Math.min(3, Math.max(1, zoom));

  useEffect(() => {
    if (width < 2 || height < 2) {
      // A hidden page gives its pixels back (the rendered page stays in the cache for its return).
      if (canvas.current) { canvas.current.width = 1; canvas.current.height = 1; }
      return;
    }
    let alive = true;
    const ratio = (window.devicePixelRatio || 1) * sharpness;
    (async () => {
      const doc = await pdfOf(api, resource.sha256);
      const rendered = await cachedPdfPage(resource.sha256, doc, page, width, height, ratio);
      if (!alive || !canvas.current) return;
      const fit = fitRect(rendered.width, rendered.height, width, height);
      const c = canvas.current;
      c.width = rendered.width;
      c.height = rendered.height;
      c.getContext('2d')?.drawImage(rendered, 0, 0);
      setState({ problem: null, fit });
    })().catch((err: unknown) => {
      if (alive) setState({ problem: err instanceof PdfProblem ? err.problem : 'present.slide.corrupt', fit: null });
    });
    return () => { alive = false; };
  }, [api, resource.sha256, page, width, height, sharpness]);

  return (
    <div ref={box} className="present-slide" data-testid="present-slide-pdf" data-ready={state.fit ? 'true' : 'false'}>
      <canvas ref={canvas} className="present-pdf-canvas" role="img" aria-label={t('present.slide.pdfPage', { title: resource.title, n: page })}
        hidden={!state.fit} style={state.fit ? { left: state.fit.x, top: state.fit.y, width: state.fit.width, height: state.fit.height } : undefined} />
      {state.problem && <SlideError resource={resource} problem={state.problem} />}
    </div>
  );
}

function ImageSlide({ resource }: { resource: SlideResource }) {
  const { url, failed } = useFileUrl(resource.sha256);
  const [broken, setBroken] = useState(false);
  if (failed) return <SlideError resource={resource} problem="present.slide.unavailable" />;
  if (broken) return <SlideError resource={resource} problem="present.slide.corrupt" />;
  return (
    <div className="present-slide" data-testid="present-slide-image">
      {url && <img className="present-slide-fill" src={url} alt={resource.title} draggable={false} onError={() => setBroken(true)} />}
    </div>
  );
}

function MediaSlide({ kind, resource, onMedia }: { kind: 'video' | 'audio'; resource: SlideResource; onMedia(el: HTMLMediaElement | null): void }) {
  const { t } = useI18n();
  const { url, failed } = useFileUrl(resource.sha256);
  const [broken, setBroken] = useState(false);
  if (failed) return <SlideError resource={resource} problem="present.slide.unavailable" />;
  if (broken) return <SlideError resource={resource} problem="present.slide.corrupt" />;
  const onError = () => { setBroken(true); onMedia(null); };
  if (kind === 'video') {
    return (
      <div className="present-slide present-slide-video" data-testid="present-slide-video">
        {url && <video ref={onMedia} className="present-slide-fill" src={url} preload="metadata" playsInline aria-label={resource.title} onError={onError} data-testid="present-video" />}
      </div>
    );
  }
  return (
    <div className="present-slide present-slide-card" data-testid="present-slide-audio">
      <MediaIcon kind="audio" />
      <strong className="present-slide-card-title">{resource.title}</strong>
      <span className="present-slide-card-kind">{t('present.slide.kind.audio')}</span>
      {url && <audio ref={onMedia} src={url} preload="metadata" onError={onError} data-testid="present-audio" />}
    </div>
  );
}

function Html5Slide({ resource }: { resource: SlideResource }) {
  const { url, failed } = useFileUrl(resource.sha256, HTML5_LAUNCH);
  if (failed) return <SlideError resource={resource} problem="present.slide.unavailable" />;
  return (
    <div className="present-slide" data-testid="present-slide-html5">
      {url && (
        <iframe className="present-slide-frame" src={url} title={resource.title} sandbox="allow-scripts allow-forms"
          referrerPolicy="no-referrer" allow="fullscreen 'none'; camera 'none'; microphone 'none'; geolocation 'none'" data-testid="present-html5" />
      )}
    </div>
  );
}

function TextSlide({ text }: { text: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = useBoxSize(box);
  const fontSize = textSlideFontSize(text, width, height);
  return (
    <div ref={box} className="present-slide present-text-slide" data-testid="present-slide-text">
      {text.trim()
        ? <div className="present-text-slide-body" style={{ fontSize }} data-testid="present-text">{text}</div>
        : <div className="present-text-slide-empty">{t('present.text.empty')}</div>}
    </div>
  );
}

const ICON_PATHS: Record<string, ReactNode> = {
  audio: <><path d="M9 18V5l12-2v13" /><circle cx="6" cy="18" r="3" /><circle cx="18" cy="16" r="3" /></>,
  video: <><rect x="2" y="5" width="15" height="14" rx="2" /><path d="M17 10l5-3v10l-5-3z" /></>,
  html5: <><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M3 9h18M8 13l-2 2 2 2M16 13l2 2-2 2" /></>,
  pdf: <><path d="M6 2h9l5 5v15H6z" /><path d="M14 2v6h6" /></>,
  image: <><rect x="3" y="4" width="18" height="16" rx="2" /><circle cx="9" cy="10" r="2" /><path d="M21 17l-5-5-9 8" /></>,
  text: <><path d="M4 6V4h16v2M12 4v16M9 20h6" /></>,
};

export function MediaIcon({ kind, className = 'present-slide-card-icon' }: { kind: string; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      {ICON_PATHS[kind] ?? ICON_PATHS.pdf}
    </svg>
  );
}
