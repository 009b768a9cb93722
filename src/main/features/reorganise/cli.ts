// The reorganisation commands of the CLI, under `units`: preview (default) or apply an annex,
// list and undo the acts, show a unit's lineage.
import path from 'node:path';
import { fixedPathPlatform } from '../../platform/platform';
import { formatDateShort } from '../../../shared/format';
import {
  REORG_CHANGE_LABELS,
  REPOINT_AREA_LABELS,
  type LineageLink,
  type ReorgPreview,
} from '../../../shared/model/reorganise';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import {
  CliFailure,
  flagValue,
  parseArgs,
  readInputBytes,
  withApp,
  type CliApp,
  type CliIo,
  type ContractCall,
} from '../../cli/kit';

export const REORGANISE_USAGE = `  units reorganise FILE.xlsx [--date YYYY-MM-DD] [--apply]
                                               sắp xếp lại đơn vị theo phụ lục quyết định (mặc định: chỉ xem trước)
  units reorganisations                        các lần sắp xếp đơn vị
  units reorganise-undo ID                     hoàn tác một lần sắp xếp (khi đơn vị mới chưa được dùng)
  units lineage MÃ                             đơn vị hình thành từ đâu, chuyển sang đâu
  units repoint [ID] [--confirm all|KHÓA,KHÓA…] [--actor TÊN]
                                               văn bản, kỳ báo cáo, đợt chấm điểm còn ghi đơn vị cũ: đề xuất chuyển
                                               sang đơn vị mới (mặc định: lần sắp xếp gần nhất; chỉ xem)`;

const ACTIONS = ['reorganise', 'reorganisations', 'reorganise-undo', 'lineage', 'repoint'];

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
  const { positional, flags } = parseArgs(argv, ['--date', '--confirm', '--actor'], ['--apply']);
  const [, action, arg] = positional;
  const json = flags.has('--json');
  if (action !== 'reorganisations' && action !== 'repoint' && !arg) {
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
      if (!Number.isInteger(id) || id <= 0) throw new CliFailure(`Lỗi: số lần sắp xếp “${arg}” không hợp lệ.`);
      const r = await call('reorganise.undo', { id });
      io.out(json ? JSON.stringify(r) : `Đã hoàn tác: khôi phục ${r.restored} đơn vị, bỏ ${r.removed} đơn vị mới.`);
      return 0;
    }
    if (action === 'repoint') return repoint(call, arg, flags, io);
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

async function repoint(call: ContractCall, arg: string | undefined, flags: Map<string, string | true>, io: CliIo) {
  let id = arg === undefined ? null : Number(arg);
  if (id === null) {
    const latest = (await call('reorganise.list', {})).find((r) => !r.undoneAt);
    if (!latest) throw new CliFailure('Chưa có lần sắp xếp đơn vị nào (chưa hoàn tác).');
    id = latest.id;
  }
  if (!Number.isInteger(id) || id <= 0) throw new CliFailure(`Lỗi: số lần sắp xếp “${arg}” không hợp lệ.`);
  let list = await call('reorganise.repointList', { id });
  const chosen = flagValue(flags, '--confirm');
  if (chosen) {
    const keys =
      chosen === 'all'
        ? list.proposals.filter((p) => !p.blocked).map((p) => p.key)
        : chosen.split(',').map((k) => k.trim());
    if (!keys.length) throw new CliFailure('Không có đề xuất nào chuyển được.');
    const r = await call('reorganise.repoint', { id, keys, actor: flagValue(flags, '--actor') ?? '' });
    io.out(`Đã chuyển ${r.applied} đề xuất theo lần sắp xếp số ${id}.`);
    list = r.list;
  }
  if (flags.has('--json')) {
    io.out(JSON.stringify(list, null, 2));
    return 0;
  }
  io.out(
    `Lần sắp xếp số ${id} (từ ngày ${formatDateShort(list.effectiveDate)}): ${list.proposals.length} đề xuất chuyển sang đơn vị mới; ${list.closedPeriodsKept} kỳ báo cáo đã kết thúc trước ngày này giữ nguyên đơn vị cũ.`,
  );
  for (const p of list.proposals)
    io.out(
      `  ${p.key}\t${REPOINT_AREA_LABELS[p.area]}\t${p.owner}\t${p.oldUnit.code} → ${p.successors.map((s) => s.code).join(', ') || '(bỏ ra)'}${p.blocked ? `\tKhông chuyển: ${p.blocked}` : ''}`,
    );
  if (list.proposals.length && !chosen) io.out('Chỉ xem: thêm --confirm all hoặc --confirm KHÓA,KHÓA để chuyển.');
  return 0;
}
