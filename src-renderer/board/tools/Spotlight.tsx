import { useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18n';
import { clamp, CloseButton, ToolOverlay, useDrag, useEscape, type ToolProps } from './ToolOverlay';

export const SPOT_RADII = [60, 90, 130, 180, 240, 320] as const;

/** Darkens the stage except a circle that the teacher drags; − and + change its size. */
export function Spotlight({ onClose }: ToolProps) {
  const { t } = useI18n();
  useEscape(onClose);
  const box = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const [size, setSize] = useState(2);
  const r = SPOT_RADII[size]!;

  useLayoutEffect(() => {
    const el = box.current;
    if (el) setAt({ x: el.clientWidth / 2, y: el.clientHeight / 2 });
  }, []);
  const drag = useDrag((x, y) => {
    const el = box.current;
    if (el) setAt({ x: clamp(x, 0, el.clientWidth), y: clamp(y, 0, el.clientHeight) });
  });

  return (
    <ToolOverlay kind="spotlight" label={t('tools.spotlight')}>
      <div ref={box} className="tools-spot-box">
        {at && (
          <div
            className="tools-spot" role="img" aria-label={t('tools.spotlight.circle')} title={t('tools.spotlight.circle')}
            style={{ left: at.x - r, top: at.y - r, width: 2 * r, height: 2 * r }} data-testid="spotlight-circle" data-radius={r}
            {...drag}
          />
        )}
      </div>
      <div className="tools-corner tools-row">
        <button type="button" className="tools-button tools-wide" data-testid="spotlight-smaller" aria-label={t('tools.spotlight.smaller')} title={t('tools.spotlight.smaller')}
          disabled={size === 0} onClick={() => setSize((s) => Math.max(0, s - 1))}>−</button>
        <button type="button" className="tools-button tools-wide" data-testid="spotlight-bigger" aria-label={t('tools.spotlight.bigger')} title={t('tools.spotlight.bigger')}
          disabled={size === SPOT_RADII.length - 1} onClick={() => setSize((s) => Math.min(SPOT_RADII.length - 1, s + 1))}>+</button>
        <CloseButton onClose={onClose} />
      </div>
    </ToolOverlay>
  );
}
