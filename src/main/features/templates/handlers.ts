// templates: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { exportFileName } from '../../platform/export-names';
import { saveExport } from '../../platform/exports';
import {
  copyTemplate,
  deleteTemplate,
  exportTemplateJson,
  getTemplate,
  importTemplate,
  listTemplates,
  saveTemplate,
} from './templates';

export const templatesHandlers = {
  'templates.list': (core) => listTemplates(core.db),
  'templates.get': (core, a) => getTemplate(core.db, a.id),
  'templates.save': (core, a) => saveTemplate(core.db, a.id, a.content, new Date(), a.expectedUpdatedAt),
  'templates.copy': (core, a) => copyTemplate(core.db, a.id, a.code, a.name),
  'templates.delete': (core, a) => deleteTemplate(core.db, a.id),
  'templates.export': async (core, a) => {
    const t = await getTemplate(core.db, a.id);
    return saveExport(
      core.platform,
      exportFileName('reportTemplate', [t.code, `v${t.version}`], 'json'),
      [{ name: 'Mẫu báo cáo (JSON)', extensions: ['json'] }],
      exportTemplateJson(t),
    );
  },
  'templates.import': (core, a) => importTemplate(core.db, a.fileName, a.data),
} satisfies Partial<Handlers>;
