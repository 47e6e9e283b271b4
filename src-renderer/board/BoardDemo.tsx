import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LOCALES, type Locale } from '../../src-core/i18n';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useI18n } from '../i18n/I18n';
import { Board } from './Board';
import { DEMO_PUPILS } from './demoPupils';
import type { FrameProbe } from './InkCanvas';
import type { InkPoint, PageBackground, Stroke } from './ink';
import { ToolsMenu } from './tools';

/**
 * The board alone, for development and for the browser tests and benchmarks (board.html). The address sets it up:
 * `?lang=ru`, `?bg=grid`, `?seed=5000` (that many strokes already on the page), `?probe=1` (keep every painted
 * frame's timing), `absent=id,id` (pupils the picker leaves out). What a test reads is on `window.sabaqBoard`. The
 * classroom tools open over the stage; the picker's marks are only kept on this page (shown in the header).
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

  const root = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<HTMLElement | null>(null);
  useEffect(() => { setStage(root.current?.querySelector<HTMLElement>('.board-surface') ?? null); }, []);
  const absentIds = useMemo(() => (params.get('absent') ?? '').split(',').filter(Boolean), []);
  const [marks, setMarks] = useState<{ pupilId: string; value: number }[]>([]);
  const onMark = useCallback(async (pupilId: string, value: number) => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    setMarks((m) => [...m, { pupilId, value }]);
  }, []);
  const nameOf = (id: string) => {
    const p = DEMO_PUPILS.find((x) => x.id === id);
    return p ? `${p.lastName} ${p.firstName[0]}.` : id;
  };

  return (
    <div className="board-demo" ref={root}>
      <header className="board-demo-header">
        <h1>{t('board.demoTitle')}</h1>
        <ToolsMenu stage={stage} pupils={DEMO_PUPILS} absentIds={absentIds} onMark={onMark} />
        <output className="board-demo-marks" data-testid="demo-marks" data-count={marks.length} data-last={marks.length ? `${marks.at(-1)!.pupilId}:${marks.at(-1)!.value}` : ''}>
          {t('tools.demo.marks')}: {marks.length === 0 ? t('tools.demo.noMarks') : marks.slice(-3).map((m) => `${nameOf(m.pupilId)} ${m.value}`).join(', ')}
        </output>
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
