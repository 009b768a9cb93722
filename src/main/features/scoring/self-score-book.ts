// The self-scoring workbook (phiếu tự chấm điểm) of one unit: a sheet laid out like the criteria
// set where only the yellow cells (score, note) are unlocked, each score cell validated to
// 0…max; totals, bonus cap, deductions and the class are formulas. A very hidden, protected
// sheet says which round, unit and set version the book belongs to, with a checksum.
import ExcelJS from 'exceljs';
import type { CriteriaSet, ScoreLine } from '../../../shared/model/scoring';
import { formatPoints, rangeText, toCenti } from '../../../shared/domain/scoring';
import { formatDateShort } from '../../../shared/format';
import { setText } from '../../workbooks/cell-text';
import { exportFileName } from '../../platform/export-names';
import { addMetaSheet, protectMeta, protectSheet } from '../../workbooks/book-meta';

export const SCORING_BOOK_FORMAT = 'bao-cao-noi-vu/phieu-tu-cham';
export const SCORING_BOOK_VERSION = 1;
export const SCORING_SHEET = 'Tự chấm';
export const SCORING_META_SHEET = 'bcnv_meta';
const FONT = 'Times New Roman';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const THIN = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
} as ExcelJS.Borders;
export const MAX_NOTE = 4000;

export interface ScoringBookCell {
  code: string;
  kind: 'criterion' | 'bonus' | 'deduction';
  maxC: number;
  /** The locked cell with the code, the score cell, the note cell. */
  codeAddress: string;
  scoreAddress: string;
  noteAddress: string;
}

export interface ScoringBookLayout {
  format: typeof SCORING_BOOK_FORMAT;
  formatVersion: number;
  roundId: number;
  roundName: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  setId: number;
  setCode: string;
  setVersion: number;
  generatedAt: string;
  sheet: string;
  cells: ScoringBookCell[];
}

export interface ScoringBookInput {
  agencyName: string;
  round: { id: number; name: string; selfDeadline: string | null };
  unit: { id: number; code: string; name: string };
  set: CriteriaSet;
  lines: ScoreLine[];
  generatedAt: string;
  /** The database's secret that seals the hidden layout (see bookSecret). */
  secret: string;
}

export function scoringBookFileName(roundName: string, unit: { code: string; name: string }): string {
  return exportFileName('selfScoreBook', [roundName, `${unit.code} ${unit.name}`], 'xlsx');
}

/** The Excel formula of the class of the total in `ref`, from the set's thresholds. */
export function classFormula(set: CriteriaSet, ref: string): string {
  const sorted = [...set.classes].sort((a, b) => b.from - a.from);
  let f = `"${sorted.at(-1)!.label.replace(/"/g, '""')}"`;
  for (const c of sorted.slice(0, -1).reverse()) f = `IF(${ref}>=${c.from},"${c.label.replace(/"/g, '""')}",${f})`;
  return f;
}

