// The hand-written baselines of bench/compile.ts: the same totals in plain SQL, the same document
// packed by the docx library, the same workbook written by exceljs, none with the app's layer.
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/main/db/schema';
import type { DocumentModel } from '../../src/main/documents/model';
import type { Aggregation, CompileResult } from '../../src/shared/model/compile';
import { KINDS } from './seed';

// ——— Raw SQL: the same totals, by hand, for this data set (expected = every unit of the three kinds) ———
// The app's answer states each unit's standing as of the compile's day (a report counts when it
// had been received by then) and the reports breaking a rule of the template (the board's flag
// count and a note naming those without a reason): the baseline works them out too.

interface RawGroup {
  kind: string;
  code: string;
  expected: number;
  total: string | null;
  n: number;
  yes: number;
}

/** A report's status on `asOf`: its last move on or before that day (report_event_dates may set the day). */
const statusOn = (
  asOf: string,
) => sql`(SELECT e.to_status FROM report_events e LEFT JOIN report_event_dates d ON d.event_id = e.id
  WHERE e.report_id = r.id AND COALESCE(d.on_date, substr(e.at, 1, 10)) <= ${asOf} ORDER BY e.id DESC LIMIT 1)`;
/** The day of its last submission on or before `asOf` (a move to "đã nộp" from a status not received). */
const receivedOn = (asOf: string) => sql`(SELECT COALESCE(d.on_date, substr(e.at, 1, 10)) FROM report_events e
  LEFT JOIN report_event_dates d ON d.event_id = e.id
  WHERE e.report_id = r.id AND e.to_status = 'da_nop' AND e.from_status NOT IN ('da_nop', 'da_duyet')
    AND COALESCE(d.on_date, substr(e.at, 1, 10)) <= ${asOf} ORDER BY e.id DESC LIMIT 1)`;

export async function rawTotals(db: Kysely<DB>, periodId: number, asOf: string) {
  const kinds = sql.join(KINDS);
  // Each unit's standing on the day, and whether the reports counted then are those counted now
  // (then the totals test the status column, as the app does; otherwise the standing on the day).
  const units = await sql<{
    id: number;
    code: string;
    name: string;
    kind: string;
    now: string | null;
    status: string | null;
    received_date: string | null;
  }>`
    SELECT u.id, u.code, u.name, u.kind, r.status AS now, ${statusOn(asOf)} AS status, ${receivedOn(asOf)} AS received_date
    FROM units u LEFT JOIN reports r ON r.unit_id = u.id AND r.period_id = ${periodId}
    WHERE u.kind IN (${kinds}) ORDER BY u.sort_order, u.code`.execute(db);
  const counted = (s: string | null) => s === 'da_nop' || s === 'da_duyet';
  const asNow = units.rows.every((u) => counted(u.now) === counted(u.status));
  const groups = await sql<RawGroup>`
    SELECT u.kind AS kind, v.field_key AS code, u.kind IN (${kinds}) AS expected, CAST(SUM(v.int_value) AS TEXT) AS total,
      COUNT(v.int_value) AS n, COUNT(CASE WHEN v.int_value = 1 THEN 1 END) AS yes, COUNT(CASE WHEN v.int_value > 0 THEN 1 END) AS positive
    FROM reports r JOIN report_values v ON v.report_id = r.id JOIN units u ON u.id = r.unit_id
    WHERE r.period_id = ${periodId} AND ${asNow ? sql`r.status` : statusOn(asOf)} IN ('da_nop', 'da_duyet')
    GROUP BY 1, 2, 3`.execute(db);
  return { groups: groups.rows, units: units.rows };
}

/** The default template's rules, written out as SQL over one row of each report's values (checked against the template). */
const RULES: [string, string][] = [
  ['DT03 <= DT02', 'dt03 > dt02'],
  ['DN03 <= DN01 + DN02', 'dn03 > dn01 + dn02'],
  ['DN04 <= DN03', 'dn04 > dn03'],
  ['HC03 <= HC02', 'hc03 > hc02'],
  ['DV02 <= DV01', 'dv02 > dv01'],
];
const RULE_CODES = ['DT02', 'DT03', 'DN01', 'DN02', 'DN03', 'DN04', 'HC02', 'HC03', 'DV01', 'DV02'];

