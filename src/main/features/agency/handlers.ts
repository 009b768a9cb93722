// agency: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { getAgency, saveAgency } from './agency';

export const agencyHandlers = {
  'agency.get': (core) => getAgency(core.db),
  'agency.save': (core, a) => saveAgency(core.db, a),
} satisfies Partial<Handlers>;
