// Periods and their expected units, and units' reports, on a fresh database each time.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { closeUnit, mergeUnits } from '../../src/main/features/units/units';
import { createPeriod, deletePeriod, periodExpectedUnits } from '../../src/main/features/periods/periods';
import {
  canTransition,
  getReportForm,
  reportHistory,
  reportSnapshot,
  TRANSITIONS,
} from '../../src/main/features/reports/reports';
import { REPORT_STATUSES } from '../../src/shared/model/report';
import { core, period, save, move, unit, defaultTemplateId, expectAppError, useReportingCase } from './reporting-case';

useReportingCase();

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
