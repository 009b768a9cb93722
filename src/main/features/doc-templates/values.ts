// The values of the catalogue for one document, read through the features that own them
// (Tổng hợp, the status board, scoring, the unit register) and formatted the Vietnamese way
// before they reach the engine. A value the data does not support is null: the document keeps
// an empty place and the caller gets a warning naming it.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { formatDateLine, formatDateShort, todayIso } from '../../../shared/format';
import { formatDec } from '../../../shared/domain/decimal';
import { formatFigure } from '../../../shared/domain/draft';
import { formatPoints, rangeText } from '../../../shared/domain/scoring';
import { targetPhrase } from '../../../shared/domain/aggregate-compare';
import { REPORT_STATUS_LABELS, type BoardRow } from '../../../shared/model/report';
import { isReceived } from '../../../shared/domain/report-status';
import { UNIT_KIND_LABELS, type Unit } from '../../../shared/model/unit';
import { PERIOD_TYPE_LABELS } from '../../../shared/model/period';
import { SCORING_STAGE_LABELS } from '../../../shared/model/scoring';
import { planReference } from '../../../shared/model/plan';
import type { IndicatorTotal, UnitLine } from '../../../shared/model/compile';
import type { DocUsage } from '../../../shared/contract/doc-templates';
import { AppError } from '../../../shared/errors';
import { getAgency } from '../agency/agency';
import { getDraft } from '../compile/compile-draft';
import { getCompileSettings } from '../compile/compile';
import { agencyInSentence } from '../compile/report-document';
import { periodBoard } from '../reports/board';
import { getPlan } from '../plans/plans';
import { getUnit } from '../units/units';
import { roundResults } from '../scoring/round-results';
import type { ImageValue, TemplateData, TemplateValue } from './engine';
import { LINE_MARK, MERGE_MARK } from './group-rows';
import type { ChartValue } from './charts';

export interface ValueRequest {
  usage: DocUsage;
  periodId: number | null;
  roundId: number | null;
  date: string | null;
  newDeadline: string | null;
  /** The register number taken for this document, or null (blank for the clerk). */
  number: number | null;
  images: Partial<Record<'signature' | 'seal', ImageValue>>;
}

/** Outside text made safe for the engine: NFC, no control or private marks, lines marked. */
export function cleanValue(s: string): string {
  return (
    s
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
      .replaceAll(MERGE_MARK, '')
      .replaceAll(LINE_MARK, '')
      .split('\n')
      .join(LINE_MARK)
  );
}

const str = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined || v === '' ? null : cleanValue(String(v));
const pct = (i: Pick<IndicatorTotal, 'rule'>) => i.rule === 'RATE' || i.rule === 'SHARE';

export const symbolFor = (usage: DocUsage, abbreviation: string, draftingUnit: string, reportSymbol: string): string =>
  usage === 'report'
    ? reportSymbol || `BC-${abbreviation || 'SNV'}`
    : usage === 'scoring'
      ? `BC-${abbreviation || 'SNV'}`
      : [abbreviation, draftingUnit].filter(Boolean).join('-');

export async function commonValues(db: Kysely<DB>, req: ValueRequest): Promise<TemplateData> {
  const agency = await getAgency(db);
  const signer = agency.signers.find((s) => s.isDefault) ?? agency.signers[0] ?? null;
  const date = req.date ?? todayIso();
  const settings = await getCompileSettings(db);
  const symbol = symbolFor(req.usage, agency.abbreviation, agency.draftingUnit, settings.symbol);
  const number = req.number === null ? null : String(req.number).padStart(2, '0');
  return {
    agency: {
      name: str(agency.name),
      parentName: str(agency.parentName),
      nameInSentence: agency.name ? agencyInSentence(agency.name) : null,
      abbreviation: str(agency.abbreviation),
      place: str(agency.place),
      draftingUnit: str(agency.draftingUnit),
    },
    signer: signer
      ? {
          fullName: str(signer.fullName),
          title: str(signer.title),
          authority: str([signer.authorityPrefix, signer.authorityLine].filter(Boolean).join(' ')),
        }
      : { fullName: null, title: null, authority: null },
    document: {
      number,
      symbol: str(symbol),
      numberLine: symbol ? `Số: ${number ?? '     '}/${symbol}` : null,
      date: formatDateLine(date),
      dateShort: formatDateShort(date),
      placeDate: agency.place ? `${agency.place}, ${formatDateLine(date)}` : null,
      year: date.slice(0, 4),
    },
    signature: req.images.signature ?? null,
    seal: req.images.seal ?? null,
  };
}

