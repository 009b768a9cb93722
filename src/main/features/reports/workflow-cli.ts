// What users script around the reporting workflow: a report's steps (received with its date,
// accepted, returned), the reminder letter to the units that have not reported, and a plan written
// out again (JSON to move it, Word in the official format).
import path from 'node:path';
import { fixedPathPlatform } from '../../platform/platform';
import { addWorkingDays } from '../../../shared/domain/periods';
import { todayIso, formatDateShort } from '../../../shared/format';
import type { BoardRow } from '../../../shared/model/report';
import { isReceived } from '../../../shared/domain/report-status';
import {
  CliFailure,
  documentFormatOf,
  flagValue,
  intFlag,
  parseArgs,
  withApp,
  type CliApp,
  type CliIo,
  type ContractCall,
} from '../../cli/kit';
import { writeFileAtomic } from '../../platform/files';

export const WORKFLOW_USAGE = `  reports submit --period ID --unit MÃ [--received YYYY-MM-DD] [--channel paper|typed|imported] [--note TEXT]
                                               ghi nhận đã nộp, với ngày nhận (mặc định hôm nay)
          [--accept-breaches]                  (--accept-breaches: nhận cả khi số liệu vi phạm quy tắc chưa ghi lý do)
  reports accept --period ID --unit MÃ [--note TEXT]        duyệt (khóa số liệu)
  reports return --period ID --unit MÃ --reason "LÝ DO"    trả lại để đơn vị sửa (lần gửi sau là bản sửa mới)
  reports reopen --period ID --unit MÃ --reason "LÝ DO"    mở lại báo cáo đã duyệt
  reports reminder --period ID --out FILE.docx|.pdf [--units MÃ,MÃ] [--new-deadline YYYY-MM-DD]
          [--date YYYY-MM-DD] [--no-number] [--images] [--json]
                                               công văn đôn đốc các đơn vị chưa nộp (mặc định: mọi đơn vị chưa nộp,
                                               hạn mới sau 5 ngày làm việc; --no-number: để trống số văn bản)
  plans export ID FILE.json|.docx|.pdf         xuất văn bản chỉ đạo (JSON để nhập lại bằng plans import, Word hoặc PDF
                                               đúng thể thức Nhà nước hoặc Đảng của bản gốc; cũng viết: --out FILE)`;

const VALUE_FLAGS = [
  '--period',
  '--out',
  '--units',
  '--new-deadline',
  '--date',
  '--unit',
  '--received',
  '--channel',
  '--note',
  '--reason',
  '--actor',
  '--format',
];

const STEPS = ['submit', 'accept', 'return', 'reopen'] as const;
type Step = (typeof STEPS)[number];

export function isWorkflowCommand(positional: string[]): boolean {
  const [group, action] = positional;
  return (
    (group === 'reports' && (action === 'reminder' || STEPS.includes(action as Step))) ||
    (group === 'plans' && action === 'export')
  );
}

const STEP_DONE: Record<Step, string> = {
  submit: 'đã ghi nhận đã nộp',
  accept: 'đã duyệt',
  return: 'đã trả lại',
  reopen: 'đã mở lại',
};

/** The units a reminder goes to by default: expected and not (validly) received. */
const needsReminder = (r: BoardRow) => r.expected && !isReceived(r.status);

/** A plan as `plans import` takes it: the record ids and dates of this database left out (unit links kept). */
function withoutStoredIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStoredIds);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'id' && k !== 'createdAt' && k !== 'updatedAt')
        .map(([k, v]) => [k, withoutStoredIds(v)]),
    );
  return value;
}

async function unitIdsByCode(call: ContractCall, codes: string): Promise<number[]> {
  const units = await call('units.list', { includeClosed: true });
  return codes.split(',').map((raw) => {
    const code = raw.trim();
    const u = units.find((x) => x.code.toLowerCase() === code.toLowerCase());
    if (!u) throw new CliFailure(`Lỗi: không có đơn vị mã “${code}”.`);
    return u.id;
  });
}

