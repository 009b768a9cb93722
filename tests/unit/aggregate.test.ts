// The aggregation rules on small fixtures whose expected results were computed by hand.
import { describe, expect, it } from 'vitest';
import { aggregate, overlappingPeriods } from '../../src/shared/domain/aggregate';
import { compareAggregations, evaluateTargets } from '../../src/shared/domain/aggregate-compare';
import { type AggPeriod, type AggUnit } from '../../src/shared/domain/aggregate-figures';
import type { TemplateIndicator } from '../../src/shared/model/template';
import type { PlanTarget } from '../../src/shared/model/plan';

const ind = (code: string, over: Partial<TemplateIndicator> = {}): TemplateIndicator => ({
  code,
  name: `Chỉ số ${code}`,
  unit: 'cuộc',
  type: 'count',
  rule: 'SUM',
  numerator: null,
  denominator: null,
  accumulation: 'period',
  group: 'Nhóm',
  ...over,
});

const INDICATORS: TemplateIndicator[] = [
  ind('C1'),
  ind('C2', { type: 'amount', unit: 'triệu đồng' }),
  ind('N'),
  ind('D'),
  ind('R', { type: 'percent', rule: 'RATE', numerator: 'N', denominator: 'D', unit: '%' }),
  ind('Y', { type: 'yesno', rule: 'SHARE', unit: '' }),
  ind('K', { accumulation: 'cumulative', unit: 'mô hình' }),
  ind('T', { type: 'text', rule: 'TEXT', unit: '' }),
];

const UNITS: AggUnit[] = [
  { id: 1, code: 'A', name: 'Sở A', kind: 'so_nganh' },
  { id: 2, code: 'B', name: 'Sở B', kind: 'so_nganh' },
  { id: 3, code: 'C', name: 'UBND xã C', kind: 'ubnd_xa' },
  { id: 5, code: 'E', name: 'UBND xã E', kind: 'ubnd_xa' },
  { id: 6, code: 'F', name: 'Ban F', kind: 'khac' },
];

const period = (over: Partial<AggPeriod>): AggPeriod => ({
  id: 1,
  name: '6 tháng đầu năm 2025',
  windowStart: '2024-12-15',
  windowEnd: '2025-06-14',
  deadline: '2025-06-20',
  indicators: INDICATORS,
  templateLabel: 'Mẫu M, phiên bản 1',
  expectedUnitIds: [1, 2, 3, 5],
  reports: [],
  ...over,
});

const H1 = period({
  reports: [
    {
      unitId: 1,
      status: 'da_nop',
      receivedDate: '2025-06-18',
      values: { C1: '10', C2: '0.1', N: '9', D: '10', Y: '1', K: '5', T: 'Ý kiến của A' },
    },
    {
      unitId: 2,
      status: 'da_duyet',
      receivedDate: '2025-06-23',
      values: { C1: '5', C2: '0.2', N: '1', D: '100', Y: '0', K: '3' },
    },
    // Still being typed: does not count.
    { unitId: 3, status: 'dang_nhap', receivedDate: null, values: { C1: '100', Y: '1' } },
    // Not expected on the cut-off day (closed), but it did report: its numbers count, not in shares.
    { unitId: 6, status: 'da_nop', receivedDate: '2025-06-19', values: { C1: '1', N: '0', D: '0', Y: '1' } },
  ],
});

const byCode = (agg: ReturnType<typeof aggregate>, code: string) => agg.indicators.find((i) => i.code === code)!;

