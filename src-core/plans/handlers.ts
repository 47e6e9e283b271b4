import type { Handler } from '../contract/handlers';
import type { plansOperations } from '../contract/ops/plans';

/** The handlers of the calendar-thematic plans' operations (spread into src-core/contract/handlers.ts). */
export const plansHandlers: { [N in keyof typeof plansOperations]: Handler<N> } = {
};
