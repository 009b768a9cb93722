// CLI commands for plans, templates, periods and units' reports. Same core, same contract, same
// validation as the app: every command goes through dispatch.
import path from 'node:path';
import { fixedPathPlatform } from '../../platform/platform';
import type { CliApp } from '../../cli/kit';
import { PLAN_TYPE_LABELS, planReference } from '../../../shared/model/plan';
import { REPORT_STATUS_LABELS } from '../../../shared/model/report';
import { countsSentence } from '../../../shared/domain/report-status';
import { formatDateShort } from '../../../shared/format';
import { formatDec } from '../../../shared/domain/decimal';
import {
  CliFailure as Failure,
  parseArgs,
  readInputBytes as readBytes,
  type CliIo as Io,
  withApp,
} from '../../cli/kit';

export const REPORTING_GROUPS = ['plans', 'templates', 'periods', 'reports'];

export const REPORTING_USAGE = `  plans list [--json]                          văn bản chỉ đạo
  plans show ID [--json]                       một văn bản với nhiệm vụ, chỉ tiêu, hạn nộp
  plans import FILE.json                       nhập một văn bản (dạng JSON của plans show)
  templates list [--json]                      mẫu báo cáo và phiên bản
  templates export ID FILE.json                xuất mẫu ra tệp JSON
  templates import FILE.json                   nhập mẫu (mã đã có: sửa, hoặc thành phiên bản mới nếu đã dùng)
  periods create --type half|year|quarter|month|nine_months|ad_hoc --year N [--index N]
          --template ID [--plan ID] [--kinds so_nganh,ubnd_xa | --units MÃ,MÃ]
          [--deadline YYYY-MM-DD] [--window-start YYYY-MM-DD] [--window-end YYYY-MM-DD] [--name TÊN] [--json]
  periods list [--json]                        kỳ báo cáo
  reports status --period ID [--as-of YYYY-MM-DD] [--json]   bảng theo dõi đơn vị của kỳ (tại một ngày)
  reports set --period ID --unit MÃ --values FILE.json [--actor TÊN]
          FILE.json: {"DT01": 3, "DT02": "1.234", …} hoặc {"values": {…}, "reasons": {"DT03 <= DT02": "lý do"}}`;

const VALUE_FLAGS = [
  '--db',
  '--period',
  '--unit',
  '--values',
  '--actor',
  '--today',
  '--as-of',
  '--type',
  '--year',
  '--index',
  '--template',
  '--plan',
  '--kinds',
  '--units',
  '--deadline',
  '--window-start',
  '--window-end',
  '--name',
];

const parse = (argv: string[]) => {
  const a = parseArgs(argv, VALUE_FLAGS, []);
  return { positional: a.positional, flags: a.flags };
};

