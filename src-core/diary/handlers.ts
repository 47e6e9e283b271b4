import type { Handler } from '../contract/handlers';
import type { diaryOperations } from '../contract/ops/diary';
import { diaryMarks } from './marks';
import { diaryWeek } from './week';

/** The handlers of the diary's operations (spread into src-core/contract/handlers.ts). */
export const diaryHandlers: { [N in keyof typeof diaryOperations]: Handler<N> } = {
  'diary.week': diaryWeek,
  'diary.marks': diaryMarks,
};
