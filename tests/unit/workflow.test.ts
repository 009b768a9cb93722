// Issue 13, "the workflow tells the truth": who was expected (validity in time, frozen lists), who
// reported and when (received dates, as-of views), what was approved (accept, return, reopen), and
// the rules around them (unique codes, impossible periods). Everything through the contract.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { CallError, addUnits, apiOf, sendReport, templateId, thisYear, unitData, type Api } from './workflow-helpers';
import { todayIso } from '../../src/shared/format';
import { addDays } from '../../src/shared/domain/periods';
import { filterCount, matchesFilter, statusAsOf } from '../../src/shared/domain/report-status';
import { BOARD_FILTERS } from '../../src/shared/model/report';
import { isActiveOn } from '../../src/shared/domain/validity';

let core: Core;
let api: Api;
beforeEach(async () => {
  core = await freshCore();
  api = apiOf(core);
});
afterEach(async () => {
  await core.close();
});

const refused = async (p: Promise<unknown>, code: string, message?: RegExp) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CallError);
  expect((err as CallError).data.code).toBe(code);
  if (message) expect((err as CallError).message).toMatch(message);
  return err as CallError;
};

const lastYear = thisYear - 1;
const kinds = { mode: 'kinds' as const, kinds: ['ubnd_xa' as const] };

