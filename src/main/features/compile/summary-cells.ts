// The summary workbook's cells and sheets (summary-book.ts fills them): sheet names, number formats,
// texts that can never turn into formulas, formula cells with their cached result, the header block,
// table headers, one shared style object per look, and each sheet's print setup and frozen panes.
import ExcelJS from 'exceljs';
import type { IndicatorTotal } from '../../../shared/model/compile';
import type { Agency } from '../../../shared/model/agency';
import { columnLetter } from '../../workbooks/xlsx-input';
import { columnsOnFirstPage, fitRowHeights, printAcross } from '../../workbooks/print-fit';
import { isPercentIndicator } from '../../../shared/domain/indicators';

export const SHEETS = {
  totals: 'Tổng hợp',
  units: 'Theo đơn vị',
  status: 'Tình hình báo cáo',
  compare: 'So sánh cùng kỳ',
} as const;
export const FONT = 'Times New Roman';
export const FORMATS = {
  count: '#,##0',
  amount: '#,##0.00',
  percent: '0.00%',
  yesno: '[=1]"Có";[=0]"Không";General',
} as const;
/** The first row of every table (after the header block). */
export const HEADER_ROW = 7;

/** A text that Excel would read as a formula or a command (= + - @ tab CR) stays text. */
export function isRiskyText(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

export function setText(cell: ExcelJS.Cell, s: string): void {
  cell.value = s;
  if (isRiskyText(s)) cell.numFmt = '@';
}

export const num = (v: string | null): number | null => (v === null ? null : Number(v));
export const q = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

export function formulaCell(cell: ExcelJS.Cell, formula: string, result: number | string | null, numFmt: string): void {
  cell.value = result === null ? { formula, result: '' } : { formula, result };
  cell.numFmt = numFmt;
}

export const fmtOf = (i: Pick<IndicatorTotal, 'rule' | 'type'>): string =>
  isPercentIndicator(i) ? FORMATS.percent : i.type === 'amount' ? FORMATS.amount : FORMATS.count;

export function headerBlock(
  ws: ExcelJS.Worksheet,
  agency: Agency,
  title: string,
  subtitle: string,
  columns: number,
): void {
  setText(ws.getCell(1, 1), agency.parentName);
  setText(ws.getCell(2, 1), agency.name);
  ws.getCell(2, 1).font = { name: FONT, size: 12, bold: true };
  ws.getCell(1, 1).font = { name: FONT, size: 12 };
  ws.mergeCells(4, 1, 4, columns);
  ws.mergeCells(5, 1, 5, columns);
  setText(ws.getCell(4, 1), title.toLocaleUpperCase('vi'));
  ws.getCell(4, 1).font = { name: FONT, size: 14, bold: true };
  ws.getCell(4, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(4).height = 36;
  setText(ws.getCell(5, 1), subtitle);
  ws.getCell(5, 1).font = { name: FONT, size: 12, italic: true };
  ws.getCell(5, 1).alignment = { horizontal: 'center' };
}

const HEADER_FONT = { name: FONT, size: 12, bold: true };
const HEADER_ALIGNMENT = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
export const RIGHT = { horizontal: 'right' } as const;
const CENTRE: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle' };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export function tableHeader(ws: ExcelJS.Worksheet, row: number, labels: string[]): void {
  labels.forEach((l, k) => {
    const c = ws.getCell(row, k + 1);
    setText(c, l);
    c.font = HEADER_FONT;
    c.alignment = HEADER_ALIGNMENT;
    c.fill = HEADER_FILL;
  });
}

/**
 * Cells that look alike share one style object: exceljs writes a style object it has seen once,
 * but serialises a cell's own object for every cell (thousands in the sheet by unit).
 */
export class SharedStyles {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  private id(o: object | undefined): number {
    if (!o) return 0;
    let i = this.ids.get(o);
    if (i === undefined) this.ids.set(o, (i = this.next++));
    return i;
  }

  /** The cell's style with the sheet's font, and the table's borders and alignment when `inTable`. */
  finish(st: Partial<ExcelJS.Style>, inTable: boolean): Partial<ExcelJS.Style> {
    const key = `${this.id(st.font)}|${this.id(st.alignment)}|${this.id(st.fill)}|${this.id(st.border)}|${this.id(st.protection)}|${st.numFmt ?? ''}|${inTable ? 1 : 0}`;
    let out = this.styles.get(key);
    if (!out) {
      out = { ...st, font: { name: FONT, size: 12, ...(st.font ?? {}) } };
      if (inTable) {
        out.border = BORDERS;
        out.alignment = { vertical: 'middle', wrapText: true, ...(st.alignment ?? {}) };
      }
      this.styles.set(key, out);
    }
    return out;
  }
}

export function finishSheet(
  ws: ExcelJS.Worksheet,
  lastHeaderRow: number,
  frozenCols: number,
  lastRow: number,
  columns: number,
  styles: SharedStyles,
): void {
  // Measured once: exceljs counts columns by walking every row.
  const rows = Math.max(lastRow, ws.rowCount);
  const cols = Math.max(columns, ws.columnCount);
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      // the STT column's numbers sit in the middle, apart from the codes next to them
      const st =
        c === 1 && r > lastHeaderRow && !cell.style.alignment ? { ...cell.style, alignment: CENTRE } : cell.style;
      cell.style = styles.finish(st, r >= HEADER_ROW && r <= lastRow && c <= columns);
    }
  }
  fitRowHeights(ws, HEADER_ROW, lastRow, columns);
  ws.views = [
    {
      state: 'frozen',
      xSplit: frozenCols,
      ySplit: lastHeaderRow,
      topLeftCell: `${columnLetter(frozenCols + 1)}${lastHeaderRow + 1}`,
      activeCell: 'A1',
    },
  ];
  const setup = printAcross(ws, columns, `${HEADER_ROW}:${lastHeaderRow}`, frozenCols);
  if ((setup.fitToWidth ?? 1) > 1) {
    // printed across pages, the title centred over every column would be cut between two pages
    const first = columnsOnFirstPage(ws, columns, setup.fitToWidth!);
    for (const r of [4, 5]) {
      ws.unMergeCells(r, 1, r, columns);
      ws.mergeCells(r, 1, r, first);
    }
  }
  ws.pageSetup = {
    ...setup,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' };
}
