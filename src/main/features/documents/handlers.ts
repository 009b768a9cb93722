// documents: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { listRegister, peekNextNumber } from './register';
import { exportDocument, saveSample } from './documents';
import { getDocumentSettings, saveDocumentSettings } from './document-settings';

export const documentsHandlers = {
  'register.list': (core, a) => listRegister(core.db, a),
  'register.next': async (core, a) => ({ number: await peekNextNumber(core.db, a.documentType, a.year) }),
  'documents.export': (core, a) =>
    exportDocument(core.db, core.platform, a.model, a.takeNumber, undefined, undefined, a),
  'documents.sample': (core, a) => saveSample(core.db, core.platform, a.kind, a.date, a),
  'documents.settings': (core) => getDocumentSettings(core.db),
  'documents.saveSettings': (core, a) => saveDocumentSettings(core.db, a),
} satisfies Partial<Handlers>;