/** The reports of a period breaking a rule, and the rules each left without a reason. */
export async function rawBreaches(db: Kysely<DB>, periodId: number) {
  const rules = await sql<{ expression: string }>`
    SELECT x.expression FROM template_rules x JOIN periods p ON p.template_id = x.template_id
    WHERE p.id = ${periodId} ORDER BY x.position`.execute(db);
  if (rules.rows.map((r) => r.expression).join() !== RULES.map((r) => r[0]).join())
    throw new Error("rawBreaches: the template's rules are not the ones written out here");
  const pivot = sql.join(
    RULE_CODES.map(
      (c) =>
        sql`MAX(CASE WHEN v.field_key = ${c} THEN COALESCE(v.int_value, v.dec_value) END) AS ${sql.raw(c.toLowerCase())}`,
    ),
  );
  const broken = await sql<Record<string, number> & { unit_id: number }>`
    WITH p AS (
      SELECT r.unit_id AS unit_id, ${pivot}
      FROM reports r JOIN report_values v ON v.report_id = r.id
      WHERE r.period_id = ${periodId} AND v.field_key IN (${sql.join(RULE_CODES)})
      GROUP BY r.unit_id)
    SELECT unit_id, ${sql.join(RULES.map(([, b], i) => sql`${sql.raw(b)} AS ${sql.raw(`b${i}`)}`))} FROM p
    WHERE ${sql.raw(RULES.map(([, b]) => b).join(' OR '))}`.execute(db);
  const reasons = await sql<{ unit_id: number; field_key: string }>`
    SELECT r.unit_id, v.field_key FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.period_id = ${periodId} AND v.field_key IN (${sql.join(RULES.map(([e]) => `lydo:${e}`))})
      AND TRIM(v.text_value) <> ''`.execute(db);
  const given = new Set(reasons.rows.map((r) => `${r.unit_id}:${r.field_key}`));
  return broken.rows.map((row) => ({
    unitId: row.unit_id,
    silent: RULES.filter(([e], i) => row[`b${i}`] === 1 && !given.has(`${row.unit_id}:lydo:${e}`)).length,
  }));
}

/** Tổng hợp by hand: both periods' totals and standings as of the day, and the last period's breaches. */
export async function rawCompile(db: Kysely<DB>, last: number, lastYear: number, asOf: string) {
  return {
    current: await rawTotals(db, last, asOf),
    previous: await rawTotals(db, lastYear, asOf),
    breaches: await rawBreaches(db, last),
  };
}

/** Each unit's values of a period, one row per unit. */
export async function rawUnitValues(db: Kysely<DB>, periodId: number) {
  const r = await sql<{ unit_id: number; vals: string }>`
    SELECT r.unit_id, json_group_object(v.field_key, COALESCE(v.int_value, v.dec_value)) AS vals FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.period_id = ${periodId} AND r.status IN ('da_nop', 'da_duyet') AND (v.int_value IS NOT NULL OR v.dec_value IS NOT NULL) GROUP BY r.unit_id`.execute(
    db,
  );
  return r.rows.map((row) => ({
    unitId: row.unit_id,
    values: JSON.parse(row.vals) as Record<string, number | string>,
  }));
}

