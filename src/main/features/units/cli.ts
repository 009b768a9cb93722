// The `units` commands of the headless CLI: list, import from and export to Excel.
import path from 'node:path';
import { fixedPathPlatform } from '../../platform/platform';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import { flagValue, parseArgs, readInputBytes, withApp, type CliApp, type CliIo } from '../../cli/kit';

export const UNITS_USAGE = `  units list [--json] [--search TEXT] [--all]   liệt kê đơn vị (--all: cả đơn vị đã thôi hoạt động)
  units import FILE.xlsx                       nhập danh sách đơn vị (tất cả hoặc không dòng nào)
  units export FILE.xlsx                       xuất danh sách đơn vị`;

export async function runUnitsCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--search'], ['--all']);
  const [, action, arg] = positional;
  const json = flags.has('--json');
  if (!(action === 'list' || ((action === 'import' || action === 'export') && arg))) {
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n${UNITS_USAGE}`);
    return 1;
  }
  const platform = fixedPathPlatform(action === 'export' && arg ? arg : process.cwd());
  return withApp(app, dbPath, platform, io, async (call) => {
    if (action === 'list') {
      const units = await call('units.list', {
        includeClosed: flags.has('--all'),
        search: flagValue(flags, '--search'),
      });
      if (json) io.out(JSON.stringify(units, null, 2));
      else
        for (const u of units)
          io.out(
            `${'  '.repeat(u.depth)}${u.code}\t${u.name}\t${UNIT_KIND_LABELS[u.kind]}${u.isActive ? '' : '\t(đã thôi hoạt động)'}`,
          );
      return 0;
    }
    if (action === 'import') {
      const r = await call('units.importCommit', { fileName: path.basename(arg!), data: readInputBytes(arg!) });
      io.out(json ? JSON.stringify(r) : `Đã nhập ${r.created} đơn vị mới, cập nhật ${r.updated} đơn vị.`);
      return 0;
    }
    const r = await call('units.exportXlsx', {});
    io.out(json ? JSON.stringify(r) : `Đã xuất: ${r.path}`);
    return 0;
  });
}
