import { useEffect, useMemo, useState } from 'react';
import type { LessonPlan } from '../../../../src-core/contract/ops/resources';
import type { LessonView } from '../../../../src-core/contract/schemas';
import { useApi } from '../../../api/ApiContext';
import { IDENTITY_VIEW } from '../../../board/ink';
import { clockTime } from '../../../i18n/dates';
import { useI18n } from '../../../i18n/I18n';
import { composePage } from './compose';
import type { PageExporter } from './PageBoard';
import type { Deck, PresentPage } from './present';
import type { PresenterState } from './presenter-link';
import { timerStart } from './slides';
import { composeSources } from './useBoardSave';

/** The width of the presenter view's pictures of the current and the next page. */
const PICTURE_WIDTH = 640;
const PICTURE_DELAY = 250;

interface Options {
  lesson: LessonView;
  title: string;
  deck: Deck;
  plan: LessonPlan | null;
  pupils: readonly { id: string; lastName: string; firstName: string }[];
  absentIds: readonly string[];
  pageLabel(page: PresentPage, index: number): string;
  exporters: React.RefObject<Map<string, PageExporter>>;
  thumbSvg(id: string): SVGSVGElement | null;
  /** The rail's small pictures of each page's ink. */
  thumbs: Readonly<Record<string, { url: string }>>;
  /** Changes after each stroke. */
  inkTick: number;
  /** Whether to draw the pages' pictures (only while a presenter view listens). */
  pictures: boolean;
}

/** What the presenter view shows, as the board has it now. */
export function usePresenterState(o: Options): PresenterState {
  const { locale, t } = useI18n();
  const api = useApi();
  const { lesson, deck, plan, pupils, absentIds, pageLabel, exporters, thumbSvg, thumbs, inkTick, pictures } = o;
  const [timerFrom] = useState(() => timerStart(lesson.startsAt, lesson.endsAt, Date.now(), Date.now()));
  const [shots, setShots] = useState<{ currentId: string; current: string | null; nextId: string | null; next: string | null } | null>(null);

  useEffect(() => {
    if (!pictures) return;
    let alive = true;
    const timer = setTimeout(() => {
      const page = deck.pages[deck.current];
      const next = deck.pages[deck.current + 1];
      const ex = page ? exporters.current.get(page.id) : undefined;
      const frame = ex?.frame();
      if (!page || !ex || !frame) return;
      const ratio = PICTURE_WIDTH / frame.width;
      const picture = async (p: PresentPage, live: boolean): Promise<string> => {
        const pex = exporters.current.get(p.id);
        let ink: CanvasImageSource | null = live ? ex.inkCanvas() : null;
        if (!live && thumbs[p.id]) {
          const image = new Image();
          image.src = thumbs[p.id]!.url;
          await image.decode();
          ink = image;
        }
        const sources = composeSources(api, t, pex?.svg() ?? (p.doc ? thumbSvg(p.id) : null), pex?.video() ?? null, ink);
        const canvas = await composePage(p, { ...frame, ratio, view: live ? frame.view : IDENTITY_VIEW }, sources);
        return canvas.toDataURL('image/jpeg', 0.8);
      };
      Promise.all([picture(page, true), next ? picture(next, false) : Promise.resolve(null)]).then(
        ([current, nextShot]) => { if (alive) setShots({ currentId: page.id, current, nextId: next?.id ?? null, next: nextShot }); },
        (err: unknown) => console.warn('presenter pictures', err),
      );
    }, PICTURE_DELAY);
    return () => { alive = false; clearTimeout(timer); };
  }, [pictures, deck, inkTick, exporters, thumbs, api, t, thumbSvg]);

  // The class's lists come anew with each render of the stage: compared by their contents.
  const pupilsKey = pupils.map((p) => `${p.id}:${p.lastName} ${p.firstName}`).join('|');
  const absentKey = absentIds.join('|');
  // (Read apart: a field named "current" reads to the compiler like a ref's.)
  const { pages, current: at } = deck;
  const shown = pages[at], following = pages[at + 1];
  const currentShot = shots && shots.currentId === shown?.id ? shots.current : null;
  const nextShot = shots && following && shots.nextId === following.id ? shots.next : null;
  return useMemo<PresenterState>(() => ({
    locale,
    title: o.title,
    subtitle: `${clockTime(lesson.startsAt)}–${clockTime(lesson.endsAt)}${lesson.topic ? ` · ${lesson.topic}` : ''}`,
    current: at,
    total: pages.length,
    labels: pages.map((p, i) => pageLabel(p, i)),
    currentThumb: currentShot,
    nextThumb: nextShot,
    plan: plan ? { objectives: plan.objectives, stages: plan.stages, notes: plan.notes } : null,
    pupils: pupilsKey ? pupilsKey.split('|').map((row) => { const at = row.indexOf(':'); return { id: row.slice(0, at), name: row.slice(at + 1) }; }) : [],
    absentIds: absentKey ? absentKey.split('|') : [],
    timerFrom,
  }), [locale, o.title, lesson, at, pages, pageLabel, currentShot, nextShot, plan, pupilsKey, absentKey, timerFrom]);
}
