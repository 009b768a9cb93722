// The one owner of the aggregation rules (DOMAIN.md, "Aggregation rules that are easy to get
// wrong"). Pure and exact: values are canonical decimal strings, never floats.
//   SUM    the units' values added up.
//   RATE   recomputed from the summed numerator and the summed denominator — never an average of
//          the units' rates; a zero or empty denominator gives no value ("—").
//   SHARE  units answering yes over the units EXPECTED to report; those that did not answer are
//          counted in the denominator and stated.
//   NONE   not added up; TEXT gathered with the unit's name in front, in the units' order.
// Over a window of several periods: per-period indicators are added across the periods;
// cumulative indicators (since the start of the year) and yes/no answers are taken from the LAST
// period of the window, never added across periods.
import { addDec, compareDec, ratePercent, subDec } from './decimal';
import { COUNTED_STATUSES, type Aggregation, type ComparisonRow, type Figure, type IndicatorTotal, type ReportingStatus, type TargetResult, type UnitLine } from './model/compile';
import type { BoardState, ReportStatus, ValueMap } from './model/report';
import type { TemplateIndicator } from './model/template';
import { UNIT_KINDS, type UnitKind } from './model/unit';
import type { Comparator, PlanTarget } from './model/plan';
import { COMPARATOR_LABELS } from './model/plan';
import { daysBetween } from './periods';

export interface AggUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface AggReport {
  unitId: number;
  status: ReportStatus;
  receivedDate: string | null;
  values: ValueMap;
}

export interface AggPeriod {
  id: number;
  name: string;
  windowStart: string;
  windowEnd: string;
  deadline: string;
  /** The indicators of the period's own template (versions may differ between periods). */
  indicators: TemplateIndicator[];
  /** "Mẫu X, phiên bản 2": named in the note when periods use different templates. */
  templateLabel: string;
  expectedUnitIds: number[];
  reports: AggReport[];
}

const counted = (r: AggReport | undefined): r is AggReport => r !== undefined && COUNTED_STATUSES.includes(r.status);
const numeric = (i: TemplateIndicator) => i.type === 'count' || i.type === 'amount' || i.type === 'percent';

/** The indicators of a window: the last period's template, then codes only older ones had. */
export function windowIndicators(periods: AggPeriod[]): TemplateIndicator[] {
  const out: TemplateIndicator[] = [];
  const seen = new Set<string>();
  for (const p of [...periods].reverse()) {
    for (const i of p.indicators) {
      if (!seen.has(i.code)) {
        seen.add(i.code);
        out.push(i);
      }
    }
  }
  return out;
}

function sumOf(values: (string | null)[]): string | null {
  let acc: string | null = null;
  for (const v of values) if (v !== null) acc = acc === null ? v : addDec(acc, v);
  return acc;
}

type UnitValues = Map<number, Map<string, string | null>>;

/** Each unit's value of each indicator over the window. */
function unitValues(periods: AggPeriod[], indicators: TemplateIndicator[], units: AggUnit[]): UnitValues {
  const last = periods[periods.length - 1]!;
  const out: UnitValues = new Map();
  const byPeriod = periods.map((p) => new Map(p.reports.filter(counted).map((r) => [r.unitId, r])));
  const lastReports = byPeriod[byPeriod.length - 1]!;
  const plain = indicators.filter((i) => i.rule !== 'RATE');
  for (const u of units) {
    const m = new Map<string, string | null>();
    for (const ind of plain) {
      if (ind.type === 'text') continue;
      const fromLastOnly = ind.accumulation === 'cumulative' || ind.type === 'yesno' || !numeric(ind);
      if (fromLastOnly) {
        const r = lastReports.get(u.id);
        const v = r?.values[ind.code];
        m.set(ind.code, v === undefined || v === '' || !last.indicators.some((i) => i.code === ind.code) ? null : v);
      } else {
        m.set(ind.code, sumOf(byPeriod.map((reports) => reports.get(u.id)?.values[ind.code] ?? null).map((v) => (v === '' ? null : v))));
      }
    }
    for (const ind of indicators) {
      if (ind.rule !== 'RATE') continue;
      const n = ind.numerator ? (m.get(ind.numerator) ?? null) : null;
      const d = ind.denominator ? (m.get(ind.denominator) ?? null) : null;
      m.set(ind.code, n !== null && d !== null ? ratePercent(n, d) : null);
    }
    out.set(u.id, m);
  }
  return out;
}

