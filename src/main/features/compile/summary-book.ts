// The summary workbook sent upward: totals as live formulas over the unit rows (rates as
// formulas too, never typed numbers), a sheet by unit, the reporting status and the comparison
// with last year. Times New Roman, A4 landscape (A3 across pages when wide), repeated header rows, frozen
// panes, Vietnamese number formats, and texts that can never turn into formulas.
import { reorganisationNote } from './restated';
import ExcelJS from 'exceljs';
import type { CompileResult, IndicatorTotal } from '../../../shared/model/compile';
import type { Agency } from '../../../shared/model/agency';
import { AGGREGATION_LABELS } from '../../../shared/model/template';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import { eachUnitVerdict } from '../../../shared/domain/target-units';
import { formatDateShort } from '../../../shared/format';
import { formatDec } from '../../../shared/domain/decimal';
import { targetPhrase } from '../../../shared/domain/aggregate-compare';
import { columnLetter } from '../../workbooks/xlsx-input';
import { writeWorkbook } from '../../workbooks/xlsx-write';
import { isPercentIndicator } from '../../../shared/domain/indicators';
import {
  FONT,
  FORMATS,
  HEADER_ROW,
  RIGHT,
  SHEETS,
  SharedStyles,
  finishSheet,
  fmtOf,
  formulaCell,
  headerBlock,
  num,
  q,
  setText,
  tableHeader,
} from './summary-cells';

export interface SummaryInput {
  agency: Agency;
  title: string;
  compile: CompileResult;
}

/** The summary workbook's package (xlsx-write.ts: every part as exceljs writes it, faster). */
export async function writeSummaryWorkbook(input: SummaryInput): Promise<Uint8Array> {
  return writeWorkbook(buildSummaryWorkbook(input));
}

