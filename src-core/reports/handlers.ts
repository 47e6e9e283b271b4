import type { Handler } from '../contract/handlers';
import type { reportsOperations } from '../contract/ops/reports';

/** The handlers of the reports's operations (spread into src-core/contract/handlers.ts). */
export const reportsHandlers: { [N in keyof typeof reportsOperations]: Handler<N> } = {
};
