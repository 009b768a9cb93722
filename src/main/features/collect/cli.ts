// The `collect` commands of the headless CLI (thu biểu Excel), through the same contract:
//   collect export --period ID --out DIR [--unit CODE] [--json]
//   collect import FILE… --period ID [--accept all|none] [--map] [--received YYYY-MM-DD] [--confirm-warnings] [--json]
import fs from 'node:fs';
import path from 'node:path';
import type { CliApp } from '../../cli/kit';
import { fixedPathPlatform } from '../../platform/platform';
import { readInputFile } from '../../workbooks/xlsx-input';
import { AppError } from '../../../shared/errors';
import { formatDateShort } from '../../../shared/format';
import type { MethodOutput } from '../../../shared/contract';
import { REVIEW_STATUS_LABELS, type CollectReview } from '../../../shared/model/collect';
import { CliFailure as Failure, parseArgs, type CliIo as Io, withApp } from '../../cli/kit';

export const COLLECT_USAGE = `  collect export --period ID --out THƯ_MỤC [--unit MÃ] [--json]
                                               xuất biểu nhập liệu Excel cho các đơn vị của kỳ (hoặc một đơn vị)
  collect import TỆP.xlsx… --period ID [--accept all|none] [--map] [--received YYYY-MM-DD]
          [--confirm-warnings] [--json]
                                               đọc biểu đơn vị gửi lại; --accept all: nhập mọi tệp hợp lệ
                                               (mặc định none: chỉ xem lại); --map: gán cả biểu của kỳ/mẫu khác có cùng chỉ tiêu;
                                               --received: ngày nhận các tệp (mặc định hôm nay);
                                               --confirm-warnings: nhận cả tệp có cảnh báo bất thường (mặc định bỏ qua)`;

const VALUE_FLAGS = ['--period', '--out', '--unit', '--accept', '--db', '--received'];

const parse = (argv: string[]) => {
  const a = parseArgs(argv, VALUE_FLAGS, ['--map', '--confirm-warnings']);
  return { positional: a.positional, flags: a.flags };
};

function reviewLines(r: CollectReview): string[] {
  const lines = [
    `Kỳ “${r.periodName}”: ${r.items.length} tệp — mới ${r.counts.new}, có thay đổi ${r.counts.changed}, không đổi ${r.counts.identical}, có lỗi ${r.counts.problem}.`,
  ];
  for (const it of r.items) {
    const unit = it.unit ? `${it.unit.code} ${it.unit.name}` : '—';
    const what =
      it.status === 'changed'
        ? `${REVIEW_STATUS_LABELS.changed}: ${it.changedCount} giá trị`
        : REVIEW_STATUS_LABELS[it.status];
    lines.push(`${it.fileName}\t${unit}\t${what}${it.conflictGroup ? '\t(trùng đơn vị, phải chọn một)' : ''}`);
    for (const c of it.changes.slice(0, 30))
      lines.push(`    ${c.label}: ${c.oldText || '(trống)'} → ${c.newText || '(trống)'}`);
    for (const p of it.problems.slice(0, 10)) lines.push(`    Lỗi: ${p.message}`);
    for (const b of it.breaches) lines.push(`    Vi phạm quy tắc: ${b.detail}${b.message ? ` — ${b.message}` : ''}`);
    for (const w of it.warnings) lines.push(`    Cảnh báo: ${w.message}`);
    for (const n of it.notes.slice(0, 10)) lines.push(`    Ghi chú: ${n.message}`);
  }
  return lines;
}

