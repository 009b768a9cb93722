// The app's composition: the database core with the built-in data every feature relies on.
// The Electron main process, the CLI, the test bridge and the tests all open the app here.
import { openDatabaseCore, type Core, type CoreOptions } from './core/core';
import { installDefaultTemplates } from './features/templates/templates';
import { installDefaultCriteriaSet } from './features/scoring/criteria-sets';
import { cleanInterruptedWrites } from './core/intents';

export async function openCore(options: Omit<CoreOptions, 'seed'>): Promise<Core> {
  const core = await openDatabaseCore({
    ...options,
    seed: async (db) => {
      await installDefaultTemplates(db);
      await installDefaultCriteriaSet(db);
    },
  });
  // Leftovers of imports killed half-way; a failure here never stops the start.
  await cleanInterruptedWrites(core.db, core.dataDir).catch(() => 0);
  return core;
}
