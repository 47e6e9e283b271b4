import { memo, useEffect, useRef, useState } from 'react';
import { useApi } from '../../../api/ApiContext';
import { cachedPdfPage } from './pdf';
import { pdfOf } from './resource-files';
import { MediaIcon } from './SlideContent';
import type { Slide } from './slides';

/** A slide, small, for the rail: a PDF page or the picture itself, otherwise its kind's sign and its name. */
export const SlideThumb = memo(function SlideThumb({ slide }: { slide: Slide }) {
  if (slide.kind === 'pdf') return <PdfThumb sha256={slide.resource.sha256} page={slide.page} />;
  if (slide.kind === 'image') return <ImageThumb sha256={slide.resource.sha256} />;
  if (slide.kind === 'text') return <span className="present-thumb-slide text">{slide.text}</span>;
  const failed = slide.kind === 'failed';
  return (
    <span className={failed ? 'present-thumb-slide failed' : 'present-thumb-slide'}>
      {failed ? <span className="present-thumb-failed" aria-hidden="true">!</span> : <MediaIcon kind={slide.kind} className="present-thumb-icon" />}
    </span>
  );
});

const THUMB_BOX = { width: 220, height: 124 };

function PdfThumb({ sha256, page }: { sha256: string; page: number }) {
  const api = useApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let alive = true;
    (async () => {
      const doc = await pdfOf(api, sha256);
      const small = await cachedPdfPage(sha256, doc, page, THUMB_BOX.width, THUMB_BOX.height, window.devicePixelRatio || 1);
      const c = canvas.current;
      if (!alive || !c) return;
      c.width = small.width;
      c.height = small.height;
      c.getContext('2d')?.drawImage(small, 0, 0);
      setReady(true);
    })().catch(() => undefined);
    return () => { alive = false; };
  }, [api, sha256, page]);
  return (
    <span className="present-thumb-slide">
      <canvas ref={canvas} className="present-thumb-pdf" hidden={!ready} />
    </span>
  );
}

function ImageThumb({ sha256 }: { sha256: string }) {
  const api = useApi();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    api.fileUrl(sha256).then((u) => { if (alive) setUrl(u); }, () => undefined);
    return () => { alive = false; };
  }, [api, sha256]);
  return <span className="present-thumb-slide">{url && <img className="present-thumb-pdf" src={url} alt="" draggable={false} />}</span>;
}
