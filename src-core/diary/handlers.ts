import type { Handler } from '../contract/handlers';
import type { diaryOperations } from '../contract/ops/diary';

/** The handlers of the diary's operations (spread into src-core/contract/handlers.ts). */
export const diaryHandlers: { [N in keyof typeof diaryOperations]: Handler<N> } = {
};
