// A workbook built with exceljs, written faster than `wb.xlsx.writeBuffer()` and to the same XML.
// exceljs's writer builds a model object for every cell twice over (workbook.model asks each sheet
// for its model twice), renders each cell through its XML stream attribute by attribute, and packs
// the parts with a deflate written in JavaScript. Here exceljs's own steps still write every part
// and every element of a sheet except its rows (styles, shared strings, workbook, columns, views,
// merges, page setup, print titles), on sheet models given no rows; the rows are written as text,
// registering each cell's style and string with exceljs's style manager and shared strings in the
// order its writer does, so every part comes out byte for byte as exceljs writes it
// (tests/unit/xlsx-write.test.ts); the parts are deflated by zlib. A book using anything this row
// writer does not write (rich text, dates, booleans, shared formulas, hyperlinks, comments,
// images, validations, conditional formats, tables, protection, …) is written by exceljs itself.
import type ExcelJS from 'exceljs';
import Column from 'exceljs/lib/doc/column';
import WorksheetXform from 'exceljs/lib/xlsx/xform/sheet/worksheet-xform';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import XmlStream from 'exceljs/lib/utils/xml-stream';
import { xmlEncode } from 'exceljs/lib/utils/utils';
import { dosDateTime, packFolder, packPart, packPartAsync, writeZip, type PackedPart } from './zip-write';

// exceljs's value types (doc/enums.js ValueType).
const NULL = 0;
const MERGE = 1;
const NUMBER = 2;
const STRING = 3;
const FORMULA = 6;

/** exceljs's cells and rows as they are held (doc/cell.js, doc/row.js): read, never changed. */
interface CellIn {
  readonly type: number;
  readonly value: unknown;
  readonly style: object | undefined;
  readonly address: string;
  readonly col: number;
  readonly master: CellIn;
  readonly formula: string;
  readonly result: unknown;
  readonly model: { shareType?: string; sharedFormula?: string };
}
interface RowIn {
  readonly number: number;
  readonly height: number | undefined;
  readonly hidden: boolean;
  readonly style: object;
  readonly outlineLevel: number;
  readonly collapsed: boolean;
  readonly _cells: (CellIn | undefined)[];
}
interface SheetIn {
  readonly id: number;
  readonly name: string;
  readonly _rows: (RowIn | undefined)[];
  readonly _media: unknown[];
  readonly _merges: Record<string, unknown>;
  readonly columns: unknown;
  readonly tables: Record<string, unknown>;
  readonly dataValidations: { model: Record<string, unknown> };
  readonly conditionalFormattings: unknown[];
  readonly sheetProtection: unknown;
  readonly autoFilter: unknown;
  readonly rowBreaks: unknown[];
}

/** What the XLSX class of exceljs offers besides `writeBuffer` (xlsx/xlsx.js), given a part collector. */
interface XlsxSteps {
  addContentTypes(zip: Parts, model: object): Promise<void>;
  addOfficeRels(zip: Parts, model: object): Promise<void>;
  addWorkbookRels(zip: Parts, model: object): Promise<void>;
  addSharedStrings(zip: Parts, model: object): Promise<void>;
  addThemes(zip: Parts, model: object): Promise<void>;
  addStyles(zip: Parts, model: object): Promise<void>;
  addApp(zip: Parts, model: object): Promise<void>;
  addCore(zip: Parts, model: object): Promise<void>;
  addWorkbook(zip: Parts, model: object): Promise<void>;
}

/**
 * The parts in the order exceljs adds them, folders as JSZip adds them before their first file.
 * Large parts (the sheets) are deflated on the thread pool while the next ones are rendered.
 */
class Parts {
  private readonly list: (PackedPart | Promise<PackedPart>)[] = [];
  private readonly folders = new Set<string>();
  append(data: string, options: { name: string }): void {
    const name = options.name;
    for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
      const folder = name.slice(0, i + 1);
      if (!this.folders.has(folder)) {
        this.folders.add(folder);
        this.list.push(packFolder(folder));
      }
    }
    this.list.push(data.length > 65_536 ? packPartAsync(name, data) : packPart(name, data));
  }
  packed(): Promise<PackedPart[]> {
    return Promise.all(this.list);
  }
}

/** Whether the row writer writes every cell of the sheet as exceljs would. */
function rowsSupported(ws: SheetIn): boolean {
  let any = false;
  for (const row of ws._rows) {
    if (!row) continue;
    const cells = row._cells.some((c) => c !== undefined);
    // a row with a height and no cell would stretch exceljs's dimension to column 0
    if (!cells && row.height) return false;
    any ||= cells;
    for (const cell of row._cells) {
      if (!cell) continue;
      const t = cell.type;
      if (t === FORMULA) {
        const m = cell.model;
        if (m.shareType || m.sharedFormula || !cell.formula) return false;
        const r = cell.result;
        if (r !== undefined && r !== null && typeof r !== 'number' && typeof r !== 'string') return false;
      } else if (t === STRING) {
        if (typeof cell.value !== 'string') return false;
      } else if (t !== NULL && t !== MERGE && t !== NUMBER) return false;
    }
  }
  return any;
}

