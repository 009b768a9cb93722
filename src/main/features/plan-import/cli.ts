// The plan-text commands of the headless CLI:
//   plans parse FILE [--json] [--db PATH]          what the reader proposes (JSON keys fixed: other tools read them)
//   plans import FILE.txt|.docx [--json] [--db]    parse and save the plan, its tasks, targets and periods
// (plans export ID FILE.docx, the plan written back as Word, is in reports/workflow-cli.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { AppError, describeLocation, type Result } from '../../../shared/errors';
import type { PlanProposal } from '../../../shared/model/plan-import';
import type { PlanImportResult } from '../../../shared/contract/plan-import';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import { proposalToSaveInput } from '../../../shared/contract/plan-import-input';
import type { CliApp } from '../../cli/kit';
import { folderPlatform } from '../../platform/platform';
import { parsePlanText } from './reader/parse';
import { readPlanFile } from './reader/read-file';

export const PLAN_TEXT_USAGE = `  plans parse FILE.txt|.docx [--json]         đọc văn bản chỉ đạo, in đề xuất (loại, số, ngày, nhiệm vụ, chỉ tiêu, hạn nộp…)
  plans import FILE.txt|.docx [--json]        đọc và lưu văn bản, nhiệm vụ, chỉ tiêu và kỳ báo cáo (không tự tạo đơn vị;
                                               văn bản đã có thì hỏi: thêm --allow-duplicate để vẫn lưu)`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** `plans parse …` always; `plans import FILE` when FILE is not the JSON of `plans show`. */
export function isPlanTextCommand(positional: string[]): boolean {
  const [group, action, file] = positional;
  return group === 'plans' && (action === 'parse' || (action === 'import' && !!file && !/\.json$/i.test(file)));
}

/** The proposal as one JSON object with the documented keys; absent fields are null or empty. */
export function proposalJson(p: PlanProposal) {
  const sections = (nodes: PlanProposal['sections']): unknown[] =>
    nodes.map((n) => ({ label: n.label, title: n.title, text: n.text, children: sections(n.children) }));
  return {
    system: p.system,
    type: p.type.value,
    number: p.number.value || null,
    symbol: p.symbol.value || null,
    place: p.place.value,
    date: p.date.value,
    issuer: p.issuer.value,
    parentIssuer: p.parentIssuer.value,
    title: p.title.value || null,
    to: p.to.map((t) => t.text),
    legalBases: p.legalBases.map((b) => b.text),
    sections: sections(p.sections),
    tasks: p.tasks.map((t) => ({
      text: t.text,
      section: t.section,
      units: t.units.map((u) => ({
        name: u.name,
        role: u.role,
        resolves: u.resolves,
        kinds: u.kinds,
        unitId: u.unitId,
        unitName: u.unitName,
      })),
    })),
    deadlines: p.deadlines.map((d) => ({ kind: d.kind, date: d.date, text: d.text })),
    targets: p.targets.map((t) => ({
      text: t.text,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      subject: t.subject,
    })),
    recipients: p.recipients.map((r) => r.text),
    signer: p.signer ? { authority: p.signer.authority, title: p.signer.title || null, name: p.signer.name } : null,
    periods: p.periods.map((x) => ({
      type: x.type,
      year: x.year,
      name: x.name,
      windowStart: x.windowStart,
      windowEnd: x.windowEnd,
      deadline: x.deadline,
    })),
    truncated: p.truncated,
    flags: p.flags.map((f) => ({ code: f.code, field: f.field })),
    warnings: p.warnings,
  };
}

function errorText(e: { message: string; where?: AppError['where']; details?: AppError['details'] }): string {
  const where = describeLocation(e.where);
  return [
    `Lỗi: ${e.message}${where && !e.message.includes(where) ? ` (${where})` : ''}`,
    ...(e.details?.slice(1, 20).map((d) => `  - ${d.message}`) ?? []),
  ].join('\n');
}

