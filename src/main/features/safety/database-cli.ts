// `db` commands: moving the data between a SQLite file and a PostgreSQL server, and testing a
// connection before the office's laptops are pointed at it (docs/POSTGRES.md).
import { CliFailure, flagValue, parseArgs, type CliApp, type CliIo } from '../../cli/kit';
import { AppError } from '../../../shared/errors';
import { copyDatabase } from './database-copy';
import { checkDatabase } from './database-check';

export const DATABASE_USAGE = `  db check [--db PATH|postgres://…] [--json]      thử kết nối, cho biết phiên bản dữ liệu và số đơn vị
  db copy --from PATH|postgres://… --to postgres://…|PATH [--json]
                                               chép toàn bộ dữ liệu sang cơ sở dữ liệu trống, kiểm tra từng bảng`;

export async function runDatabaseCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--from', '--to'], []);
  const action = positional[1];
  const json = flags.has('--json');
  try {
    if (action === 'check') {
      const d = await checkDatabase(dbPath, app.nativeBinding);
      if (json) io.out(JSON.stringify(d, null, 2));
      else
        io.out(
          `Kết nối được: ${d.location} (${d.kind === 'postgres' ? 'PostgreSQL' : 'SQLite'}). ${
            d.units === null ? 'Chưa có dữ liệu của ứng dụng.' : `${d.applied} bước nâng cấp, ${d.units} đơn vị.`
          }`,
        );
      return 0;
    }
    if (action === 'copy') {
      const from = flagValue(flags, '--from');
      const to = flagValue(flags, '--to');
      if (!from || !to) throw new CliFailure('Lỗi: db copy cần --from và --to (tệp .db hoặc postgres://…).');
      const s = await copyDatabase(from, to, app.nativeBinding);
      const rows = Object.values(s.counts).reduce((a, b) => a + b, 0);
      if (json) io.out(JSON.stringify(s, null, 2));
      else
        io.out(
          `Đã chép ${rows} dòng của ${Object.keys(s.counts).length} bảng (${s.counts.units ?? 0} đơn vị, ${s.counts.reports ?? 0} báo cáo); từng bảng đã được đối chiếu.`,
        );
      return 0;
    }
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`Lỗi: ${err.message}`);
      return 2;
    }
    throw err;
  }
  throw new CliFailure(`Lỗi: lệnh “db ${action ?? ''}” không có. Dùng:\n${DATABASE_USAGE}`);
}
