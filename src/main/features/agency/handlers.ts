// agency: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { getAgency, saveAgency } from './agency';
import { deleteSignature, saveSignature } from './signatures';

export const agencyHandlers = {
  'agency.get': (core) => getAgency(core.db),
  'agency.save': (core, a) => saveAgency(core.db, a),
  'agency.saveSignature': (core, a) => saveSignature(core.db, a.fullName, a.fileName, a.data),
  'agency.deleteSignature': (core, a) => deleteSignature(core.db, a.fullName),
} satisfies Partial<Handlers>;
