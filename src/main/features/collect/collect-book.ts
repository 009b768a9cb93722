// The data-entry workbook a unit fills in (biểu nhập liệu): a cover sheet with instructions, an
// input sheet laid out like the template (only the yellow cells are unlocked, each with a data
// validation; rates are formulas; rule breaches turn red), and a very hidden, protected sheet
// whose layout description says which template version, period and unit the book belongs to
// and where each value sits. The layout is sealed (HMAC, the database's secret) so the reader
// knows it was made here and not altered.
import ExcelJS from 'exceljs';
import type { Period } from '../../../shared/model/period';
import type { Template, TemplateIndicator } from '../../../shared/model/template';
import { sectionKey, type ValueMap } from '../../../shared/model/report';
import { formatDateShort } from '../../../shared/format';
import { computeRate, formatRule, parseRule } from '../../../shared/domain/rules';
import { setText } from '../../workbooks/cell-text';
import { exportFileName } from '../../platform/export-names';
import { addMetaSheet } from '../../workbooks/book-meta';
import { addCoverSheet } from './collect-cover';
import {
  INPUT_SHEET,
  font,
  FONT,
  THIN,
  GROUP_FILL,
  INPUT_FILL,
  MAX_TEXT_LENGTH,
  COMPUTED_FILL,
  inputValue,
  validationFor,
  breachFormula,
  abs,
} from './collect-cells';

export const COLLECT_FORMAT = 'bao-cao-noi-vu/bieu-nhap-lieu';
export const COLLECT_FORMAT_VERSION = 1;
export const META_SHEET = 'bcnv_meta';

/** Where one value of the report sits in the input sheet, and the locked texts that identify it. */
export interface LayoutCell {
  /** Indicator code or section key ("muc:II.1"). */
  key: string;
  kind: 'indicator' | 'section';
  /** Indicator type, or "section" for narrative text. */
  type: TemplateIndicator['type'] | 'section';
  /** True for a RATE: a formula, never read back. */
  computed: boolean;
  /** The input cell ("D12"). */
  address: string;
  /** The locked cell holding the code or section number ("A12"), and its text. */
  labelAddress: string;
  label: string;
  /** The locked cell holding the name or section title, and its text. */
  nameAddress: string;
  name: string;
}

/** Everything the reader needs to know what a returned workbook is; stored as JSON, checksummed. */
export interface CollectLayout {
  format: typeof COLLECT_FORMAT;
  formatVersion: number;
  templateId: number;
  templateCode: string;
  templateVersion: number;
  periodId: number;
  periodName: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  generatedAt: string;
  sheet: string;
  cells: LayoutCell[];
}

export interface CollectBookInput {
  agency: { parentName: string; name: string };
  unit: { id: number; code: string; name: string; shortName: string };
  period: Period;
  template: Template;
  /** The unit's current values, written into the input cells (a re-issued book shows them). */
  values: ValueMap;
  generatedAt: string;
  /** The database's secret that seals the hidden layout (see bookSecret). */
  secret: string;
}

/** `Bieu-nhap-lieu_<period>_<unit code>-<unit short name>.xlsx`, safe on Windows, macOS and Linux. */
export function collectFileName(
  period: Pick<Period, 'name'>,
  unit: { code: string; shortName: string; name: string },
): string {
  return exportFileName('unitWorkbook', [period.name, `${unit.code} ${unit.shortName || unit.name}`], 'xlsx');
}

