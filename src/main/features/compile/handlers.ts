// compile: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import {
  emailDraft,
  exportExcel,
  exportWord,
  getCompileSettings,
  getDraft,
  openExportFolder,
  refreshDraft,
  saveCompileSettings,
  saveDraft,
  showCompile,
} from './compile';

export const compileHandlers = {
  'compile.show': (core, a) => showCompile(core.db, a),
  'compile.draft': (core, a) => getDraft(core.db, a),
  'compile.refreshDraft': (core, a) => refreshDraft(core.db, a),
  'compile.saveDraft': (core, a) => saveDraft(core.db, a),
  'compile.settings': (core) => getCompileSettings(core.db),
  'compile.saveSettings': (core, a) => saveCompileSettings(core.db, a),
  'compile.exportWord': (core, a) => exportWord(core.db, core.platform, core.dataDir, a),
  'compile.exportExcel': (core, a) => exportExcel(core.db, core.platform, a),
  'compile.email': (core, a) => emailDraft(core.db, core.platform, core.dataDir, a),
  'compile.openFolder': (core) => openExportFolder(core.db, core.platform),
} satisfies Partial<Handlers>;
