// collect: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { formatNumber } from '../../../shared/format';
import { analyzeCollect } from './collect-review';
import { commitCollect } from './collect';
import { exportCollect } from './collect-export';

export const collectHandlers = {
  'collect.export': (core, a) => exportCollect(core, a),
  'collect.analyze': (core, a) => analyzeCollect(core, a.periodId, a.files, a.jobId),
  'collect.commit': (core, a) =>
    core.jobs.run(
      null,
      {
        kind: 'import',
        label: 'Ghi nhận biểu đã nộp',
        outcome: (r) => ({ summary: `Đã ghi nhận ${formatNumber(r.saved.length)} báo cáo từ biểu Excel.` }),
      },
      () => commitCollect(core, a.batchId, a.accept, a.actor, new Date(), a.receivedDate),
    ),
} satisfies Partial<Handlers>;