/** Whether a sheet uses only what this writer writes (the rest of the sheet model is exceljs's). */
function sheetSupported(wsx: ExcelJS.Worksheet): boolean {
  const ws = wsx as unknown as SheetIn;
  return (
    ws._media.length === 0 &&
    Object.keys(ws.tables).length === 0 &&
    Object.keys(ws.dataValidations.model).length === 0 &&
    ws.conditionalFormattings.length === 0 &&
    !ws.autoFilter &&
    !ws.sheetProtection &&
    ws.rowBreaks.length === 0 &&
    rowsSupported(ws)
  );
}

/** A sheet's model as exceljs's `worksheet.model` has it (doc/worksheet.js), without its rows. */
function frameModel(wsx: ExcelJS.Worksheet): Record<string, unknown> {
  const ws = wsx as unknown as SheetIn;
  return {
    id: ws.id,
    name: ws.name,
    dataValidations: ws.dataValidations.model,
    properties: wsx.properties,
    state: wsx.state,
    pageSetup: wsx.pageSetup,
    headerFooter: wsx.headerFooter,
    rowBreaks: ws.rowBreaks,
    views: wsx.views,
    autoFilter: ws.autoFilter,
    media: [],
    sheetProtection: ws.sheetProtection,
    tables: [],
    conditionalFormattings: ws.conditionalFormattings,
    cols: Column.toModel(ws.columns),
    rows: [],
  };
}

interface Registry {
  styles: StylesXform;
  sharedStrings: SharedStringsXform;
}

/** The style id exceljs gives a cell: its value type decides the default number format. */
function cellStyle(reg: Registry, cell: CellIn): number {
  let t = cell.type;
  if (t === FORMULA) {
    const r = cell.result;
    t = r === undefined || r === null ? NULL : typeof r === 'number' ? NUMBER : STRING;
  }
  return reg.styles.addStyleModel(cell.style ?? {}, t);
}

/**
 * The sheet's `<sheetData>` content as exceljs renders it (row-xform.js, cell-xform.js), its
 * dimension and its merges; styles and strings are registered in exceljs's order as it goes.
 */
function renderRows(ws: SheetIn, reg: Registry): { xml: string; dimension: string; merges: string[] } {
  const out: string[] = [];
  let top = 0;
  let left = 0;
  let bottom = 0;
  let right = 0;
  const merges = new Map<string, { master: string; row: number; col: number }>();
  for (const row of ws._rows) {
    // exceljs leaves out a row with no cell (doc/row.js model; rowsSupported refuses one with a height)
    if (!row || !row._cells.some((c) => c !== undefined)) continue;
    const rowStyle = reg.styles.addStyleModel(row.style);
    const cells: string[] = [];
    let min = 0;
    let max = 0;
    for (const cell of row._cells) {
      if (!cell) continue;
      const t = cell.type;
      const col = cell.col;
      if (!min || min > col) min = col;
      if (max < col) max = col;
      const s = cellStyle(reg, cell);
      const open = s ? `<c r="${cell.address}" s="${s}"` : `<c r="${cell.address}"`;
      if (t === NULL || t === MERGE) {
        if (t === MERGE) {
          const master = cell.master.address;
          const m = merges.get(master);
          // a range grows to its farthest slave (doc/range.js expandToAddress)
          if (m) {
            m.row = Math.max(m.row, row.number);
            m.col = Math.max(m.col, col);
          } else merges.set(master, { master, row: row.number, col });
        } else if (!s) continue;
        cells.push(`${open}/>`);
      } else if (t === NUMBER) {
        // a number's text has nothing to escape
        cells.push(`${open}><v>${String(cell.value)}</v></c>`);
      } else if (t === STRING) {
        cells.push(`${open} t="s"><v>${reg.sharedStrings.add(cell.value as string)}</v></c>`);
      } else {
        const f = xmlEncode(cell.formula);
        const r = cell.result;
        if (r === undefined || r === null) cells.push(`${open}><f>${f}</f></c>`);
        else if (typeof r === 'number') cells.push(`${open}><f>${f}</f><v>${String(r)}</v></c>`);
        else cells.push(`${open} t="str"><f>${f}</f><v>${xmlEncode(r as string)}</v></c>`);
      }
    }
    if (!top) top = row.number;
    bottom = row.number;
    if (min && (!left || min < left)) left = min;
    if (max > right) right = max;
    let attrs = ` r="${row.number}"`;
    if (row.height) attrs += ` ht="${xmlEncode(String(row.height))}" customHeight="1"`;
    if (row.hidden) attrs += ' hidden="1"';
    if (min > 0 && max > 0 && min <= max) attrs += ` spans="${min}:${max}"`;
    if (rowStyle) attrs += ` s="${rowStyle}" customFormat="1"`;
    attrs += ' x14ac:dyDescent="0.25"';
    if (row.outlineLevel) attrs += ` outlineLevel="${row.outlineLevel}"`;
    if (row.collapsed) attrs += ' collapsed="1"';
    out.push(cells.length ? `<row${attrs}>${cells.join('')}</row>` : `<row${attrs}/>`);
  }
  return {
    xml: out.join(''),
    dimension: top ? rangeText(top, left, bottom, right) : '',
    merges: [...merges.values()].map((m) => `${m.master}:${columnName(m.col)}${m.row}`),
  };
}

