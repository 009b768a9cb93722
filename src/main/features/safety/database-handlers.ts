// Cài đặt → Cơ sở dữ liệu: this slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { checkTarget, chooseDatabase, copyToTarget, databaseState, pickDatabaseFile } from './database-settings';

export const databaseHandlers = {
  'database.current': async (core) => databaseState(core),
  'database.pickFile': (core, a) => pickDatabaseFile(core, a.purpose),
  'database.check': (core, a) => checkTarget(core, a.target),
  'database.choose': (core, a) => chooseDatabase(core, a.target, a.rememberPassword ?? false),
  'database.copyTo': (core, a) =>
    core.jobs.run(
      a.jobId,
      {
        kind: 'export',
        label: 'Chép dữ liệu sang cơ sở dữ liệu khác',
        cancellable: true,
        outcome: (r) => ({
          summary: `Đã chép ${r.rows.toLocaleString('vi-VN')} dòng của ${r.tables} bảng (${r.units} đơn vị) sang ${r.location}; từng bảng đã được đối chiếu.`,
        }),
      },
      (job) => copyToTarget(core, a.target, job),
    ),
  'database.marker': async (core) => ({ marker: await core.database.engine.changeMarker(core.db) }),
} satisfies Partial<Handlers>;
