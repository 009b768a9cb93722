// Plans, templates, periods, units' reports and the board, on a fresh database each time.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { closeUnit, createUnit, mergeUnits } from '../../src/main/features/units/units';
import { deletePlan, getPlan, importPlan, listPlans } from '../../src/main/features/plans/plans';
import {
  copyTemplate,
  deleteTemplate,
  exportTemplateJson,
  getTemplate,
  importTemplate,
  installDefaultTemplates,
  listTemplates,
  saveTemplate,
  contentOf,
} from '../../src/main/features/templates/templates';
import {
  createPeriod,
  deletePeriod,
  periodExpectedUnits,
  previewPeriod,
} from '../../src/main/features/periods/periods';
import {
  canTransition,
  getReportForm,
  reportHistory,
  reportSnapshot,
  saveReportValues,
  TRANSITIONS,
} from '../../src/main/features/reports/reports';
import { transitionReport } from '../../src/main/features/reports/approval';
import { periodBoard, reportingTrend } from '../../src/main/features/reports/board';
import { daysBetween } from '../../src/shared/domain/periods';
import { todayIso } from '../../src/shared/format';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput, transitionInput } from '../../src/shared/contract/reports';
import { REPORT_STATUSES, type ReportStatus } from '../../src/shared/model/report';
import type { UnitKind } from '../../src/shared/model/unit';
import { AppError } from '../../src/shared/errors';
import { freshCore, tempDir } from './helpers';

let core: Core;
let dir: string;

