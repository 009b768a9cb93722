// Tổng hợp: loads the periods and adds them up in SQL (compile/aggregate-sql.ts, by the rules of
// shared/domain/aggregate.ts), and keeps the settings of the report sent upward. The editable draft:
// compile-draft.ts; the Word report, the summary workbook and the email draft: compile-export.ts.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { formatDateShort, todayIso } from '../../../shared/format';
import { compareAggregations, evaluateTargets } from '../../../shared/domain/aggregate-compare';
import { overlappingPeriods, type AggPeriodInfo } from '../../../shared/domain/aggregate';
import { windowIndicators, type AggUnit } from '../../../shared/domain/aggregate-figures';
import { buildPlaceholders } from '../../../shared/domain/draft';
import { type CompileResult, type CompileSettings } from '../../../shared/model/compile';
import type { Period } from '../../../shared/model/period';
import type { Template } from '../../../shared/model/template';
import { planReference } from '../../../shared/model/plan';
import { windowBreaches } from './breaches';
import type { compileSettingsInput, windowInput } from '../../../shared/contract/compile';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { getTemplate } from '../templates/templates';
import { getPlan } from '../plans/plans';
import { aggregateWindow } from './aggregate-sql';
import { dayBefore, foldCurrent, lineageAcross, restatePrevious } from './restated';
import type { Executor } from '../../db/executor';

export type WindowArgs = z.output<typeof windowInput>;
export type CompileSettingsArgs = z.output<typeof compileSettingsInput>;

interface Loaded {
  period: Period;
  template: Template;
  agg: AggPeriodInfo;
  /** The expected units in the register's order. */
  expected: AggUnit[];
}

/** Templates read once per compile: this year's and last year's periods usually share one. */
type Templates = Map<number, Template>;

/** A period with its template and expected units; its reports stay in the database. */
async function loadPeriod(db: Executor, id: number, templates: Templates): Promise<Loaded> {
  const period = await getPeriod(db, id);
  const template = templates.get(period.templateId) ?? (await getTemplate(db, period.templateId));
  templates.set(period.templateId, template);
  const expected = await expectedUnitsOf(db, period);
  return {
    period,
    template,
    agg: {
      id: period.id,
      name: period.name,
      windowStart: period.windowStart,
      windowEnd: period.windowEnd,
      deadline: period.deadline,
      indicators: template.indicators,
      templateLabel: `“${template.name}” phiên bản ${template.version}`,
      expectedUnitIds: expected.map((u) => u.id),
    },
    expected,
  };
}

/** The same periods one year earlier (same type and index); null unless every one is found. */
async function sameTimeLastYear(db: Executor, periods: Period[]): Promise<number[] | null> {
  const out: number[] = [];
  for (const p of periods) {
    if (p.type === 'ad_hoc') return null;
    let q = db
      .selectFrom('periods')
      .select('id')
      .where('type', '=', p.type)
      .where('year', '=', p.year - 1);
    q = p.index === null ? q.where('idx', 'is', null) : q.where('idx', '=', p.index);
    const row = await q.orderBy('id', 'desc').executeTakeFirst();
    if (!row) return null;
    out.push(row.id);
  }
  return out;
}

async function loadWindow(db: Executor, ids: number[], templates: Templates): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  for (const id of [...new Set(ids)]) loaded.push(await loadPeriod(db, id, templates));
  const overlap = overlappingPeriods(loaded.map((l) => l.agg));
  if (overlap) throw new AppError('PERIODS_OVERLAP', overlap, { field: 'periodIds' });
  return loaded.sort((a, b) => a.period.windowEnd.localeCompare(b.period.windowEnd));
}

export interface Compiled extends CompileResult {
  loaded: Loaded[];
  compareIds: number[];
}

export interface CompileOptions {
  /** Each unit's values (the by-unit view, the annexes, the workbook); the totals do not need them. */
  detail: boolean;
}

