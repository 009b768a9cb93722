// The implementation of every contract method: the union of the features' slices.
// Typed as Handlers, so a method missing from every slice is a compile error.
import type { Handlers } from './core/handlers';
import { currentSchemaVersion } from './db/migrate';
import { agencyHandlers } from './features/agency/handlers';
import { unitsHandlers } from './features/units/handlers';
import { plansHandlers } from './features/plans/handlers';
import { planImportHandlers } from './features/plan-import/handlers';
import { templatesHandlers } from './features/templates/handlers';
import { periodsHandlers } from './features/periods/handlers';
import { reportsHandlers } from './features/reports/handlers';
import { collectHandlers } from './features/collect/handlers';
import { compileHandlers } from './features/compile/handlers';
import { documentsHandlers } from './features/documents/handlers';
import { scoringHandlers } from './features/scoring/handlers';
import { safetyHandlers } from './features/safety/handlers';
import { databaseHandlers } from './features/safety/database-handlers';
import { docTemplatesHandlers } from './features/doc-templates/handlers';
import { reorganiseHandlers } from './features/reorganise/handlers';

export type { Handlers };

/** What belongs to the app itself rather than to a feature. */
const appHandlers = {
  'jobs.progress': async (core, a) => core.jobs.progress(a.jobId),
  'jobs.list': async (core) => core.jobs.list(),
  'jobs.cancel': async (core, a) => ({ cancelled: core.jobs.cancel(a.jobId) }),
  'jobs.openResult': (core, a) => core.jobs.openResult(a.jobId, core.platform),
  'jobs.dismiss': async (core, a) => ({ dismissed: core.jobs.dismiss(a.jobId) }),
  'app.info': async (core) => ({
    version: core.version,
    dbPath: core.database.location,
    dataDir: core.dataDir,
    schemaVersion: await currentSchemaVersion(core.database),
  }),
} satisfies Partial<Handlers>;

export const handlers: Handlers = {
  ...appHandlers,
  ...agencyHandlers,
  ...unitsHandlers,
  ...plansHandlers,
  ...planImportHandlers,
  ...templatesHandlers,
  ...periodsHandlers,
  ...reportsHandlers,
  ...collectHandlers,
  ...compileHandlers,
  ...documentsHandlers,
  ...scoringHandlers,
  ...safetyHandlers,
  ...databaseHandlers,
  ...docTemplatesHandlers,
  ...reorganiseHandlers,
};
