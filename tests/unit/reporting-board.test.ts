// The board (Tổng quan) over periods and units' reports, on a fresh database each time.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDispatch } from '../../src/main/dispatch';
import { createPeriod } from '../../src/main/features/periods/periods';
import { periodBoard, reportingTrend } from '../../src/main/features/reports/board';
import { daysBetween } from '../../src/shared/domain/periods';
import { todayIso } from '../../src/shared/format';
import { core, period, save, move, unit, defaultTemplateId, useReportingCase } from './reporting-case';

useReportingCase();

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