/** The raw totals must be the app's: SUM, SHARE and RATE parts, reporting counts, each unit's standing. */
export function checkSame(app: Aggregation, raw: Awaited<ReturnType<typeof rawTotals>>): void {
  const sum = (code: string, expectedOnly = false, f: (g: RawGroup) => number | bigint = (g) => BigInt(g.total ?? 0)) =>
    raw.groups.filter((g) => g.code === code && (!expectedOnly || g.expected)).reduce((a, g) => a + BigInt(f(g)), 0n);
  for (const i of app.indicators) {
    const fail = (what: string, a: unknown, b: unknown) => {
      throw new Error(`raw SQL ≠ app: ${i.code} ${what}: ${String(a)} vs ${String(b)}`);
    };
    if (i.rule === 'SUM' && i.value !== null && String(sum(i.code)) !== i.value) fail('SUM', sum(i.code), i.value);
    if (i.rule === 'SHARE' && String(sum(i.code, true, (g) => g.yes)) !== i.numerator)
      fail(
        'SHARE yes',
        sum(i.code, true, (g) => g.yes),
        i.numerator,
      );
    if (
      i.rule === 'RATE' &&
      (String(sum(i.numeratorCode!)) !== i.numerator || String(sum(i.denominatorCode!)) !== i.denominator)
    )
      fail('RATE parts', sum(i.numeratorCode!), i.numerator);
  }
  const reported = raw.units.filter((u) => u.status === 'da_nop' || u.status === 'da_duyet').length;
  if (reported !== app.status.reported || raw.units.length !== app.status.expected)
    throw new Error(
      `raw SQL ≠ app: reporting ${reported}/${raw.units.length} vs ${app.status.reported}/${app.status.expected}`,
    );
  const lines = app.units.map((u) => `${u.unitId} ${u.status} ${u.receivedDate ?? '-'}`).join('\n');
  const rows = raw.units.map((u) => `${u.id} ${u.status ?? 'chua_nop'} ${u.received_date ?? '-'}`).join('\n');
  if (lines !== rows) throw new Error('raw SQL ≠ app: the units’ standings as of the day differ');
}

/** Both periods, and the breach count of the board's flag (expected units whose begun report breaks a rule). */
export function checkCompile(app: CompileResult, raw: Awaited<ReturnType<typeof rawCompile>>): void {
  checkSame(app.current, raw.current);
  checkSame(app.previous!, raw.previous);
  const status = new Map(raw.current.units.map((u) => [u.id, u.status ?? 'chua_nop']));
  const flagged = raw.breaches.filter((b) => (status.get(b.unitId) ?? 'chua_nop') !== 'chua_nop').length;
  if (flagged !== app.current.status.counts.withBreaches)
    throw new Error(`raw SQL ≠ app: breaches ${flagged} vs ${app.current.status.counts.withBreaches}`);
}

// ——— Raw docx: the model's paragraphs and tables, packed with no layout of the app's ———

const A4 = { width: 11906, height: 16838 };
const MARGINS = { left: 1701, right: 1134, top: 1134, bottom: 1134 };

