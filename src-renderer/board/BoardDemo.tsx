import { useEffect, useMemo } from 'react';
import { LOCALES, type Locale } from '../../src-core/i18n';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useI18n } from '../i18n/I18n';
import { Board } from './Board';
import type { FrameProbe } from './InkCanvas';
import type { InkPoint, PageBackground, Stroke } from './ink';

/**
 * The board alone, for development and for the browser tests and benchmarks (board.html). The address sets it up:
 * `?lang=ru`, `?bg=grid`, `?seed=5000` (that many strokes already on the page), `?probe=1` (keep every painted
 * frame's timing). What a test reads is on `window.sabaqBoard`.
 */
export interface BoardTestHooks { exports: Blob[]; frames: FrameProbe[] }

declare global { interface Window { sabaqBoard?: BoardTestHooks } }

/** Scribbles spread over the page, the same for the same count (a deterministic generator, no Math.random). */
export function seededStrokes(count: number, width = 1366, height = 700): Stroke[] {
  let state = 12345;
  const next = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
  return Array.from({ length: count }, (_, i) => {
    const x0 = next() * width, y0 = next() * height;
    const points: InkPoint[] = Array.from({ length: 12 }, (_, k) => [x0 + k * 4 + next() * 6, y0 + Math.sin(k / 2) * 10 + next() * 4, 0.5]);
    return { id: `seed-${i}`, tool: 'pen', colour: ['#1b2730', '#1456c8', '#c21d1d'][i % 3]!, width: 3, pressure: false, points };
  });
}

const params = new URLSearchParams(window.location.search);
const hooks: BoardTestHooks = { exports: [], frames: [] };
window.sabaqBoard = hooks;

export function BoardDemo() {
  const { t, setLocale } = useI18n();
  const seed = Number(params.get('seed') ?? 0);
  const initialStrokes = useMemo(() => (seed > 0 ? seededStrokes(seed) : []), [seed]);
  const bg = params.get('bg');
  const probe = params.get('probe') === '1';

  useEffect(() => {
    const lang = params.get('lang');
    if (lang && (LOCALES as readonly string[]).includes(lang)) setLocale(lang as Locale);
  }, [setLocale]);
  useEffect(() => { document.title = t('board.demoTitle'); }, [t]);

  return (
    <div className="board-demo">
      <header className="board-demo-header">
        <h1>{t('board.demoTitle')}</h1>
        <LanguageSwitcher short />
      </header>
      <Board
        initialStrokes={initialStrokes}
        initialBackground={bg === 'grid' || bg === 'lined' ? (bg as PageBackground) : 'blank'}
        onExport={(png) => {
          hooks.exports.push(png);
          const a = document.createElement('a');
          a.href = URL.createObjectURL(png);
          a.download = 'board.png';
          if (!navigator.webdriver) a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
        }}
        onFrame={probe ? (f) => hooks.frames.push(f) : undefined}
      />
    </div>
  );
}