/** The figure of one indicator over a set of units (all, or one kind). */
export function figureOf(ind: TemplateIndicator, units: AggUnit[], values: UnitValues, expected: Set<number>): Figure {
  const exp = units.filter((u) => expected.has(u.id));
  const val = (u: AggUnit, code: string) => values.get(u.id)?.get(code) ?? null;
  const base = { expected: exp.length };
  switch (ind.rule) {
    case 'SUM': {
      const vs = units.map((u) => val(u, ind.code));
      return { ...base, value: sumOf(vs), numerator: null, denominator: null, reported: vs.filter((v) => v !== null).length, missing: exp.filter((u) => val(u, ind.code) === null).length };
    }
    case 'RATE': {
      const num = sumOf(units.map((u) => (ind.numerator ? val(u, ind.numerator) : null)));
      const den = sumOf(units.map((u) => (ind.denominator ? val(u, ind.denominator) : null)));
      const has = (u: AggUnit) => ind.denominator !== null && val(u, ind.denominator) !== null;
      return {
        ...base,
        value: num !== null && den !== null ? ratePercent(num, den) : null,
        numerator: num,
        denominator: den,
        reported: units.filter(has).length,
        missing: exp.filter((u) => !has(u)).length,
      };
    }
    case 'SHARE': {
      const yes = exp.filter((u) => val(u, ind.code) === '1').length;
      const answered = exp.filter((u) => val(u, ind.code) !== null).length;
      return {
        ...base,
        // Nobody expected answered at all: no value ("—"), not 0 %.
        value: exp.length && answered ? ratePercent(String(yes), String(exp.length)) : null,
        numerator: String(yes),
        denominator: String(exp.length),
        reported: answered,
        missing: exp.length - answered,
      };
    }
    case 'NONE':
    case 'TEXT': {
      const has = (u: AggUnit) => val(u, ind.code) !== null;
      return { ...base, value: null, numerator: null, denominator: null, reported: units.filter(has).length, missing: exp.filter((u) => !has(u)).length };
    }
  }
}

function stateOf(status: ReportStatus, receivedDate: string | null, deadline: string, today: string): BoardState {
  switch (status) {
    case 'da_duyet':
      return 'da_duyet';
    case 'da_nop':
      return receivedDate !== null && receivedDate <= deadline ? 'dung_han' : 'muon';
    case 'tra_lai':
      return 'tra_lai';
    case 'dang_nhap':
      return today > deadline ? 'qua_han' : 'dang_nhap';
    case 'chua_nop':
      return today > deadline ? 'qua_han' : 'chua_nop';
  }
}

/**
 * Adds up a window of periods (one or several, in any order; they must not overlap).
 * `units` are every unit that was expected or reported, in the order the user chose.
 */
