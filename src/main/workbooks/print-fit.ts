// How a generated sheet prints. Row heights are written, not left to the reader: LibreOffice
// does not re-measure wrapped text in rows of a file it opens, so a wrapped label ran over the
// next row; and a sheet too wide for A4 goes on A3 across as many pages as it needs, with the
// unit columns repeated, instead of being shrunk to one unreadable page.
import type ExcelJS from 'exceljs';
import { columnLetter } from './xlsx-input';
import { baseLetters, baseWidthPt } from '../documents/nd30/metrics';

/** Points per line of 12 pt Times New Roman, with Excel's own leading. */
const LINE_PT = 15.75;

/**
 * Points of print across a column `width` wide in Excel: a width counts "0"s of the book's 11 pt
 * Calibri (7 px each, plus 5 px of padding), less the cell's margins, and 3% kept for glyphs
 * rounded to whole pixels. (LibreOffice without Calibri draws columns wider: rows look roomier.)
 */
const printWidthPt = (width: number): number => (width * 7 + 5 - 4) * 0.75 * 0.97;

/** Lines a text takes in a column `width` wide, breaking at spaces as the reader does. */
export function linesFor(text: string, width: number, bold = false): number {
  const room = printWidthPt(width);
  const space = baseWidthPt(' ', 12, bold);
  // Measured on the base letters once (a thousand unit names per sheet): marks do not change widths.
  const base = baseLetters(text);
  if (!base.includes('\n') && baseWidthPt(base, 12, bold) <= room) return 1;
  let lines = 0;
  for (const para of base.split('\n')) {
    let used = -1; // nothing on the line yet
    lines++;
    for (const word of para.split(' ')) {
      let w = baseWidthPt(word, 12, bold);
      if (used >= 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used >= 0) lines++;
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
}

/** Each row from `from` to `to` as tall as its most wrapped text cell (never lower than it was set). */
export function fitRowHeights(ws: ExcelJS.Worksheet, from: number, to: number, columns: number): void {
  const widths = Array.from({ length: columns }, (_, k) => ws.getColumn(k + 1).width ?? 9);
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    let lines = 1;
    for (let c = 1; c <= columns; c++) {
      const v = row.getCell(c).value;
      const bold = row.getCell(c).font?.bold === true;
      if (typeof v === 'string' && v.length > 0) lines = Math.max(lines, linesFor(v, widths[c - 1]!, bold));
      else if (v && typeof v === 'object' && 'richText' in v)
        lines = Math.max(lines, linesFor(v.richText.map((t) => t.text).join(''), widths[c - 1]!, bold));
    }
    if (lines > 1) row.height = Math.max(row.height ?? 0, Math.ceil(lines * LINE_PT + 3));
  }
}

/** Excel's paper code for A3 (its typings list only some of the codes the format has). */
const A3 = 8 as ExcelJS.PaperSize;
/** Widths that fit across A4 landscape at full size (about 277 mm of print). */
const A4_ACROSS = 150;
/** …and across A3 landscape (about 400 mm). */
const A3_ACROSS = 215;

/** How many of the first columns go on the first of `pages` printed across (at least one). */
export function columnsOnFirstPage(ws: ExcelJS.Worksheet, columns: number, pages: number): number {
  const widths = Array.from({ length: columns }, (_, k) => ws.getColumn(k + 1).width ?? 9);
  // scaled to fit, each page holds an equal share of the widths; breaks fall between columns
  const share = (widths.reduce((a, b) => a + b, 0) / pages) * 0.98;
  let used = 0;
  for (let c = 1; c <= columns; c++) {
    used += widths[c - 1]!;
    if (used > share) return Math.max(1, c - 1);
  }
  return columns;
}

/** A4 landscape fitted to the width when the table fits; otherwise A3 across several pages with the first columns repeated. */
export function printAcross(
  ws: ExcelJS.Worksheet,
  columns: number,
  titleRows: string,
  titleColumns: number,
): Partial<ExcelJS.PageSetup> {
  let across = 0;
  for (let c = 1; c <= columns; c++) across += ws.getColumn(c).width ?? 9;
  if (across <= A4_ACROSS * 1.25)
    return {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: titleRows,
    };
  return {
    paperSize: A3,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: Math.ceil(across / A3_ACROSS),
    fitToHeight: 0,
    printTitlesRow: titleRows,
    printTitlesColumn: `A:${columnLetter(titleColumns)}`,
  };
}
