import type { Handler } from '../contract/handlers';
import type { resourcesOperations } from '../contract/ops/resources';
import { addResource } from './add';
import { lessonPlan } from './lesson-plan';
import { listResources } from './list';
import { removeResource } from './remove';
import { saveLessonBoard } from './save-board';
import { setLessonPlan } from './set-plan';
import { updateResource } from './update';

/** The handlers of the resource library's and the lesson plan's operations (spread into src-core/contract/handlers.ts). */
export const resourcesHandlers: { [N in keyof typeof resourcesOperations]: Handler<N> } = {
  'resources.list': listResources,
  'resources.add': addResource,
  'resources.update': updateResource,
  'resources.remove': removeResource,
  'lesson.plan': lessonPlan,
  'lesson.setPlan': setLessonPlan,
  'lesson.saveBoard': saveLessonBoard,
};
