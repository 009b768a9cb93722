// plans: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { createPlan, deletePlan, getPlan, importPlan, listPlans, updatePlan } from './plans';

export const plansHandlers = {
  'plans.list': (core) => listPlans(core.db),
  'plans.get': (core, a) => getPlan(core.db, a.id),
  'plans.create': (core, a) => createPlan(core.db, a),
  'plans.update': (core, a) => updatePlan(core.db, a.id, a.plan, new Date(), a.expectedUpdatedAt),
  'plans.delete': (core, a) => deletePlan(core.db, a.id),
  'plans.import': (core, a) => importPlan(core.db, a.fileName, a.data),
} satisfies Partial<Handlers>;