function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A range as exceljs's Range prints one (doc/range.js): "A1:H18", a single cell "A1:A1". */
const rangeText = (top: number, left: number, bottom: number, right: number): string =>
  `${columnName(left)}${top}:${columnName(right)}${bottom}`;

/** Whether this writer writes the book's rows itself (otherwise exceljs writes the whole book). */
export const writesRows = (wb: ExcelJS.Workbook): boolean =>
  wb.worksheets.length > 0 &&
  wb.worksheets.every(sheetSupported) &&
  (wb as unknown as { media: unknown[] }).media.length === 0;

/** The workbook's package, every part as exceljs writes it. */
export async function writeWorkbook(wb: ExcelJS.Workbook, at = new Date()): Promise<Uint8Array> {
  if (!writesRows(wb)) return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const w = wb as unknown as Record<string, unknown> & { _definedNames: { model: unknown }; _themes: unknown };
  const worksheets = wb.worksheets.map(frameModel);
  const model: Record<string, unknown> = {
    creator: wb.creator || 'Unknown',
    lastModifiedBy: wb.lastModifiedBy || 'Unknown',
    lastPrinted: wb.lastPrinted,
    created: wb.created,
    modified: wb.modified,
    properties: wb.properties,
    worksheets,
    sheets: worksheets,
    definedNames: w._definedNames.model,
    views: wb.views,
    company: wb.company,
    manager: wb.manager,
    title: wb.title,
    subject: wb.subject,
    keywords: wb.keywords,
    category: wb.category,
    description: wb.description,
    language: w.language,
    revision: w.revision,
    contentStatus: w.contentStatus,
    themes: w._themes,
    media: [],
    calcProperties: wb.calcProperties,
  };
  // exceljs's prepareModel (xlsx/xlsx.js), each sheet's rows registered right after its frame
  model.creator = model.creator || 'ExcelJS';
  model.lastModifiedBy = model.lastModifiedBy || 'ExcelJS';
  model.created = model.created || at;
  model.modified = model.modified || at;
  model.useSharedStrings = true;
  model.useStyles = true;
  const reg: Registry = { sharedStrings: new SharedStringsXform(), styles: new StylesXform(true) };
  model.sharedStrings = reg.sharedStrings;
  model.styles = reg.styles;
  new WorkbookXform().prepare(model);
  const options = {
    sharedStrings: reg.sharedStrings,
    styles: reg.styles,
    date1904: (wb.properties as { date1904?: boolean }).date1904,
    drawingsCount: 0,
    media: [],
    drawings: [] as unknown[],
    commentRefs: [] as unknown[],
  };
  model.drawings = options.drawings;
  model.commentRefs = options.commentRefs;
  model.tables = [];
  const worksheetXform = new WorksheetXform();
  const rows = wb.worksheets.map((ws, k) => {
    const frame = worksheets[k]!;
    worksheetXform.prepare(frame, options);
    const r = renderRows(ws as unknown as SheetIn, reg);
    frame.dimensions = r.dimension || undefined;
    frame.mergeCells = r.merges;
    return r.xml;
  });

  // exceljs's write (xlsx/xlsx.js), the sheets' rows put in place of their empty sheetData
  const zip = new Parts();
  const steps = wb.xlsx as unknown as XlsxSteps;
  await steps.addContentTypes(zip, model);
  await steps.addOfficeRels(zip, model);
  await steps.addWorkbookRels(zip, model);
  worksheets.forEach((frame, k) => {
    const xs = new XmlStream();
    worksheetXform.render(xs, frame);
    const xml = xs.xml;
    const at = xml.indexOf('<sheetData/>');
    if (at < 0) throw new Error('xlsx-write: the sheet frame has no <sheetData/>');
    const data = rows[k] ? `<sheetData>${rows[k]}</sheetData>` : '<sheetData/>';
    zip.append(xml.slice(0, at) + data + xml.slice(at + 12), { name: `xl/worksheets/sheet${String(frame.id)}.xml` });
  });
  await steps.addSharedStrings(zip, model);
  await steps.addThemes(zip, model);
  await steps.addStyles(zip, model);
  await steps.addApp(zip, model);
  await steps.addCore(zip, model);
  await steps.addWorkbook(zip, model);
  return new Uint8Array(writeZip(await zip.packed(), dosDateTime(at)));
}