export async function buildScoringBook(input: ScoringBookInput): Promise<Uint8Array> {
  const { set, unit, round } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Báo cáo Nội vụ';
  wb.created = new Date(input.generatedAt);
  const ws = wb.addWorksheet(SCORING_SHEET, {
    views: [{ state: 'frozen', ySplit: 6 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 9 }, { width: 62 }, { width: 11 }, { width: 13 }, { width: 48 }];
  const font = (cell: ExcelJS.Cell, extra: Partial<ExcelJS.Font> = {}) =>
    (cell.font = { name: FONT, size: 12, ...extra });

  const title = (row: number, text: string, extra: Partial<ExcelJS.Font> = {}) => {
    ws.mergeCells(row, 1, row, 5);
    const c = ws.getCell(row, 1);
    setText(c, text);
    font(c, extra);
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  title(1, input.agencyName.toLocaleUpperCase('vi'), { bold: true });
  title(2, `PHIẾU TỰ CHẤM ĐIỂM — ${set.name.toLocaleUpperCase('vi')}`, { bold: true, size: 13 });
  title(3, `Đơn vị: ${unit.name} (mã ${unit.code}) · ${round.name}`, { italic: true });
  title(
    4,
    `Nhập điểm vào các ô màu vàng (cột D), ghi chú/minh chứng ở cột E. Điểm từ 0 đến điểm tối đa, tối đa hai chữ số thập phân.${round.selfDeadline ? ` Hạn gửi: ${formatDateShort(round.selfDeadline)}.` : ''}`,
    { italic: true, size: 11 },
  );
  ws.getRow(4).height = 30;
  const header = ['Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Ghi chú, tài liệu kiểm chứng'];
  header.forEach((h, i) => {
    const c = ws.getCell(6, i + 1);
    c.value = h;
    font(c, { bold: true });
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = THIN;
    c.fill = TOTAL_FILL;
  });

  const cells: ScoringBookCell[] = [];
  const lines = new Map(input.lines.map((l) => [l.code, l]));
  let row = 7;
  const groupRows: number[] = [];
  const put = (
    r: number,
    values: (string | number | ExcelJS.CellFormulaValue | null)[],
    opts: { bold?: boolean; fill?: ExcelJS.Fill } = {},
  ) => {
    values.forEach((v, i) => {
      const c = ws.getCell(r, i + 1);
      if (typeof v === 'string') setText(c, v);
      else c.value = v;
      font(c, { bold: opts.bold });
      c.border = THIN;
      c.alignment = {
        vertical: 'middle',
        wrapText: i === 1 || i === 4,
        horizontal: i === 0 || i === 2 || i === 3 ? 'center' : undefined,
      };
      if (opts.fill) c.fill = opts.fill;
      if (i === 2 || i === 3) c.numFmt = '0.##';
    });
  };
  // Wrapped text needs its row height set: not every program fits rows when it opens a file.
  const fitHeight = (r: number, ...texts: string[]) => {
    const lines = (t: string, width: number) =>
      t.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0);
    const n = Math.max(lines(texts[0] ?? '', 66), lines(texts[1] ?? '', 50), 1);
    ws.getRow(r).height = Math.max(18, n * 15.5);
  };
  const scoreRow = (r: number, code: string, kind: ScoringBookCell['kind'], titleText: string, max: number) => {
    const line = lines.get(code);
    put(r, [code, titleText, max, line?.selfScore ?? null, line?.selfNote ?? '']);
    const score = ws.getCell(r, 4);
    const note = ws.getCell(r, 5);
    for (const c of [score, note]) {
      c.protection = { locked: false };
      c.fill = INPUT_FILL;
    }
    score.dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, max],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Điểm không hợp lệ',
      error: `Điểm của ${code} phải từ 0 đến ${formatPoints(max)}.`,
    };
    cells.push({ code, kind, maxC: toCenti(max)!, codeAddress: `A${r}`, scoreAddress: `D${r}`, noteAddress: `E${r}` });
    fitHeight(r, titleText, line?.selfNote ?? '');
  };

  for (const g of set.groups) {
    const gr = row++;
    groupRows.push(gr);
    const first = row;
    for (const c of g.criteria) {
      const guide = [c.title, c.guidance && `Hướng dẫn: ${c.guidance}`, c.evidence && `Minh chứng: ${c.evidence}`]
        .filter(Boolean)
        .join('\n');
      scoreRow(row++, c.code, 'criterion', guide, c.maxPoints);
    }
    put(gr, [g.code, g.title.toLocaleUpperCase('vi'), g.maxPoints, { formula: `SUM(D${first}:D${row - 1})` }, ''], {
      bold: true,
      fill: GROUP_FILL,
    });
    fitHeight(gr, g.title.toLocaleUpperCase('vi') + '        ');
  }
  const adjustments = (label: string, kind: 'bonus' | 'deduction', items: CriteriaSet['bonus']['items']) => {
    if (items.length === 0) return null;
    const hr = row++;
    const first = row;
    for (const it of items)
      scoreRow(
        row++,
        it.code,
        kind,
        [it.title, it.guidance && `Hướng dẫn: ${it.guidance}`].filter(Boolean).join('\n'),
        it.maxPoints,
      );
    put(hr, ['', label, '', { formula: `SUM(D${first}:D${row - 1})` }, ''], { bold: true, fill: GROUP_FILL });
    return hr;
  };
  const bonusRow = adjustments(`ĐIỂM THƯỞNG (tối đa ${formatPoints(set.bonus.cap)} điểm)`, 'bonus', set.bonus.items);
  const dedRow = adjustments(
    `ĐIỂM TRỪ${set.deductions.cap !== null ? ` (tối đa ${formatPoints(set.deductions.cap)} điểm)` : ''}`,
    'deduction',
    set.deductions.items,
  );
  row++;
  const baseRow = row++;
  put(
    baseRow,
    ['', 'Tổng điểm các tiêu chí', set.totalPoints, { formula: groupRows.map((r) => `D${r}`).join('+') || '0' }, ''],
    { bold: true, fill: TOTAL_FILL },
  );
  const bRow = row++;
  put(
    bRow,
    [
      '',
      'Điểm thưởng (sau giới hạn)',
      set.bonus.cap,
      { formula: bonusRow ? `MIN(D${bonusRow},${set.bonus.cap})` : '0' },
      '',
    ],
    { bold: true, fill: TOTAL_FILL },
  );
  const dRow = row++;
  put(
    dRow,
    [
      '',
      'Điểm trừ',
      set.deductions.cap ?? '',
      {
        formula: dedRow ? (set.deductions.cap !== null ? `MIN(D${dedRow},${set.deductions.cap})` : `D${dedRow}`) : '0',
      },
      '',
    ],
    { bold: true, fill: TOTAL_FILL },
  );
  const tRow = row++;
  put(tRow, ['', 'TỔNG ĐIỂM', '', { formula: `MAX(0,D${baseRow}+D${bRow}-D${dRow})` }, ''], {
    bold: true,
    fill: TOTAL_FILL,
  });
  const cRow = row++;
  put(
    cRow,
    [
      '',
      'Xếp loại (tạm tính)',
      '',
      { formula: classFormula(set, `D${tRow}`) },
      set.classes.map((c) => `${c.label}: ${rangeText(c)}`).join('; '),
    ],
    { bold: true, fill: TOTAL_FILL },
  );
  ws.getCell(cRow, 4).alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
  ws.getRow(cRow).height = 64;

  const layout: ScoringBookLayout = {
    format: SCORING_BOOK_FORMAT,
    formatVersion: SCORING_BOOK_VERSION,
    roundId: round.id,
    roundName: round.name,
    unitId: unit.id,
    unitCode: unit.code,
    unitName: unit.name,
    setId: set.id,
    setCode: set.code,
    setVersion: set.version,
    generatedAt: input.generatedAt,
    sheet: SCORING_SHEET,
    cells,
  };
  const meta = addMetaSheet(
    wb,
    SCORING_META_SHEET,
    { format: SCORING_BOOK_FORMAT, formatVersion: SCORING_BOOK_VERSION },
    [
      ['roundId', round.id],
      ['unitId', unit.id],
      ['unitCode', unit.code],
      ['setId', set.id],
      ['setVersion', set.version],
    ],
    JSON.stringify(layout),
    input.secret,
  );
  await protectSheet(ws);
  await protectMeta(meta);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