export async function runWorkflowCli(argv: string[], dbPath: string, app: CliApp, io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, VALUE_FLAGS, ['--no-number', '--accept-breaches', '--images']);
  const [group, , arg, named] = positional;
  const json = flags.has('--json');
  if (group === 'plans') {
    const file = named ?? flagValue(flags, '--out');
    if (!arg || !file || !/^\d{1,9}$/.test(arg) || !/\.(json|docx|pdf)$/i.test(file))
      throw new CliFailure('Lỗi: cần “plans export ID FILE.json”, “… FILE.docx” hoặc “… FILE.pdf”.');
    const out = path.resolve(file);
    const format = /\.(docx|pdf)$/i.test(out) ? documentFormatOf(flagValue(flags, '--format'), out) : null;
    return withApp(app, dbPath, fixedPathPlatform(out), io, async (call) => {
      if (format) {
        const r = await call('planImport.exportDocx', { planId: Number(arg), format, images: flags.has('--images') });
        io.out(
          json
            ? JSON.stringify(r, null, 2)
            : [`Đã xuất: ${r.path}`, ...r.warnings.map((w) => `Lưu ý: ${w}`)].join('\n'),
        );
        return 0;
      }
      const plan = await call('plans.get', { id: Number(arg) });
      writeFileAtomic(out, new TextEncoder().encode(JSON.stringify(withoutStoredIds(plan), null, 2) + '\n'));
      io.out(json ? JSON.stringify({ saved: true, path: out }) : `Đã xuất: ${out}`);
      return 0;
    });
  }
  const periodId = intFlag(flags, '--period', true);
  const step = STEPS.find((x) => x === positional[1]);
  if (step) return runStep(step, periodId, flags, dbPath, app, io);
  const target = flagValue(flags, '--out');
  if (!target || !/\.(docx|pdf)$/i.test(target))
    throw new CliFailure('Lỗi: cần --out FILE.docx hoặc FILE.pdf (nơi ghi công văn).');
  const format = documentFormatOf(flagValue(flags, '--format'), target);
  return withApp(app, dbPath, fixedPathPlatform(path.resolve(target)), io, async (call) => {
    const codes = flagValue(flags, '--units');
    let unitIds: number[];
    if (codes) unitIds = await unitIdsByCode(call, codes);
    else {
      const board = await call('dashboard.board', { periodId, today: flagValue(flags, '--date') ?? null });
      unitIds = board.rows.filter(needsReminder).map((r) => r.unitId);
      if (unitIds.length === 0) {
        io.out(
          json ? JSON.stringify({ saved: false, path: null, entry: null }) : 'Mọi đơn vị đã nộp: không cần đôn đốc.',
        );
        return 0;
      }
    }
    const holidays = (await call('periods.holidays', {})).map((h) => h.date);
    const newDeadline = flagValue(flags, '--new-deadline') ?? addWorkingDays(todayIso(), 5, holidays);
    const r = await call('reports.reminder', {
      periodId,
      unitIds,
      newDeadline,
      date: flagValue(flags, '--date') ?? null,
      takeNumber: !flags.has('--no-number'),
      format,
      images: flags.has('--images'),
    });
    io.out(
      json
        ? JSON.stringify(r, null, 2)
        : `Đã soạn công văn đôn đốc ${unitIds.length} đơn vị${r.entry?.number ? `, số ${r.entry.number}` : ''}, hạn mới ${formatDateShort(newDeadline)}: ${r.path}`,
    );
    return 0;
  });
}

/** One step of a report's workflow, through the same contract as the app's buttons. */
async function runStep(
  step: Step,
  periodId: number,
  flags: Map<string, string | true>,
  dbPath: string,
  app: CliApp,
  io: CliIo,
): Promise<number> {
  const code = flagValue(flags, '--unit');
  if (!code) throw new CliFailure('Lỗi: thiếu --unit MÃ (mã đơn vị).');
  const reason = flagValue(flags, '--reason');
  if ((step === 'return' || step === 'reopen') && !reason?.trim())
    throw new CliFailure(
      `Lỗi: ${step === 'return' ? 'trả lại' : 'mở lại'} báo cáo thì phải ghi --reason "lý do" (được lưu trong lịch sử).`,
    );
  const channel = flagValue(flags, '--channel');
  if (channel !== undefined && !['paper', 'typed', 'imported'].includes(channel))
    throw new CliFailure('Lỗi: --channel nhận paper, typed hoặc imported.');
  return withApp(app, dbPath, fixedPathPlatform(process.cwd()), io, async (call) => {
    const [unitId] = await unitIdsByCode(call, code);
    const ref = { periodId, unitId: unitId!, actor: flagValue(flags, '--actor') ?? 'Dòng lệnh' };
    const form =
      step === 'submit'
        ? await call('reports.submit', {
            ...ref,
            receivedDate: flagValue(flags, '--received') ?? null,
            channel: (channel as 'paper' | 'typed' | 'imported' | undefined) ?? null,
            acceptBreaches: flags.has('--accept-breaches'),
            note: flagValue(flags, '--note') ?? '',
          })
        : step === 'accept'
          ? await call('reports.accept', { ...ref, note: flagValue(flags, '--note') ?? '' })
          : await call(step === 'return' ? 'reports.return' : 'reports.reopen', { ...ref, reason: reason! });
    io.out(
      flags.has('--json')
        ? JSON.stringify(form, null, 2)
        : `Báo cáo của ${form.unit.name}: ${STEP_DONE[step]}${form.report.receivedDate ? ` (ngày nhận ${formatDateShort(form.report.receivedDate)})` : ''}.`,
    );
    return 0;
  });
}
