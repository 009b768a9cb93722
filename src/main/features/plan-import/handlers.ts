// plan-import: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { exportPlanDocx } from './export';
import { parsePlanImport, savePlanImport } from './plan-import';

export const planImportHandlers = {
  'planImport.parse': (core, a) => parsePlanImport(core.db, a),
  'planImport.save': (core, a) => savePlanImport(core.db, a),
  'planImport.exportDocx': (core, a) => exportPlanDocx(core.db, core.platform, a.planId, a),
} satisfies Partial<Handlers>;
