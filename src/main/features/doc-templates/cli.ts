// The Word-template commands of the CLI (the `docs` group), through the same contract as the app.
import path from 'node:path';
import type { CliApp } from '../../cli/kit';
import { CliFailure, withApp, parseArgs, readInputBytes, type CliIo } from '../../cli/kit';
import { fixedPathPlatform } from '../../platform/platform';
import { DOC_USAGES, type DocUsage, type FieldInfo, type LintReport } from '../../../shared/contract/doc-templates';
import { isReceived } from '../../../shared/domain/report-status';

export const DOC_TEMPLATES_USAGE = `  docs fields [--json]                        danh mục trường dùng trong mẫu Word ({agency.name}, {#indicators}…)
  docs lint MẪU.docx [--usage CÔNG_DỤNG] [--json]
                                              kiểm tra mẫu Word (lỗi kèm vị trí; mã thoát 1 khi có lỗi)
  docs fill MẪU.docx --period ID --out KẾT_QUẢ.docx [--unit ID] [--round ID] [--date YYYY-MM-DD]
            [--deadline YYYY-MM-DD] [--number] điền mẫu Word bằng số liệu của kỳ (--number: lấy số văn bản)
  docs templates [--json]                     các mẫu Word đã lưu
  docs add MẪU.docx --name TÊN --usage CÔNG_DỤNG [--id ID]
                                              lưu mẫu Word (hoặc phiên bản mới của mẫu --id)
  docs merge ID --period ID --out THƯ_MỤC [--units late|all|ID,ID…] [--date YYYY-MM-DD] [--deadline YYYY-MM-DD]
                                              gửi từng đơn vị: mỗi đơn vị một văn bản
  (CÔNG_DỤNG: ${DOC_USAGES.join(', ')})`;

const ACTIONS = new Set(['fields', 'lint', 'fill', 'templates', 'add', 'merge']);
const VALUE_FLAGS = [
  '--db',
  '--out',
  '--period',
  '--unit',
  '--round',
  '--date',
  '--deadline',
  '--usage',
  '--name',
  '--id',
  '--units',
];

export const isDocTemplatesCommand = (action: string | undefined): boolean =>
  action !== undefined && ACTIONS.has(action);

const SEVERITY_WORD = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'GHI CHÚ' } as const;

function fieldLines(fields: FieldInfo[], prefix: string, depth: number): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const name = prefix + f.name + (f.dynamicKey ? `.<${f.dynamicKey}>` : '');
    const tag =
      f.kind === 'list'
        ? `{#${name}}…{/${name}}`
        : f.kind === 'image'
          ? `{%${name}}`
          : f.kind === 'boolean'
            ? `{#${name}}…{/${name}}`
            : f.kind === 'object'
              ? ''
              : `{${name}}`;
    if (tag)
      out.push(
        `${'  '.repeat(depth)}${tag.padEnd(40 - depth * 2)} ${f.label}${f.example && f.kind !== 'image' ? ` — ví dụ: ${f.example}` : ''}`,
      );
    else out.push(`${'  '.repeat(depth)}${name}.…  ${f.label}`);
    if (f.fields) out.push(...fieldLines(f.fields, f.kind === 'list' ? '' : `${name}.`, depth + 1));
  }
  return out;
}

function lintLines(r: LintReport): string[] {
  const lines = [
    `${r.fileName}: ${r.counts.errors} lỗi, ${r.counts.warnings} cảnh báo, ${r.counts.infos} ghi chú; ${r.counts.tags} thẻ.`,
  ];
  for (const f of r.findings)
    lines.push(
      `${SEVERITY_WORD[f.severity]}${f.where ? ` [${f.where}]` : ''}: ${f.message}${f.text ? ` «${f.text}»` : ''}`,
    );
  if (r.ok) lines.push('Mẫu dùng được.');
  return lines;
}

const idOf = (v: string | true | undefined, flag: string): number | null => {
  if (v === undefined) return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new CliFailure(`Lỗi: ${flag} cần một mã số nguyên dương.`);
  return n;
};

const usageOf = (v: string | true | undefined): DocUsage | null => {
  if (v === undefined) return null;
  if (typeof v !== 'string' || !(DOC_USAGES as readonly string[]).includes(v))
    throw new CliFailure(`Lỗi: --usage phải là một trong ${DOC_USAGES.join(', ')}.`);
  return v as DocUsage;
};