/** Builds the workbook of one unit for one period. */
export async function buildCollectWorkbook(input: CollectBookInput): Promise<Uint8Array> {
  const { wb } = await composeCollectWorkbook(input);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbook of one unit, not yet written, and the layout sealed into it. */
export async function composeCollectWorkbook(
  input: CollectBookInput,
): Promise<{ wb: ExcelJS.Workbook; layout: CollectLayout; inputSheetId: number; metaSheetId: number }> {
  const { unit, period, template, values } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo Nội vụ';
  wb.created = new Date(input.generatedAt);
  wb.calcProperties = { fullCalcOnLoad: true };

  const cover = addCoverSheet(wb, input);

  // ---- input sheet
  const ws = wb.addWorksheet(INPUT_SHEET, { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.columns = [{ width: 10 }, { width: 62 }, { width: 14 }, { width: 20 }];
  for (let c = 1; c <= 4; c++) ws.getColumn(c).font = { name: FONT, size: 12 };
  const cells: LayoutCell[] = [];
  let row = 1;
  const titleRow = (text: string, opts: Partial<ExcelJS.Font> = {}) => {
    ws.mergeCells(row, 1, row, 4);
    const cell = ws.getCell(row, 1);
    setText(cell, text);
    font(cell, opts);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row++;
  };
  titleRow(`BIỂU NHẬP LIỆU — ${template.name.toLocaleUpperCase('vi')}`, { bold: true, size: 13 });
  titleRow(`Đơn vị: ${unit.name} (mã ${unit.code})`, { bold: true });
  titleRow(
    `Kỳ: ${period.name} · Số liệu từ ${formatDateShort(period.windowStart)} đến ${formatDateShort(period.windowEnd)} · Hạn gửi ${formatDateShort(period.deadline)}`,
    { italic: true },
  );
  row++;
  const headerRow = row;
  ['Mã', 'Nội dung', 'Đơn vị tính', 'Số liệu'].forEach((h, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = h;
    font(cell, { bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
    cell.fill = GROUP_FILL;
  });
  row++;

  const partRow = (text: string) => {
    ws.mergeCells(row, 1, row, 4);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    font(cell, { bold: true });
    cell.alignment = { vertical: 'middle' };
    row++;
  };

  // Part A: the narrative, one wrapped input cell under each heading that has text.
  if (template.sections.length) partRow('PHẦN A. NỘI DUNG BÁO CÁO');
  for (const s of template.sections) {
    const a = ws.getCell(row, 1);
    setText(a, s.number);
    font(a, { bold: s.level === 1 });
    a.alignment = { vertical: 'top', horizontal: 'center' };
    ws.mergeCells(row, 2, row, 4);
    const title = ws.getCell(row, 2);
    setText(title, s.title);
    font(title, { bold: s.level === 1, italic: s.level > 1 });
    title.alignment = { wrapText: true, vertical: 'top' };
    row++;
    if (!s.hasText) continue;
    ws.mergeCells(row, 2, row, 4);
    const input = ws.getCell(row, 2);
    const key = sectionKey(s.number);
    const existing = values[key];
    if (existing) input.value = existing;
    input.numFmt = '@';
    input.protection = { locked: false };
    input.fill = INPUT_FILL;
    input.border = THIN;
    input.alignment = { wrapText: true, vertical: 'top' };
    font(input);
    input.dataValidation = {
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [MAX_TEXT_LENGTH],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: 'Nội dung quá dài',
      error: `Nội dung dài quá ${MAX_TEXT_LENGTH.toLocaleString('vi-VN')} ký tự.`,
      showInputMessage: !!s.hint,
      promptTitle: `Mục ${s.number}`.slice(0, 32),
      prompt: s.hint.slice(0, 250),
    };
    ws.getRow(row).height = 96;
    cells.push({
      key,
      kind: 'section',
      type: 'section',
      computed: false,
      address: input.address,
      labelAddress: a.address,
      label: s.number,
      nameAddress: title.address,
      name: s.title,
    });
    row++;
  }

  // Part B: the indicator table, grouped as in the template's annex.
  partRow('PHẦN B. BIỂU SỐ LIỆU');
  const addressOf = new Map<string, string>();
  let group: string | null = null;
  const indicatorRows: { ind: TemplateIndicator; row: number }[] = [];
  for (const ind of template.indicators) {
    if (ind.group !== group) {
      group = ind.group;
      if (group) {
        ws.mergeCells(row, 1, row, 4);
        const g = ws.getCell(row, 1);
        setText(g, group);
        font(g, { bold: true });
        g.fill = GROUP_FILL;
        g.border = THIN;
        row++;
      }
    }
    indicatorRows.push({ ind, row });
    addressOf.set(ind.code, `D${row}`);
    row++;
  }
  for (const { ind, row: r } of indicatorRows) {
    const code = ws.getCell(r, 1);
    setText(code, ind.code);
    code.alignment = { horizontal: 'center', vertical: 'top' };
    const name = ws.getCell(r, 2);
    setText(name, ind.name);
    name.alignment = { wrapText: true, vertical: 'top' };
    if (ind.name.length > 60) ws.getRow(r).height = 15.75 * Math.ceil(ind.name.length / 60);
    const unitCell = ws.getCell(r, 3);
    const wide = ind.type === 'text';
    // A text answer gets the unit column too, for a wider input cell.
    if (wide) ws.mergeCells(r, 3, r, 4);
    else setText(unitCell, ind.type === 'percent' ? '%' : ind.unit === '—' ? '' : ind.unit);
    unitCell.alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
    const input = wide ? unitCell : ws.getCell(r, 4);
    for (const c of [code, name, unitCell, input]) {
      font(c);
      c.border = THIN;
    }
    const computed = ind.rule === 'RATE';
    if (computed && ind.numerator && ind.denominator) {
      const n = addressOf.get(ind.numerator);
      const d = addressOf.get(ind.denominator);
      const result = computeRate(ind, values);
      input.value = {
        formula: `IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),N(${d})>0),ROUND(${n}/${d}*100,2),"")`,
        result: result === null ? '' : Number(result),
      } as ExcelJS.CellFormulaValue;
      input.numFmt = '0.00';
      input.fill = COMPUTED_FILL;
    } else {
      input.value = inputValue(ind, values[ind.code]);
      input.protection = { locked: false };
      input.fill = INPUT_FILL;
      input.dataValidation = validationFor(ind);
      input.numFmt =
        ind.type === 'count' ? '#,##0' : ind.type === 'text' ? '@' : ind.type === 'yesno' ? 'General' : '#,##0.##';
      if (ind.type === 'text') {
        input.alignment = { wrapText: true, vertical: 'top' };
        ws.getRow(r).height = 48;
      } else input.alignment = { horizontal: 'right', vertical: 'top' };
    }
    cells.push({
      key: ind.code,
      kind: 'indicator',
      type: ind.type,
      computed,
      address: input.address,
      labelAddress: code.address,
      label: ind.code,
      nameAddress: name.address,
      name: ind.name,
    });
  }

  // Rule checks: a red input cell when broken, and a line per rule the unit can read.
  if (template.rules.length) {
    row++;
    partRow('KIỂM TRA SỐ LIỆU');
    let priority = 1;
    for (const rule of template.rules) {
      const f = breachFormula(rule.expression, addressOf);
      if (!f) continue;
      const absolute = f.formula.replace(/\bD(\d+)\b/g, (m) => abs(m));
      for (const code of f.codes) {
        ws.addConditionalFormatting({
          ref: addressOf.get(code)!,
          rules: [
            {
              type: 'expression',
              priority: priority++,
              formulae: [absolute],
              style: {
                fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
                font: { color: { argb: 'FF9C0006' }, bold: true },
              },
            },
          ],
        });
      }
      const parsed = parseRule(rule.expression);
      const text = ws.getCell(row, 2);
      setText(
        text,
        `${parsed.ok ? formatRule(parsed.rule) : rule.expression}${rule.message ? ` — ${rule.message}` : ''}`,
      );
      text.alignment = { wrapText: true, vertical: 'top' };
      font(text, { size: 11 });
      if (text.text.length > 70) ws.getRow(row).height = 15 * Math.ceil(text.text.length / 70);
      ws.mergeCells(row, 3, row, 4);
      const status = ws.getCell(row, 3);
      status.value = {
        formula: `IF(COUNT(${f.codes.map((c) => addressOf.get(c)).join(',')})<${f.codes.length},"",IF(${f.formula},"Chưa hợp lý","Hợp lý"))`,
        result: '',
      } as ExcelJS.CellFormulaValue;
      status.alignment = { horizontal: 'center', vertical: 'top' };
      font(status, { size: 11, bold: true });
      row++;
    }
  }

  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.6, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = {
    oddFooter: `&"${FONT},Regular"&10${unit.code} · ${period.name.replace(/&/g, '&&')} · Trang &P/&N`,
  };

  // ---- the hidden layout
  const layout: CollectLayout = {
    format: COLLECT_FORMAT,
    formatVersion: COLLECT_FORMAT_VERSION,
    templateId: template.id,
    templateCode: template.code,
    templateVersion: template.version,
    periodId: period.id,
    periodName: period.name,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    generatedAt: input.generatedAt,
    sheet: INPUT_SHEET,
    cells,
  };
  const meta = addMetaSheet(
    wb,
    META_SHEET,
    { format: COLLECT_FORMAT, formatVersion: COLLECT_FORMAT_VERSION },
    [
      ['templateId', template.id],
      ['templateVersion', template.version],
      ['periodId', period.id],
      ['unitId', unit.id],
      ['unitCode', unit.code],
    ],
    JSON.stringify(layout),
    input.secret,
  );

  const protection: Partial<ExcelJS.WorksheetProtection> = {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  };
  await cover.protect('', protection);
  await ws.protect('', protection);
  await meta.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return { wb, layout, inputSheetId: ws.id, metaSheetId: meta.id };
}
