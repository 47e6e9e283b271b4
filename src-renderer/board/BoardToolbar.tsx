import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';
import { BOARD_COLOURS, HIGHLIGHTER_COLOURS, WIDTHS, type BoardTool, type PageBackground, type WidthChoice } from './ink';

/**
 * The board's tools in one bar: every button at least 48 px (more on a 1920-wide board), a visible label under
 * each tool, and plain buttons throughout, so that Tab, Enter and Space reach everything without a pointer.
 */

export interface BoardToolbarProps {
  tool: BoardTool;
  colour: string;
  width: WidthChoice;
  background: PageBackground;
  penMode: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onTool(tool: BoardTool): void;
  onColour(colour: string): void;
  onWidth(width: WidthChoice): void;
  onBackground(background: PageBackground): void;
  onPenMode(on: boolean): void;
  onUndo(): void;
  onRedo(): void;
  onClear(): void;
  onExport(): void;
  onResetView(): void;
}

const TOOLS: BoardTool[] = ['pen', 'highlighter', 'eraser'];
const BACKGROUNDS: PageBackground[] = ['blank', 'grid', 'lined'];

const icon = (d: ReactNode) => (
  <svg className="board-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">{d}</svg>
);

const ICONS: Record<string, ReactNode> = {
  pen: icon(<><path d="M4 20l4-1L19 8l-3-3L5 16z" /><path d="M14 7l3 3" /></>),
  highlighter: icon(<><path d="M6 15l7-7 4 4-7 7H6z" /><path d="M4 21h9" strokeWidth="3" /></>),
  eraser: icon(<><path d="M8 20h12" /><path d="M4.5 15.5l9-9a2 2 0 0 1 3 0l2 2a2 2 0 0 1 0 3L12 18H7z" /></>),
  blank: icon(<rect x="4" y="4" width="16" height="16" rx="1" />),
  grid: icon(<><rect x="4" y="4" width="16" height="16" rx="1" /><path d="M9.3 4v16M14.6 4v16M4 9.3h16M4 14.6h16" strokeWidth="1.2" /></>),
  lined: icon(<><rect x="4" y="4" width="16" height="16" rx="1" /><path d="M4 9h16M4 13h16M4 17h16" strokeWidth="1.2" /><path d="M8 4v16" strokeWidth="1.2" /></>),
  undo: icon(<><path d="M9 14L4 9l5-5" /><path d="M4 9h10a6 6 0 0 1 0 12h-3" /></>),
  redo: icon(<><path d="M15 14l5-5-5-5" /><path d="M20 9H10a6 6 0 0 0 0 12h3" /></>),
  clear: icon(<><path d="M4 7h16M10 11v6M14 11v6" /><path d="M6 7l1 13h10l1-13M9 7V4h6v3" /></>),
  export: icon(<><path d="M12 4v11M7 10l5 5 5-5" /><path d="M5 19h14" /></>),
  penMode: icon(<><path d="M4 20l4-1L19 8l-3-3L5 16z" /><path d="M17 21l4-4" /></>),
  resetView: icon(<><circle cx="11" cy="11" r="6" /><path d="M20 20l-4.5-4.5M8.5 11h5" /></>),
};

function ToolButton({ name, label, hint, pressed, disabled, onClick, shortcut, testId }: {
  name: string; label: string; hint?: string; pressed?: boolean; disabled?: boolean; onClick(): void; shortcut?: string; testId?: string;
}) {
  return (
    <button type="button" className="board-button" aria-pressed={pressed} disabled={disabled} onClick={onClick}
      title={`${label}${hint ? ` — ${hint}` : ''}${shortcut ? ` (${shortcut.replace('Control', 'Ctrl')})` : ''}`} aria-description={hint} aria-keyshortcuts={shortcut} data-testid={testId ?? `board-${name}`}>
      {ICONS[name]}
      <span className="board-button-label">{label}</span>
    </button>
  );
}

export function BoardToolbar(p: BoardToolbarProps) {
  const { t } = useI18n();
  const colours = p.tool === 'highlighter' ? HIGHLIGHTER_COLOURS : BOARD_COLOURS;
  return (
    <div className="board-toolbar" role="toolbar" aria-label={t('board.toolbar')}>
      <div className="board-group" role="group" aria-label={t('board.tools')}>
        {TOOLS.map((tool) => (
          <ToolButton key={tool} name={tool} label={t(`board.tool.${tool}`)} pressed={p.tool === tool} onClick={() => p.onTool(tool)} />
        ))}
      </div>
      <div className="board-group board-swatches" role="group" aria-label={t('board.colours')}>
        {colours.map((c) => (
          <button key={c.value} type="button" className="board-swatch" aria-pressed={p.colour === c.value} disabled={p.tool === 'eraser'}
            aria-label={t(`board.colour.${c.name}`)} title={t(`board.colour.${c.name}`)} data-testid={`board-colour-${c.name}`}
            onClick={() => p.onColour(c.value)}>
            <span className="board-swatch-dot" style={{ background: c.value }} />
          </button>
        ))}
      </div>
      <div className="board-group" role="group" aria-label={t('board.widths')}>
        {(Object.keys(WIDTHS) as WidthChoice[]).map((w) => (
          <button key={w} type="button" className="board-width" aria-pressed={p.width === w} disabled={p.tool === 'eraser'}
            aria-label={t(`board.width.${w}`)} title={t(`board.width.${w}`)} data-testid={`board-width-${w}`} onClick={() => p.onWidth(w)}>
            <span className="board-width-line" style={{ height: `${Math.min(14, WIDTHS[w] + 1)}px` }} />
          </button>
        ))}
      </div>
      <div className="board-group board-group-compact" role="group" aria-label={t('board.backgrounds')}>
        {BACKGROUNDS.map((b) => (
          <ToolButton key={b} name={b} label={t(`board.background.${b}`)} pressed={p.background === b} onClick={() => p.onBackground(b)} testId={`board-background-${b}`} />
        ))}
      </div>
      <div className="board-group">
        <ToolButton name="undo" label={t('board.undo')} disabled={!p.canUndo} onClick={p.onUndo} shortcut="Control+Z" />
        <ToolButton name="redo" label={t('board.redo')} disabled={!p.canRedo} onClick={p.onRedo} shortcut="Control+Y" />
        <ToolButton name="clear" label={t('board.clear')} onClick={p.onClear} />
      </div>
      <div className="board-group board-group-end board-group-compact">
        <ToolButton name="penMode" label={t('board.penMode')} hint={t('board.penModeHint')} pressed={p.penMode} onClick={() => p.onPenMode(!p.penMode)} testId="board-pen-mode" />
        <ToolButton name="resetView" label={t('board.resetView')} onClick={p.onResetView} testId="board-reset-view" />
        <ToolButton name="export" label={t('board.export')} onClick={p.onExport} />
      </div>
    </div>
  );
}
