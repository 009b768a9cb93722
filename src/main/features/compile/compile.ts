// Tổng hợp: loads the periods, adds them up in SQL (compile/aggregate-sql.ts, by the rules of
// shared/aggregate.ts), keeps the editable draft, and exports the report through the Word
// writer, the summary workbook and an email draft.
import type { DocumentOutput } from '../../../shared/model/document';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Platform } from '../../platform/platform';
import { AppError } from '../../../shared/errors';
import { formatDateShort, todayIso } from '../../../shared/format';
import { compareAggregations, evaluateTargets } from '../../../shared/domain/aggregate-compare';
import { overlappingPeriods, type AggPeriodInfo } from '../../../shared/domain/aggregate';
import { windowIndicators, type AggUnit } from '../../../shared/domain/aggregate-figures';
import {
  buildPlaceholders,
  generateDraft,
  mergeDraft,
  renderPlaceholders,
  type Narrative,
} from '../../../shared/domain/draft';
import {
  COUNTED_STATUSES,
  type CompileResult,
  type CompileSettings,
  type Draft,
  type DraftSection,
} from '../../../shared/model/compile';
import { REASON_KEY_PREFIX, SECTION_KEY_PREFIX } from '../../../shared/model/report';
import type { Period } from '../../../shared/model/period';
import type { Template } from '../../../shared/model/template';
import { planReference } from '../../../shared/model/plan';
import { windowBreaches } from './breaches';
import type {
  compileSettingsInput,
  DraftView,
  EmailDraft,
  UnitTextEntry,
  ExplainedBreach,
  exportReportInput,
  saveDraftInput,
  SavedFile,
  windowInput,
} from '../../../shared/contract/compile';
import { expectedUnitsOf, getPeriod } from '../periods/periods';
import { getTemplate } from '../templates/templates';
import { getPlan } from '../plans/plans';
import { getAgency } from '../agency/agency';
import { exportDocument } from '../documents/documents';
import { saveExport } from '../../platform/exports';
import { parseDocumentModel } from '../../documents/model';
import { agencyInSentence, buildReportModel } from './report-document';
import { writeSummaryWorkbook } from './summary-book';
import { buildEml, DOCX_TYPE, XLSX_TYPE } from './eml';
import { writeFileAtomic } from '../../platform/files';
import { aggregateWindow } from './aggregate-sql';
import { lineageAcross, restatePrevious } from './restated';
import { assertMayNumber, citeRegistration, keepRegistered, registeredBytes, registrationOf } from './registered';
import type { RegisterEntry } from '../../../shared/model/document';
import type { Executor } from '../../db/executor';

export type WindowArgs = z.output<typeof windowInput>;
export type SaveDraftArgs = z.output<typeof saveDraftInput>;
export type ExportReportArgs = z.output<typeof exportReportInput>;
export type CompileSettingsArgs = z.output<typeof compileSettingsInput>;

interface Loaded {
  period: Period;
  template: Template;
  agg: AggPeriodInfo;
  /** The expected units in the register's order. */
  expected: AggUnit[];
}

