import type { Handler } from '../contract/handlers';
import { OperationError } from '../contract/errors';
import type { resourcesOperations } from '../contract/ops/resources';

const notYet = (): never => { throw new OperationError('internal'); };

/** The handlers of the resource library's and the lesson plan's operations (spread into src-core/contract/handlers.ts). */
export const resourcesHandlers: { [N in keyof typeof resourcesOperations]: Handler<N> } = {
  'resources.list': notYet,
  'resources.add': notYet,
  'resources.update': notYet,
  'resources.remove': notYet,
  'lesson.plan': notYet,
  'lesson.setPlan': notYet,
  'lesson.saveBoard': notYet,
};
