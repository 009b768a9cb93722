// The input sheet's cells of the data-entry workbook (collect-book.ts): the sheet's name, the styles,
// each indicator's data validation, the value written for a stored one, and the rule-breach formulas.
import ExcelJS from 'exceljs';
import type { TemplateIndicator } from '../../../shared/model/template';
import { parseRule, type SumExpr } from '../../../shared/domain/rules';

export const INPUT_SHEET = 'Nhập liệu';
/** Longest text accepted in a text or narrative cell (Excel's own cell limit is 32,767). */
export const MAX_TEXT_LENGTH = 32_000;
export const FONT = 'Times New Roman';
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const COMPUTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
export const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const THIN: ExcelJS.Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
} as ExcelJS.Borders;

export function font(cell: ExcelJS.Cell, extra: Partial<ExcelJS.Font> = {}): void {
  cell.font = { name: FONT, size: 12, ...extra };
}

export function validationFor(ind: TemplateIndicator): ExcelJS.DataValidation {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Giá trị không hợp lệ',
    showInputMessage: true,
    promptTitle: ind.code,
  };
  const prompt = (p: string) => `${ind.name.slice(0, 120)}: ${p}`.slice(0, 250);
  switch (ind.type) {
    case 'count':
      return {
        ...base,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: 'Chỉ nhập số nguyên không âm (0, 1, 2, …).',
        prompt: prompt('số nguyên, không âm.'),
      };
    case 'amount':
    case 'percent':
      return {
        ...base,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: 'Chỉ nhập số không âm.',
        prompt: prompt('số, không âm.'),
      };
    case 'yesno':
      return {
        ...base,
        type: 'list',
        formulae: ['"Có,Không"'],
        error: 'Chọn “Có” hoặc “Không” trong danh sách.',
        prompt: prompt('chọn Có hoặc Không.'),
      };
    case 'text':
      return {
        ...base,
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [MAX_TEXT_LENGTH],
        error: `Nội dung dài quá ${MAX_TEXT_LENGTH.toLocaleString('vi-VN')} ký tự.`,
        prompt: prompt('nhập văn bản.'),
      };
  }
}

/** The value written into an input cell for a stored value. */
export function inputValue(ind: TemplateIndicator, stored: string | undefined): ExcelJS.CellValue {
  if (stored === undefined || stored === '') return null;
  switch (ind.type) {
    case 'count':
    case 'amount':
    case 'percent':
      return Number(stored);
    case 'yesno':
      return stored === '1' ? 'Có' : 'Không';
    case 'text':
      return stored;
  }
}

/** "DT03 <= DT02" as an Excel condition over the input cells, true when the rule is broken. */
export function breachFormula(
  expression: string,
  addressOf: Map<string, string>,
): { formula: string; codes: string[] } | null {
  const parsed = parseRule(expression);
  if (!parsed.ok) return null;
  const codes: string[] = [];
  const side = (s: SumExpr): string | null => {
    const parts: string[] = [];
    for (const t of s.terms) {
      let term: string;
      if (t.code) {
        const a = addressOf.get(t.code);
        if (!a) return null;
        codes.push(t.code);
        term = a;
      } else term = t.number!;
      parts.push(`${t.sign === -1 ? '-' : parts.length ? '+' : ''}${term}`);
    }
    return `(${parts.join('')})`;
  };
  const l = side(parsed.rule.left);
  const r = side(parsed.rule.right);
  if (!l || !r) return null;
  const op = parsed.rule.op === '!=' ? '<>' : parsed.rule.op;
  const unique = [...new Set(codes)];
  return {
    formula: `AND(COUNT(${unique.map((c) => addressOf.get(c)).join(',')})=${unique.length},NOT(${l}${op}${r}))`,
    codes: unique,
  };
}

export const abs = (address: string): string => address.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
