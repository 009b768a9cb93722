// CLI of Tổng hợp: the figures as JSON, the Word report, the summary workbook and the email draft,
// through the same dispatcher (and validation) as the app.
import fs from 'node:fs';
import path from 'node:path';
import type { CliApp } from '../../cli/kit';
import type { Platform } from '../../platform/platform';
import { formatDec } from '../../../shared/domain/decimal';
import { CliFailure as Failure, documentFormatOf, parseArgs, type CliIo as Io, contractCaller } from '../../cli/kit';
import { isPercentIndicator } from '../../../shared/domain/indicators';

export const COMPILE_USAGE = `  compile show --period ID [--period ID …] [--compare ID … | --no-compare] [--today YYYY-MM-DD] [--json]
                                               tổng hợp số liệu của kỳ (hoặc nhiều kỳ), so với cùng kỳ và chỉ tiêu
  export report --period ID --out FILE.docx|.pdf|.xlsx [--number | --renumber] [--date YYYY-MM-DD] [--images]
                                               xuất báo cáo tổng hợp (Word hoặc PDF sẵn sàng ký số theo Nghị định 30; --number: lấy số
                                               và lưu đúng tệp đã lấy số để gửi thư; --renumber: lấy thêm số mới)
  export summary --period ID --out FILE.xlsx   xuất biểu tổng hợp Excel
  compile eml --period ID --out FILE.eml       (cũng: export email) tạo thư nháp kèm tệp Word và Excel`;

const VALUE_FLAGS = ['--period', '--compare', '--out', '--db', '--today', '--date', '--format'];

const parse = (argv: string[]) => {
  const a = parseArgs(argv, VALUE_FLAGS, ['--no-compare', '--number', '--renumber', '--images']);
  return { positional: a.positional, flags: a.all };
};

export function isCompileCommand(argv: string[]): boolean {
  const [g, a] = parse(argv).positional;
  return g === 'compile' || (g === 'export' && (a === 'report' || a === 'summary' || a === 'email'));
}

export async function runCompileCli(argv: string[], dbPath: string, app: CliApp, io: Io): Promise<number> {
  const { positional, flags } = parse(argv);
  const [group, action] = positional;
  const ids = (name: string) => (flags.get(name) ?? []).map((v) => Number(v));
  const one = (name: string) => flags.get(name)?.[0];
  const periodIds = ids('--period');
  if (periodIds.length === 0 || periodIds.some((n) => !Number.isInteger(n) || n <= 0)) {
    io.err('Lỗi: cần --period ID (mã số kỳ báo cáo, xem “periods list”).');
    return 1;
  }
  const out = one('--out') ? path.resolve(one('--out')!) : null;
  const platform: Platform = {
    chooseSavePath: async () => out,
    chooseOpenPath: async () => null,
    chooseFolder: async () => (out ? path.dirname(out) : null),
    openPath: async () => {
      throw new Error('Dòng lệnh không mở phần mềm thư.');
    },
  };
  const core = await app.openCore({
    dbPath,
    platform,
    version: process.env.npm_package_version ?? 'cli',
    nativeBinding: app.nativeBinding,
  });
  const dispatch = app.createDispatch(core, (m, e) => io.err(`${m}: ${String(e)}`));
  const call = contractCaller(dispatch);
  const window = {
    periodIds,
    compareIds: flags.has('--no-compare') ? [] : flags.has('--compare') ? ids('--compare') : null,
    today: one('--today') ?? null,
  };
  try {
    if (group === 'compile' && action === 'show') {
      const r = await call('compile.show', window);
      if (flags.has('--json')) io.out(JSON.stringify(r, null, 2));
      else {
        const st = r.current.status;
        io.out(
          `${r.current.periods.map((p) => p.name).join(', ')}: ${st.reported}/${st.expected} đơn vị đã gửi (đúng hạn ${st.onTime}, muộn ${st.late}, chưa gửi ${st.missing})`,
        );
        for (const i of r.current.indicators) {
          if (i.rule === 'TEXT' || i.rule === 'NONE') continue;
          const pct = isPercentIndicator(i);
          const c = r.comparison.find((x) => x.code === i.code);
          io.out(
            `${i.code}\t${i.value === null ? '—' : formatDec(i.value) + (pct ? '%' : '')}\t${c?.delta ? `(${c.delta.startsWith('-') ? '' : '+'}${formatDec(c.delta)})` : ''}\t${i.name}`,
          );
        }
        for (const n of r.current.notes) io.out(`Lưu ý: ${n}`);
        const lines = (label: string, units: NonNullable<typeof r.restatement>['units']) => {
          for (const u of units)
            io.out(
              `${label}\t${u.code}\t${u.name}\t← ${u.sources.map((s) => `${s.code}${s.weight === null ? ' (không rõ tỷ lệ)' : s.weight < 1 ? ` (${formatDec(String(Math.round(s.weight * 10000) / 100))}%)` : ''}`).join(', ')}${u.note ? `\t${u.note}` : ''}`,
            );
        };
        lines('Kỳ này quy đổi', r.folding?.units ?? []);
        lines('Cùng kỳ quy đổi', r.restatement?.units ?? []);
      }
      return 0;
    }
    if (!out) throw new Failure('Lỗi: cần --out TỆP.');
    if (group === 'export' && (action === 'report' || action === 'summary')) {
      const ext = path.extname(out).toLowerCase();
      if (action === 'summary' && ext !== '.xlsx') throw new Failure('Lỗi: biểu tổng hợp phải là tệp .xlsx.');
      if (ext !== '.docx' && ext !== '.pdf' && ext !== '.xlsx')
        throw new Failure('Lỗi: --out phải là tệp .docx (Word), .pdf (PDF để ký số) hoặc .xlsx (Excel).');
      const r =
        ext !== '.xlsx'
          ? await call('compile.exportWord', {
              ...window,
              takeNumber: flags.has('--number') || flags.has('--renumber'),
              renumber: flags.has('--renumber'),
              date: one('--date') ?? null,
              format: documentFormatOf(one('--format'), out),
              images: flags.has('--images'),
            })
          : await call('compile.exportExcel', window);
      io.out(flags.has('--json') ? JSON.stringify(r) : `Đã xuất: ${r.path}${r.number ? ` (số ${r.number})` : ''}`);
      return 0;
    }
    if ((group === 'compile' && action === 'eml') || (group === 'export' && action === 'email')) {
      if (path.extname(out).toLowerCase() !== '.eml') throw new Failure('Lỗi: thư nháp phải là tệp .eml.');
      const r = await call('compile.email', {
        ...window,
        takeNumber: flags.has('--number') || flags.has('--renumber'),
        renumber: flags.has('--renumber'),
        date: one('--date') ?? null,
      });
      if (r.emlPath && r.emlPath !== out) fs.renameSync(r.emlPath, out);
      const result = { ...r, emlPath: out, opened: false, openError: '' };
      io.out(
        flags.has('--json')
          ? JSON.stringify(result, null, 2)
          : `Đã tạo thư nháp: ${out}\nKèm theo: ${r.docxPath}\n          ${r.xlsxPath}\nTiêu đề: ${r.subject}`,
      );
      return 0;
    }
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n\n${COMPILE_USAGE}`);
    return 1;
  } catch (err) {
    io.err(err instanceof Failure ? err.message : `Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  } finally {
    await core.close();
  }
}
