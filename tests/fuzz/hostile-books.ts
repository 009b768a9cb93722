// Hand-made workbooks for the hostile-file tests, the fuzz families and the bench: packages built
// part by part (so the XML can be anything), and edits of a real book's parts.
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';
import { layoutChecksum } from '../../src/main/workbooks/cell-text';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Parts go into a zip as UTF-8 bytes: JSZip cuts a surrogate pair where its 16K-character pieces of a string end. */
const utf8 = (s: string) => new TextEncoder().encode(s);

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface SheetSpec {
  name: string;
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

/**
 * A package with the given sheets in workbook order. `zipOrder` lists the sheet parts in the order
 * they are stored in the zip (by default the workbook order).
 */
export async function craftXlsx(
  sheets: SheetSpec[],
  opts: { sharedStrings?: string; zipOrder?: number[]; extra?: Record<string, string | Uint8Array> } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  const put = (name: string, data: string | Uint8Array) => zip.file(name, typeof data === 'string' ? utf8(data) : data);
  const overrides = sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}</Types>`,
  );
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}"><sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
  );
  const order = opts.zipOrder ?? sheets.map((_s, i) => i);
  for (const i of order) put(`xl/worksheets/sheet${i + 1}.xml`, sheets[i]!.xml);
  if (opts.sharedStrings !== undefined) put('xl/sharedStrings.xml', opts.sharedStrings);
  for (const [name, data] of Object.entries(opts.extra ?? {})) put(name, data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export const sheetXml = (rows: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;

export type TextForm = 'inline' | 'inline-rich' | 'shared' | 'shared-rich';

/** Rich text split in two runs at `cut` (the halves may differ in formatting). */
const runs = (s: string, cut: number) => {
  const cps = [...s];
  const a = cps.slice(0, cut).join('');
  const b = cps.slice(cut).join('');
  return `<r><rPr><b/></rPr><t xml:space="preserve">${esc(a)}</t></r><r><t xml:space="preserve">${esc(b)}</t></r>`;
};

/**
 * A sheet of text rows in one of the four ways a writer may store text. Returns the sheet XML and,
 * for the shared forms, the shared-strings part.
 */
export function textSheet(rows: string[][], form: TextForm): { sheet: string; sharedStrings?: string } {
  const strings: string[] = [];
  const body = rows
    .map((cells, r) => {
      const cs = cells
        .map((text, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (form === 'inline') return `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
          if (form === 'inline-rich') return `<c r="${ref}" t="inlineStr"><is>${runs(text, 2)}</is></c>`;
          strings.push(form === 'shared' ? `<si><t>${esc(text)}</t></si>` : `<si>${runs(text, 2)}</si>`);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  return {
    sheet: sheetXml(body),
    sharedStrings: form.startsWith('shared')
      ? `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${strings.length}" uniqueCount="${strings.length}">${strings.join('')}</sst>`
      : undefined,
  };
}

/** A unit list of `rows` in one text form, for the units import. */
export async function unitBook(rows: string[][], form: TextForm, zipOrder?: number[]): Promise<Uint8Array> {
  const t = textSheet([['Mã', 'Tên đơn vị', 'Loại'], ...rows], form);
  return craftXlsx([{ name: 'Đơn vị', xml: t.sheet }], { sharedStrings: t.sharedStrings, zipOrder });
}

/** The part of a sheet, by name, in a real book. */
export async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${esc(name)}"[^>]*r:id="(rId\\d+)"`).exec(book)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${name}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Rewrites parts of a real book (by sheet name or part path) and packs it again. */
export async function editBook(
  data: Uint8Array,
  edits: Record<string, (xml: string) => string>,
  more?: (zip: JSZip) => Promise<void> | void,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  for (const [key, edit] of Object.entries(edits)) {
    const part = zip.file(key) ? key : await sheetPart(zip, key);
    zip.file(part, utf8(edit(new TextDecoder().decode(await zip.file(part)!.async('uint8array')))));
  }
  await more?.(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Vietnamese characters of every kind a split could cut: 2-, 3- and 4-byte UTF-8, and combining marks. */
export const VIETNAMESE_KINDS: Record<string, string> = {
  'dựng sẵn (3 byte)': 'ỗ',
  'chữ có dấu 2 byte': 'à',
  'đ thường': 'đ',
  'Đ hoa': 'Đ',
  'dấu tổ hợp (NFD)': 'ệ'.normalize('NFD'),
  'ký tự 4 byte': '𠀧',
  'biểu tượng 4 byte': '😀',
};

/**
 * Rewrites the hidden layout of a book as a forger who knows the format would: the JSON changed,
 * its plain SHA-256 written as the checksum (the keyed seal cannot be made without the secret).
 */
export function forgeLayout(wb: ExcelJS.Workbook, metaSheet: string, change: (json: string) => string): void {
  const meta = wb.getWorksheet(metaSheet)!;
  let json = '';
  meta.eachRow((row) => {
    if (String(row.getCell(1).value).startsWith('layout.')) json += String(row.getCell(2).value);
  });
  const edited = change(json);
  meta.eachRow((row) => {
    const k = String(row.getCell(1).value);
    if (k === 'checksum') row.getCell(2).value = layoutChecksum(edited);
    if (k === 'layout.1') row.getCell(2).value = edited;
    if (/^layout\.[2-9]/.test(k)) row.getCell(2).value = '';
  });
}
