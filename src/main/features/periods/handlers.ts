// periods: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import {
  createPeriod,
  deletePeriod,
  getPeriod,
  listPeriods,
  periodExpectedUnits,
  previewPeriod,
  updatePeriod,
} from './periods';
import { expectedDiff, updateExpected } from './expected-update';
import { getHolidays, saveHolidays } from './holidays';

export const periodsHandlers = {
  'periods.preview': (core, a) => previewPeriod(core.db, a),
  'periods.create': (core, a) => createPeriod(core.db, a),
  'periods.update': (core, a) => updatePeriod(core.db, a.id, a.period, new Date(), a.expectedUpdatedAt),
  'periods.list': (core) => listPeriods(core.db),
  'periods.get': (core, a) => getPeriod(core.db, a.id),
  'periods.delete': (core, a) => deletePeriod(core.db, a.id),
  'periods.expectedUnits': (core, a) => periodExpectedUnits(core.db, a.id),
  'periods.expectedDiff': (core, a) => expectedDiff(core.db, a.id),
  'periods.updateExpected': (core, a) => updateExpected(core.db, a),
  'periods.holidays': (core) => getHolidays(core.db),
  'periods.saveHolidays': (core, a) => saveHolidays(core.db, a.holidays),
} satisfies Partial<Handlers>;
