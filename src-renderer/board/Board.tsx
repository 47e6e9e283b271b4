import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { BoardToolbar } from './BoardToolbar';
import { InkCanvas, type FrameProbe, type InkCanvasHandle } from './InkCanvas';
import {
  BOARD_COLOURS, canRedo, canUndo, emptyPage, HIGHLIGHTER_COLOURS, pageReducer, strokeWidth,
  type BoardTool, type PageBackground, type Stroke, type View, type WidthChoice,
} from './ink';

/**
 * A board page: the toolbar over the ink surface, the page's undo/redo history (ink.ts's reducer) and the
 * keyboard's Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z). The page as PNG goes to `onExport`.
 */
export interface BoardProps {
  initialStrokes?: readonly Stroke[];
  initialBackground?: PageBackground;
  onExport(png: Blob): void;
  onFrame?(probe: FrameProbe): void;
  /** The ink surface's pan and zoom, after each change: a layer under the ink follows it. */
  onView?(view: View): void;
}

export function Board({ initialStrokes, initialBackground = 'blank', onExport, onFrame, onView }: BoardProps) {
  const { t } = useI18n();
  const [page, dispatch] = useReducer(pageReducer, initialStrokes, (s) => emptyPage(s ?? []));
  const [tool, setTool] = useState<BoardTool>('pen');
  const [penColour, setPenColour] = useState(BOARD_COLOURS[0]!.value);
  const [markerColour, setMarkerColour] = useState(HIGHLIGHTER_COLOURS[0]!.value);
  const [width, setWidth] = useState<WidthChoice>('medium');
  const [background, setBackground] = useState<PageBackground>(initialBackground);
  const [penMode, setPenMode] = useState(false);
  const canvas = useRef<InkCanvasHandle>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); dispatch({ type: 'undo' }); }
      else if (key === 'y' || (key === 'z' && e.shiftKey)) { e.preventDefault(); dispatch({ type: 'redo' }); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const exportPage = useCallback(() => {
    canvas.current?.exportPng().then(onExport, (e: unknown) => console.error('board export', e));
  }, [onExport]);

  const ink = tool === 'highlighter' ? 'highlighter' : 'pen';
  const colour = tool === 'highlighter' ? markerColour : penColour;
  return (
    <section className="board" aria-label={t('board.title')} data-tool={tool} data-pen-mode={penMode}>
      <BoardToolbar
        tool={tool} colour={colour} width={width} background={background} penMode={penMode}
        canUndo={canUndo(page)} canRedo={canRedo(page)}
        onTool={setTool}
        onColour={tool === 'highlighter' ? setMarkerColour : setPenColour}
        onWidth={setWidth} onBackground={setBackground} onPenMode={setPenMode}
        onUndo={() => dispatch({ type: 'undo' })} onRedo={() => dispatch({ type: 'redo' })}
        onClear={() => dispatch({ type: 'clear' })} onExport={exportPage}
        onResetView={() => canvas.current?.resetView()}
      />
      <div className="board-surface">
        <InkCanvas
          ref={canvas}
          strokes={page.strokes} background={background} tool={tool} colour={colour} width={strokeWidth(ink, width)}
          penMode={penMode} label={t('board.surface')}
          onStroke={(stroke) => dispatch({ type: 'add', stroke })}
          onErase={(ids) => dispatch({ type: 'erase', ids })}
          onPenSeen={() => setPenMode(true)}
          onFrame={onFrame}
          onView={onView}
        />
      </div>
    </section>
  );
}