function indicatorValues(
  i: IndicatorTotal,
  k: number,
  c: Awaited<ReturnType<typeof getDraft>>['compile'],
): Record<string, TemplateValue> {
  const cmp = c.comparison.find((x) => x.code === i.code);
  const ts = c.targets.filter((t) => t.indicatorCode === i.code);
  const p = pct(i);
  const hasPrev = c.previous !== null && cmp?.previous != null;
  const delta = cmp?.delta ?? null;
  return {
    stt: String(k + 1),
    code: i.code,
    name: str(i.name),
    unit: p ? '%' : str(i.unit),
    group: str(i.group),
    total: i.value === null ? null : formatFigure(i.value, p),
    previous: hasPrev ? formatFigure(cmp!.previous, p) : null,
    delta:
      hasPrev && delta !== null
        ? delta === '0'
          ? '0'
          : delta.startsWith('-')
            ? `−${formatDec(delta.slice(1))}`
            : `+${formatDec(delta)}`
        : null,
    deltaPhrase: c.placeholders[`${i.code}.delta`] ?? null,
    target: ts.length ? ts.map((t) => targetPhrase(t, formatDec)).join('; ') : null,
    verdict: ts.length
      ? ts.map((t) => (t.met === null ? 'Chưa đánh giá được' : t.met ? 'Đạt' : 'Chưa đạt')).join('; ')
      : null,
    reported: String(i.reported),
    expected: String(i.expected),
    missing: String(i.missing),
  };
}

function unitValues(
  u: Unit | null,
  line: UnitLine | null,
  row: BoardRow | null,
  indicators: IndicatorTotal[],
  k: number,
): Record<string, TemplateValue> {
  return {
    stt: String(k + 1),
    code: str(u?.code ?? line?.code ?? row?.unitCode),
    name: str(u?.name ?? line?.name ?? row?.unitName),
    shortName: str(u?.shortName),
    kind: u ? UNIT_KIND_LABELS[u.kind] : line ? UNIT_KIND_LABELS[line.kind] : null,
    email: str(u?.email),
    contactPerson: str(u?.contactPerson),
    phone: str(u?.phone),
    status: row ? REPORT_STATUS_LABELS[row.status] : null,
    state: row ? row.label : null,
    receivedDate: row?.receivedDate ? formatDateShort(row.receivedDate) : null,
    daysLate: row?.daysLate ? String(row.daysLate) : null,
    values: indicators
      .filter((i) => i.rule !== 'TEXT')
      .map((i) => {
        const v = line?.values[i.code] ?? null;
        return {
          code: i.code,
          name: str(i.name),
          unit: pct(i) ? '%' : str(i.unit),
          value: v === null ? null : i.type === 'yesno' ? (v === '1' ? 'Có' : 'Không') : formatFigure(v, false),
        };
      }),
  };
}

const mmToPx = (mm: number) => Math.round((mm / 25.4) * 96);

/** Who reported on time, late, or not at all: a Word bar chart (150 × 70 mm). */
function reportingChart(periodName: string, onTime: number, late: number, missing: number): ChartValue {
  return {
    kind: 'chart',
    title: `Tình hình gửi báo cáo ${periodName}`,
    categories: ['Đúng hạn', 'Nộp muộn', 'Chưa nộp'],
    values: [onTime, late, missing],
    colors: ['2E7D32', 'EF6C00', 'C62828'],
    widthPx: mmToPx(150),
    heightPx: mmToPx(70),
  };
}

export interface PeriodContext {
  data: TemplateData;
  /** Each unit's own fields, for per-unit documents. */
  unitData: (unitId: number) => Promise<TemplateValue>;
  lateUnitIds: number[];
}

