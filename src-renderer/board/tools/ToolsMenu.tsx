import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../i18n/I18n';
import { Curtain } from './Curtain';
import { Magnifier } from './Magnifier';
import { PupilPicker, type PickerPupil } from './PupilPicker';
import { Spotlight } from './Spotlight';
import { Timer } from './Timer';
import './ToolOverlay';

export type ClassroomTool = 'timer' | 'picker' | 'curtain' | 'spotlight' | 'magnifier';
export const CLASSROOM_TOOLS: readonly ClassroomTool[] = ['timer', 'picker', 'curtain', 'spotlight', 'magnifier'];

export interface ToolsMenuProps {
  /** The board's stage (a `position: relative` element): the open tool is drawn over it. */
  stage: HTMLElement | null;
  pupils: readonly PickerPupil[];
  absentIds?: readonly string[];
  onMark?(pupilId: string, value: number): Promise<void>;
  /** The picker's seed (tests). */
  pickerSeed?: number;
}

/** A small toolbar that opens one classroom tool at a time over the stage (pressing the open one closes it). */
export function ToolsMenu({ stage, pupils, absentIds, onMark, pickerSeed }: ToolsMenuProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ClassroomTool | null>(null);
  const close = () => setOpen(null);

  let tool = null;
  if (open === 'timer') tool = <Timer onClose={close} />;
  else if (open === 'picker') tool = <PupilPicker pupils={pupils} absentIds={absentIds} onMark={onMark} seed={pickerSeed} onClose={close} />;
  else if (open === 'curtain') tool = <Curtain onClose={close} />;
  else if (open === 'spotlight') tool = <Spotlight onClose={close} />;
  else if (open === 'magnifier') tool = <Magnifier stage={stage} onClose={close} />;

  return (
    <div className="tools-menu" role="toolbar" aria-label={t('tools.menu')} data-testid="tools-menu">
      {CLASSROOM_TOOLS.map((k) => (
        <button key={k} type="button" className="tools-button tools-menu-button" aria-pressed={open === k} data-testid={`tools-open-${k}`}
          onClick={() => setOpen((cur) => (cur === k ? null : k))}>
          {t(`tools.${k}`)}
        </button>
      ))}
      {tool && stage && createPortal(tool, stage)}
    </div>
  );
}
