// The editable draft of the consolidated report: generated from the window's figures and the units'
// answers, kept per window, regenerated keeping the user's edits.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import { generateDraft, mergeDraft, renderPlaceholders, type Narrative } from '../../../shared/domain/draft';
import { COUNTED_STATUSES, type Aggregation, type Draft, type DraftSection } from '../../../shared/model/compile';
import { REASON_KEY_PREFIX, reasonKey, SECTION_KEY_PREFIX } from '../../../shared/model/report';
import type {
  DraftScreen,
  DraftView,
  ExplainedBreach,
  ScreenAggregation,
  saveDraftInput,
  UnitLinesPage,
  UnitTextEntry,
} from '../../../shared/contract/compile';
import { encodeUnitLines } from '../../../shared/contract/compile-lines';
import { getAgency } from '../agency/agency';
import { agencyInSentence } from './report-document';
import type { Executor } from '../../db/executor';
import { compileWindow, getCompileSettings, type Compiled, type WindowArgs } from './compile';

export type SaveDraftArgs = z.output<typeof saveDraftInput>;
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
  // Only the reasons of this template's rules are shown: asked by key (an index seek), not by a LIKE that reads every value.
  const keys = last.template.rules.map((r) => reasonKey(r.expression));
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('report_values as v', 'v.report_id', 'r.id')
    .select(['r.unit_id', 'v.field_key', 'v.text_value'])
    .where('r.period_id', '=', last.period.id)
    .where('r.status', 'in', [...COUNTED_STATUSES])
    .where('v.field_key', 'in', keys)
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

/** A stored draft over the compile it was read with (in one transaction). */
interface Drafted {
  draft: Draft;
  c: Compiled;
}

/** A draft view without the report's annex material (the units' own words, explained breaches): the screen's read. */
export type DraftBase = Omit<DraftView, 'unitTexts' | 'explainedBreaches'>;

function rendered(draft: Draft, c: Compiled): DraftView['rendered'] {
  return {
    title: renderPlaceholders(draft.title, c.placeholders).text,
    sections: draft.sections.map((s) => {
      const r = renderPlaceholders(s.text, c.placeholders);
      return { number: s.number, text: r.text, unknown: r.unknown };
    }),
  };
}

/** The view for the exported report: with the annex material, read in the same transaction. */
async function withExtras(db: Kysely<DB>, step: (trx: Executor) => Promise<Drafted>): Promise<DraftView> {
  return db.transaction().execute(async (trx) => {
    const { draft, c } = await step(trx);
    const { loaded: _l, compareIds: _c, ...compile } = c;
    return { draft, compile, ...(await extrasOf(trx, c)), rendered: rendered(draft, c) };
  });
}

/** The view for the screen: the annex material is not read (screenView would leave it out). */
async function withoutExtras(db: Kysely<DB>, step: (trx: Executor) => Promise<Drafted>): Promise<DraftBase> {
  return db.transaction().execute(async (trx) => {
    const { draft, c } = await step(trx);
    const { loaded: _l, compareIds: _c, ...compile } = c;
    return { draft, compile, rendered: rendered(draft, c) };
  });
}

/** The window's stored draft, generated and stored the first time. */
async function stored(trx: Executor, args: WindowArgs, now: Date): Promise<Drafted> {
  const c = await compileWindow(trx, args);
  const key = windowKey(args.periodIds);
  let d = await storedDraft(trx, key);
  if (!d) {
    await storeDraft(trx, args.periodIds, c.compareIds, await freshDraft(trx, c), now);
    d = (await storedDraft(trx, key))!;
  }
  return { draft: d, c };
}

/** Regenerated from the current figures and answers, keeping the user's edits. */
async function refreshed(trx: Executor, args: WindowArgs, now: Date): Promise<Drafted> {
  const c = await compileWindow(trx, args);
  const key = windowKey(args.periodIds);
  const merged = mergeDraft(await storedDraft(trx, key), await freshDraft(trx, c));
  await storeDraft(trx, args.periodIds, c.compareIds, merged, now);
  return { draft: (await storedDraft(trx, key))!, c };
}

/** The user's edits stored. */
async function saved(trx: Executor, args: SaveDraftArgs, now: Date): Promise<Drafted> {
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
      `Bản dự thảo không có mục “${unknown[0]!.number}”; hãy tải lại bản dự thảo rồi sửa.`,
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
  return { draft: (await storedDraft(trx, key))!, c };
}

export const getDraft = (db: Kysely<DB>, args: WindowArgs, now = new Date()) =>
  withExtras(db, (trx) => stored(trx, args, now));
export const refreshDraft = (db: Kysely<DB>, args: WindowArgs, now = new Date()) =>
  withExtras(db, (trx) => refreshed(trx, args, now));
export const saveDraft = (db: Kysely<DB>, args: SaveDraftArgs, now = new Date()) =>
  withExtras(db, (trx) => saved(trx, args, now));

/** The same three for the screen (compile.draft, refreshDraft, saveDraft, units): without the annex material. */
export const screenDraft = {
  get: (db: Kysely<DB>, args: WindowArgs, now = new Date()) => withoutExtras(db, (trx) => stored(trx, args, now)),
  refresh: (db: Kysely<DB>, args: WindowArgs, now = new Date()) =>
    withoutExtras(db, (trx) => refreshed(trx, args, now)),
  save: (db: Kysely<DB>, args: SaveDraftArgs, now = new Date()) => withoutExtras(db, (trx) => saved(trx, args, now)),
};

/**
 * The screen's copy: what grows with the register left out — the unit lines counted, not sent
 * (compile.units pages them), the late and missing units' names and the text answers kept for the report
 * (the units' words and explained breaches are not even read for the screen: screenDraft).
 */
export function screenView(v: DraftBase): DraftScreen {
  const counted = ({ units, indicators, status, ...rest }: Aggregation): ScreenAggregation => {
    const { lateUnits: _late, missingUnits: _missing, ...counts } = status;
    return {
      ...rest,
      indicators: indicators.map(({ texts: _texts, ...figures }) => figures),
      status: counts,
      unitCount: units.length,
    };
  };
  const { current, previous, ...rest } = v.compile;
  return {
    draft: v.draft,
    rendered: v.rendered,
    compile: { ...rest, current: counted(current), previous: previous && counted(previous) },
  };
}

/** A window of the current unit lines, in the register's order, in their wire form (what the tabs show). */
export function unitLines(v: DraftBase, offset: number, limit: number): UnitLinesPage {
  const all = v.compile.current.units;
  return encodeUnitLines(all.length, offset, all.slice(offset, offset + limit));
}
