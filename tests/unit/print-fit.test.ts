// Row heights and paper for generated sheets (workbooks/print-fit.ts).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fitRowHeights, linesFor, printAcross } from '../../src/main/workbooks/print-fit';

describe('lines a wrapped text takes', () => {
  it('breaks at spaces, and cuts a word longer than the column', () => {
    expect(linesFor('Cộng', 30)).toBe(1);
    expect(linesFor('Tỷ lệ tính lại từ tử số và mẫu số (DT03/DT02)', 30)).toBe(2);
    expect(linesFor('a'.repeat(100), 10)).toBe(11); // 533 pt of "a" in 52 pt lines
    expect(linesFor('dòng một\ndòng hai', 30)).toBe(2);
  });
});

describe('a sheet prints readably', () => {
  it('rows as tall as their most wrapped cell, never lower than set', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('x');
    ws.getColumn(1).width = 10;
    ws.getColumn(2).width = 40;
    ws.getCell(1, 1).value = 'một hai ba bốn năm sáu bảy tám';
    ws.getCell(2, 2).value = 'ngắn';
    ws.getCell(3, 1).value = 'ngắn';
    ws.getRow(3).height = 64;
    fitRowHeights(ws, 1, 3, 2);
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(3 * 15.75);
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.getRow(3).height).toBe(64);
  });

  it('A4 when the table fits, A3 over pages with the first columns repeated when it does not', () => {
    const narrow = new ExcelJS.Workbook().addWorksheet('a');
    [6, 10, 52, 12, 30, 16, 14, 16].forEach((w, k) => (narrow.getColumn(k + 1).width = w));
    expect(printAcross(narrow, 8, '7:7', 3)).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    const wide = new ExcelJS.Workbook().addWorksheet('b');
    for (let c = 1; c <= 40; c++) wide.getColumn(c).width = 14;
    const setup = printAcross(wide, 40, '7:8', 3);
    expect(setup).toMatchObject({ paperSize: 8, fitToWidth: 3, printTitlesColumn: 'A:C', printTitlesRow: '7:8' });
  });
});

describe('a text that Excel shows on one line is given one line', () => {
  it('an indicator name in the 52-wide column of Tổng hợp', () => {
    expect(linesFor('Văn bản lãnh đạo, chỉ đạo, triển khai công tác dân vận', 52)).toBe(1);
    expect(linesFor('văn bản', 12)).toBe(1);
  });
});