export async function compileWindow(
  db: Executor,
  args: WindowArgs,
  opts: CompileOptions = { detail: true },
): Promise<Compiled> {
  // The as-of day: statuses (received, late, missing) as they stood then.
  const today = args.today ?? todayIso();
  const templates: Templates = new Map();
  const loaded = await loadWindow(db, args.periodIds, templates);
  const last = loaded[loaded.length - 1]!.period;
  const plan = last.planId !== null ? await getPlan(db, last.planId) : null;
  // Targets about each unit are judged on each unit's values: load them.
  const eachUnit = plan?.targets.some((t) => t.scope === 'each_unit') ?? false;
  // A window spanning a reorganisation: the old units' reports are folded into today's units.
  const within = await lineageAcross(db, dayBefore(loaded[0]!.period.windowStart), last.windowEnd);
  const window = await aggregateWindow(
    db,
    loaded.map((l) => l.agg),
    loaded[loaded.length - 1]!.expected,
    today,
    { detail: opts.detail || eachUnit || within.length > 0, lastValues: true },
  );
  let current = window.aggregation;
  let folding: CompileResult['folding'] = null;
  const folded = within.length ? await foldCurrent(db, current, within, today) : null;
  if (folded) ({ current, folding } = folded);
  if (folded && !opts.detail && !eachUnit) current.units = current.units.map((u) => ({ ...u, values: {} }));
  const stats = folded ? folded.stats : window.stats;
  // The board's breach flag, and a note when received figures break a rule without a reason.
  const breaches = await windowBreaches(db, loaded[loaded.length - 1]!, current.units, window.lastValues);
  current.status.counts = { ...current.status.counts, withBreaches: breaches.withBreaches };
  if (breaches.note) current.notes.push(breaches.note);
  if (today < todayIso())
    current.notes.push(
      `Tình hình gửi báo cáo tính đến ngày ${formatDateShort(today)}: báo cáo nhận sau ngày này chưa được tính; số liệu của báo cáo đã nhận là số liệu mới nhất đang lưu.`,
    );
  const compareIds =
    args.compareIds ??
    (await sameTimeLastYear(
      db,
      loaded.map((l) => l.period),
    )) ??
    [];
  const clash = compareIds.filter((id) => args.periodIds.includes(id));
  if (clash.length)
    throw new AppError('COMPARE_SELF', 'Kỳ so sánh không được trùng với kỳ đang tổng hợp.', { field: 'compareIds' });
  let previous = null;
  let restatement: CompileResult['restatement'] = null;
  if (compareIds.length) {
    const prev = await loadWindow(db, compareIds, templates);
    // Units reorganised between the two windows: last year's figures are read onto today's units.
    const links = await lineageAcross(db, prev[prev.length - 1]!.period.windowEnd, last.windowEnd);
    const prevWithin = await lineageAcross(
      db,
      dayBefore(prev[0]!.period.windowStart),
      prev[prev.length - 1]!.period.windowEnd,
    );
    // Only the totals of last year are compared: no per-unit values unless they must be restated.
    previous = (
      await aggregateWindow(
        db,
        prev.map((l) => l.agg),
        prev[prev.length - 1]!.expected,
        today,
        { detail: links.length > 0 || prevWithin.length > 0 },
      )
    ).aggregation;
    // Last year's window itself spanned a reorganisation: folded first, then read onto today's units.
    const prevFolded = prevWithin.length ? await foldCurrent(db, previous, prevWithin, today, 'previous') : null;
    if (prevFolded) previous = prevFolded.current;
    if (links.length) {
      ({ previous, restatement } = await restatePrevious(db, previous, links));
      current.notes.push(restatement.footnote);
    }
    if (prevFolded) {
      const f = prevFolded.folding;
      current.notes.push(f.footnote);
      // Printed with the comparison (Word, Excel) as last year's restatement is.
      restatement = restatement
        ? { ...restatement, footnote: `${restatement.footnote} ${f.footnote}` }
        : { ...f, units: [], dropped: [] };
    }
  } else if (args.compareIds === null)
    current.notes.push('Không tìm thấy kỳ cùng loại của năm trước nên không so sánh với cùng kỳ.');
  const comparison = compareAggregations(current, previous, {
    ...restatement?.notComparable,
    ...folding?.notComparable,
  });

  let targets: CompileResult['targets'] = [];
  let reference = '';
  if (plan !== null) {
    reference = `${planReference(plan)}${plan.issuer ? ` của ${plan.issuer}` : ''}`;
    targets = evaluateTargets(plan.targets, current, windowIndicators(loaded.map((l) => l.agg)), stats);
    const vanished = targets.filter((t) => t.problem.includes('không còn'));
    for (const t of vanished) current.notes.push(`Chỉ tiêu “${t.text}”: ${t.problem}`);
  }
  const result: CompileResult = {
    current,
    previous,
    restatement,
    folding,
    comparison,
    targets,
    planReference: reference,
    placeholders: {},
  };
  result.placeholders = buildPlaceholders(result);
  return { ...result, loaded, compareIds };
}

/** The public result, without the loaded rows. */
export async function showCompile(db: Executor, args: WindowArgs): Promise<CompileResult> {
  const { loaded: _loaded, compareIds: _ids, ...result } = await compileWindow(db, args);
  return result;
}

// ——— Settings of the report sent upward ———

export async function getCompileSettings(db: Executor): Promise<CompileSettings> {
  const row = await db.selectFrom('compile_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    to: JSON.parse(row?.kinh_gui ?? '[]') as string[],
    recipients: JSON.parse(row?.noi_nhan ?? '[]') as string[],
    emailTo: JSON.parse(row?.email_to ?? '[]') as string[],
    emailCc: JSON.parse(row?.email_cc ?? '[]') as string[],
    symbol: row?.symbol ?? '',
    maxPoints: row?.max_points ?? 5,
    unitTextAnnex: (row?.unit_text_annex ?? 1) === 1,
  };
}

export async function saveCompileSettings(
  db: Kysely<DB>,
  s: CompileSettingsArgs,
  now = new Date(),
): Promise<CompileSettings> {
  const values = {
    kinh_gui: JSON.stringify(s.to),
    noi_nhan: JSON.stringify(s.recipients),
    email_to: JSON.stringify(s.emailTo),
    email_cc: JSON.stringify(s.emailCc),
    symbol: s.symbol,
    max_points: s.maxPoints,
    unit_text_annex: s.unitTextAnnex ? 1 : 0,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('compile_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return getCompileSettings(db);
}