export async function runReportingCli(argv: string[], dbPath: string, app: CliApp, io: Io): Promise<number> {
  const { positional, flags } = parse(argv);
  const [group, action, arg, arg2] = positional;
  const str = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const int = (name: string, required: boolean): number | null => {
    const v = str(name);
    if (v === undefined) {
      if (required) throw new Failure(`Lỗi: thiếu ${name}.`);
      return null;
    }
    if (!/^\d+$/.test(v)) throw new Failure(`Lỗi: ${name} phải là số nguyên (đã ghi “${v}”).`);
    return Number(v);
  };
  const json = flags.has('--json');
  const exportTarget = group === 'templates' && action === 'export' && arg2 ? arg2 : process.cwd();
  const print = (value: unknown, text: () => string[]) =>
    io.out(json ? JSON.stringify(value, null, 2) : text().join('\n'));
  return withApp(app, dbPath, fixedPathPlatform(exportTarget), io, async (call) => {
    if (group === 'plans' && action === 'list') {
      const plans = await call('plans.list', {});
      print(plans, () =>
        plans.map(
          (p) => `${p.id}\t${planReference(p)}\t${p.summary}\t${p.taskCount} nhiệm vụ, ${p.targetCount} chỉ tiêu`,
        ),
      );
      return 0;
    }
    if (group === 'plans' && action === 'show' && arg) {
      const p = await call('plans.get', { id: Number(arg) });
      print(p, () => [
        `${planReference(p)} — ${p.issuer}`,
        `Loại: ${PLAN_TYPE_LABELS[p.type]} · Lĩnh vực: ${p.field} · Người ký: ${p.signer}`,
        `Trích yếu: ${p.summary}`,
        '',
        'Nhiệm vụ:',
        ...p.tasks.map(
          (t, i) =>
            `  ${i + 1}. ${t.text}${t.lead ? `\n     Chủ trì: ${t.lead.name}` : ''}${t.supporting.length ? `; phối hợp: ${t.supporting.map((s) => s.name).join(', ')}` : ''}${t.deadline ? `; hạn ${formatDateShort(t.deadline)}` : ''}`,
        ),
        'Chỉ tiêu:',
        ...p.targets.map(
          (t) => `  - ${t.text} [${t.indicatorCode || '—'} ${t.comparator} ${formatDec(t.value)}${t.valueUnit}]`,
        ),
        'Hạn nộp báo cáo:',
        ...p.deadlines.map((d) => `  - ${d.periodType}: ${d.monthDay.slice(3)}/${d.monthDay.slice(0, 2)}`),
      ]);
      return 0;
    }
    if (group === 'plans' && action === 'import' && arg) {
      const p = await call('plans.import', { fileName: path.basename(arg), data: readBytes(arg) });
      print(p, () => [
        `Đã nhập văn bản số ${p.id}: ${planReference(p)} (${p.tasks.length} nhiệm vụ, ${p.targets.length} chỉ tiêu).`,
      ]);
      return 0;
    }
    if (group === 'templates' && action === 'list') {
      const list = await call('templates.list', {});
      print(list, () =>
        list.map(
          (t) =>
            `${t.id}\t${t.code} v${t.version}${t.isLatest ? '' : ' (cũ)'}${t.frozen ? ' [đã dùng, khóa]' : ''}\t${t.name}\t${t.sectionCount} mục, ${t.indicatorCount} chỉ số`,
        ),
      );
      return 0;
    }
    if (group === 'templates' && action === 'export' && arg && arg2) {
      const r = await call('templates.export', { id: Number(arg) });
      print(r, () => [`Đã xuất: ${r.path}`]);
      return 0;
    }
    if (group === 'templates' && action === 'import' && arg) {
      const r = await call('templates.import', { fileName: path.basename(arg), data: readBytes(arg) });
      print(r, () => [
        `Đã nhập mẫu ${r.template.code} phiên bản ${r.template.version}${r.newVersion ? ' (phiên bản mới vì phiên bản trước đã được dùng)' : ''} — mã số ${r.template.id}.`,
      ]);
      return 0;
    }
    if (group === 'periods' && action === 'list') {
      const list = await call('periods.list', {});
      print(list, () =>
        list.map(
          (p) =>
            `${p.id}\t${p.name}\t${formatDateShort(p.windowStart)}–${formatDateShort(p.windowEnd)}\thạn ${formatDateShort(p.deadline)}\t${p.submittedCount}/${p.expectedCount} đã nộp`,
        ),
      );
      return 0;
    }
    if (group === 'periods' && action === 'create') {
      let expected: { mode: 'kinds' | 'list'; kinds?: string[]; unitIds?: number[] };
      const unitCodes = str('--units');
      if (unitCodes) {
        const units = await call('units.list', { includeClosed: true });
        const ids = unitCodes.split(',').map((code) => {
          const u = units.find((x) => x.code === code.trim());
          if (!u) throw new Failure(`Lỗi: không có đơn vị mã “${code.trim()}”.`);
          return u.id;
        });
        expected = { mode: 'list', unitIds: ids };
      } else
        expected = {
          mode: 'kinds',
          kinds: (str('--kinds') ?? 'so_nganh,ubnd_xa,ubnd_phuong,dac_khu').split(',').map((k) => k.trim()),
        };
      const p = await call('periods.create', {
        type: str('--type') ?? 'half',
        year: int('--year', true),
        index: int('--index', false),
        name: str('--name') ?? '',
        windowStart: str('--window-start') ?? null,
        windowEnd: str('--window-end') ?? null,
        deadline: str('--deadline') ?? null,
        templateId: int('--template', true),
        planId: int('--plan', false),
        expected,
      });
      print(p, () => [
        `Đã tạo kỳ ${p.id}: ${p.name}, số liệu ${formatDateShort(p.windowStart)}–${formatDateShort(p.windowEnd)}, hạn nộp ${formatDateShort(p.deadline)}.`,
      ]);
      return 0;
    }
    if (group === 'reports' && action === 'status') {
      const b = await call('dashboard.board', {
        periodId: int('--period', true),
        asOf: str('--as-of') ?? str('--today') ?? null,
      });
      const c = b.counts;
      print(b, () => [
        `${b.period.name} — tại ngày ${formatDateShort(b.asOf)}, hạn nộp ${formatDateShort(b.period.deadline)} (${b.daysLeft >= 0 ? `còn ${b.daysLeft} ngày` : `quá hạn ${-b.daysLeft} ngày`})`,
        countsSentence(c),
        `Tỷ lệ báo cáo ${c.reportingRate === null ? '—' : formatDec(c.reportingRate) + '%'} · đúng hạn ${c.onTimeRate === null ? '—' : formatDec(c.onTimeRate) + '%'}`,
        ...b.rows.map(
          (r) =>
            `  ${r.unitCode}\t${r.unitName}\t${r.label}${r.expected ? '' : ' (ngoài danh sách phải báo cáo)'}${r.breachCount ? `\t${r.breachCount} vi phạm quy tắc` : ''}`,
        ),
      ]);
      return 0;
    }
    if (group === 'reports' && action === 'set') {
      const periodId = int('--period', true)!;
      const code = str('--unit');
      const file = str('--values');
      if (!code || !file) throw new Failure('Lỗi: cần --unit MÃ và --values FILE.json.');
      let raw: unknown;
      try {
        raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(readBytes(file)).replace(/^\uFEFF/, ''));
      } catch (err) {
        if (err instanceof Failure) throw err;
        throw new Failure(`Lỗi: tệp “${file}” không phải là JSON hợp lệ (UTF-8).`);
      }
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw new Failure(`Lỗi: tệp “${file}” phải là một đối tượng JSON {"MÃ": giá trị}.`);
      const obj = raw as Record<string, unknown>;
      const values = (obj.values && typeof obj.values === 'object' ? obj.values : obj) as Record<string, unknown>;
      const reasons = (obj.values && obj.reasons && typeof obj.reasons === 'object' ? obj.reasons : {}) as Record<
        string,
        unknown
      >;
      const units = await call('units.list', { includeClosed: true });
      const unit = units.find((u) => u.code === code);
      if (!unit) throw new Failure(`Lỗi: không có đơn vị mã “${code}”.`);
      const form = await call('reports.save', {
        periodId,
        unitId: unit.id,
        actor: str('--actor') ?? process.env.USER ?? 'Dòng lệnh',
        note: `Nhập từ tệp ${path.basename(file)}`,
        values: Object.entries(values).map(([key, input]) => ({ key, input })),
        reasons: Object.entries(reasons).map(([expression, reason]) => ({ expression, reason: String(reason) })),
      });
      const breaches = form.checks.filter((c) => c.holds === false);
      print(form, () => [
        `Đã lưu báo cáo của ${form.unit.name} (lần sửa ${form.report.revision}, trạng thái “${REPORT_STATUS_LABELS[form.report.status]}”).`,
        ...breaches.map((c) => `  Vi phạm: ${c.detail}${c.reason ? ` — lý do: ${c.reason}` : ' — chưa ghi lý do'}`),
      ]);
      return 0;
    }
    io.err(`Lệnh không hợp lệ: ${positional.join(' ')}\n\n${REPORTING_USAGE}`);
    return 1;
  });
}