/** A unit workbook of `n` new units (codes N0001…), as a user would prepare it. */
async function unitBook(n: number): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã', 'Tên đơn vị', 'Loại']);
  for (let i = 1; i <= n; i++) ws.addRow([`N${String(i).padStart(4, '0')}`, `Xã mới số ${i}`, 'UBND xã']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('validity in time', () => {
  it('closing from a day takes effect that day: the list, new periods and new scoring rounds', async () => {
    const today = todayIso();
    expect(isActiveOn({ activeFrom: null, activeTo: today }, today)).toBe(false);
    expect(isActiveOn({ activeFrom: null, activeTo: today }, addDays(today, -1))).toBe(true);
    const [a, b] = await addUnits(api, 2);
    await api('units.close', { id: a!, date: today });
    const listed = await api('units.list', { includeClosed: true });
    expect(listed.find((u) => u.id === a)!.isActive).toBe(false);
    expect((await api('units.list', {})).map((u) => u.id)).toEqual([b]);
    // A period whose cut-off is on or after the closing day does not expect it.
    const preview = await api('periods.preview', {
      type: 'year',
      year: thisYear + 1,
      templateId: await templateId(core),
      expected: kinds,
    });
    expect(preview.expectedUnits.map((u) => u.id)).toEqual([b]);
    expect(preview.notValidOnCutoff.map((u) => u.id)).toEqual([a]);
    const set = (await api('scoring.sets.list', undefined))[0]!;
    const round = await api('scoring.rounds.create', { year: thisYear, setId: set.id });
    expect(round.units.map((u) => u.unitId)).toEqual([b]);
  });

  it('a new unit reports from the day it is created unless its first day is given', async () => {
    const { activeFrom: omitted, ...rest } = unitData('A1', 'Xã A');
    void omitted;
    const a = await api('units.create', rest);
    expect(a.activeFrom).toBe(todayIso());
    const b = await api('units.create', unitData('B1', 'Xã B', 'ubnd_xa', null));
    expect(b.activeFrom).toBeNull();
    const c = await api('units.create', unitData('C1', 'Xã C', 'ubnd_xa', `${lastYear}-01-01`));
    expect(c.activeFrom).toBe(`${lastYear}-01-01`);
    // A period of last year expects only the units valid on its cut-off.
    const p = await api('periods.preview', {
      type: 'half',
      year: lastYear,
      templateId: await templateId(core),
      expected: kinds,
    });
    expect(p.expectedUnits.map((u) => u.code)).toEqual(['B1', 'C1']);
    expect(p.notValidOnCutoff).toEqual([
      expect.objectContaining({ code: 'A1', reason: expect.stringMatching(/^bắt đầu hoạt động từ/) }),
    ]);
    // Closing before the first day is refused; editing keeps the first day when not sent.
    await refused(api('units.close', { id: c.id, date: `${lastYear - 1}-12-31` }), 'BAD_DATE', /không được trước/);
    const edited = await api('units.update', { id: a.id, unit: { ...rest, name: 'Xã A mới' } });
    expect(edited.activeFrom).toBe(todayIso());
  });
});

describe('expected lists freeze when the data window closes', () => {
  it('a period closed before a 1,000-unit import keeps its counts; the update shows the difference, asks a reason and is audited', async () => {
    const ids = await addUnits(api, 21);
    const tpl = await templateId(core);
    const half = await api('periods.create', { type: 'half', year: lastYear, templateId: tpl, expected: kinds });
    expect(half.expectedFrozenAt).not.toBeNull();
    const received = `${lastYear}-06-16`;
    for (const id of ids.slice(0, 8)) await sendReport(api, half.id, id, { DT01: 3 }, received);
    const before = await api('dashboard.board', { periodId: half.id });
    expect([before.counts.expected, before.counts.received]).toEqual([21, 8]);

    const imported = await api('units.importCommit', { fileName: 'don-vi.xlsx', data: await unitBook(1000) });
    expect(imported.created).toBe(1000);

    const after = await api('dashboard.board', { periodId: half.id });
    expect([after.counts.expected, after.counts.received, after.rows.length]).toEqual([21, 8, 21]);
    const compiled = await api('compile.show', { periodIds: [half.id], compareIds: [] });
    expect([compiled.current.status.expected, compiled.current.status.reported]).toEqual([21, 8]);
    expect((await api('periods.list', undefined)).find((p) => p.id === half.id)!.expectedCount).toBe(21);
    // A period created now for an older window does not expect units created today either.
    const q3 = await api('periods.create', {
      type: 'quarter',
      year: lastYear,
      index: 3,
      templateId: tpl,
      expected: kinds,
    });
    expect((await api('periods.expectedUnits', { id: q3.id })).length).toBe(21);
    // A period whose cut-off is still ahead expects them all.
    const next = await api('periods.create', { type: 'year', year: thisYear + 1, templateId: tpl, expected: kinds });
    expect(next.expectedFrozenAt).toBeNull();
    expect((await api('periods.expectedUnits', { id: next.id })).length).toBe(1021);

    // A unit closed back in time leaves the register's list, not the frozen one, until updated.
    await api('units.close', { id: ids[20]!, date: `${lastYear - 1}-12-01` });
    expect((await api('dashboard.board', { periodId: half.id })).counts.expected).toBe(21);
    const diff = await api('periods.expectedDiff', { id: half.id });
    expect(diff.added).toEqual([]);
    expect(diff.removed.map((u) => u.id)).toEqual([ids[20]]);
    expect(diff.history.map((h) => h.kind)).toEqual(['frozen']);
    await refused(
      api('periods.updateExpected', { id: half.id, remove: [ids[20]!], reason: '' }),
      'INVALID_ARGS',
      /Lý do cập nhật danh sách/,
    );
    await refused(
      api('periods.updateExpected', { id: half.id, remove: [ids[0]!], reason: 'Nhầm' }),
      'STALE_DIFF',
      /chênh lệch/,
    );
    const updated = await api('periods.updateExpected', {
      id: half.id,
      remove: [ids[20]!],
      reason: 'Xã số 21 sáp nhập trước ngày chốt số liệu',
      actor: 'Chuyên viên A',
    });
    expect(updated.current.length).toBe(20);
    expect(updated.history.at(-1)).toMatchObject({ kind: 'expected_updated', actor: 'Chuyên viên A' });
    expect(updated.history.at(-1)!.note).toMatch(/21 → 20 đơn vị\. Bỏ 1: Xã số 21\. Lý do: Xã số 21 sáp nhập/);
    expect((await api('dashboard.board', { periodId: half.id })).counts.expected).toBe(20);
    const audit = await core.db
      .selectFrom('audit_log')
      .select('action')
      .where('table_name', '=', 'period_expected')
      .where('action', '=', 'delete')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('one status model', () => {
  it('a received report with a breach is received and flagged; board cards, filters and counts agree', async () => {
    const ids = await addUnits(api, 5);
    const p = await api('periods.create', {
      type: 'half',
      year: lastYear,
      templateId: await templateId(core),
      expected: kinds,
    });
    const d = p.deadline;
    await sendReport(api, p.id, ids[0]!, { DT01: 1, DT02: 5, DT03: 2 }, addDays(d, -1));
    await sendReport(api, p.id, ids[1]!, { DT01: 1, DT02: 1, DT03: 9 }, addDays(d, 3), true); // breach, late
    await sendReport(api, p.id, ids[2]!, { DT01: 2 }, null); // đang nhập
    await sendReport(api, p.id, ids[3]!, { DT01: 2 }, d);
    await api('reports.accept', { periodId: p.id, unitId: ids[3]! });
    const b = await api('dashboard.board', { periodId: p.id });
    const row = (id: number) => b.rows.find((r) => r.unitId === id)!;
    expect(row(ids[1]!)).toMatchObject({
      status: 'da_nop',
      timeliness: 'muon',
      daysLate: 3,
      breachCount: 1,
      label: 'Đã nộp muộn',
    });
    expect(row(ids[2]!)).toMatchObject({ status: 'dang_nhap', overdue: true, label: 'Đang nhập, quá hạn' });
    expect(row(ids[3]!)).toMatchObject({ status: 'da_duyet', timeliness: 'dung_han', label: 'Đã duyệt, nộp đúng hạn' });
    expect(b.counts).toMatchObject({
      expected: 5,
      received: 3,
      onTime: 2,
      late: 1,
      notReceived: 2,
      chua_nop: 1,
      dang_nhap: 1,
      da_nop: 2,
      da_duyet: 1,
      overdue: 2,
      withBreaches: 1,
      reportingRate: '60',
      onTimeRate: '40',
    });
    for (const f of BOARD_FILTERS)
      expect(b.rows.filter((r) => r.expected && matchesFilter(r, f)).length, f).toBe(filterCount(b.counts, f));
  });

  it('as of a day: a report received after it is not received; approval and return count from their day', () => {
    const events = [
      { to: 'dang_nhap' as const, onDate: '2025-07-01' },
      { to: 'da_nop' as const, onDate: '2025-06-25' },
      { to: 'tra_lai' as const, onDate: '2025-07-02' },
      { to: 'dang_nhap' as const, onDate: '2025-07-03' },
      { to: 'da_nop' as const, onDate: '2025-07-05' },
      { to: 'da_duyet' as const, onDate: '2025-07-06' },
    ];
    const fact = { status: 'da_duyet' as const, receivedDate: '2025-07-05', events };
    expect(statusAsOf(fact, '2025-06-24')).toEqual({ status: 'chua_nop', receivedDate: null });
    expect(statusAsOf(fact, '2025-06-30')).toEqual({ status: 'da_nop', receivedDate: '2025-06-25' });
    expect(statusAsOf(fact, '2025-07-02').status).toBe('tra_lai');
    expect(statusAsOf(fact, '2025-07-05')).toEqual({ status: 'da_nop', receivedDate: '2025-07-05' });
    expect(statusAsOf(fact, '2025-07-06')).toEqual({ status: 'da_duyet', receivedDate: '2025-07-05' });
    // Older data without events: judged on the row.
    expect(statusAsOf({ status: 'da_nop', receivedDate: '2025-07-05', events: [] }, '2025-07-01').status).toBe(
      'chua_nop',
    );
  });

  it('every status view answers as of a day: board, trend, compile', async () => {
    const ids = await addUnits(api, 2);
    const p = await api('periods.create', {
      type: 'half',
      year: lastYear,
      templateId: await templateId(core),
      expected: kinds,
    });
    const late = addDays(p.deadline, 10);
    await sendReport(api, p.id, ids[0]!, { DT01: 4 }, late);
    const early = await api('dashboard.board', { periodId: p.id, asOf: addDays(late, -1) });
    expect(early.counts).toMatchObject({ received: 0, overdue: 2 });
    expect(early.rows[0]).toMatchObject({ status: 'chua_nop', receivedDate: null, overdue: true });
    const then = await api('dashboard.board', { periodId: p.id, asOf: late });
    expect(then.counts).toMatchObject({ received: 1, late: 1 });
    const trend = await api('dashboard.trend', { asOf: addDays(late, -1) });
    expect(trend.find((t) => t.periodId === p.id)!.actual).toBe(0);
    const compiled = await api('compile.show', { periodIds: [p.id], compareIds: [], today: addDays(late, -1) });
    expect(compiled.current.status.reported).toBe(0);
    expect(compiled.current.indicators.find((i) => i.code === 'DT01')!.value).toBeNull();
    const now = await api('compile.show', { periodIds: [p.id], compareIds: [] });
    expect(now.current.status.counts).toMatchObject({ received: 1, late: 1, expected: 2 });
  });
});

describe('approval (accept, return, reopen)', () => {
  it('moves only with what each step needs, locks when accepted, and keeps every step in the history and audit log', async () => {
    const [u] = await addUnits(api, 1);
    const p = await api('periods.create', {
      type: 'half',
      year: lastYear,
      templateId: await templateId(core),
      expected: kinds,
    });
    await api('reports.save', {
      periodId: p.id,
      unitId: u!,
      values: [
        { key: 'DT02', input: 1 },
        { key: 'DT03', input: 5 },
      ],
    });
    const breach = await refused(api('reports.submit', { periodId: p.id, unitId: u! }), 'BREACH_UNEXPLAINED');
    expect(breach.data.details?.[0]?.message).toMatch(/DT03/);
    await refused(
      api('reports.submit', { periodId: p.id, unitId: u!, receivedDate: addDays(todayIso(), 1) }),
      'BREACH_UNEXPLAINED',
    );
    await api('reports.save', {
      periodId: p.id,
      unitId: u!,
      values: [],
      reasons: [{ expression: 'DT03 <= DT02', reason: 'Có ý kiến tồn từ kỳ trước' }],
    });
    await refused(
      api('reports.submit', { periodId: p.id, unitId: u!, receivedDate: addDays(todayIso(), 1) }),
      'BAD_DATE',
      /sau hôm nay/,
    );
    await api('reports.submit', { periodId: p.id, unitId: u!, receivedDate: `${lastYear}-06-18` });
    await refused(api('reports.reopen', { periodId: p.id, unitId: u!, reason: 'x' }), 'BAD_TRANSITION', /mở lại/);
    const accepted = await api('reports.accept', { periodId: p.id, unitId: u!, actor: 'Trưởng phòng' });
    expect(accepted.report.status).toBe('da_duyet');
    expect(accepted.allowed).toEqual(['da_nop']);
    await refused(
      api('reports.save', { periodId: p.id, unitId: u!, values: [{ key: 'DT01', input: 1 }] }),
      'NOT_EDITABLE',
    );
    await refused(api('reports.reopen', { periodId: p.id, unitId: u!, reason: '' }), 'INVALID_ARGS');
    const reopened = await api('reports.reopen', { periodId: p.id, unitId: u!, reason: 'Cần đối chiếu số liệu' });
    expect(reopened.report).toMatchObject({ status: 'da_nop', receivedDate: `${lastYear}-06-18` });
    const returned = await api('reports.return', { periodId: p.id, unitId: u!, reason: 'Sai số DT03' });
    expect(returned.report.status).toBe('tra_lai');
    const fixed = await api('reports.save', { periodId: p.id, unitId: u!, values: [{ key: 'DT03', input: 1 }] });
    expect(fixed.report).toMatchObject({ status: 'dang_nhap', revision: 3 });
    const h = await api('reports.history', { periodId: p.id, unitId: u! });
    expect(h.events.map((e) => `${e.from}>${e.to}`)).toEqual([
      'chua_nop>dang_nhap',
      'dang_nhap>da_nop',
      'da_nop>da_duyet',
      'da_duyet>da_nop',
      'da_nop>tra_lai',
      'tra_lai>dang_nhap',
    ]);
    expect(h.events[1]!.note).toBe(`Ngày nhận 18/06/${lastYear}`);
    expect(h.events[3]!.note).toBe('Mở lại: Cần đối chiếu số liệu');
    expect(h.events[4]!.note).toBe('Sai số DT03');
    const logged = await core.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('table_name', '=', 'report_events')
      .where('action', '=', 'insert')
      .executeTakeFirstOrThrow();
    expect(logged.n).toBe(6);
  });
});

describe('codes and periods', () => {
  it('unit codes are unique after NFC and case folding', async () => {
    await api('units.create', unitData('UBND-PX1', 'Phường 1'));
    await refused(api('units.create', unitData('ubnd-px1', 'Phường một')), 'DUPLICATE_CODE', /không phân biệt chữ hoa/);
    const decomposed = 'XÃ-A'.normalize('NFD');
    await api('units.create', unitData('xã-a', 'Xã A'));
    await refused(api('units.create', unitData(decomposed, 'Xã A khác')), 'DUPLICATE_CODE');
  });

  it('refuses duplicate periods and impossible choices; the second half-year is its own period', async () => {
    await addUnits(api, 1);
    const tpl = await templateId(core);
    await api('periods.create', { type: 'half', year: lastYear, templateId: tpl, expected: kinds });
    await refused(
      api('periods.create', { type: 'half', year: lastYear, templateId: tpl, expected: kinds }),
      'PERIOD_INVALID',
      /Đã có kỳ “6 tháng đầu năm/,
    );
    await refused(
      api('periods.create', { type: 'half', year: lastYear, index: 3, templateId: tpl, expected: kinds }),
      'PERIOD_INVALID',
      /không có kỳ thứ 3/,
    );
    await refused(
      api('periods.create', { type: 'year', year: lastYear, index: 2, templateId: tpl, expected: kinds }),
      'PERIOD_INVALID',
      /không chọn tháng, quý/,
    );
    const second = await api('periods.create', {
      type: 'half',
      year: lastYear,
      index: 2,
      templateId: tpl,
      expected: kinds,
    });
    expect(second).toMatchObject({
      name: `6 tháng cuối năm ${lastYear}`,
      index: 2,
      windowStart: `${lastYear}-06-15`,
      windowEnd: `${lastYear}-12-14`,
    });
    await refused(
      api('periods.create', { type: 'half', year: lastYear, index: 2, templateId: tpl, expected: kinds }),
      'PERIOD_INVALID',
      /Đã có kỳ “6 tháng cuối năm/,
    );
  });
});