export function aggregate(periodsIn: AggPeriod[], units: AggUnit[], today: string): Aggregation {
  if (periodsIn.length === 0) throw new Error('aggregate: no period');
  const periods = [...periodsIn].sort((a, b) => a.windowEnd.localeCompare(b.windowEnd));
  const last = periods[periods.length - 1]!;
  const indicators = windowIndicators(periods);
  const expected = new Set(last.expectedUnitIds);
  const reportingUnitIds = new Set(periods.flatMap((p) => p.reports.filter(counted).map((r) => r.unitId)));
  const present = units.filter((u) => expected.has(u.id) || reportingUnitIds.has(u.id) || periods.some((p) => p.reports.some((r) => r.unitId === u.id)));
  const values = unitValues(periods, indicators, present);
  const notes: string[] = [];

  const totals: IndicatorTotal[] = indicators.map((ind) => {
    const fig = figureOf(ind, present, values, expected);
    const kinds = UNIT_KINDS.filter((k) => present.some((u) => u.kind === k));
    const texts =
      ind.type === 'text'
        ? periods.flatMap((p) =>
            present.flatMap((u) => {
              const r = p.reports.find((x) => x.unitId === u.id);
              const t = counted(r) ? r.values[ind.code] : undefined;
              return t ? [{ unitId: u.id, unitName: u.name, periodName: p.name, text: t }] : [];
            }),
          )
        : [];
    if (ind.type === 'text') {
      fig.reported = new Set(texts.map((t) => t.unitId)).size;
      fig.missing = present.filter((u) => expected.has(u.id) && !texts.some((t) => t.unitId === u.id)).length;
    }
    return {
      ...fig,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      type: ind.type,
      rule: ind.rule,
      accumulation: ind.accumulation,
      group: ind.group,
      numeratorCode: ind.numerator,
      denominatorCode: ind.denominator,
      byKind: kinds.map((kind) => ({ kind, figure: figureOf(ind, present.filter((u) => u.kind === kind), values, expected) })),
      texts,
    };
  });

  const lastReports = new Map(last.reports.map((r) => [r.unitId, r]));
  const lines: UnitLine[] = present.map((u) => {
    const r = lastReports.get(u.id);
    const status = r?.status ?? 'chua_nop';
    const receivedDate = r?.receivedDate ?? null;
    const submitted = COUNTED_STATUSES.includes(status);
    const m = values.get(u.id)!;
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      expected: expected.has(u.id),
      status,
      state: stateOf(status, receivedDate, last.deadline, today),
      receivedDate,
      daysLate: submitted && receivedDate && receivedDate > last.deadline ? daysBetween(last.deadline, receivedDate) : null,
      periodsCounted: periods.filter((p) => counted(p.reports.find((x) => x.unitId === u.id))).length,
      values: Object.fromEntries(indicators.filter((i) => i.type !== 'text').map((i) => [i.code, m.get(i.code) ?? null])),
    };
  });

  const exp = lines.filter((l) => l.expected);
  const reported = exp.filter((l) => COUNTED_STATUSES.includes(l.status));
  const late = reported.filter((l) => l.daysLate !== null);
  const status: ReportingStatus = {
    expected: exp.length,
    reported: reported.length,
    onTime: reported.length - late.length,
    late: late.length,
    missing: exp.length - reported.length,
    lateUnits: late.map((l) => l.name),
    missingUnits: exp.filter((l) => !COUNTED_STATUSES.includes(l.status)).map((l) => l.name),
  };

  for (const p of periods) {
    if (!p.reports.some(counted)) notes.push(`Kỳ "${p.name}" chưa có báo cáo nào đã nộp: số liệu của kỳ này đều trống.`);
  }
  const labels = [...new Set(periods.map((p) => p.templateLabel))];
  if (labels.length > 1) {
    notes.push(`Các kỳ đã chọn dùng ${labels.length} mẫu báo cáo khác nhau (${labels.join('; ')}): số liệu được ghép theo mã chỉ số; chỉ số không có trong mẫu của một kỳ thì kỳ đó để trống.`);
  }
  const outsiders = lines.filter((l) => !l.expected && l.periodsCounted > 0);
  if (outsiders.length) {
    notes.push(
      `${outsiders.length} đơn vị không thuộc danh sách phải báo cáo vào ngày chốt số liệu nhưng đã nộp báo cáo (${outsiders.map((l) => l.name).join(', ')}): số liệu của họ vẫn được cộng; tỷ lệ đơn vị chỉ tính trên đơn vị phải báo cáo.`,
    );
  }
  return {
    periods: periods.map((p) => ({ id: p.id, name: p.name, windowStart: p.windowStart, windowEnd: p.windowEnd, deadline: p.deadline })),
    indicators: totals,
    units: lines,
    status,
    notes,
  };
}

/** Refuses windows whose periods overlap (the same days would be added twice). */
export function overlappingPeriods(periods: Pick<AggPeriod, 'name' | 'windowStart' | 'windowEnd'>[]): string | null {
  const s = [...periods].sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  for (let i = 1; i < s.length; i++) {
    if (s[i]!.windowStart <= s[i - 1]!.windowEnd) return `Kỳ "${s[i - 1]!.name}" và kỳ "${s[i]!.name}" trùng thời gian số liệu: cộng chung sẽ tính hai lần. Hãy chọn các kỳ không chồng lên nhau.`;
  }
  return null;
}

/** This window against the same window last year, indicator by indicator. */
export function compareAggregations(current: Aggregation, previous: Aggregation | null): ComparisonRow[] {
  return current.indicators
    .filter((i) => i.rule !== 'TEXT' && i.rule !== 'NONE')
    .map((i) => {
      if (!previous) return { code: i.code, current: i.value, previous: null, delta: null, note: 'Không có kỳ cùng kỳ năm trước để so sánh.' };
      const p = previous.indicators.find((x) => x.code === i.code);
      if (!p) return { code: i.code, current: i.value, previous: null, delta: null, note: `Mẫu báo cáo của cùng kỳ năm trước không có chỉ số ${i.code}.` };
      const delta = i.value !== null && p.value !== null ? subDec(i.value, p.value) : null;
      return { code: i.code, current: i.value, previous: p.value, delta, note: delta === null ? 'Thiếu số liệu để so sánh.' : '' };
    });
}

