// doc-templates: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { catalogue } from './catalogue';
import { installedFonts } from './fonts';
import { deleteImage, listImages, saveImage } from './images';
import {
  deleteDocTemplate,
  downloadDocTemplate,
  getDocTemplate,
  lintBytes,
  listDocTemplates,
  updateDocTemplate,
  uploadDocTemplate,
} from './store';
import { fillFile, fillStored, mailMerge } from './fill';

export const docTemplatesHandlers = {
  'docTemplates.fields': async () => catalogue(),
  'docTemplates.lint': async (_core, a) => lintBytes(a.data, a.fileName, a.usage, await installedFonts()),
  'docTemplates.list': (core) => listDocTemplates(core.db),
  'docTemplates.get': (core, a) => getDocTemplate(core.db, a.id),
  'docTemplates.upload': async (core, a) => uploadDocTemplate(core.db, a, await installedFonts()),
  'docTemplates.update': (core, a) => updateDocTemplate(core.db, a),
  'docTemplates.delete': (core, a) => deleteDocTemplate(core.db, a.id),
  'docTemplates.download': (core, a) => downloadDocTemplate(core.db, core.platform, a.id, a.version),
  'docTemplates.fill': (core, a) => fillStored(core.db, core.platform, a),
  'docTemplates.fillFile': (core, a) => fillFile(core.db, core.platform, a),
  'docTemplates.mailMerge': (core, a) => mailMerge(core.db, core.platform, core.jobs, a),
  'docTemplates.images': (core) => listImages(core.db),
  'docTemplates.saveImage': (core, a) => saveImage(core.db, a.key, a.fileName, a.data),
  'docTemplates.deleteImage': (core, a) => deleteImage(core.db, a.key),
} satisfies Partial<Handlers>;
