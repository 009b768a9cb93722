// The reorganisation commands of the CLI, under `units`: preview (default) or apply an annex,
// list and undo the acts, show a unit's lineage.
import path from 'node:path';
import { fixedPathPlatform } from '../../platform/platform';
import { formatDateShort } from '../../../shared/format';
import { REORG_CHANGE_LABELS, type LineageLink, type ReorgPreview } from '../../../shared/model/reorganise';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import { CliFailure, flagValue, parseArgs, readInputBytes, withApp, type CliApp, type CliIo } from '../../cli/kit';

export const REORGANISE_USAGE = `  units reorganise FILE.xlsx [--date YYYY-MM-DD] [--apply]
                                               sắp xếp lại đơn vị theo phụ lục quyết định (mặc định: chỉ xem trước)
  units reorganisations                        các lần sắp xếp đơn vị
  units reorganise-undo ID                     hoàn tác một lần sắp xếp (khi đơn vị mới chưa được dùng)
  units lineage MÃ                             đơn vị hình thành từ đâu, chuyển sang đâu`;

const ACTIONS = ['reorganise', 'reorganisations', 'reorganise-undo', 'lineage'];

export function isReorganiseCommand(action: string | undefined): boolean {
  return action !== undefined && ACTIONS.includes(action);
}

const pct = (share: number | null) =>
  share === null ? '' : ` (${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%)`;

function previewLines(p: ReorgPreview, applied: boolean): string[] {
  const c = p.counts;
  const out = [
    `Tệp ${p.fileName}, ngày hiệu lực ${p.effectiveDate ? formatDateShort(p.effectiveDate) : '(chưa có)'}: ${c.oldUnits} đơn vị cũ → tạo ${c.created} đơn vị mới, thôi hoạt động ${c.closed}; ${c.merges} sáp nhập, ${c.splits} chia tách, ${c.renames} đổi tên, ${c.abolished} giải thể.`,
  ];
  for (const t of p.targets)
    out.push(
      `  ${t.action === 'create' ? 'Tạo' : t.action === 'continue' ? 'Giữ' : 'Nhận'}\t${t.code}\t${t.name}\t${UNIT_KIND_LABELS[t.kind]}\t← ${t.fromCodes.join(', ')}`,
    );
  for (const r of p.rows.filter((x) => x.change === 'abolish')) out.push(`  Giải thể\t${r.oldCode}\t${r.oldName}`);
  for (const w of p.warnings) out.push(`Lưu ý: ${w.message}`);
  for (const e of p.errors) out.push(`Lỗi: ${e.message}`);
  if (!applied)
    out.push(
      p.errors.length
        ? `Có ${p.errors.length} lỗi: sửa tệp rồi chạy lại.`
        : 'Chỉ xem trước: chưa thay đổi gì. Thêm --apply để thực hiện.',
    );
  return out;
}

const linkText = (l: LineageLink) =>
  `${REORG_CHANGE_LABELS[l.change]} từ ${formatDateShort(l.effectiveDate)}${pct(l.share)}: ${l.unit ? `${l.unit.code} — ${l.unit.name}` : '(không có đơn vị nhận)'}`;

export async function runReorganiseCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['--date'], ['--apply']);
  const [, action, arg] = positional;
  const json = flags.has('--json');
  if (action !== 'reorganisations' && !arg) {
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n${REORGANISE_USAGE}`);
    return 1;
  }
  return withApp(app, dbPath, fixedPathPlatform(process.cwd()), io, async (call) => {
    if (action === 'reorganise') {
      const args = {
        fileName: path.basename(arg!),
        data: readInputBytes(arg!),
        date: flagValue(flags, '--date') ?? null,
      };
      const preview = await call('reorganise.preview', args);
      if (!flags.has('--apply') || preview.errors.length) {
        if (json) io.out(JSON.stringify(preview, null, 2));
        else for (const l of previewLines(preview, false)) io.out(l);
        return preview.errors.length ? 2 : 0;
      }
      const r = await call('reorganise.apply', args);
      io.out(json ? JSON.stringify(r) : `Đã thực hiện lần sắp xếp số ${r.id}. ${r.summary}`);
      return 0;
    }
    if (action === 'reorganisations') {
      const list = await call('reorganise.list', {});
      if (json) io.out(JSON.stringify(list, null, 2));
      else
        for (const r of list)
          io.out(`${r.id}\t${formatDateShort(r.effectiveDate)}\t${r.summary}${r.undoneAt ? '\t(đã hoàn tác)' : ''}`);
      return 0;
    }
    if (action === 'reorganise-undo') {
      const id = Number(arg);
      if (!Number.isInteger(id) || id <= 0) throw new CliFailure(`Lỗi: số lần sắp xếp "${arg}" không hợp lệ.`);
      const r = await call('reorganise.undo', { id });
      io.out(json ? JSON.stringify(r) : `Đã hoàn tác: khôi phục ${r.restored} đơn vị, bỏ ${r.removed} đơn vị mới.`);
      return 0;
    }
    const l = await call('reorganise.lineage', { code: arg! });
    if (json) {
      io.out(JSON.stringify(l, null, 2));
      return 0;
    }
    io.out(`${l.unit.code} — ${l.unit.name}`);
    if (l.formedFrom.length) io.out('Hình thành từ:');
    for (const x of l.formedFrom) io.out(`  ${linkText(x)}`);
    if (l.wentInto.length) io.out('Chuyển sang:');
    for (const x of l.wentInto) io.out(`  ${linkText(x)}`);
    if (!l.formedFrom.length && !l.wentInto.length) io.out('Chưa qua lần sắp xếp nào.');
    return 0;
  });
}