function meets(actual: string, comparator: Comparator, target: string): boolean {
  const c = compareDec(actual, target);
  switch (comparator) {
    case 'tren':
      return c > 0;
    case 'it_nhat':
    case 'bang':
      return c >= 0;
    case 'duoi':
      return c < 0;
    case 'khong_qua':
      return c <= 0;
  }
}

/**
 * The plan's targets measured on the window. A target in "%" on a count (SUM) indicator is read as
 * the share of expected units with a value above zero ("100% tổ chức hội nghị đối thoại").
 * A target limited to some unit kinds is measured on those kinds only.
 */
export function evaluateTargets(targets: PlanTarget[], agg: Aggregation, indicators: TemplateIndicator[]): TargetResult[] {
  return targets.map((t) => {
    const base = { text: t.text, indicatorCode: t.indicatorCode, comparator: t.comparator, target: t.value, targetUnit: t.valueUnit };
    const none = (problem: string, measure = ''): TargetResult => ({ ...base, actual: null, measure, met: null, gap: null, problem });
    if (!t.indicatorCode) return none('Chỉ tiêu chưa gắn với chỉ số nào của mẫu báo cáo nên không tự đánh giá được.');
    const ind = indicators.find((i) => i.code === t.indicatorCode);
    if (!ind) return none(`Chỉ tiêu gắn với chỉ số ${t.indicatorCode} nhưng mẫu báo cáo không còn chỉ số này; hãy sửa chỉ tiêu trong văn bản chỉ đạo.`);
    const kinds = new Set(t.unitKinds);
    const lines = agg.units.filter((u) => kinds.size === 0 || kinds.has(u.kind));
    const scope = kinds.size ? ` (chỉ tính ${t.unitKinds.length} loại đơn vị đã chọn)` : '';
    const percentTarget = t.valueUnit.trim() === '%';
    let actual: string | null;
    let measure: string;
    if (ind.rule === 'SUM' && percentTarget) {
      const exp = lines.filter((u) => u.expected);
      const yes = exp.filter((u) => {
        const v = u.values[ind.code];
        return v !== null && v !== undefined && compareDec(v, '0') > 0;
      }).length;
      actual = exp.length ? ratePercent(String(yes), String(exp.length)) : null;
      measure = `${yes}/${exp.length} đơn vị phải báo cáo có ${ind.name.toLocaleLowerCase('vi')}${scope}`;
    } else if (ind.rule === 'SUM' || ind.rule === 'RATE' || ind.rule === 'SHARE') {
      const units = lines.map((u) => ({ id: u.unitId, code: u.code, name: u.name, kind: u.kind }));
      const values: UnitValues = new Map(lines.map((u) => [u.unitId, new Map(Object.entries(u.values))]));
      const fig = figureOf(ind, units, values, new Set(lines.filter((u) => u.expected).map((u) => u.unitId)));
      actual = fig.value;
      measure =
        ind.rule === 'SHARE'
          ? `${fig.numerator}/${fig.denominator} đơn vị phải báo cáo trả lời "Có"${fig.missing ? `, ${fig.missing} đơn vị chưa báo cáo` : ''}${scope}`
          : ind.rule === 'RATE'
            ? `${ind.numerator}/${ind.denominator} cộng của các đơn vị${scope}`
            : `tổng của các đơn vị${scope}`;
    } else return none(`Chỉ số ${ind.code} không cộng được (${ind.rule}) nên không so với chỉ tiêu được.`);
    if (actual === null) return { ...base, actual, measure, met: null, gap: null, problem: 'Chưa có số liệu để đánh giá.' };
    return { ...base, actual, measure, met: meets(actual, t.comparator, t.value), gap: subDec(actual, t.value), problem: '' };
  });
}

/** "trên 80%". */
export function targetPhrase(t: Pick<TargetResult, 'comparator' | 'target' | 'targetUnit'>, fmt: (v: string) => string): string {
  return `${COMPARATOR_LABELS[t.comparator]} ${fmt(t.target)}${t.targetUnit === '%' ? '%' : t.targetUnit ? ` ${t.targetUnit}` : ''}`;
}