export function rawDocx(model: DocumentModel): Promise<Buffer> {
  const text = (v: unknown): string =>
    typeof v === 'string' ? v : Array.isArray(v) ? v.map((r: { text: string }) => r.text).join('') : String(v);
  const cellText = (c: unknown): string =>
    typeof c === 'object' && c !== null ? String((c as { text: unknown }).text) : String(c);
  const span = (c: unknown): number =>
    typeof c === 'object' && c !== null ? ((c as { colSpan?: number }).colSpan ?? 1) : 1;
  const blocks = (body: DocumentModel['body'], width: number): (Paragraph | Table)[] =>
    body.flatMap((b): (Paragraph | Table)[] => {
      switch (b.kind) {
        case 'heading':
          return [new Paragraph({ children: [new TextRun({ text: `${b.number}. ${b.title}`, bold: true })] })];
        case 'paragraph':
        case 'basis':
          return [new Paragraph(text(b.text))];
        case 'list':
          return b.items.map((item) => new Paragraph(`- ${text(item)}`));
        case 'part':
          return [new Paragraph(`${b.label} ${b.title}`)];
        case 'pageBreak':
          return [];
        case 'table': {
          const rel = b.widths ?? (b.header[0] ?? b.rows[0] ?? []).map(() => 1);
          const total = rel.reduce((a, x) => a + x, 0);
          const widths = rel.map((w) => Math.floor((w / total) * width));
          const row = (cells: unknown[], header: boolean) => {
            let col = 0;
            return new TableRow({
              tableHeader: header || undefined,
              children: cells.map((c) => {
                const n = span(c);
                const w = widths.slice(col, col + n).reduce((a, x) => a + x, 0);
                col += n;
                return new TableCell({
                  width: { size: w, type: WidthType.DXA },
                  columnSpan: n > 1 ? n : undefined,
                  children: [new Paragraph(cellText(c))],
                });
              }),
            });
          };
          return [
            ...(b.title ? [new Paragraph(b.title)] : []),
            new Table({
              columnWidths: widths,
              rows: [...b.header.map((r) => row(r, true)), ...b.rows.map((r) => row(r, false))],
            }),
            new Paragraph(b.note ?? ''),
          ];
        }
      }
    });
  const portrait = A4.width - MARGINS.left - MARGINS.right;
  const landscape = A4.height - MARGINS.left - MARGINS.right;
  const h = model.header;
  const first = [
    h.parentAgency,
    h.agency,
    `Số: /${h.symbol}`,
    `${h.place}, ngày ${h.date}`,
    model.type.toUpperCase(),
    model.summary,
    `Kính gửi: ${model.to.join('; ')}`,
  ].map((t) => new Paragraph(t));
  const last = [model.signature.title, model.signature.fullName, 'Nơi nhận:', ...model.recipients.entries].map(
    (t) => new Paragraph(t),
  );
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: A4, margin: MARGINS } },
        children: [...first, ...blocks(model.body, portrait), ...last],
      },
      ...(model.annexes ?? []).map((a) => {
        const wide = a.orientation === 'landscape';
        return {
          properties: {
            page: {
              size: { ...A4, orientation: wide ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
              margin: MARGINS,
            },
          },
          children: [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [new TextRun({ text: `Phụ lục ${a.number}`, bold: true })],
            }),
            new Paragraph(a.title),
            ...blocks(a.body, wide ? landscape : portrait),
          ],
        };
      }),
    ],
  });
  return Packer.toBuffer(doc);
}

// ——— Raw exceljs: the app's workbook read back once (untimed) into plain cells, then written ———

export interface SheetCopy {
  name: string;
  cells: { r: number; c: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }[];
  merges: string[];
  widths: (number | undefined)[];
  heights: [number, number][];
  views: Partial<ExcelJS.WorksheetView>[];
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
}

export async function snapshot(bytes: Uint8Array): Promise<SheetCopy[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  return wb.worksheets.map((ws) => {
    const cells: SheetCopy['cells'] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const key = JSON.stringify(cell.style);
        if (!styles.has(key)) styles.set(key, JSON.parse(key) as Partial<ExcelJS.Style>);
        cells.push({ r, c, value: cell.value, style: styles.get(key)! });
      }),
    );
    const heights: [number, number][] = [];
    ws.eachRow((row, r) => row.height && heights.push([r, row.height]));
    return {
      name: ws.name,
      cells,
      merges: (ws.model as { merges: string[] }).merges,
      widths: Array.from({ length: ws.columnCount }, (_, k) => ws.getColumn(k + 1).width),
      heights,
      views: ws.views,
      pageSetup: ws.pageSetup,
      headerFooter: ws.headerFooter,
    };
  });
}

export async function rawXlsx(sheets: SheetCopy[]): Promise<ExcelJS.Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: s.views, pageSetup: s.pageSetup, headerFooter: s.headerFooter });
    for (const m of s.merges) ws.mergeCells(m);
    for (const x of s.cells) {
      const cell = ws.getRow(x.r).getCell(x.c);
      cell.value = x.value;
      cell.style = x.style;
    }
    s.widths.forEach((w, k) => w && (ws.getColumn(k + 1).width = w));
    for (const [r, h] of s.heights) ws.getRow(r).height = h;
  }
  return wb.xlsx.writeBuffer();
}