export async function runPlanTextCli(
  positional: string[],
  flags: Map<string, string | true>,
  dbPath: string,
  app: CliApp,
  io: Io,
): Promise<number> {
  const [, action, file] = positional;
  if (!file) {
    io.err(`Thiếu tên tệp.\n${PLAN_TEXT_USAGE}`);
    return 1;
  }
  try {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(file));
    } catch {
      throw new AppError('NO_FILE', `Không đọc được tệp “${file}”.`);
    }
    const fileName = path.basename(file);
    const json = flags.has('--json');
    if (action === 'parse' && !flags.has('--db')) {
      const p = parsePlanText(await readPlanFile(fileName, bytes));
      io.out(json ? JSON.stringify(proposalJson(p), null, 2) : summary(p));
      return 0;
    }
    const core = await app.openCore({
      dbPath,
      platform: folderPlatform(process.cwd()),
      version: 'cli',
      nativeBinding: app.nativeBinding,
    });
    try {
      const dispatch = app.createDispatch(core, (m, e) => io.err(`${m}: ${String(e)}`));
      const parsed = (await dispatch('planImport.parse', { file: { fileName, data: bytes } })) as Result<PlanProposal>;
      if (!parsed.ok)
        throw new AppError(parsed.error.code, parsed.error.message, parsed.error.where, parsed.error.details);
      if (action === 'parse') {
        io.out(json ? JSON.stringify(proposalJson(parsed.value), null, 2) : summary(parsed.value));
        return 0;
      }
      const input = { ...proposalToSaveInput(parsed.value), allowDuplicate: flags.has('--allow-duplicate') };
      const saved = (await dispatch('planImport.save', input)) as Result<PlanImportResult>;
      if (!saved.ok) throw new AppError(saved.error.code, saved.error.message, saved.error.where, saved.error.details);
      const r = saved.value;
      const warnings = parsed.value.warnings;
      io.out(
        json
          ? JSON.stringify(
              {
                planId: r.plan.id,
                system: parsed.value.system,
                tasks: r.plan.tasks.length,
                targets: r.plan.targets.length,
                periods: r.periods.map((p) => ({
                  id: p.id,
                  name: p.name,
                  windowStart: p.windowStart,
                  windowEnd: p.windowEnd,
                  deadline: p.deadline,
                })),
                existingPeriods: r.existingPeriods.map((p) => ({ id: p.id, name: p.name })),
                createdUnits: r.createdUnits.map((u) => ({ id: u.id, code: u.code, name: u.name })),
                warnings,
              },
              null,
              2,
            )
          : [
              `Đã lưu văn bản mã số ${r.plan.id}: ${r.plan.tasks.length} nhiệm vụ, ${r.plan.targets.length} chỉ tiêu, ${r.periods.length} kỳ báo cáo.`,
              ...r.existingPeriods.map((p) => `Kỳ “${p.name}” (mã số ${p.id}) đã có sẵn: không tạo lại.`),
              ...warnings.map((w) => `Lưu ý: ${w}`),
            ].join('\n'),
      );
      return 0;
    } finally {
      await core.close();
    }
  } catch (err) {
    io.err(err instanceof AppError ? errorText(err) : `Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}

function summary(p: PlanProposal): string {
  const lines = [
    `${p.system === 'party' ? 'Văn bản Đảng — ' : ''}${p.type.value ?? '(chưa rõ loại)'} số ${p.number.value || '…'}/${p.symbol.value || '…'}, ${p.place.value ?? '(chưa rõ nơi)'}, ngày ${p.date.value ?? '(chưa rõ)'}`,
    `Trích yếu: ${p.title.value || '(chưa rõ)'}`,
    `Cơ quan: ${p.issuer.value ?? '(không ghi)'}${p.parentIssuer.value ? ` — cấp trên: ${p.parentIssuer.value}` : ''}`,
    `Căn cứ: ${p.legalBases.length}; đề mục cấp I: ${p.sections.length}; nhiệm vụ: ${p.tasks.length}; chỉ tiêu: ${p.targets.length}; hạn nộp: ${p.deadlines.length}; nơi nhận: ${p.recipients.length}`,
    ...p.tasks.map(
      (t, i) =>
        `  Nhiệm vụ ${i + 1}: ${t.units.map((u) => `${u.role === 'lead' ? 'chủ trì' : 'phối hợp'} ${u.name}${RESOLVES[u.resolves](u)}`).join('; ')}`,
    ),
    ...p.deadlines.map((d) => `  Hạn nộp: ${d.text} → ${d.date ?? '?'}`),
    ...p.targets.map((t) => `  Chỉ tiêu: ${t.text}`),
    p.signer
      ? `Người ký: ${[...p.signer.authority, p.signer.title, p.signer.name].filter(Boolean).join(' / ')}`
      : 'Người ký: (chưa rõ)',
    ...p.warnings.map((w) => `Lưu ý: ${w}`),
  ];
  return lines.join('\n');
}

/** How each phrase is read, shown after its name. */
const RESOLVES: Record<
  PlanProposal['tasks'][number]['units'][number]['resolves'],
  (u: PlanProposal['tasks'][number]['units'][number]) => string
> = {
  unit: (u) => (u.unitId ? '' : ' (chưa có trong danh bạ)'),
  group: (u) => ` (nhóm: ${u.kinds.map((k) => UNIT_KIND_LABELS[k]).join(', ') || 'chưa rõ loại đơn vị'})`,
  office: () => ' (chức danh, không phải đơn vị)',
  issuer: () => ' (cơ quan ban hành)',
};