export function buildSummaryWorkbook(input: SummaryInput): ExcelJS.Workbook {
  const { agency, title, compile } = input;
  const cur = compile.current;
  const periodLine = `Kỳ báo cáo: ${cur.periods.map((p) => p.name).join(', ')} (số liệu từ ${formatDateShort(cur.periods[0]!.windowStart)} đến ${formatDateShort(cur.periods[cur.periods.length - 1]!.windowEnd)})`;
  const wb = new ExcelJS.Workbook();
  wb.creator = agency.name || 'Báo cáo Nội vụ';
  wb.created = new Date();
  const inds = cur.indicators.filter((i) => i.rule === 'SUM' || i.rule === 'RATE' || i.rule === 'SHARE');
  const styles = new SharedStyles();

  // ——— Theo đơn vị: one row per unit, indicators as columns, a total row of formulas ———
  const wsTotals = wb.addWorksheet(SHEETS.totals);
  const wsUnits = wb.addWorksheet(SHEETS.units);
  const fixed = ['STT', 'Mã', 'Cơ quan, đơn vị', 'Loại', 'Phải báo cáo', 'Tình trạng'];
  const firstInd = fixed.length + 1;
  const colOf = new Map(inds.map((i, k) => [i.code, firstInd + k]));
  const unitCols = fixed.length + inds.length;
  headerBlock(wsUnits, agency, `${title} — số liệu theo cơ quan, đơn vị`, periodLine, unitCols);
  tableHeader(wsUnits, HEADER_ROW, [...fixed, ...inds.map((i) => i.code)]);
  tableHeader(wsUnits, HEADER_ROW + 1, [
    ...fixed.map(() => ''),
    ...inds.map((i) => `${i.name}${isPercentIndicator(i) ? ' (%)' : i.unit ? ` (${i.unit})` : ''}`),
  ]);
  for (let c = 1; c <= fixed.length; c++) wsUnits.mergeCells(HEADER_ROW, c, HEADER_ROW + 1, c);
  const first = HEADER_ROW + 2;
  const last = first + Math.max(cur.units.length, 1) - 1;
  const range = (col: number) => `${columnLetter(col)}${first}:${columnLetter(col)}${last}`;
  const expRange = `$E$${first}:$E$${last}`;
  cur.units.forEach((u, k) => {
    const r = first + k;
    // A row's cells by number: ws.getCell(r, c) encodes and decodes an "A1" address each time.
    const row = wsUnits.getRow(r);
    row.getCell(1).value = k + 1;
    setText(row.getCell(2), u.code);
    setText(row.getCell(3), u.name);
    setText(row.getCell(4), UNIT_KIND_LABELS[u.kind]);
    setText(row.getCell(5), u.expected ? 'Có' : 'Không');
    setText(row.getCell(6), u.label);
    for (const i of inds) {
      const c = colOf.get(i.code)!;
      const cell = row.getCell(c);
      if (i.rule === 'RATE') {
        const nc = i.numeratorCode ? colOf.get(i.numeratorCode) : undefined;
        const dc = i.denominatorCode ? colOf.get(i.denominatorCode) : undefined;
        const v = num(u.values[i.code] ?? null);
        if (nc && dc) {
          const n = `${columnLetter(nc)}${r}`;
          const d = `${columnLetter(dc)}${r}`;
          formulaCell(
            cell,
            `IF(OR(${d}="",${d}=0,${n}=""),"",${n}/${d})`,
            v === null ? null : v / 100,
            FORMATS.percent,
          );
        } else if (v !== null) {
          cell.value = v / 100;
          cell.numFmt = FORMATS.percent;
        }
      } else {
        const v = num(u.values[i.code] ?? null);
        if (v !== null) cell.value = v;
        cell.numFmt = i.rule === 'SHARE' ? FORMATS.yesno : fmtOf(i);
        cell.alignment = RIGHT;
      }
    }
  });
  const totalRow = last + 1;
  setText(wsUnits.getCell(totalRow, 3), 'Tổng cộng');
  wsUnits.getRow(totalRow).font = { name: FONT, size: 12, bold: true };

  /** The formula of an indicator's total over the unit rows, and its cached result. */
  const totalFormula = (i: IndicatorTotal, sheetPrefix: string): [string, number | null] => {
    const p = sheetPrefix;
    // No unit answered: blank ("—" in the report), not 0.
    if (i.rule === 'SUM') {
      const r = `${p}${range(colOf.get(i.code)!)}`;
      return [`IF(COUNT(${r})=0,"",SUM(${r}))`, num(i.value)];
    }
    if (i.rule === 'RATE') {
      const nc = i.numeratorCode ? colOf.get(i.numeratorCode) : undefined;
      const dc = i.denominatorCode ? colOf.get(i.denominatorCode) : undefined;
      const v = i.value === null ? null : Number(i.value) / 100;
      if (!nc || !dc) return [`""`, v];
      return [`IF(SUM(${p}${range(dc)})=0,"",SUM(${p}${range(nc)})/SUM(${p}${range(dc)}))`, v];
    }
    const col = `${p}${range(colOf.get(i.code)!)}`;
    const e = `${p}${expRange}`;
    // As the app: no expected unit answered → blank, not 0 %.
    return [
      `IF(COUNTIFS(${col},"<>",${e},"Có")=0,"",COUNTIFS(${col},1,${e},"Có")/COUNTIF(${e},"Có"))`,
      i.value === null ? null : Number(i.value) / 100,
    ];
  };
  for (const i of inds) {
    const [f, v] = totalFormula(i, '');
    formulaCell(wsUnits.getCell(totalRow, colOf.get(i.code)!), f, v, fmtOf(i));
  }
  wsUnits.getColumn(1).width = 6;
  wsUnits.getColumn(2).width = 12;
  wsUnits.getColumn(3).width = 36;
  wsUnits.getColumn(4).width = 16;
  wsUnits.getColumn(5).width = 10;
  wsUnits.getColumn(6).width = 14;
  for (const i of inds) wsUnits.getColumn(colOf.get(i.code)!).width = 14;
  wsUnits.getRow(HEADER_ROW + 1).height = 64;
  finishSheet(wsUnits, HEADER_ROW + 1, 3, totalRow, unitCols, styles);
  // A window spanning a reorganisation: the rows of today's units carry the old units' reports.
  if (compile.folding) setText(wsUnits.getCell(totalRow + 2, 1), compile.folding.footnote);

  // ——— Tổng hợp: one row per indicator, the result a formula over the unit rows ———
  const tCols = [
    'STT',
    'Mã',
    'Chỉ số',
    'Đơn vị tính',
    'Cách tổng hợp',
    'Kết quả',
    'Số đơn vị đã báo cáo',
    'Số đơn vị phải báo cáo chưa có số liệu',
  ];
  headerBlock(wsTotals, agency, title, periodLine, tCols.length);
  tableHeader(wsTotals, HEADER_ROW, tCols);
  const totalsRowOf = new Map<string, number>();
  inds.forEach((i, k) => {
    const r = HEADER_ROW + 1 + k;
    totalsRowOf.set(i.code, r);
    wsTotals.getCell(r, 1).value = k + 1;
    setText(wsTotals.getCell(r, 2), i.code);
    setText(wsTotals.getCell(r, 3), i.name);
    setText(wsTotals.getCell(r, 4), isPercentIndicator(i) ? '%' : i.unit);
    setText(
      wsTotals.getCell(r, 5),
      i.rule === 'RATE'
        ? `${AGGREGATION_LABELS.RATE} (${i.numeratorCode}/${i.denominatorCode})`
        : AGGREGATION_LABELS[i.rule] + (i.accumulation === 'cumulative' ? ' (lũy kế: lấy kỳ cuối)' : ''),
    );
    const [f, v] = totalFormula(i, `${q(SHEETS.units)}!`);
    formulaCell(wsTotals.getCell(r, 6), f, v, fmtOf(i));
    wsTotals.getCell(r, 7).value = i.reported;
    wsTotals.getCell(r, 8).value = i.missing;
  });
  [6, 10, 52, 12, 30, 16, 14, 16].forEach((w, k) => (wsTotals.getColumn(k + 1).width = w));
  finishSheet(wsTotals, HEADER_ROW, 3, HEADER_ROW + inds.length, tCols.length, styles);

  // ——— Tình hình báo cáo ———
  const wsStatus = wb.addWorksheet(SHEETS.status);
  const sCols = ['STT', 'Mã', 'Cơ quan, đơn vị', 'Loại', 'Phải báo cáo', 'Tình trạng', 'Ngày nhận', 'Số ngày muộn'];
  headerBlock(
    wsStatus,
    agency,
    `${title} — tình hình gửi báo cáo`,
    `${periodLine}; hạn gửi ${formatDateShort(cur.periods[cur.periods.length - 1]!.deadline)}`,
    sCols.length,
  );
  tableHeader(wsStatus, HEADER_ROW, sCols);
  const statusLines = cur.units;
  statusLines.forEach((u, k) => {
    const r = HEADER_ROW + 1 + k;
    const row = wsStatus.getRow(r);
    row.getCell(1).value = k + 1;
    setText(row.getCell(2), u.code);
    setText(row.getCell(3), u.name);
    setText(row.getCell(4), UNIT_KIND_LABELS[u.kind]);
    setText(row.getCell(5), u.expected ? 'Có' : 'Không');
    setText(row.getCell(6), u.label);
    setText(row.getCell(7), u.receivedDate ? formatDateShort(u.receivedDate) : '');
    if (u.daysLate !== null) row.getCell(8).value = u.daysLate;
  });
  const sLast = HEADER_ROW + Math.max(statusLines.length, 1);
  // The whole status block, each line a live formula over the table above with the app's figure
  // as its cached value: expected, sent (on time, late), not sent.
  const colRange = (col: string) => `${col}${HEADER_ROW + 1}:${col}${sLast}`;
  const countState = (...states: string[]) =>
    states.map((st) => `COUNTIFS(${colRange('E')},"Có",${colRange('F')},"${st}")`).join('+');
  const summary: [string, string, number][] = [
    ['Phải báo cáo', `COUNTIF(${colRange('E')},"Có")`, cur.status.expected],
    [
      'Đã gửi',
      // Received = the standings "Đã nộp …" and "Đã duyệt …" (shared/domain/report-status.ts).
      countState('Đã nộp*', 'Đã duyệt*'),
      cur.status.reported,
    ],
    ['Trong đó: đúng hạn', `${summaryCell(1)}-${summaryCell(3)}`, cur.status.onTime],
    ['Nộp muộn', `COUNTIFS(${colRange('E')},"Có",${colRange('H')},">0")`, cur.status.late],
    ['Chưa gửi', `${summaryCell(0)}-${summaryCell(1)}`, cur.status.missing],
  ];
  function summaryCell(k: number): string {
    return `D${sLast + 2 + k}`;
  }
  summary.forEach(([label, f, v], k) => {
    const r = sLast + 2 + k;
    setText(wsStatus.getCell(r, 3), label);
    formulaCell(wsStatus.getCell(r, 4), f, v, FORMATS.count);
  });
  [6, 12, 40, 18, 12, 18, 13, 12].forEach((w, k) => (wsStatus.getColumn(k + 1).width = w));
  finishSheet(wsStatus, HEADER_ROW, 3, sLast, sCols.length, styles);

  // ——— So sánh cùng kỳ ———
  const wsCmp = wb.addWorksheet(SHEETS.compare);
  const cCols = [
    'STT',
    'Mã',
    'Chỉ số',
    'Đơn vị tính',
    'Kỳ này',
    'Cùng kỳ năm trước',
    'Tăng (+), giảm (−)',
    'So với cùng kỳ',
    'Chỉ tiêu',
    'Đánh giá',
  ];
  const prevNames = compile.previous
    ? compile.previous.periods.map((p) => p.name).join(', ')
    : 'không có kỳ cùng kỳ năm trước';
  headerBlock(
    wsCmp,
    agency,
    `${title} — so sánh với cùng kỳ năm trước`,
    `${periodLine}; cùng kỳ: ${prevNames}`,
    cCols.length,
  );
  tableHeader(wsCmp, HEADER_ROW, cCols);
  inds.forEach((i, k) => {
    const r = HEADER_ROW + 1 + k;
    const cmp = compile.comparison.find((c) => c.code === i.code);
    const pct = isPercentIndicator(i);
    const scale = (v: string | null) => (v === null ? null : pct ? Number(v) / 100 : Number(v));
    wsCmp.getCell(r, 1).value = k + 1;
    setText(wsCmp.getCell(r, 2), i.code);
    setText(wsCmp.getCell(r, 3), i.name);
    setText(wsCmp.getCell(r, 4), pct ? '%' : i.unit);
    formulaCell(wsCmp.getCell(r, 5), `${q(SHEETS.totals)}!F${totalsRowOf.get(i.code)!}`, scale(i.value), fmtOf(i));
    const prev = scale(cmp?.previous ?? null);
    if (prev !== null) wsCmp.getCell(r, 6).value = prev;
    wsCmp.getCell(r, 6).numFmt = fmtOf(i);
    const delta = cmp?.delta ?? null;
    formulaCell(
      wsCmp.getCell(r, 7),
      `IF(OR(E${r}="",F${r}=""),"",E${r}-F${r})`,
      scale(delta),
      pct ? '+0.00%;-0.00%;0.00%' : i.type === 'amount' ? '+#,##0.00;-#,##0.00;0' : '+#,##0;-#,##0;0',
    );
    if (!pct) {
      const ratio =
        cmp?.previous && cmp.previous !== '0' && i.value !== null ? Number(i.value) / Number(cmp.previous) : null;
      formulaCell(wsCmp.getCell(r, 8), `IF(OR(E${r}="",F${r}="",F${r}=0),"",E${r}/F${r})`, ratio, FORMATS.percent);
    }
    const ts = compile.targets.filter((t) => t.indicatorCode === i.code);
    setText(wsCmp.getCell(r, 9), ts.map((t) => targetPhrase(t, formatDec)).join('; '));
    setText(
      wsCmp.getCell(r, 10),
      ts
        .map((t) => (t.met === null ? 'Chưa đánh giá được' : t.units ? eachUnitVerdict(t) : t.met ? 'Đạt' : 'Chưa đạt'))
        .join('; '),
    );
  });
  [6, 10, 48, 12, 14, 14, 14, 13, 16, 14].forEach((w, k) => (wsCmp.getColumn(k + 1).width = w));
  finishSheet(wsCmp, HEADER_ROW, 3, HEADER_ROW + inds.length, cCols.length, styles);
  // Under the comparison: how this window's and last year's figures were read onto today's units.
  const reorganised = reorganisationNote(compile);
  if (reorganised) setText(wsCmp.getCell(HEADER_ROW + inds.length + 2, 1), reorganised);

  return wb;
}