describe('aggregation rules', () => {
  const agg = aggregate([H1], UNITS, '2025-07-01');

  it('SUM adds only counted reports (sent or approved), exactly', () => {
    expect(byCode(agg, 'C1')).toMatchObject({ value: '16', reported: 3, expected: 4, missing: 2 });
    // 0,1 + 0,2 is exactly 0,3 (a float sum would give 0.30000000000000004).
    expect(byCode(agg, 'C2').value).toBe('0.3');
  });

  it('RATE is the summed numerator over the summed denominator, never the average of rates', () => {
    const r = byCode(agg, 'R');
    // (9 + 1 + 0) / (10 + 100 + 0) = 9,0909… → 9,09 %; the average of A's 90 % and B's 1 % would be 45,5 %.
    expect(r).toMatchObject({ value: '9.09', numerator: '10', denominator: '110' });
    const unitRates = agg.units.filter((u) => u.values['R'] !== null).map((u) => u.values['R']);
    expect(unitRates).toEqual(['90', '1']);
  });

  it('RATE with a zero denominator has no value (shown "—"), not 0 and not NaN', () => {
    const khac = byCode(agg, 'R').byKind.find((k) => k.kind === 'khac')!.figure;
    expect(khac).toMatchObject({ value: null, numerator: '0', denominator: '0' });
    expect(agg.units.find((u) => u.code === 'F')!.values['R']).toBeNull();
  });

  it('SHARE counts yes answers over the EXPECTED units and says how many did not answer', () => {
    // A says yes; B no; C is still typing and E never reported: 1 of 4 expected = 25 %.
    // F answered yes but was not expected: not in the share.
    expect(byCode(agg, 'Y')).toMatchObject({ value: '25', numerator: '1', denominator: '4', reported: 2, missing: 2 });
    const kinds = Object.fromEntries(byCode(agg, 'Y').byKind.map((k) => [k.kind, k.figure]));
    expect(kinds['so_nganh']).toMatchObject({ value: '50', numerator: '1', denominator: '2', missing: 0 });
    // Neither expected xã answered: no value rather than a misleading 0 %.
    expect(kinds['ubnd_xa']).toMatchObject({ value: null, numerator: '0', denominator: '2', missing: 2 });
    expect(kinds['khac']).toMatchObject({ value: null, denominator: '0' });
  });

  it('breaks totals down by unit kind with the same rules', () => {
    const c1 = Object.fromEntries(byCode(agg, 'C1').byKind.map((k) => [k.kind, k.figure.value]));
    expect(c1).toEqual({ so_nganh: '15', ubnd_xa: null, khac: '1' });
    const r = Object.fromEntries(byCode(agg, 'R').byKind.map((k) => [k.kind, k.figure.value]));
    expect(r).toEqual({ so_nganh: '9.09', ubnd_xa: null, khac: null });
  });

  it('TEXT answers are gathered with the unit name, in the units order', () => {
    expect(byCode(agg, 'T').texts).toEqual([
      { unitId: 1, unitName: 'Sở A', periodName: '6 tháng đầu năm 2025', text: 'Ý kiến của A' },
    ]);
    expect(byCode(agg, 'T')).toMatchObject({ value: null, reported: 1, missing: 3 });
  });

  it('reporting status: on time, late, missing (typing and returned are not reported)', () => {
    expect(agg.status).toMatchObject({
      expected: 4,
      reported: 2,
      onTime: 1,
      late: 1,
      missing: 2,
      lateUnits: ['Sở B'],
      missingUnits: ['UBND xã C', 'UBND xã E'],
    });
    expect(agg.units.find((u) => u.code === 'B')).toMatchObject({
      status: 'da_duyet',
      timeliness: 'muon',
      daysLate: 3,
      label: 'Đã duyệt, nộp muộn',
    });
    expect(agg.units.find((u) => u.code === 'E')).toMatchObject({
      status: 'chua_nop',
      overdue: true,
      label: 'Chưa nộp, quá hạn',
      expected: true,
    });
    // The board's counts, from the same model (breaches are not checked here: null).
    expect(agg.status.counts).toMatchObject({ expected: 4, received: 2, notReceived: 2, withBreaches: null });
    expect(agg.notes.join(' ')).toContain('Ban F');
  });
});

describe('windows of several periods', () => {
  const Q1 = period({
    id: 10,
    name: 'Quý I năm 2025',
    windowStart: '2024-12-15',
    windowEnd: '2025-03-14',
    deadline: '2025-03-20',
    reports: [
      { unitId: 1, status: 'da_nop', receivedDate: '2025-03-18', values: { C1: '4', N: '1', D: '2', K: '2', Y: '0' } },
      { unitId: 2, status: 'da_nop', receivedDate: '2025-03-18', values: { C1: '6', N: '3', D: '3', K: '1', Y: '1' } },
    ],
  });
  const Q2 = period({
    id: 11,
    name: 'Quý II năm 2025',
    windowStart: '2025-03-15',
    windowEnd: '2025-06-14',
    deadline: '2025-06-20',
    reports: [
      {
        unitId: 1,
        status: 'da_nop',
        receivedDate: '2025-06-18',
        values: { C1: '10', N: '5', D: '10', K: '5', Y: '1' },
      },
      { unitId: 2, status: 'da_nop', receivedDate: '2025-06-18', values: { C1: '5', N: '0', D: '5', K: '3', Y: '0' } },
    ],
  });
  const agg = aggregate([Q2, Q1], UNITS, '2025-07-01');

  it('adds per-period indicators across periods, takes cumulative ones from the last period', () => {
    expect(agg.periods.map((p) => p.id)).toEqual([10, 11]);
    expect(byCode(agg, 'C1').value).toBe('25');
    // Cumulative: Q2's 5 + 3, not Q1 + Q2 (11).
    expect(byCode(agg, 'K').value).toBe('8');
    // Rate over the window: (1 + 3 + 5 + 0) / (2 + 3 + 10 + 5) = 9 / 20 = 45 %.
    expect(byCode(agg, 'R')).toMatchObject({ value: '45', numerator: '9', denominator: '20' });
    // Yes/no is a state: the last period's answers (A yes, B no) over 4 expected.
    expect(byCode(agg, 'Y')).toMatchObject({ value: '25', numerator: '1' });
    expect(agg.units.find((u) => u.code === 'A')!.periodsCounted).toBe(2);
  });

  it('refuses overlapping periods (days counted twice)', () => {
    expect(overlappingPeriods([Q1, Q2])).toBeNull();
    expect(overlappingPeriods([Q2, H1])).toMatch(/trùng thời gian/);
  });

  it('names a template mix and maps by indicator code', () => {
    const older = period({
      ...Q1,
      templateLabel: 'Mẫu M, phiên bản 0',
      indicators: INDICATORS.filter((i) => i.code !== 'C2').concat(ind('OLD1')),
    });
    const mixed = aggregate([older, Q2], UNITS, '2025-07-01');
    expect(mixed.notes.join(' ')).toMatch(/2 mẫu báo cáo khác nhau/);
    expect(mixed.indicators.map((i) => i.code)).toContain('OLD1');
    expect(byCode(mixed, 'C1').value).toBe('25');
  });
});

