/** The board's classroom tools: overlays drawn inside a `position: relative` stage, one open at a time. */
export { ToolsMenu, CLASSROOM_TOOLS, type ClassroomTool, type ToolsMenuProps } from './ToolsMenu';
export { Timer } from './Timer';
export { PupilPicker, type PickerPupil, type PupilPickerProps } from './PupilPicker';
export { Curtain } from './Curtain';
export { Spotlight } from './Spotlight';
export { Magnifier } from './Magnifier';
export type { ToolProps } from './ToolOverlay';