export async function runCollectCli(argv: string[], dbPath: string, app: CliApp, io: Io): Promise<number> {
  const { positional, flags } = parse(argv);
  const [, action, ...files] = positional; // positional[0] is "collect"
  const periodFlag = flags.get('--period');
  const periodId = typeof periodFlag === 'string' ? Number(periodFlag) : NaN;
  const json = flags.has('--json');
  if ((action !== 'export' && action !== 'import') || !Number.isInteger(periodId) || periodId <= 0) {
    io.err(`Lệnh không hợp lệ.\n${COLLECT_USAGE}`);
    return 1;
  }
  const out = flags.get('--out');
  if (action === 'export' && typeof out !== 'string') {
    io.err('Thiếu --out THƯ_MỤC: thư mục ghi các biểu nhập liệu.');
    return 1;
  }
  if (action === 'import' && files.length === 0) {
    io.err('Thiếu tệp: collect import TỆP.xlsx… --period ID');
    return 1;
  }
  return withApp(app, dbPath, fixedPathPlatform(typeof out === 'string' ? out : process.cwd()), io, async (call) => {
    if (action === 'export') {
      let unitId: number | null = null;
      const code = flags.get('--unit');
      if (typeof code === 'string') {
        const units = await call('units.list', { includeClosed: true });
        const unit = units.find((u) => u.code.toLowerCase() === code.toLowerCase());
        if (!unit) throw new Failure(`Lỗi: không có đơn vị mã “${code}”.`);
        unitId = unit.id;
      }
      fs.mkdirSync(path.resolve(out as string), { recursive: true });
      const r = await call('collect.export', { periodId, unitId });
      if (json) io.out(JSON.stringify(r, null, 2));
      else {
        for (const f of r.files) io.out(`${f.unitCode}\t${f.fileName}`);
        io.out(`Đã xuất ${r.files.length} biểu nhập liệu vào ${r.folder}.`);
      }
      return 0;
    }
    const accept = flags.get('--accept') ?? 'none';
    if (accept !== 'all' && accept !== 'none') throw new Failure('Lỗi: --accept chỉ nhận “all” hoặc “none”.');
    const inputs = files.map((f) => {
      try {
        return { fileName: path.basename(f), data: readInputFile(path.resolve(f), (p) => fs.readFileSync(p)) };
      } catch (err) {
        throw new Failure(`Lỗi: ${err instanceof AppError ? err.message : String(err)} Chưa nhập gì.`);
      }
    });
    const review = await call('collect.analyze', { periodId, files: inputs });
    let commit: MethodOutput<'collect.commit'> | null = null;
    const received = flags.get('--received');
    if (received !== undefined && (typeof received !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(received)))
      throw new Failure('Lỗi: --received cần một ngày dạng YYYY-MM-DD (ngày nhận các tệp).');
    let skipped: string[] = [];
    if (accept === 'all') {
      const map = flags.has('--map');
      const confirm = flags.has('--confirm-warnings');
      const candidates = review.items.filter((i) => i.acceptable && (!i.mappable || map));
      const chosen = candidates.filter((i) => confirm || i.warnings.length === 0);
      skipped = candidates.filter((i) => !chosen.includes(i)).map((i) => i.fileName);
      const groups = new Set(chosen.filter((i) => i.conflictGroup).map((i) => i.conflictGroup));
      for (const g of groups) {
        const names = chosen.filter((i) => i.conflictGroup === g).map((i) => `“${i.fileName}”`);
        throw new Failure(
          `Lỗi: đơn vị ${chosen.find((i) => i.conflictGroup === g)?.unit?.name ?? ''} có nhiều tệp khác nhau (${names.join(', ')}): hãy nhập riêng tệp đúng. Chưa nhập gì.`,
        );
      }
      commit = await call('collect.commit', {
        batchId: review.batchId,
        accept: chosen.map((i) => ({ index: i.index, map: i.mappable })),
        receivedDate: typeof received === 'string' ? received : null,
      });
    }
    // Files stamped with today's date by default: say it when that makes them late (stderr, so the
    // JSON stays clean), since the date is what the report's timeliness is judged on.
    if (commit && received === undefined) {
      const deadline = (await call('periods.get', { id: periodId })).deadline;
      const late = commit.saved.filter((x) => x.receivedDate !== null && x.receivedDate > deadline);
      if (late.length)
        io.err(
          `Lưu ý: ${late.length} tệp ghi ngày nhận là hôm nay ${formatDateShort(late[0]!.receivedDate!)}, sau hạn nộp ${formatDateShort(deadline)}: tính là nộp muộn. Tệp đến ngày khác: ghi bằng --received YYYY-MM-DD.`,
        );
    }
    if (json) io.out(JSON.stringify({ review, commit }, null, 2));
    else {
      for (const l of reviewLines(review)) io.out(l);
      if (commit) io.out(`Đã nhập ${commit.saved.length} tệp.`);
      if (skipped.length)
        io.out(
          `Chưa nhập ${skipped.length} tệp có cảnh báo bất thường (${skipped.join(', ')}): xem lại, rồi nhập với --confirm-warnings nếu đúng.`,
        );
      else if (!commit) io.out('Chưa nhập gì (xem lại; dùng --accept all để nhập).');
    }
    return review.counts.problem > 0 && accept === 'all' ? 3 : 0;
  });
}