describe('comparison and targets', () => {
  const cur = aggregate([H1], UNITS, '2025-07-01');
  const prevPeriod = period({
    id: 2,
    name: '6 tháng đầu năm 2024',
    reports: [
      { unitId: 1, status: 'da_nop', receivedDate: '2024-06-01', values: { C1: '20', N: '1', D: '4', Y: '1' } },
    ],
  });
  const prev = aggregate([prevPeriod], UNITS, '2025-07-01');

  it('compares with the same period last year, rates in percentage points', () => {
    const rows = Object.fromEntries(compareAggregations(cur, prev).map((r) => [r.code, r]));
    expect(rows['C1']).toMatchObject({ current: '16', previous: '20', delta: '-4' });
    expect(rows['R']).toMatchObject({ current: '9.09', previous: '25', delta: '-15.91' });
    expect(rows['C2']).toMatchObject({ previous: null, delta: null });
    expect(compareAggregations(cur, null)[0]!.note).toMatch(/Không có kỳ cùng kỳ/);
  });

  it('measures targets: met or not, by how much; a vanished indicator is named', () => {
    const t = (over: Partial<PlanTarget>): PlanTarget => ({
      text: 'Chỉ tiêu',
      indicatorCode: 'Y',
      comparator: 'tren',
      value: '80',
      valueUnit: '%',
      unitKinds: [],
      scope: over.valueUnit !== undefined && over.valueUnit !== '%' ? 'total' : 'rate',
      ...over,
    });
    const res = evaluateTargets(
      [
        t({}),
        t({ unitKinds: ['so_nganh'], value: '40' }),
        t({ indicatorCode: 'C1', comparator: 'bang', value: '100' }),
        t({ indicatorCode: 'ZZ99' }),
        t({ indicatorCode: 'C1', comparator: 'it_nhat', value: '12', valueUnit: 'cuộc' }),
      ],
      cur,
      INDICATORS,
    );
    expect(res[0]).toMatchObject({ actual: '25', met: false, gap: '-55' });
    expect(res[1]).toMatchObject({ actual: '50', met: true, gap: '10' });
    // "100% units organised one": A and B have C1 > 0 among 4 expected.
    expect(res[2]).toMatchObject({ actual: '50', met: false, gap: '-50' });
    expect(res[2]!.measure).toContain('2/4');
    expect(res[3]).toMatchObject({ met: null, actual: null });
    expect(res[3]!.problem).toMatch(/ZZ99.*không còn/);
    expect(res[4]).toMatchObject({ actual: '16', met: true, gap: '4' });
  });
});

describe('a period with no reports', () => {
  it('gives empty totals, everyone missing, and says so', () => {
    const agg = aggregate([period({ reports: [] })], UNITS, '2025-07-01');
    expect(byCode(agg, 'C1')).toMatchObject({ value: null, reported: 0, missing: 4 });
    expect(byCode(agg, 'R').value).toBeNull();
    expect(byCode(agg, 'Y')).toMatchObject({ value: null, numerator: '0', denominator: '4', missing: 4 });
    expect(agg.status).toMatchObject({ expected: 4, reported: 0, missing: 4 });
    expect(agg.notes[0]).toMatch(/chưa có báo cáo nào/);
  });
});