beforeEach(async () => {
  dir = tempDir('bcnv-reporting-');
  core = await freshCore({ dir, exports: dir });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', name)));

async function unit(code: string, kind: UnitKind = 'so_nganh', activeFrom: string | null = null) {
  return createUnit(core.db, {
    code,
    name: `Đơn vị ${code}`,
    shortName: '',
    kind,
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom,
    activeTo: null,
  });
}

async function defaultTemplateId(): Promise<number> {
  return (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
}

const period = (over: Record<string, unknown> = {}) =>
  periodInput.parse({
    type: 'half',
    year: 2025,
    templateId: 0,
    expected: { mode: 'kinds', kinds: ['so_nganh', 'ubnd_xa'] },
    ...over,
  });

async function expectAppError(p: Promise<unknown>, pattern: RegExp): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(pattern);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

const save = (
  periodId: number,
  unitId: number,
  values: Record<string, string | number | boolean | null>,
  reasons: Record<string, string> = {},
  actor = 'Chuyên viên A',
) =>
  saveReportValues(
    core.db,
    saveValuesInput.parse({
      periodId,
      unitId,
      actor,
      values: Object.entries(values).map(([key, input]) => ({ key, input })),
      reasons: Object.entries(reasons).map(([expression, reason]) => ({ expression, reason })),
    }),
  );

const move = (periodId: number, unitId: number, to: ReportStatus, extra: Record<string, unknown> = {}) =>
  transitionReport(core.db, transitionInput.parse({ periodId, unitId, to, actor: 'Chuyên viên B', ...extra }));

describe('default template', () => {
  it('is installed on first start, once, and not brought back after deletion', async () => {
    const list = await listTemplates(core.db);
    expect(list).toHaveLength(1);
    const t = await getTemplate(core.db, list[0]!.id);
    expect(t.indicators.map((i) => i.code)).toContain('DT04');
    expect(t.indicators).toHaveLength(30);
    expect(t.sections[0]).toMatchObject({ number: 'I', title: 'Công tác lãnh đạo, chỉ đạo, tuyên truyền' });
    expect(t.rules.map((r) => r.expression)).toEqual([
      'DT03 <= DT02',
      'DN03 <= DN01 + DN02',
      'DN04 <= DN03',
      'HC03 <= HC02',
      'DV02 <= DV01',
    ]);
    expect(await installDefaultTemplates(core.db)).toBe(false);
    await core.close();
    core = await freshCore({ dir, exports: dir });
    expect(await listTemplates(core.db)).toHaveLength(1);
    await deleteTemplate(core.db, t.id);
    await core.close();
    core = await freshCore({ dir, exports: dir });
    expect(await listTemplates(core.db)).toHaveLength(0);
  });
});

describe('plans', () => {
  it('imports the two seed plans with their tasks, targets and deadlines', async () => {
    const lk = await importPlan(core.db, 'lk.json', fixture('ke-hoach-468-long-khanh-2024.json'));
    const cl = await importPlan(core.db, 'cl.json', fixture('ke-hoach-chi-lang-2024.json'));
    expect(lk).toMatchObject({
      type: 'KH',
      number: '468',
      symbol: 'KH-UBND',
      issuedDate: '2024-03-27',
      signer: 'Bùi Quốc Thế',
    });
    expect(lk.tasks.length).toBe(12);
    expect(lk.tasks[3]!.lead?.name).toBe('Phòng Nội vụ');
    expect(lk.tasks[3]!.supporting.map((s) => s.name)).toEqual(['Phòng Dân tộc', 'UBND các phường, xã']);
    expect(lk.targets[0]).toMatchObject({ comparator: 'tren', value: '80', valueUnit: '%', indicatorCode: 'DV04' });
    expect(lk.deadlines).toEqual([
      { periodType: 'half', monthDay: '05-10' },
      { periodType: 'year', monthDay: '10-10' },
    ]);
    expect(cl.number).toBe('');
    expect(cl.targets[0]!.value).toBe('100');
    const list = await listPlans(core.db);
    expect(list.map((p) => p.id)).toEqual([cl.id, lk.id]);
    expect(list[1]).toMatchObject({ taskCount: 12, targetCount: 3, periodCount: 0 });
    expect((await getPlan(core.db, lk.id)).tasks[10]!.deadline).toBe('2024-05-10');
  });

  it('refuses a bad plan file as a whole, naming the field', async () => {
    const bad = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', 'ke-hoach-chi-lang-2024.json'), 'utf8'),
    );
    bad.targets[0].value = '1.5';
    await expectAppError(
      importPlan(core.db, 'x.json', new TextEncoder().encode(JSON.stringify(bad))),
      /Chỉ tiêu kế hoạch, dòng 1\b.*dấu chấm ngăn hàng nghìn/,
    );
    expect(await listPlans(core.db)).toHaveLength(0);
  });

  it('uses the plan deadline, and refuses it when it falls before the data window ends', async () => {
    await unit('SNV');
    const plan = await importPlan(core.db, 'lk.json', fixture('ke-hoach-468-long-khanh-2024.json'));
    const templateId = await defaultTemplateId();
    // The plan asks for the 6-month report by 10/5, before the ND 09 cut-off of 14/6.
    const pv = await previewPeriod(core.db, period({ year: 2024, templateId, planId: plan.id }));
    expect(pv.deadline).toBe('2024-05-10');
    expect(pv.deadlineSource).toBe('plan');
    expect(pv.problems[0]).toMatch(/Hạn nộp 10\/05\/2024 không sau ngày chốt số liệu 14\/06\/2024/);
    await expectAppError(
      createPeriod(core.db, period({ year: 2024, templateId, planId: plan.id })),
      /Hạn nộp 10\/05\/2024/,
    );
    // With the plan's own cut-off (30/4) it is accepted.
    const p = await createPeriod(core.db, period({ year: 2024, templateId, planId: plan.id, windowEnd: '2024-04-30' }));
    expect(p).toMatchObject({
      deadline: '2024-05-10',
      windowStart: '2023-12-15',
      windowEnd: '2024-04-30',
      name: '6 tháng đầu năm 2024',
    });
    await expectAppError(deletePlan(core.db, plan.id), /Không xóa được văn bản .*1 kỳ báo cáo/);
    await deletePeriod(core.db, p.id);
    await deletePlan(core.db, plan.id);
    expect(await listPlans(core.db)).toHaveLength(0);
  });
});

describe('templates', () => {
  it('edits in place until a period uses it, then makes a new version; the period keeps the old one', async () => {
    await unit('SNV');
    const id = await defaultTemplateId();
    const t = await getTemplate(core.db, id);
    const edited = await saveTemplate(core.db, id, { ...contentOf(t), description: 'Sửa lần 1' });
    expect(edited).toMatchObject({
      newVersion: false,
      template: { id, version: 1, description: 'Sửa lần 1', frozen: false },
    });
    const p = await createPeriod(core.db, period({ templateId: id }));
    expect((await getTemplate(core.db, id)).frozen).toBe(true);
    const v2 = await saveTemplate(core.db, id, {
      ...contentOf(t),
      name: 'Mẫu sửa',
      indicators: t.indicators.filter((i) => i.code !== 'TX05'),
    });
    expect(v2.newVersion).toBe(true);
    expect(v2.template).toMatchObject({ version: 2, basedOnId: id, name: 'Mẫu sửa', frozen: false });
    expect(v2.template.indicators).toHaveLength(29);
    const old = await getTemplate(core.db, id);
    expect(old.indicators).toHaveLength(30);
    expect(
      (await getReportForm(core.db, p.id, (await periodExpectedUnits(core.db, p.id))[0]!.id)).template.version,
    ).toBe(1);
    await expectAppError(deleteTemplate(core.db, id), /Không xóa được mẫu .*đang được dùng cho 1 kỳ báo cáo/);
    const list = await listTemplates(core.db);
    expect(list.map((x) => [x.version, x.isLatest, x.frozen])).toEqual([
      [2, true, false],
      [1, false, true],
    ]);
  });

  it('refuses an invalid template without writing anything', async () => {
    const id = await defaultTemplateId();
    const t = await getTemplate(core.db, id);
    await expectAppError(
      saveTemplate(core.db, id, { ...contentOf(t), rules: [...t.rules, { expression: 'DT03 <= XX99', message: '' }] }),
      /“XX99” không có trong mẫu/,
    );
    await expectAppError(
      saveTemplate(core.db, id, {
        ...contentOf(t),
        rules: [
          { expression: 'DT02 <= DT01', message: '' },
          { expression: 'DT01 <= DT02 - 0', message: '' },
        ],
      }),
      /vòng lặp/,
    );
    expect((await getTemplate(core.db, id)).rules).toHaveLength(5);
  });

  it('copies, exports and imports (import of an existing code makes a new version when frozen)', async () => {
    await unit('SNV');
    const id = await defaultTemplateId();
    const copy = await copyTemplate(core.db, id, 'dan-chu-co-so', 'Báo cáo dân chủ ở cơ sở');
    expect(copy).toMatchObject({ code: 'dan-chu-co-so', version: 1, basedOnId: id });
    await expectAppError(copyTemplate(core.db, id, 'dan-chu-co-so', 'Lần nữa'), /đã được dùng/);
    const bytes = exportTemplateJson(await getTemplate(core.db, id));
    const file = JSON.parse(new TextDecoder().decode(bytes));
    expect(file).toMatchObject({ format: 'bao-cao-noi-vu/template', code: 'dan-van-chinh-quyen', version: 1 });
    await createPeriod(core.db, period({ templateId: id }));
    const imported = await importTemplate(core.db, 'mau.json', bytes);
    expect(imported).toMatchObject({ newVersion: true, template: { version: 2 } });
    await expectAppError(
      importTemplate(core.db, 'rac.json', new TextEncoder().encode('{"format":"khac"}')),
      /không phải là mẫu báo cáo/,
    );
    await expectAppError(
      importTemplate(core.db, 'rac.json', new TextEncoder().encode('không phải json')),
      /không phải là tệp JSON/,
    );
  });
});

describe('periods and expected units', () => {
  it('computes the window, the default deadline, and excludes units closed or merged before the cut-off', async () => {
    const a = await unit('A');
    const b = await unit('B');
    const c = await unit('C');
    const x = await unit('X1', 'ubnd_xa');
    const later = await unit('NEW', 'so_nganh', '2025-07-01');
    await unit('SN', 'su_nghiep');
    await mergeUnits(core.db, b.id, a.id, '2025-03-01'); // B merged into A mid-year
    await closeUnit(core.db, c.id, '2025-06-30'); // C closed after the 6-month cut-off
    const templateId = await defaultTemplateId();
    const half = await createPeriod(core.db, period({ templateId }));
    expect(half).toMatchObject({ windowStart: '2024-12-15', windowEnd: '2025-06-14', deadline: '2025-06-16' });
    expect((await periodExpectedUnits(core.db, half.id)).map((u) => u.code)).toEqual(['A', 'C', 'X1']);
    const year = await createPeriod(core.db, period({ type: 'year', templateId }));
    expect(year).toMatchObject({ windowStart: '2024-12-15', windowEnd: '2025-12-14', deadline: '2025-12-15' });
    expect((await periodExpectedUnits(core.db, year.id)).map((u) => u.code)).toEqual(['A', 'X1', 'NEW']);
    const q1 = await createPeriod(
      core.db,
      period({ type: 'quarter', index: 1, templateId, expected: { mode: 'list', unitIds: [a.id, b.id, later.id] } }),
    );
    expect(q1.windowEnd).toBe('2025-03-14');
    expect((await periodExpectedUnits(core.db, q1.id)).map((u) => u.code)).toEqual(['A']);
    expect(x.kind).toBe('ubnd_xa');
  });

  it('refuses bad periods with Vietnamese messages', async () => {
    await unit('A');
    const templateId = await defaultTemplateId();
    await expectAppError(
      createPeriod(core.db, period({ templateId, deadline: '2025-06-14' })),
      /Hạn nộp 14\/06\/2025 không sau ngày chốt số liệu/,
    );
    await expectAppError(
      createPeriod(core.db, period({ type: 'ad_hoc', templateId })),
      /Kỳ đột xuất phải nhập ngày bắt đầu/,
    );
    await expectAppError(createPeriod(core.db, period({ type: 'month', templateId })), /Kỳ tháng phải chọn tháng/);
    await expectAppError(
      createPeriod(core.db, period({ templateId, expected: { mode: 'kinds', kinds: ['dac_khu'] } })),
      /Không có đơn vị nào phải báo cáo/,
    );
    const adHoc = await createPeriod(
      core.db,
      period({
        type: 'ad_hoc',
        templateId,
        windowStart: '2025-02-01',
        windowEnd: '2025-02-28',
        deadline: '2025-03-05',
        name: 'Báo cáo nhanh Tết',
      }),
    );
    expect(adHoc.name).toBe('Báo cáo nhanh Tết');
  });
});

describe('unit reports', () => {
  async function setup() {
    const a = await unit('A');
    const b = await unit('B');
    const templateId = await defaultTemplateId();
    const p = await createPeriod(core.db, period({ templateId }));
    return { a, b, p };
  }

  it('stores integers as integers and amounts exactly; refuses text in a number and negative counts, all or nothing', async () => {
    const { a, p } = await setup();
    const form = await save(p.id, a.id, {
      DT01: '3',
      DT02: '1.234',
      DT03: 1000,
      LD04: 'có',
      'muc:I': '  Đã ban hành 5 văn bản.  ',
      TX05: 'Ghi chú',
    });
    expect(form.values).toMatchObject({
      DT01: '3',
      DT02: '1234',
      DT03: '1000',
      LD04: '1',
      'muc:I': 'Đã ban hành 5 văn bản.',
      TX05: 'Ghi chú',
    });
    expect(form.computed.DT04).toBe('81.04');
    expect(form.computed.DN05).toBeNull();
    const raw = await core.db
      .selectFrom('report_values')
      .select(['field_key', 'int_value', 'dec_value', 'text_value'])
      .where('field_key', 'in', ['DT02', 'LD04'])
      .orderBy('field_key')
      .execute();
    expect(raw).toEqual([
      { field_key: 'DT02', int_value: 1234, dec_value: null, text_value: null },
      { field_key: 'LD04', int_value: 1, dec_value: null, text_value: null },
    ]);
    await expectAppError(save(p.id, a.id, { DT01: '5', TD01: 'mười' }), /TD01 .*không phải là số/);
    await expectAppError(save(p.id, a.id, { DT01: '-2' }), /số đếm không được âm/);
    await expectAppError(save(p.id, a.id, { DT01: '2,5' }), /số đếm phải là số nguyên/);
    await expectAppError(save(p.id, a.id, { DT04: '50' }), /được tính tự động/);
    await expectAppError(save(p.id, a.id, { LD04: 'có lẽ' }), /chỉ nhận “Có” hoặc “Không”/);
    await expectAppError(save(p.id, a.id, { ZZ01: '1' }), /không có chỉ số hay mục “ZZ01”/);
    expect((await getReportForm(core.db, p.id, a.id)).values.DT01).toBe('3');
    expect((await reportHistory(core.db, p.id, a.id)).revisions).toHaveLength(1);
  });

  it('shows a zero-denominator rate as null ("—"), never NaN', async () => {
    const { a, p } = await setup();
    const form = await save(p.id, a.id, { DT02: '0', DT03: '0' });
    expect(form.computed.DT04).toBeNull();
  });

  it('records breaches, requires a reason before submitting, and keeps the reason in history', async () => {
    const { a, p } = await setup();
    let form = await save(p.id, a.id, { DT02: '10', DT03: '12' });
    const breach = form.checks.find((c) => c.expression === 'DT03 <= DT02')!;
    expect(breach).toMatchObject({ holds: false, detail: 'DT03 (12) ≤ DT02 (10)', reason: '' });
    expect(form.checks.find((c) => c.expression === 'DN04 <= DN03')!.holds).toBeNull();
    await expectAppError(
      move(p.id, a.id, 'da_nop'),
      /vi phạm 1 quy tắc mà chưa ghi lý do \(DT03 \(12\) ≤ DT02 \(10\)\)/,
    );
    form = await save(p.id, a.id, {}, { 'DT03 <= DT02': 'Có 2 ý kiến tồn từ kỳ trước được giải quyết trong kỳ.' });
    expect(form.checks[0]!.reason).toMatch(/tồn từ kỳ trước/);
    form = await move(p.id, a.id, 'da_nop', { receivedDate: '2025-06-16', channel: 'paper' });
    expect(form.report).toMatchObject({ status: 'da_nop', receivedDate: '2025-06-16', channel: 'paper' });
    const h = await reportHistory(core.db, p.id, a.id);
    expect(h.revisions[1]!.changes).toEqual([
      { key: 'lydo:DT03 <= DT02', oldValue: null, newValue: 'Có 2 ý kiến tồn từ kỳ trước được giải quyết trong kỳ.' },
    ]);
  });

  it('moves only along the allowed transitions', async () => {
    const { a, p } = await setup();
    const allowed = new Set(Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`)));
    expect([...allowed].sort()).toEqual([
      'chua_nop>dang_nhap',
      'da_duyet>da_nop',
      'da_nop>da_duyet',
      'da_nop>tra_lai',
      'dang_nhap>da_nop',
      'tra_lai>da_nop',
      'tra_lai>dang_nhap',
    ]);
    for (const from of REPORT_STATUSES)
      for (const to of REPORT_STATUSES) expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
    await expectAppError(move(p.id, a.id, 'da_nop'), /từ “Chưa nộp” sang “Đã nộp”; chỉ có thể chuyển sang “Đang nhập”/);
    await expectAppError(move(p.id, a.id, 'da_duyet'), /Không chuyển được/);
    await save(p.id, a.id, { DT01: '1' });
    expect((await getReportForm(core.db, p.id, a.id)).report.status).toBe('dang_nhap');
    await move(p.id, a.id, 'da_nop', { receivedDate: '2025-06-20' });
    await expectAppError(save(p.id, a.id, { DT01: '2' }), /trạng thái “Đã nộp” nên không sửa được/);
    await expectAppError(move(p.id, a.id, 'tra_lai'), /phải ghi lý do trả lại/);
    await move(p.id, a.id, 'tra_lai', { note: 'Thiếu số liệu tiếp công dân' });
    const form = await save(p.id, a.id, { TD01: '4' });
    expect(form.report.status).toBe('dang_nhap');
    await move(p.id, a.id, 'da_nop', { receivedDate: '2025-06-21' });
    await move(p.id, a.id, 'da_duyet');
    await expectAppError(move(p.id, a.id, 'tra_lai', { note: 'x' }), /chỉ có thể chuyển sang “Đã nộp”/);
    const h = await reportHistory(core.db, p.id, a.id);
    expect(h.events.map((e) => `${e.from}>${e.to}`)).toEqual([
      'chua_nop>dang_nhap',
      'dang_nhap>da_nop',
      'da_nop>tra_lai',
      'tra_lai>dang_nhap',
      'dang_nhap>da_nop',
      'da_nop>da_duyet',
    ]);
    expect(h.events[2]).toMatchObject({ note: 'Thiếu số liệu tiếp công dân', actor: 'Chuyên viên B' });
  });

  it('keeps an append-only history that rebuilds any revision', async () => {
    const { a, p } = await setup();
    await save(p.id, a.id, { DT01: '1', DT02: '10' }, {}, 'Người 1');
    await save(p.id, a.id, { DT01: '2', DT03: '5' }, {}, 'Người 2');
    await save(p.id, a.id, { DT02: null }, {}, 'Người 1');
    await save(p.id, a.id, { DT01: '2' }); // no change: no revision
    const h = await reportHistory(core.db, p.id, a.id);
    expect(h.revisions.map((r) => [r.number, r.actor])).toEqual([
      [1, 'Người 1'],
      [2, 'Người 2'],
      [3, 'Người 1'],
    ]);
    expect(h.revisions[1]!.changes).toEqual([
      { key: 'DT01', oldValue: '1', newValue: '2' },
      { key: 'DT03', oldValue: null, newValue: '5' },
    ]);
    expect(await reportSnapshot(core.db, p.id, a.id, 0)).toEqual({});
    expect(await reportSnapshot(core.db, p.id, a.id, 1)).toEqual({ DT01: '1', DT02: '10' });
    expect(await reportSnapshot(core.db, p.id, a.id, 2)).toEqual({ DT01: '2', DT02: '10', DT03: '5' });
    expect(await reportSnapshot(core.db, p.id, a.id, 3)).toEqual((await getReportForm(core.db, p.id, a.id)).values);
    await expectAppError(reportSnapshot(core.db, p.id, a.id, 9), /chưa có lần sửa thứ 9/);
    // The database itself refuses (a trigger on either engine), whoever asks.
    await expect(sql`UPDATE report_value_changes SET new_value = '99'`.execute(core.db)).rejects.toThrow(
      /chỉ được ghi thêm/,
    );
    await expect(sql`DELETE FROM report_revisions`.execute(core.db)).rejects.toThrow(/chỉ được ghi thêm/);
    await expect(sql`DELETE FROM report_events`.execute(core.db)).rejects.toThrow(/chỉ được ghi thêm/);
    await expectAppError(deletePeriod(core.db, p.id), /đã có 1 báo cáo/);
  });

  it('refuses a unit that is not expected', async () => {
    const { p } = await setup();
    const other = await unit('XA', 'su_nghiep');
    await expectAppError(save(p.id, other.id, { DT01: '1' }), /không thuộc danh sách phải báo cáo/);
  });
});

describe('board', () => {
  it('counts on time, late, missing, returned and approved; rates = actual / expected', async () => {
    const [a, b, c, d, e] = [await unit('A'), await unit('B'), await unit('C'), await unit('D'), await unit('E')];
    const templateId = await defaultTemplateId();
    const p = await createPeriod(core.db, period({ templateId, deadline: '2025-06-20' }));
    await save(p.id, a.id, { DT01: '1' });
    await move(p.id, a.id, 'da_nop', { receivedDate: '2025-06-18' }); // on time
    await save(p.id, b.id, { DT01: '1' });
    await move(p.id, b.id, 'da_nop', { receivedDate: '2025-06-25' }); // late by 5 days
    await save(p.id, c.id, { DT01: '1' });
    await move(p.id, c.id, 'da_nop', { receivedDate: '2025-06-20' });
    await move(p.id, c.id, 'da_duyet'); // approved, on time
    await save(p.id, d.id, { DT01: '1', DT02: '1', DT03: '3' }, { 'DT03 <= DT02': 'Số liệu cộng dồn' });
    await move(p.id, d.id, 'da_nop', { receivedDate: '2025-06-19' });
    await move(p.id, d.id, 'tra_lai', { note: 'Sai số' }); // returned
    // Today: the approval and the return (done today) count; as of 30/06/2025 they had not happened.
    const board = await periodBoard(core.db, p.id);
    const byCode = Object.fromEntries(board.rows.map((r) => [r.unitCode, r]));
    expect(byCode.A).toMatchObject({ status: 'da_nop', timeliness: 'dung_han', label: 'Đã nộp đúng hạn' });
    expect(byCode.B).toMatchObject({ status: 'da_nop', timeliness: 'muon', daysLate: 5, label: 'Đã nộp muộn' });
    expect(byCode.C).toMatchObject({ status: 'da_duyet', timeliness: 'dung_han' });
    expect(byCode.D).toMatchObject({ status: 'tra_lai', overdue: true, breachCount: 1, label: 'Trả lại, quá hạn' });
    expect(byCode.E).toMatchObject({ status: 'chua_nop', overdue: true, label: 'Chưa nộp, quá hạn' });
    expect(board.counts).toMatchObject({
      expected: 5,
      received: 3,
      onTime: 2,
      late: 1,
      notReceived: 2,
      chua_nop: 1,
      tra_lai: 1,
      da_duyet: 1,
      reportingRate: '60',
      onTimeRate: '40',
    });
    expect(board.daysLeft).toBe(daysBetween(todayIso(), '2025-06-20'));
    const then = await periodBoard(core.db, p.id, '2025-06-30');
    expect(then.daysLeft).toBe(-10);
    expect(then.counts).toMatchObject({ received: 4, da_nop: 4, da_duyet: 0, tra_lai: 0, notReceived: 1 });
    const before = await periodBoard(core.db, p.id, '2025-06-17');
    expect(before.daysLeft).toBe(3);
    expect(before.rows.find((r) => r.unitId === e.id)!.status).toBe('chua_nop');
    const trend = await reportingTrend(core.db, 8, '2025-06-30');
    expect(trend).toEqual([expect.objectContaining({ periodId: p.id, expected: 5, actual: 4, reportingRate: '80' })]);
  });

  it('is reachable through the typed contract (dispatch), with Vietnamese errors as data', async () => {
    const dispatch = createDispatch(core);
    const r = await dispatch('periods.create', {
      type: 'half',
      year: 2025,
      templateId: await defaultTemplateId(),
      expected: { mode: 'kinds', kinds: [] },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Chọn ít nhất một loại đơn vị/);
    const list = await dispatch('templates.list', undefined);
    expect(list.ok).toBe(true);
    await sql`SELECT 1`.execute(core.db);
  });
});
