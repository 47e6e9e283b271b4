import type { Handler } from '../contract/handlers';
import type { plansOperations } from '../contract/ops/plans';
import { applyPlan } from './apply';
import { setPlanTopic } from './edit';
import { importPlan } from './import';
import { getPlan, listPlans } from './read';

/** The handlers of the calendar-thematic plans' operations (spread into src-core/contract/handlers.ts). */
export const plansHandlers: { [N in keyof typeof plansOperations]: Handler<N> } = {
  'plans.list': listPlans,
  'plans.get': getPlan,
  'plans.import': importPlan,
  'plans.setTopic': setPlanTopic,
  'plans.apply': applyPlan,
};