export async function runDocTemplatesCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, VALUE_FLAGS, ['--number']);
  const [, action, arg] = positional;
  const str = (f: string) => (typeof flags.get(f) === 'string' ? (flags.get(f) as string) : null);
  const out = str('--out');
  const json = flags.has('--json');
  const source = () => ({
    periodId: idOf(flags.get('--period'), '--period'),
    unitId: idOf(flags.get('--unit'), '--unit'),
    roundId: idOf(flags.get('--round'), '--round'),
    date: str('--date'),
    newDeadline: str('--deadline'),
    takeNumber: flags.has('--number'),
  });
  const file = (a: string | undefined) => {
    if (!a) throw new CliFailure('Lỗi: thiếu tệp mẫu .docx.');
    return { fileName: path.basename(a), data: readInputBytes(a) };
  };
  return withApp(app, dbPath, fixedPathPlatform(out ?? process.cwd()), io, async (call) => {
    if (action === 'fields') {
      const c = await call('docTemplates.fields', {});
      io.out(json ? JSON.stringify(c, null, 2) : fieldLines(c.fields, '', 0).join('\n'));
      return 0;
    }
    if (action === 'lint') {
      const r = await call('docTemplates.lint', { ...file(arg), usage: usageOf(flags.get('--usage')) });
      io.out(json ? JSON.stringify(r, null, 2) : lintLines(r).join('\n'));
      return r.ok ? 0 : 1;
    }
    if (action === 'fill') {
      if (!out) throw new CliFailure('Lỗi: cần --out KẾT_QUẢ.docx.');
      const r = await call('docTemplates.fillFile', { ...file(arg), ...source() });
      io.out(
        json
          ? JSON.stringify(r, null, 2)
          : [`Đã điền: ${r.path}`, ...r.warnings.map((w) => `CẢNH BÁO: ${w}`)].join('\n'),
      );
      return 0;
    }
    if (action === 'templates') {
      const list = await call('docTemplates.list', {});
      io.out(
        json
          ? JSON.stringify(list, null, 2)
          : list
              .map(
                (t) =>
                  `${t.id}\t${t.name}\t${t.usage}\tphiên bản ${t.version}\t${t.errors} lỗi, ${t.warnings} cảnh báo`,
              )
              .join('\n') || 'Chưa có mẫu Word nào.',
      );
      return 0;
    }
    if (action === 'add') {
      const usage = usageOf(flags.get('--usage'));
      if (!usage || !str('--name')) throw new CliFailure('Lỗi: cần --name TÊN và --usage CÔNG_DỤNG.');
      const r = await call('docTemplates.upload', {
        ...file(arg),
        id: idOf(flags.get('--id'), '--id'),
        name: str('--name'),
        usage,
      });
      io.out(
        json
          ? JSON.stringify(r, null, 2)
          : [
              `Đã lưu mẫu ${r.template.id} “${r.template.name}” phiên bản ${r.template.versions[0]!.version}.`,
              ...lintLines(r.template.lint),
            ].join('\n'),
      );
      return 0;
    }
    if (action === 'merge') {
      const id = idOf(arg, 'ID');
      const periodId = idOf(flags.get('--period'), '--period');
      if (!id || !periodId || !out) throw new CliFailure('Lỗi: cần ID của mẫu, --period ID và --out THƯ_MỤC.');
      const which = str('--units') ?? 'late';
      let unitIds: number[];
      if (which === 'late' || which === 'all') {
        const board = await call('dashboard.board', { periodId, today: str('--date') });
        unitIds = board.rows
          .filter((r) => r.expected && (which === 'all' || !isReceived(r.status) || r.timeliness === 'muon'))
          .map((r) => r.unitId);
      } else unitIds = which.split(',').map((x) => idOf(x.trim(), '--units')!);
      if (unitIds.length === 0) throw new CliFailure('Không có đơn vị nào cần gửi.');
      const r = await call('docTemplates.mailMerge', { ...source(), id, periodId, unitIds });
      io.out(
        json
          ? JSON.stringify(r, null, 2)
          : [
              `Đã tạo ${r.files.length} văn bản trong ${r.folder}.`,
              ...r.files.flatMap((f) => f.warnings.map((w) => `CẢNH BÁO (${f.unitName}): ${w}`)),
            ].join('\n'),
      );
      return 0;
    }
    io.err(`Lệnh không hợp lệ.\n${DOC_TEMPLATES_USAGE}`);
    return 1;
  });
}
