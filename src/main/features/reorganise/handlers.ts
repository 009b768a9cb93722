// reorganise: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import {
  applyReorganisation,
  listReorganisations,
  previewReorganisation,
  undoReorganisation,
  unitLineage,
} from './reorganise';
import { applyRepoint, repointList } from './repoint';

export const reorganiseHandlers = {
  'reorganise.preview': (core, a) => previewReorganisation(core.db, a.fileName, a.data, a.date),
  'reorganise.apply': (core, a) => applyReorganisation(core.db, a.fileName, a.data, a.date),
  'reorganise.undo': (core, a) => undoReorganisation(core.db, a.id),
  'reorganise.list': (core) => listReorganisations(core.db),
  'reorganise.repointList': (core, a) => repointList(core.db, a.id),
  'reorganise.repoint': (core, a) => applyRepoint(core.db, a),
  'reorganise.lineage': (core, a) => unitLineage(core.db, a.code),
} satisfies Partial<Handlers>;
