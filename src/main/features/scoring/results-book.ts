// The results workbook of a scoring round: one row per unit with every criterion's final score;
// the criteria total, capped bonus, deductions, total, class and rank are Excel formulas (with
// their values cached so a viewer that does not recalculate shows them too). A second sheet
// counts the units per class and unit kind with COUNTIFS.
import ExcelJS from 'exceljs';
import type { PreviousScore, RoundResults } from '../../../shared/model/scoring';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/model/unit';
import { apartSentences, scoreItems } from '../../../shared/domain/scoring';
import { columnLetter } from '../../workbooks/xlsx-input';
import { setText } from '../../workbooks/cell-text';
import { classFormula } from './self-score-book';
import { columnsOnFirstPage, fitRowHeights, linesFor, printAcross } from '../../workbooks/print-fit';

const FONT = 'Times New Roman';
const THIN = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
} as ExcelJS.Borders;
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** "+3", "−2" (a true minus sign, as in the Word report), "0". */
const CHANGE_FORMAT = '+0.##;"−"0.##;0';

export const RESULTS_SHEET = 'Kết quả';
export const COUNTS_SHEET = 'Xếp loại theo loại đơn vị';

export async function buildResultsBook(results: RoundResults, agencyName: string): Promise<Uint8Array> {
  const { set, ranking } = results;
  const items = scoreItems(set);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo Nội vụ';
  const ws = wb.addWorksheet(RESULTS_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 4 }] });
  const headers = [
    'Hạng',
    'Mã',
    'Đơn vị',
    'Loại đơn vị',
    ...items.map(
      (i) =>
        `${i.code} (${i.kind === 'bonus' ? 'thưởng, ' : i.kind === 'deduction' ? 'trừ, ' : ''}tối đa ${String(i.maxPoints).replace('.', ',')})`,
    ),
    'Tổng điểm tiêu chí',
    'Điểm thưởng',
    'Điểm trừ',
    'Tổng điểm',
    'Xếp loại',
    'Tự chấm',
    ...previousHeaders(results),
  ];
  const lastCol = headers.length;
  ws.getColumn(1).width = 7;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 36;
  ws.getColumn(4).width = 16;
  for (let i = 5; i <= lastCol; i++) ws.getColumn(i).width = 10;
  ws.getColumn(5 + items.length + 4).width = 28; // Xếp loại
  if (results.previous) ws.getColumn(lastCol).width = 48;
  // Many criteria make the sheet too wide for one readable page: A3 across pages, the unit
  // columns repeated, the titles over the first page's columns (they would be cut between pages).
  ws.pageSetup = { ...ws.pageSetup, ...printAcross(ws, lastCol, '4:4', 3) };
  const titleSpan =
    (ws.pageSetup.fitToWidth ?? 1) > 1 ? columnsOnFirstPage(ws, lastCol, ws.pageSetup.fitToWidth!) : lastCol;
  ws.mergeCells(1, 1, 1, titleSpan);
  setText(
    ws.getCell(1, 1),
    `${agencyName.toLocaleUpperCase('vi')} — KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI: ${results.round.name.toLocaleUpperCase('vi')}`,
  );
  ws.getCell(1, 1).font = { name: FONT, size: 13, bold: true };
  ws.mergeCells(2, 1, 2, titleSpan);
  setText(ws.getCell(2, 1), `Bộ tiêu chí: ${set.name} (phiên bản ${set.version}). ${results.tieRule}`);
  ws.getCell(2, 1).font = { name: FONT, size: 11, italic: true };
  ws.getCell(2, 1).alignment = { wrapText: true };
  const spanWidth = Array.from({ length: titleSpan }, (_, k) => ws.getColumn(k + 1).width ?? 9).reduce(
    (a, b) => a + b,
    0,
  );
  const tall = (text: string) => Math.max(1, linesFor(text, spanWidth)) * 15.75 + 3;
  ws.getRow(2).height = tall(String(ws.getCell(2, 1).value));
  const unscored = apartSentences(results).join(' ');
  if (unscored) {
    ws.mergeCells(3, 1, 3, titleSpan);
    setText(ws.getCell(3, 1), unscored);
    ws.getCell(3, 1).font = { name: FONT, size: 11, italic: true };
    ws.getCell(3, 1).alignment = { wrapText: true };
    ws.getRow(3).height = tall(unscored);
  }
  headers.forEach((h, i) => {
    const c = ws.getCell(4, i + 1);
    c.value = h;
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    c.fill = HEAD_FILL;
  });
  ws.getRow(4).height = 48;

  const firstItemCol = 5;
  const colOf = (code: string) => columnLetter(firstItemCol + items.findIndex((i) => i.code === code));
  const baseCol = firstItemCol + items.length;
  const [baseL, bonusL, dedL, totalL, classL] = [0, 1, 2, 3, 4].map((d) => columnLetter(baseCol + d));
  const first = 5;
  const last = first + Math.max(ranking.length, 1) - 1;
  const prevOf = new Map((results.previous?.rows ?? []).map((p) => [p.unitId, p]));
  const range = (codes: string[], r: number) =>
    codes.length === 0 ? '0' : codes.map((c) => `${colOf(c)}${r}`).join(',');
  ranking.forEach((row, idx) => {
    const r = first + idx;
    const values: ExcelJS.CellValue[] = [
      { formula: `RANK(${totalL}${r},$${totalL}$${first}:$${totalL}$${last},0)`, result: row.rank },
      row.unitCode,
      row.unitName,
      UNIT_KIND_LABELS[row.unitKind as UnitKind] ?? row.unitKind,
      ...items.map((i) => row.scores[i.code] ?? null),
      {
        formula: `SUM(${range(
          items.filter((i) => i.kind === 'criterion').map((i) => i.code),
          r,
        )})`,
        result: row.base,
      },
      {
        formula: `MIN(SUM(${range(
          items.filter((i) => i.kind === 'bonus').map((i) => i.code),
          r,
        )}),${set.bonus.cap})`,
        result: row.bonus,
      },
      {
        formula:
          set.deductions.cap === null
            ? `SUM(${range(
                items.filter((i) => i.kind === 'deduction').map((i) => i.code),
                r,
              )})`
            : `MIN(SUM(${range(
                items.filter((i) => i.kind === 'deduction').map((i) => i.code),
                r,
              )}),${set.deductions.cap})`,
        result: row.deductions,
      },
      { formula: `MAX(0,${baseL}${r}+${bonusL}${r}-${dedL}${r})`, result: row.total },
      { formula: classFormula(set, `${totalL}${r}`), result: row.classLabel },
      row.selfTotal,
      ...previousCells(results.previous, prevOf, row.unitId, `${totalL}${r}`, `${columnLetter(baseCol + 6)}${r}`),
    ];
    values.forEach((v, i) => {
      const c = ws.getCell(r, i + 1);
      if (typeof v === 'string') setText(c, v);
      else c.value = v;
      c.font = { name: FONT, size: 11, bold: i + 1 === baseCol + 3 };
      c.border = THIN;
      const note = i === lastCol - 1 && results.previous !== null;
      c.alignment = {
        vertical: 'middle',
        horizontal: i === 2 || i === 3 || note ? 'left' : 'center',
        wrapText: i === 2 || note,
      };
      if (i >= 4 && i !== baseCol + 3) c.numFmt = i + 1 === baseCol + 8 ? CHANGE_FORMAT : '0.##';
    });
  });
  fitRowHeights(ws, 5, last, lastCol);
  if (results.previous?.footnote) {
    const r = last + 2;
    ws.mergeCells(r, 1, r, titleSpan);
    setText(ws.getCell(r, 1), results.previous.footnote);
    ws.getCell(r, 1).font = { name: FONT, size: 11, italic: true };
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = tall(results.previous.footnote);
  }

  // Counts per class and unit kind, by formula over the results sheet.
  const cs = wb.addWorksheet(COUNTS_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const kinds = results.byKind;
  cs.getColumn(1).width = 26;
  const ch = ['Loại đơn vị', ...set.classes.map((c) => c.label), 'Tổng số'];
  ch.forEach((h, i) => {
    const c = cs.getCell(1, i + 1);
    c.value = h;
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    c.fill = HEAD_FILL;
    if (i > 0) cs.getColumn(i + 1).width = 18;
  });
  const sheetRef = `'${RESULTS_SHEET}'`;
  const kindRange = `${sheetRef}!$D$${first}:$D$${last}`;
  const classRange = `${sheetRef}!$${classL}$${first}:$${classL}$${last}`;
  kinds.forEach((k, idx) => {
    const r = idx + 2;
    setText(cs.getCell(r, 1), k.kindLabel);
    set.classes.forEach((cl, ci) => {
      cs.getCell(r, ci + 2).value = {
        formula: `COUNTIFS(${kindRange},$A${r},${classRange},"${cl.label.replace(/"/g, '""')}")`,
        result: k.counts[cl.code] ?? 0,
      };
    });
    cs.getCell(r, set.classes.length + 2).value = {
      formula: `SUM(B${r}:${columnLetter(set.classes.length + 1)}${r})`,
      result: k.total,
    };
  });
  const tr = kinds.length + 2;
  setText(cs.getCell(tr, 1), 'Tổng cộng');
  for (let ci = 2; ci <= set.classes.length + 2; ci++) {
    const L = columnLetter(ci);
    const result =
      ci <= set.classes.length + 1 ? (results.classCounts[set.classes[ci - 2]!.code] ?? 0) : ranking.length;
    cs.getCell(tr, ci).value = { formula: kinds.length ? `SUM(${L}2:${L}${tr - 1})` : '0', result };
  }
  fitRowHeights(cs, 1, 1, ch.length);
  cs.eachRow((row, n) => {
    if (n === 1) return;
    row.eachCell((c, col) => {
      c.font = { name: FONT, size: 11, bold: n === tr };
      c.border = THIN;
      c.alignment = { horizontal: col === 1 ? 'left' : 'center' };
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Last year's round (issue 20, as on the screen and in the Word report): its score, its rank, the
 *  change as a formula, and why a unit is not compared. No columns when there is no such round. */
function previousHeaders(results: RoundResults): string[] {
  const prev = results.previous;
  if (!prev) return [];
  const y = prev.round.year;
  return [`Điểm năm ${y}`, `Hạng năm ${y}`, 'Tăng (+), giảm (−)', `Ghi chú so với năm ${y}`];
}

function previousCells(
  prev: RoundResults['previous'],
  prevOf: Map<number, PreviousScore>,
  unitId: number,
  total: string,
  prevRef: string,
): ExcelJS.CellValue[] {
  if (!prev) return [];
  const p = prevOf.get(unitId);
  if (!p || p.total === null) return [p?.sources.length ? 'Không so sánh' : '—', null, null, p?.note ?? ''];
  return [
    p.total,
    p.rankLabel,
    p.change === null ? null : { formula: `${total}-${prevRef}`, result: p.change },
    p.note,
  ];
}
