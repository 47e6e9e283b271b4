import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18n';
import { clamp, CloseButton, ToolOverlay, useDrag, useEscape, type ToolProps } from './ToolOverlay';

type From = 'top' | 'left';
const STEP = 0.05;

/**
 * A curtain over the stage: drag its edge (it comes down from the top or in from the left) to show part of the page;
 * the arrow keys move it too. `open` is the shown share of the stage (0: all covered).
 */
export function Curtain({ onClose }: ToolProps) {
  const { t } = useI18n();
  useEscape(onClose);
  const [from, setFrom] = useState<From>('top');
  const [open, setOpen] = useState(0.1);
  const box = useRef<HTMLDivElement>(null);
  const edge = useRef<HTMLDivElement>(null);

  const drag = useDrag((x, y) => {
    const el = box.current;
    if (!el) return;
    setOpen(clamp(from === 'top' ? y / el.clientHeight : x / el.clientWidth, 0, 0.95));
  });

  useEffect(() => { edge.current?.focus(); }, [from]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const more = from === 'top' ? 'ArrowDown' : 'ArrowRight', less = from === 'top' ? 'ArrowUp' : 'ArrowLeft';
      if (e.key === more) { e.preventDefault(); setOpen((v) => clamp(v + STEP, 0, 0.95)); }
      else if (e.key === less) { e.preventDefault(); setOpen((v) => clamp(v - STEP, 0, 0.95)); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [from]);

  const pct = `${(open * 100).toFixed(2)}%`;
  const curtainStyle = from === 'top' ? { top: pct, left: 0, right: 0, bottom: 0 } : { left: pct, top: 0, right: 0, bottom: 0 };
  return (
    <ToolOverlay kind="curtain" label={t('tools.curtain')} passThrough>
      <div ref={box} className="tools-curtain-box">
        <div className={`tools-curtain-cloth tools-curtain-${from}`} style={curtainStyle} data-testid="curtain-cloth" data-open={open.toFixed(2)}>
          <div
            ref={edge} className="tools-curtain-edge" tabIndex={0} role="slider"
            aria-label={t('tools.curtain.edge')} title={t('tools.curtain.edge')}
            aria-orientation={from === 'top' ? 'vertical' : 'horizontal'}
            aria-valuemin={0} aria-valuemax={95} aria-valuenow={Math.round(open * 100)}
            data-testid="curtain-edge"
            {...drag}
          >
            <span className="tools-curtain-grip" aria-hidden="true" />
          </div>
          <div className="tools-curtain-controls">
            <div className="tools-row" role="group" aria-label={t('tools.curtain')}>
              <button type="button" className="tools-button" aria-pressed={from === 'top'} onClick={() => setFrom('top')} data-testid="curtain-from-top">{t('tools.curtain.fromTop')}</button>
              <button type="button" className="tools-button" aria-pressed={from === 'left'} onClick={() => setFrom('left')} data-testid="curtain-from-left">{t('tools.curtain.fromLeft')}</button>
              <CloseButton onClose={onClose} />
            </div>
          </div>
        </div>
      </div>
    </ToolOverlay>
  );
}
