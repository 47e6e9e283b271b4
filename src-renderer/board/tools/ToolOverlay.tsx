import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18n';
import '../../styles/board-tools.css';

/**
 * What the classroom tools share: the overlay box (absolutely placed inside the board's stage, which is
 * `position: relative`), the × button, Escape to close, and dragging in the stage's coordinates.
 */
export interface ToolProps {
  onClose(): void;
}

/** Closes on Escape (anywhere on the page, while the tool is open). */
export function useEscape(onClose: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { e.preventDefault(); onClose(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
}

export function CloseButton({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="tools-button tools-close" onClick={onClose} aria-label={t('tools.close')} title={t('tools.close')} data-testid="tool-close">
      <span aria-hidden="true">×</span>
    </button>
  );
}

/** The overlay element of one tool: `kind` names it for styles and tests (`data-testid="tool-<kind>"`). */
export function ToolOverlay({ kind, label, className, children, passThrough = false }: {
  kind: string; label: string; className?: string; children: ReactNode;
  /** The overlay lets pointer events through to the board, except on its own controls. */
  passThrough?: boolean;
}) {
  return (
    <div
      className={`tools-overlay tools-${kind}${passThrough ? ' tools-pass-through' : ''}${className ? ` ${className}` : ''}`}
      role="dialog" aria-label={label} data-testid={`tool-${kind}`}
    >
      {children}
    </div>
  );
}

/**
 * Pointer dragging: `onMove` gets the pointer's position in the coordinates of the element's offset parent (the
 * stage), `onEnd` is called when the pointer is let go. Spread the returned handlers on the dragged element.
 */
export function useDrag(onMove: (x: number, y: number) => void, onEnd?: () => void) {
  const dragging = useRef<number | null>(null);
  const at = (e: ReactPointerEvent<HTMLElement>) => {
    const stage = (e.currentTarget.closest('.tools-overlay')?.parentElement ?? e.currentTarget.parentElement)!;
    const r = stage.getBoundingClientRect();
    onMove(e.clientX - r.left, e.clientY - r.top);
  };
  return {
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      if ((e.target as HTMLElement).closest('button')) return;
      dragging.current = e.pointerId;
      e.currentTarget.setPointerCapture(e.pointerId);
      e.preventDefault();
      at(e);
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      if (dragging.current === e.pointerId) at(e);
    },
    onPointerUp(e: ReactPointerEvent<HTMLElement>) {
      if (dragging.current !== e.pointerId) return;
      dragging.current = null;
      onEnd?.();
    },
    onPointerCancel(e: ReactPointerEvent<HTMLElement>) {
      if (dragging.current !== e.pointerId) return;
      dragging.current = null;
      onEnd?.();
    },
  };
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(lo, hi), Math.max(lo, v));
}