/** A period with its template and expected units; its reports stay in the database. */
async function loadPeriod(db: Executor, id: number): Promise<Loaded> {
  const period = await getPeriod(db, id);
  const template = await getTemplate(db, period.templateId);
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
      templateLabel: `"${template.name}" phiên bản ${template.version}`,
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

async function loadWindow(db: Executor, ids: number[]): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  for (const id of [...new Set(ids)]) loaded.push(await loadPeriod(db, id));
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
  const loaded = await loadWindow(db, args.periodIds);
  const last = loaded[loaded.length - 1]!.period;
  const plan = last.planId !== null ? await getPlan(db, last.planId) : null;
  // Targets about each unit are judged on each unit's values: load them.
  const eachUnit = plan?.targets.some((t) => t.scope === 'each_unit') ?? false;
  const { aggregation: current, stats } = await aggregateWindow(
    db,
    loaded.map((l) => l.agg),
    loaded[loaded.length - 1]!.expected,
    today,
    { ...opts, detail: opts.detail || eachUnit },
  );
  // The board's breach flag, and a note when received figures break a rule without a reason.
  const breaches = await windowBreaches(db, loaded[loaded.length - 1]!, current.units);
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
    const prev = await loadWindow(db, compareIds);
    // Units reorganised between the two windows: last year's figures are read onto today's units.
    const links = await lineageAcross(db, prev[prev.length - 1]!.period.windowEnd, last.windowEnd);
    // Only the totals of last year are compared: no per-unit values unless they must be restated.
    previous = (
      await aggregateWindow(
        db,
        prev.map((l) => l.agg),
        prev[prev.length - 1]!.expected,
        today,
        { detail: links.length > 0 },
      )
    ).aggregation;
    if (links.length) {
      ({ previous, restatement } = await restatePrevious(db, previous, links));
      current.notes.push(restatement.footnote);
    }
  } else if (args.compareIds === null)
    current.notes.push('Không tìm thấy kỳ cùng loại của năm trước nên không so sánh với cùng kỳ.');
  const comparison = compareAggregations(current, previous, restatement?.notComparable);

  let targets: CompileResult['targets'] = [];
  let reference = '';
  if (plan !== null) {
    reference = `${planReference(plan)}${plan.issuer ? ` của ${plan.issuer}` : ''}`;
    targets = evaluateTargets(plan.targets, current, windowIndicators(loaded.map((l) => l.agg)), stats);
    const vanished = targets.filter((t) => t.problem.includes('không còn'));
    for (const t of vanished) current.notes.push(`Chỉ tiêu "${t.text}": ${t.problem}`);
  }
  const result: CompileResult = {
    current,
    previous,
    restatement,
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

// ——— Draft ———

export const windowKey = (ids: number[]): string => [...new Set(ids)].sort((a, b) => a - b).join(',');

/** The units' narrative answers of the window (one query), section by section, in the units' order. */
async function narrativesOf(db: Executor, c: Compiled): Promise<Narrative[]> {
  const keys = [
    ...new Set(
      c.loaded.flatMap((l) =>
        l.template.sections.filter((s) => s.hasText).map((s) => `${SECTION_KEY_PREFIX}${s.number}`),
      ),
    ),
  ];
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('report_values as v', 'v.report_id', 'r.id')
    .select(['r.period_id', 'r.unit_id', 'v.field_key', 'v.text_value'])
    .where(
      'r.period_id',
      'in',
      c.loaded.map((l) => l.period.id),
    )
    .where('r.status', 'in', [...COUNTED_STATUSES])
    .where('v.field_key', 'in', keys)
    .execute();
  const text = new Map(rows.map((r) => [`${r.period_id}:${r.unit_id}:${r.field_key}`, r.text_value]));
  const out: Narrative[] = [];
  for (const l of c.loaded) {
    for (const s of l.template.sections.filter((x) => x.hasText)) {
      for (const u of c.current.units) {
        const t = text.get(`${l.period.id}:${u.unitId}:${SECTION_KEY_PREFIX}${s.number}`);
        if (t) out.push({ sectionNumber: s.number, unitName: u.name, periodName: l.period.name, text: t });
      }
    }
  }
  return out;
}

/**
 * Every unit's own words of the window, for the annex: section answers (under the section's
 * number and title) and text indicators (under the indicator's name), in the units' order.
 */
async function unitTextsOf(db: Executor, c: Compiled): Promise<UnitTextEntry[]> {
  const template = c.loaded[c.loaded.length - 1]!.template;
  const multi = c.loaded.length > 1;
  const out: UnitTextEntry[] = [];
  const narratives = await narrativesOf(db, c);
  for (const s of template.sections.filter((x) => x.hasText)) {
    for (const n of narratives.filter((x) => x.sectionNumber === s.number))
      out.push({
        heading: `${s.number}. ${s.title}`,
        unitName: n.unitName,
        periodName: multi ? n.periodName : '',
        text: n.text,
      });
  }
  for (const i of c.current.indicators.filter((x) => x.type === 'text'))
    for (const t of i.texts)
      out.push({ heading: i.name, unitName: t.unitName, periodName: multi ? t.periodName : '', text: t.text });
  return out.filter((e) => e.text.trim());
}

/** Rule breaches the units explained, in the window's last period (footnotes of Phụ lục II). */
async function explainedBreachesOf(db: Executor, c: Compiled): Promise<ExplainedBreach[]> {
  const last = c.loaded[c.loaded.length - 1]!;
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('report_values as v', 'v.report_id', 'r.id')
    .select(['r.unit_id', 'v.field_key', 'v.text_value'])
    .where('r.period_id', '=', last.period.id)
    .where('r.status', 'in', [...COUNTED_STATUSES])
    .where('v.field_key', 'like', `${REASON_KEY_PREFIX}%`)
    .execute();
  const names = new Map(c.current.units.map((u) => [u.unitId, u.name]));
  const out: ExplainedBreach[] = [];
  for (const r of rows) {
    const reason = (r.text_value ?? '').trim();
    const expression = r.field_key.slice(REASON_KEY_PREFIX.length);
    const rule = last.template.rules.find((x) => x.expression === expression);
    if (!reason || !rule || !names.has(r.unit_id)) continue;
    out.push({ unitName: names.get(r.unit_id)!, rule: rule.message || expression, reason });
  }
  const order = new Map(c.current.units.map((u, i) => [u.name, i]));
  return out.sort((a, b) => order.get(a.unitName)! - order.get(b.unitName)!);
}

async function extrasOf(db: Executor, c: Compiled): Promise<Pick<DraftView, 'unitTexts' | 'explainedBreaches'>> {
  return { unitTexts: await unitTextsOf(db, c), explainedBreaches: await explainedBreachesOf(db, c) };
}

async function freshDraft(db: Executor, c: Compiled): Promise<Pick<Draft, 'title' | 'sections'>> {
  const agency = await getAgency(db as Kysely<DB>);
  const settings = await getCompileSettings(db);
  const template = c.loaded[c.loaded.length - 1]!.template;
  return generateDraft(
    template.sections,
    c,
    await narrativesOf(db, c),
    agency.name ? agencyInSentence(agency.name) : 'Cơ quan',
    template.name,
    {
      maxPoints: settings.maxPoints,
      unitTextAnnex: settings.unitTextAnnex,
      agencyNames: agency.name ? [agency.name, agencyInSentence(agency.name)] : [],
    },
  );
}

async function storedDraft(db: Executor, key: string): Promise<Draft | null> {
  const row = await db.selectFrom('compile_drafts').selectAll().where('window_key', '=', key).executeTakeFirst();
  if (!row) return null;
  return {
    periodIds: JSON.parse(row.period_ids) as number[],
    compareIds: JSON.parse(row.compare_ids) as number[],
    title: row.title,
    sections: JSON.parse(row.sections) as DraftSection[],
    updatedAt: row.updated_at,
  };
}

async function storeDraft(
  db: Executor,
  ids: number[],
  compareIds: number[],
  d: Pick<Draft, 'title' | 'sections'>,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const values = {
    period_ids: JSON.stringify([...new Set(ids)].sort((a, b) => a - b)),
    compare_ids: JSON.stringify(compareIds),
    title: d.title,
    sections: JSON.stringify(d.sections),
    updated_at: at,
  };
  await db
    .insertInto('compile_drafts')
    .values({ window_key: windowKey(ids), ...values, created_at: at })
    .onConflict((oc) => oc.column('window_key').doUpdateSet(values))
    .execute();
}

function view(draft: Draft, c: Compiled, extra: Pick<DraftView, 'unitTexts' | 'explainedBreaches'>): DraftView {
  const { loaded: _l, compareIds: _c, ...compile } = c;
  return {
    draft,
    compile,
    ...extra,
    rendered: {
      title: renderPlaceholders(draft.title, c.placeholders).text,
      sections: draft.sections.map((s) => {
        const r = renderPlaceholders(s.text, c.placeholders);
        return { number: s.number, text: r.text, unknown: r.unknown };
      }),
    },
  };
}

export async function getDraft(db: Kysely<DB>, args: WindowArgs, now = new Date()): Promise<DraftView> {
  return db.transaction().execute(async (trx) => {
    const c = await compileWindow(trx, args);
    const key = windowKey(args.periodIds);
    let d = await storedDraft(trx, key);
    if (!d) {
      await storeDraft(trx, args.periodIds, c.compareIds, await freshDraft(trx, c), now);
      d = (await storedDraft(trx, key))!;
    }
    return view(d, c, await extrasOf(trx, c));
  });
}

export async function refreshDraft(db: Kysely<DB>, args: WindowArgs, now = new Date()): Promise<DraftView> {
  return db.transaction().execute(async (trx) => {
    const c = await compileWindow(trx, args);
    const key = windowKey(args.periodIds);
    const merged = mergeDraft(await storedDraft(trx, key), await freshDraft(trx, c));
    await storeDraft(trx, args.periodIds, c.compareIds, merged, now);
    return view((await storedDraft(trx, key))!, c, await extrasOf(trx, c));
  });
}

export async function saveDraft(db: Kysely<DB>, args: SaveDraftArgs, now = new Date()): Promise<DraftView> {
  return db.transaction().execute(async (trx) => {
    const c = await compileWindow(trx, args);
    const key = windowKey(args.periodIds);
    const d = (await storedDraft(trx, key)) ?? {
      ...(await freshDraft(trx, c)),
      periodIds: args.periodIds,
      compareIds: c.compareIds,
      updatedAt: null,
    };
    const unknown = args.sections.filter((s) => !d.sections.some((x) => x.number === s.number));
    if (unknown.length)
      throw new AppError(
        'NO_SECTION',
        `Bản dự thảo không có mục "${unknown[0]!.number}"; hãy tải lại bản dự thảo rồi sửa.`,
        { field: 'sections' },
      );
    const sections = d.sections.map((s) => {
      const edit = args.sections.find((x) => x.number === s.number);
      // One paragraph a line: Windows line ends and stray control characters do not survive.
      return edit
        ? {
            ...s,
            text: edit.text
              .normalize('NFC')
              .replace(/\r\n?/g, '\n')
              // eslint-disable-next-line no-control-regex -- stray control characters become spaces
              .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' '),
            refreshNote: '',
          }
        : s;
    });
    await storeDraft(trx, args.periodIds, c.compareIds, { title: args.title || d.title, sections }, now);
    return view((await storedDraft(trx, key))!, c, await extrasOf(trx, c));
  });
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

// ——— Exports ———

async function reportModel(db: Kysely<DB>, args: ExportReportArgs, number: number | null) {
  const v = await getDraft(db, args);
  const agency = await getAgency(db);
  const settings = await getCompileSettings(db);
  const model = parseDocumentModel(buildReportModel(v, agency, settings, { date: args.date ?? todayIso(), number }));
  return { v, agency, settings, model };
}

/** "Biểu tổng hợp 6 tháng đầu năm 2025.xlsx": safe on every file system. */
export function summaryFileName(periodNames: string): string {
  return `Biểu tổng hợp ${periodNames}.xlsx`.normalize('NFC').replace(/[\\/:*?"<>|]+/g, '-');
}

/**
 * The Word report where the user chooses. With a number: entered in the register, and the exact
 * file kept in the data folder (the one every later email attaches); a second number asks first.
 */
export async function exportWord(
  db: Kysely<DB>,
  platform: Platform,
  dataDir: string,
  args: ExportReportArgs,
  now = new Date(),
  output: DocumentOutput = { format: 'docx', images: false },
): Promise<SavedFile> {
  const key = windowKey(args.periodIds);
  if (args.takeNumber) await assertMayNumber(db, key, args.renumber);
  const { model } = await reportModel(db, args, null);
  // The registered copy that emails attach is the Word file; a PDF is for signing and is not kept.
  const keep = output.format === 'docx' ? keeper(dataDir, key, args.takeNumber, now) : undefined;
  const r = await exportDocument(db, platform, model, args.takeNumber, now, keep, output);
  return { saved: r.saved, path: r.path, number: r.entry?.number ?? null };
}

/** Keeps a numbered report's exact file, in the register's transaction. */
function keeper(dataDir: string, key: string, numbered: boolean, now: Date) {
  if (!numbered) return undefined;
  return async (trx: Executor, entry: RegisterEntry, target: string) => {
    await keepRegistered(
      trx,
      dataDir,
      {
        windowKey: key,
        registerId: entry.id,
        number: entry.number!,
        symbol: entry.symbol,
        date: entry.date,
        sourcePath: target,
      },
      now,
    );
  };
}

async function summaryBytes(
  db: Kysely<DB>,
  args: WindowArgs,
): Promise<{ bytes: Uint8Array; name: string; v: DraftView }> {
  const v = await getDraft(db, args);
  const agency = await getAgency(db);
  const bytes = await writeSummaryWorkbook({ agency, title: v.rendered.title, compile: v.compile });
  return { bytes, name: summaryFileName(v.compile.current.periods.map((p) => p.name).join(', ')), v };
}

export async function exportExcel(db: Kysely<DB>, platform: Platform, args: WindowArgs): Promise<SavedFile> {
  const { bytes, name } = await summaryBytes(db, args);
  const r = await saveExport(platform, name, [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }], bytes);
  return r;
}

/**
 * Word and Excel files and an unsent .eml with both attached, in a folder the user picks; then
 * the .eml is opened with the system mail app. Without a mail app the files and the text to
 * paste are still there.
 */
export async function emailDraft(
  db: Kysely<DB>,
  platform: Platform,
  dataDir: string,
  args: ExportReportArgs,
  now = new Date(),
): Promise<EmailDraft> {
  const settings = await getCompileSettings(db);
  const key = windowKey(args.periodIds);
  if (args.takeNumber) await assertMayNumber(db, key, args.renumber);
  const folder = await platform.chooseFolder();
  const empty: EmailDraft = {
    saved: false,
    folder: null,
    emlPath: null,
    docxPath: null,
    xlsxPath: null,
    opened: false,
    openError: '',
    to: settings.emailTo,
    cc: settings.emailCc,
    subject: '',
    body: '',
  };
  if (!folder) return empty;
  const { model, agency } = await reportModel(db, args, null);
  const inFolder: Platform = { ...platform, chooseSavePath: async (name) => path.join(folder, name) };
  // The Word file attached: the registered one byte for byte when the report has a number,
  // otherwise a copy without a number (and the letter says so).
  let registration = args.takeNumber ? null : await registrationOf(db, key);
  let docxPath: string;
  let docx: Uint8Array;
  if (registration) {
    docx = registeredBytes(dataDir, registration);
    docxPath = path.join(
      folder,
      `${String(registration.number).padStart(2, '0')}-${registration.symbol}-${registration.date}.docx`.replace(
        /[\\/:*?"<>|\s]+/g,
        '-',
      ),
    );
    writeFileAtomic(docxPath, docx);
  } else {
    const word = await exportDocument(
      db,
      inFolder,
      model,
      args.takeNumber,
      now,
      keeper(dataDir, key, args.takeNumber, now),
    );
    docxPath = word.path!;
    registration = args.takeNumber ? await registrationOf(db, key) : null;
    docx = registration ? registeredBytes(dataDir, registration) : new Uint8Array(fs.readFileSync(docxPath));
  }
  const { bytes: xlsx, name: xlsxName, v } = await summaryBytes(db, args);
  const xlsxPath = path.join(folder, xlsxName);
  writeFileAtomic(xlsxPath, xlsx);

  const issuer = agencyInSentence(agency.name);
  const ref = registration ? citeRegistration(registration) : '(bản chưa có số, ngày tháng)';
  const periods = v.compile.current.periods.map((p) => p.name).join(', ');
  const about = v.rendered.title.replace(/^\p{L}/u, (c) => c.toLocaleLowerCase('vi'));
  const subject = registration
    ? `${issuer} gửi Báo cáo ${citeRegistration(registration)} về ${about}`
    : `${issuer} gửi Báo cáo ${about}`;
  const st = v.compile.current.status;
  const body = [
    settings.to.length ? `Kính gửi: ${settings.to.join('; ')}.` : 'Kính gửi: Quý cơ quan.',
    '',
    `${issuer} gửi kèm theo thư này Báo cáo ${ref} về ${about} (tệp Word${registration ? ' đúng như văn bản đã vào sổ' : ''}) và biểu tổng hợp số liệu ${periods} (tệp Excel).`,
    `Số cơ quan, đơn vị đã gửi báo cáo: ${st.reported}/${st.expected}${st.missing ? `; chưa gửi: ${st.missing}` : ''}.`,
    '',
    'Trân trọng./.',
    '',
    `${issuer}`,
  ].join('\n');
  const eml = await buildEml({
    to: settings.emailTo,
    cc: settings.emailCc,
    subject,
    text: body,
    date: now,
    attachments: [
      { filename: path.basename(docxPath), content: docx, contentType: DOCX_TYPE },
      { filename: xlsxName, content: xlsx, contentType: XLSX_TYPE },
    ],
  });
  const emlPath = path.join(folder, `Thư gửi báo cáo ${periods}.eml`.replace(/[\\/:*?"<>|]+/g, '-'));
  writeFileAtomic(emlPath, eml);
  let opened = false;
  let openError = '';
  try {
    await platform.openPath(emlPath);
    opened = true;
  } catch (err) {
    openError = `${err instanceof Error ? err.message : String(err)} Các tệp vẫn ở thư mục ${folder}; có thể dán nội dung thư dưới đây vào phần mềm thư.`;
  }
  return {
    saved: true,
    folder,
    emlPath,
    docxPath,
    xlsxPath,
    opened,
    openError,
    to: settings.emailTo,
    cc: settings.emailCc,
    subject,
    body,
  };
}

/** Opens the folder of the last export (held by the caller's session: see handlers.ts). */
export async function openExportFolder(
  platform: Platform,
  folder: string | null,
): Promise<{ opened: boolean; error: string }> {
  if (!folder) return { opened: false, error: 'Chưa xuất tệp nào trong lần làm việc này.' };
  try {
    await platform.openPath(folder);
    return { opened: true, error: '' };
  } catch (err) {
    return { opened: false, error: err instanceof Error ? err.message : String(err) };
  }
}
