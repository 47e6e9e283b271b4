import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18n';
import { eligibleIds, initialPicker, pickNext, seededRandom, shuffleFrames, type PickerState, type Random } from './picker';
import { CloseButton, ToolOverlay, useEscape, type ToolProps } from './ToolOverlay';

export interface PickerPupil { id: string; lastName: string; firstName: string }

export interface PupilPickerProps extends ToolProps {
  pupils: readonly PickerPupil[];
  /** Pupils not to pick (absent today). */
  absentIds?: readonly string[];
  /** Gives the picked pupil a formative mark (ФО); a rejection's message is shown. Without it, no mark buttons. */
  onMark?(pupilId: string, value: number): Promise<void>;
  /** A fixed seed for the generator (tests); otherwise a random one. */
  seed?: number;
}

type MarkStatus = { state: 'saving'; value: number } | { state: 'ok'; value: number } | { state: 'error'; value: number; message: string };

const SHUFFLE_FRAMES = 9;
const FRAME_MS = 70;
const MARKS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

const randomSeed = () => Math.floor(Math.random() * 2 ** 32);
const fullName = (p: PickerPupil) => `${p.lastName} ${p.firstName}`;
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A random pupil, nobody twice until everyone present has been picked, and a one-tap formative mark. */
export function PupilPicker({ pupils, absentIds = [], onMark, seed, onClose }: PupilPickerProps) {
  const { t } = useI18n();
  useEscape(onClose);
  const [random] = useState<{ current: Random }>(() => ({ current: seededRandom(seed ?? randomSeed()) }));
  const eligible = useMemo(() => eligibleIds(pupils, absentIds), [pupils, absentIds]);
  const byId = useMemo(() => new Map(pupils.map((p) => [p.id, p])), [pupils]);
  const [picker, setPicker] = useState<PickerState>(initialPicker);
  const [shown, setShown] = useState<string | null>(null);
  const [shuffling, setShuffling] = useState(false);
  const [mark, setMark] = useState<MarkStatus | null>(null);
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  const markFor = useRef<string | null>(null);

  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  const pick = () => {
    if (shuffling) return;
    const next = pickNext(picker, eligible, random.current);
    if (!next) return;
    setMark(null);
    markFor.current = null;
    setPicker(next.state);
    if (reducedMotion()) { setShown(next.id); return; }
    setShuffling(true);
    const frames = shuffleFrames(eligible, SHUFFLE_FRAMES, random.current);
    frames.forEach((id, i) => timers.current.push(setTimeout(() => setShown(id), i * FRAME_MS)));
    timers.current.push(setTimeout(() => { setShown(next.id); setShuffling(false); }, frames.length * FRAME_MS));
  };

  const give = (value: number) => {
    if (!onMark || !shown || shuffling || mark?.state === 'saving') return;
    const id = shown;
    markFor.current = id;
    setMark({ state: 'saving', value });
    onMark(id, value).then(
      () => { if (markFor.current === id) setMark({ state: 'ok', value }); },
      (e: unknown) => { if (markFor.current === id) setMark({ state: 'error', value, message: e instanceof Error ? e.message : String(e) }); },
    );
  };

  const pupil = shown ? byId.get(shown) : undefined;
  const settled = pupil && !shuffling;
  const absentCount = pupils.length - eligible.length;
  return (
    <ToolOverlay kind="picker" label={t('tools.picker')}>
      <div className="tools-panel-head">
        <span className="tools-title">{t('tools.picker')}</span>
        <CloseButton onClose={onClose} />
      </div>
      <div
        className={`tools-picker-name${shuffling ? ' tools-shuffling' : ''}`} data-testid="picker-name"
        data-pupil-id={settled ? pupil.id : ''} data-state={shuffling ? 'shuffling' : pupil ? 'done' : 'idle'}
        aria-live="polite"
      >
        {pupil ? fullName(pupil) : eligible.length === 0 ? t('tools.picker.empty') : '?'}
      </div>
      <div className="tools-picker-info" data-testid="picker-progress">
        {t('tools.picker.progress', { picked: picker.picked.length, total: eligible.length })}
        {absentCount > 0 ? ` · ${t('tools.picker.absent', { n: absentCount })}` : ''}
        {picker.round > 1 && picker.picked.length === 1 && settled ? ` · ${t('tools.picker.newRound')}` : ''}
      </div>
      <div className="tools-row">
        <button type="button" className="tools-button tools-primary tools-big" data-testid="picker-pick" onClick={pick} disabled={shuffling || eligible.length === 0}>
          {pupil ? t('tools.picker.next') : t('tools.picker.pick')}
        </button>
      </div>
      {onMark && settled && (
        <div className="tools-picker-marks">
          <div className="tools-label" id="tools-picker-mark-label">{t('tools.picker.mark')}</div>
          <div className="tools-marks" role="group" aria-labelledby="tools-picker-mark-label">
            {MARKS.map((v) => (
              <button key={v} type="button" className="tools-button tools-mark" data-testid={`picker-mark-${v}`}
                aria-pressed={mark?.value === v && mark.state !== 'error'}
                disabled={mark?.state === 'saving'} onClick={() => give(v)}>
                {v}
              </button>
            ))}
          </div>
          <div className={`tools-picker-result${mark?.state === 'error' ? ' tools-error' : ''}`} role="status" data-testid="picker-result">
            {mark?.state === 'saving' && t('tools.picker.saving')}
            {mark?.state === 'ok' && t('tools.picker.marked', { name: fullName(pupil), value: mark.value })}
            {mark?.state === 'error' && t('tools.picker.markFailed', { name: fullName(pupil), error: mark.message })}
          </div>
        </div>
      )}
    </ToolOverlay>
  );
}
