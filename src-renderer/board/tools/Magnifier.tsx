import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18n';
import { clamp, CloseButton, ToolOverlay, useDrag, useEscape, type ToolProps } from './ToolOverlay';

const ZOOM = 2;
const LENS_R = 150;

interface Snapshot { src: string; x: number; y: number; w: number; h: number }

/** The board's canvas as an image (and where it lies in the stage), or null when the stage has none. */
function snapshot(stage: HTMLElement | null): Snapshot | null {
  const canvas = stage?.querySelector('canvas');
  if (!canvas) return null;
  try {
    return { src: canvas.toDataURL(), x: canvas.offsetLeft, y: canvas.offsetTop, w: canvas.clientWidth, h: canvas.clientHeight };
  } catch { return null; }
}

/**
 * A lens showing the stage's page at 2×. It shows a picture of the board's canvas taken when the tool is opened,
 * refreshed each time the lens is let go (not a live view: ink written while it is open appears after the next drag).
 */
export function Magnifier({ stage, onClose }: ToolProps & { stage: HTMLElement | null }) {
  const { t } = useI18n();
  useEscape(onClose);
  const box = useRef<HTMLDivElement>(null);
  const [shot, setShot] = useState<Snapshot | null>(() => snapshot(stage));
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const refresh = useCallback(() => setShot(snapshot(stage)), [stage]);

  useLayoutEffect(() => {
    const el = box.current;
    if (el) setAt({ x: el.clientWidth / 2, y: el.clientHeight / 2 });
  }, []);
  const drag = useDrag((x, y) => {
    const el = box.current;
    if (el) setAt({ x: clamp(x, 0, el.clientWidth), y: clamp(y, 0, el.clientHeight) });
  }, refresh);

  return (
    <ToolOverlay kind="magnifier" label={t('tools.magnifier')} passThrough>
      <div ref={box} className="tools-magnifier-box">
        {at && (
          <div
            className="tools-lens" role="img" aria-label={t('tools.magnifier.lens')} title={t('tools.magnifier.lens')} data-testid="magnifier-lens"
            style={{ left: at.x - LENS_R, top: at.y - LENS_R, width: 2 * LENS_R, height: 2 * LENS_R }}
            {...drag}
          >
            {shot && (
              <img
                className="tools-lens-image" src={shot.src} alt="" draggable={false}
                style={{
                  width: shot.w, height: shot.h,
                  transform: `translate(${LENS_R - ZOOM * (at.x - shot.x)}px, ${LENS_R - ZOOM * (at.y - shot.y)}px) scale(${ZOOM})`,
                }}
              />
            )}
          </div>
        )}
      </div>
      <div className="tools-corner tools-row">
        <span className="tools-note">{t('tools.magnifier.note')}</span>
        <CloseButton onClose={onClose} />
      </div>
    </ToolOverlay>
  );
}