export async function periodValues(db: Kysely<DB>, periodId: number, req: ValueRequest): Promise<PeriodContext> {
  const today = req.date ?? todayIso();
  const view = await getDraft(db, { periodIds: [periodId], compareIds: null, today });
  const c = view.compile;
  const cur = c.current;
  const board = await periodBoard(db, periodId, today);
  const period = board.period;
  const plan = period.planId !== null ? await getPlan(db, period.planId) : null;
  const rowOf = new Map(board.rows.map((r) => [r.unitId, r]));
  const lineOf = new Map(cur.units.map((u) => [u.unitId, u]));
  const numeric = cur.indicators.filter((i) => i.rule !== 'TEXT' && i.type !== 'text');
  const indicators = numeric.map((i, k) => indicatorValues(i, k, c));
  const groups: TemplateValue[] = [];
  for (const name of [...new Set(numeric.map((i) => i.group))]) {
    groups.push({
      name: str(name),
      indicators: numeric.filter((i) => i.group === name).map((i, k) => indicatorValues(i, k, c)),
    });
  }
  const late = board.rows.filter((r) => r.expected && (!isReceived(r.status) || r.timeliness === 'muon'));
  const st = cur.status;
  const body = view.rendered.sections.map((s) => {
    const meta = view.draft.sections.find((d) => d.number === s.number);
    return [meta?.number ? `${meta.number}. ${meta.title}` : '', s.text].filter(Boolean).join('\n');
  });
  const data: TemplateData = {
    period: {
      name: str(period.name),
      type: PERIOD_TYPE_LABELS[period.type],
      year: String(period.year),
      window: `từ ngày ${formatDateShort(period.windowStart)} đến ngày ${formatDateShort(period.windowEnd)}`,
      windowStart: formatDateShort(period.windowStart),
      windowEnd: formatDateShort(period.windowEnd),
      deadline: formatDateShort(period.deadline),
      deadlineLine: formatDateLine(period.deadline),
    },
    plan: plan
      ? { reference: str(planReference(plan)), summary: str(plan.summary), issuer: str(plan.issuer) }
      : { reference: null, summary: null, issuer: null },
    report: { title: str(view.rendered.title), body: str(body.join('\n')), templateName: str(period.templateName) },
    sections: view.rendered.sections.map((s) => {
      const meta = view.draft.sections.find((d) => d.number === s.number);
      return { number: str(meta?.number), title: str(meta?.title), text: str(s.text) };
    }),
    status: {
      expected: String(st.expected),
      reported: String(st.reported),
      onTime: String(st.onTime),
      late: String(st.late),
      missing: String(st.missing),
      lateList: str(st.lateUnits.join(', ')),
      missingList: str(st.missingUnits.join(', ')),
    },
    hasLate: st.late > 0,
    hasMissing: st.missing > 0,
    indicators,
    indicator: Object.fromEntries(numeric.map((i, k) => [i.code, indicatorValues(i, k, c)])),
    groups,
    units: cur.units
      .filter((u) => u.expected)
      .map((u, k) => unitValues(null, u, rowOf.get(u.unitId) ?? null, cur.indicators, k)),
    lateUnits: late.map((r, k) => unitValues(null, lineOf.get(r.unitId) ?? null, r, cur.indicators, k)),
    chart: { reporting: reportingChart(period.name, st.onTime, st.late, st.missing) },
    reminder: {
      newDeadline: req.newDeadline ? formatDateShort(req.newDeadline) : null,
      newDeadlineLine: req.newDeadline ? formatDateLine(req.newDeadline) : null,
    },
  };
  return {
    data,
    lateUnitIds: late.map((r) => r.unitId),
    unitData: async (unitId) =>
      unitValues(
        await getUnit(db, unitId),
        lineOf.get(unitId) ?? null,
        rowOf.get(unitId) ?? null,
        cur.indicators,
        Math.max(
          0,
          board.rows.findIndex((r) => r.unitId === unitId),
        ),
      ),
  };
}

export async function scoringValues(db: Kysely<DB>, roundId: number): Promise<TemplateData> {
  const r = await roundResults(db, roundId);
  const n = r.ranking.length;
  const avg = n ? r.ranking.reduce((s, x) => s + x.total, 0) / n : null;
  const classes = [...r.set.classes].sort((a, b) => b.from - a.from);
  return {
    round: {
      name: str(r.round.name),
      year: String(r.round.year),
      setName: str(r.set.name),
      totalPoints: formatPoints(r.set.totalPoints),
      evaluated: String(n),
      approved: String(r.round.approvedCount),
      average: avg === null ? null : formatPoints(Math.round(avg * 100) / 100),
      tieRule: str(r.tieRule),
    },
    ranking: r.ranking.map((x) => ({
      rank: x.rankLabel,
      unitName: str(x.unitName),
      total: formatPoints(x.total),
      selfTotal: formatPoints(x.selfTotal),
      bonus: formatPoints(x.bonus),
      deductions: formatPoints(x.deductions),
      classLabel: str(x.classLabel),
      stage: SCORING_STAGE_LABELS[x.stage],
    })),
    classes: classes.map((k) => {
      const count = r.classCounts[k.code] ?? 0;
      return {
        label: str(k.label),
        range: rangeText(k),
        count: String(count),
        percent: n ? formatDec(String(Math.round((count * 10000) / n) / 100)) : '0',
      };
    }),
  };
}

/** Everything a template of this use may need, except the unit of a per-unit document. */
export async function buildValues(
  db: Kysely<DB>,
  req: ValueRequest,
): Promise<{ data: TemplateData; period: PeriodContext | null }> {
  const data = await commonValues(db, req);
  let period: PeriodContext | null = null;
  if (req.periodId !== null) {
    period = await periodValues(db, req.periodId, req);
    Object.assign(data, period.data);
  } else if (req.usage !== 'scoring') {
    throw new AppError(
      'NEED_PERIOD',
      'Cần chọn kỳ báo cáo để điền mẫu này (các trường số liệu, tình hình gửi báo cáo lấy từ kỳ).',
      { field: 'periodId' },
    );
  }
  if (req.roundId !== null) Object.assign(data, await scoringValues(db, req.roundId));
  else if (req.usage === 'scoring')
    throw new AppError('NEED_ROUND', 'Cần chọn đợt chấm điểm để điền mẫu báo cáo kết quả chấm điểm.', {
      field: 'roundId',
    });
  return { data, period };
}
