// The app's composition: the database core with the built-in data every feature relies on.
// The Electron main process, the CLI, the test bridge and the tests all open the app here.
import { openDatabaseCore, type Core, type CoreOptions } from './core/core';
import { installDefaultTemplates } from './features/templates/templates';
import { installDefaultCriteriaSet } from './features/scoring/criteria-sets';

export async function openCore(options: Omit<CoreOptions, 'seed'>): Promise<Core> {
  return openDatabaseCore({
    ...options,
    seed: async (db) => {
      await installDefaultTemplates(db);
      await installDefaultCriteriaSet(db);
    },
  });
}
