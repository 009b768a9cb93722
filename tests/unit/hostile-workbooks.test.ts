// Hostile workbooks (issue 21) and Vietnamese text split at a read boundary (issue 22): each
// finding of the review has a test here that failed before the readers were rebuilt.
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readPlanFile } from '../../src/main/features/plan-import/reader/read-file';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { analyzeCollect } from '../../src/main/features/collect/collect-review';
import { exportCollectBooks } from '../../src/main/features/collect/collect-export';
import { INPUT_SHEET } from '../../src/main/features/collect/collect-cells';
import { META_SHEET } from '../../src/main/features/collect/collect-book';
import { previewUnitImport } from '../../src/main/features/units/unit-import';
import { readUnitWorkbook } from '../../src/main/features/units/units-book';
import { assertXlsx } from '../../src/main/workbooks/xlsx-input';
import { readPartText } from '../../src/main/workbooks/xlsx-part';
import { createDispatch } from '../../src/main/dispatch';
import { databaseFingerprint, freshCore, tempDir } from './helpers';
import { fillWorkbook, filesIn, readBytes, rowOf, setupCollect, type CollectSetup } from './collect-helpers';
import {
  craftXlsx,
  editBook,
  forgeLayout,
  sheetXml,
  textSheet,
  unitBook,
  VIETNAMESE_KINDS,
  type TextForm,
} from '../fuzz/hostile-books';

let dir: string;
let core: Core;
let s: CollectSetup;
let books: string[];

beforeAll(async () => {
  dir = tempDir('bcnv-hostile-');
  core = await freshCore(dir);
  s = await setupCollect(core.db, 3);
  await exportCollectBooks(core.db, path.join(dir, 'out'), { periodId: s.period.id, unitId: null });
  books = filesIn(path.join(dir, 'out'));
}, 60_000);
afterAll(async () => {
  await core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const analyze = (files: { fileName: string; data: Uint8Array }[]) => analyzeCollect(core, s.period.id, files);

/** The address of an indicator's input cell in a book. */
async function inputCell(data: Uint8Array, code: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return `D${rowOf(wb.getWorksheet(INPUT_SHEET)!, code)}`;
}

/** Replaces the `<c>` element of `address` in a sheet's XML. */
const replaceCell = (xml: string, address: string, by: (cell: string) => string) =>
  xml.replace(new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`), by);

describe('workbook readers see what Excel shows', () => {
  it('a value hidden in an XML comment is not imported; a cell written twice keeps its last value', async () => {
    const filled = await fillWorkbook(readBytes(books[0]!), { DT01: 5, DT02: 6 });
    const dt01 = await inputCell(filled, 'DT01');
    const dt02 = await inputCell(filled, 'DT02');
    const hostile = await editBook(filled, {
      [INPUT_SHEET]: (xml) =>
        replaceCell(
          replaceCell(xml, dt01, (c) => `${c}<!-- <c r="${dt01}"><v>999</v></c> -->`),
          dt02,
          (c) => `<c r="${dt02}"><v>1</v></c>${c}`,
        ),
    });
    const item = (await analyze([{ fileName: 'an-chu-thich.xlsx', data: hostile }])).items[0]!;
    expect(item.problems).toEqual([]);
    const changes = Object.fromEntries(item.changes.map((c) => [c.key, c.newValue]));
    expect(changes.DT01).toBe('5');
    expect(changes.DT02).toBe('6');
  });

  it("the units import reads the workbook's first sheet by its order, not the zip's", async () => {
    const notes = textSheet([['Ghi chú'], ['Danh sách dưới đây lập ngày 01/07/2025']], 'inline').sheet;
    const units = textSheet(
      [
        ['Mã', 'Tên đơn vị', 'Loại'],
        ['XHV', 'UBND xã Hòa Vang', 'UBND xã'],
      ],
      'inline',
    ).sheet;
    // the unit sheet comes first in the workbook but second in the zip
    const data = await craftXlsx(
      [
        { name: 'Đơn vị', xml: units },
        { name: 'Ghi chú', xml: notes },
      ],
      { zipOrder: [1, 0] },
    );
    const preview = await previewUnitImport(core.db, 'thu-tu.xlsx', data);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.code, r.name])).toEqual([['XHV', 'UBND xã Hòa Vang']]);
  });

  it('unclosed tags repeated thousands of times are refused at once, naming the file and the place', async () => {
    const cell = '<c r="A1" t="inlineStr"><is><t>x</t></is></c>';
    const shapes: [string, string, RegExp][] = [
      ['rows never closed', sheetXml(`<row r="1">${cell}`.repeat(4000)), /lồng nhau quá sâu/],
      [
        'one row never closed',
        sheetXml(`<row r="1">${cell.repeat(20_000)}`),
        /thẻ <row> lại được đóng bằng <\/sheetData>/,
      ],
      ['a part cut short', sheetXml(`<row r="1">${cell.repeat(20_000)}</row>`).slice(0, -30), /không được đóng/],
      [
        'a cell without its ">"',
        sheetXml(`<row r="1"><c r="A1" t="s"${Array.from({ length: 20_000 }, (_, i) => ` a${i}="1"`).join('')}`),
        /thẻ <c> có quá nhiều thuộc tính/,
      ],
      [
        'the same attribute again and again',
        sheetXml(`<row r="1"><c r="A1"${' s="1"'.repeat(20_000)}/></row>`),
        /lặp lại/,
      ],
      [
        'a lone "<" in text',
        sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'a<'.repeat(20_000)}</t></is></c></row>`),
        /./,
      ],
    ];
    for (const [label, xml, why] of shapes) {
      const data = await craftXlsx([{ name: 'Đơn vị', xml }]);
      const err = await previewUnitImport(core.db, 'khong-dong.xlsx', data).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err?.message, label).toMatch(/^Tệp “khong-dong\.xlsx” bị hỏng: trang tính “Đơn vị”/);
      expect(err?.message, label).toMatch(why);
    }
  });

  it('a returned book whose input sheet is half a megabyte of unclosed rows is a problem at once (the old scan was quadratic)', async () => {
    const unclosed = await editBook(readBytes(books[0]!), {
      [INPUT_SHEET]: (xml) =>
        xml.replace(
          /<sheetData>[\s\S]*<\/sheetData>/,
          `<sheetData>${'<row r="1"><c r="A1"><v>1'.repeat(20_000)}</sheetData>`,
        ),
    });
    const item = (await analyze([{ fileName: 'khong-dong.xlsx', data: unclosed }])).items[0]!;
    expect(item.status).toBe('problem');
    expect(item.problems[0]!.message).toMatch(/^Tệp “khong-dong\.xlsx” bị hỏng: trang tính “Nhập liệu”, ô A1/);
  });

  it('a DTD (entity bomb, external entity) is refused, never expanded', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`;
    const err = await previewUnitImport(core.db, 'dtd.xlsx', await craftXlsx([{ name: 'Đơn vị', xml: bomb }])).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/DOCTYPE/);
  });
});

describe('one bad workbook never aborts the batch', () => {
  it('a code point above U+10FFFF and a bad cell address: the file is a problem by name, the others are read', async () => {
    const good = await fillWorkbook(readBytes(books[1]!), { DT01: 2 });
    const filled = await fillWorkbook(readBytes(books[0]!), { DT01: 3 });
    const dt01 = await inputCell(filled, 'DT01');
    const beyond = await editBook(filled, {
      [INPUT_SHEET]: (xml) =>
        replaceCell(xml, dt01, () => `<c r="${dt01}" t="inlineStr"><is><t>&#x110000;</t></is></c>`),
    });
    const badAddress = await editBook(filled, {
      [INPUT_SHEET]: (xml) => replaceCell(xml, dt01, () => `<c r="${dt01.replace('D', 'DDDD')}"><v>1</v></c>`),
    });
    const review = await analyze([
      { fileName: 'vuot-unicode.xlsx', data: beyond },
      { fileName: 'dia-chi-sai.xlsx', data: badAddress },
      { fileName: 'tot.xlsx', data: good },
    ]);
    const [a, b, c] = review.items;
    expect(a!.status).toBe('problem');
    expect(a!.problems[0]!.message).toMatch(
      new RegExp(`^Tệp “vuot-unicode\\.xlsx” bị hỏng: trang tính “Nhập liệu”, ô ${dt01} .*không phải một ký tự hợp lệ`),
    );
    expect(a!.problems[0]!.where).toMatchObject({ file: 'vuot-unicode.xlsx', cell: dt01 });
    expect(b!.problems[0]!.message).toMatch(
      /^Tệp “dia-chi-sai\.xlsx”, trang tính “Nhập liệu”, ô .*: địa chỉ ô “DDDD\d+”/,
    );
    expect(c!.problems).toEqual([]);
    expect(c!.status).toBe('new');
  });
});

describe('caps on imported text', () => {
  it('a narrative section longer than a cell can hold is refused at its cell', async () => {
    const data = await fillWorkbook(readBytes(books[0]!), { 'muc:I': 'Đ'.repeat(40_000) });
    const item = (await analyze([{ fileName: 'dai.xlsx', data }])).items[0]!;
    expect(item.status).toBe('problem');
    expect(item.problems[0]!.message).toMatch(
      /^Tệp “dai\.xlsx”, trang “Nhập liệu”, ô B\d+ \(I\): nội dung dài 40\.000 ký tự, quá giới hạn 32\.000/,
    );
  });

  it('a 10,000-character unit name gets a message about its length, not "Thiếu Tên đơn vị"', async () => {
    const data = await unitBook([['DAI', 'Ủ'.repeat(10_000), 'UBND xã']], 'shared');
    const preview = await previewUnitImport(core.db, 'dai.xlsx', data);
    expect(preview.errors.map((e) => e.message)).toEqual([
      'Dòng 2, cột B “Tên đơn vị”: dài 10.000 ký tự, tối đa 250 ký tự.',
    ]);
    const dispatch = createDispatch(core);
    const r = await dispatch('units.create', {
      code: 'X',
      name: 'a'.repeat(5_000),
      shortName: '',
      kind: 'khac',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Tên đơn vị dài quá 250 ký tự.');
  });
});

describe('who a returned workbook belongs to', () => {
  it('a second metadata sheet refuses the file', async () => {
    const filled = await fillWorkbook(readBytes(books[0]!), { DT01: 4 }, (wb) => {
      const copy = wb.addWorksheet('bcnv_meta2', { state: 'veryHidden' });
      copy.getCell('A1').value = 'format';
      copy.getCell('B1').value = 'bao-cao-noi-vu/bieu-nhap-lieu';
    });
    const item = (await analyze([{ fileName: 'hai-trang-an.xlsx', data: filled }])).items[0]!;
    expect(item.status).toBe('problem');
    expect(item.problems[0]!.message).toMatch(/có thêm một trang thông tin nhận dạng \(“bcnv_meta2”, ô B1\)/);
  });

  it("metadata copied from another unit's book shows: the visible unit lines do not match", async () => {
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.load(Buffer.from(readBytes(books[1]!)) as unknown as ArrayBuffer);
    const theirMeta = theirs.getWorksheet(META_SHEET)!;
    const before = databaseFingerprint(core);
    // every cell of the other unit's (genuinely sealed) hidden sheet, copied over this one's
    const copied = await fillWorkbook(readBytes(books[0]!), { DT01: 9 }, (wb) => {
      const meta = wb.getWorksheet(META_SHEET)!;
      theirMeta.eachRow((row, r) => row.eachCell((c, col) => (meta.getCell(r, col).value = c.value)));
    });
    const item = (await analyze([{ fileName: 'chep-an.xlsx', data: copied }])).items[0]!;
    expect(item.status).toBe('problem');
    expect(item.acceptable).toBe(false);
    expect(item.problems[0]!.message).toMatch(
      /trang “Hướng dẫn”, ô B\d+: ghi “Đơn vị báo cáo: Xã Tam Xuân \(mã X001\)” nhưng thông tin nhận dạng ẩn của tệp là đơn vị Xã Đại Lộc \(mã X002\)/,
    );
    expect(databaseFingerprint(core)).toBe(before);
  });

  it('a forged layout with a recomputed public checksum is flagged and never ticked by default', async () => {
    const filled = await fillWorkbook(readBytes(books[0]!), { DT01: 7 });
    // A forger who knows the format: edits the layout JSON and writes its plain SHA-256.
    const forged = await fillWorkbook(filled, {}, (wb) =>
      forgeLayout(wb, META_SHEET, (json) =>
        json.replace(/"generatedAt":"[^"]+"/, '"generatedAt":"2020-01-01T00:00:00.000Z"'),
      ),
    );
    const item = (await analyze([{ fileName: 'gia-mao.xlsx', data: forged }])).items[0]!;
    expect(item.problems).toEqual([]);
    expect(item.warnings[0]!.message).toMatch(/^Cảnh báo: tệp “gia-mao\.xlsx” không mang dấu xác thực của dữ liệu này/);
    expect(item.suggested).toBe(false);
    // the genuine book carries the seal: no seal warning (only that it is mostly empty)
    const genuine = (await analyze([{ fileName: 'that.xlsx', data: filled }])).items[0]!;
    expect(genuine.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/chỉ điền 1\/\d+ ô nhập liệu/)]);
    expect(item.warnings.some((w) => /chỉ điền/.test(w.message))).toBe(true);
  });

  it('a book sealed by another data set is refused, saying so', async () => {
    const other = await freshCore(tempDir('bcnv-hostile-other-'));
    try {
      const o = await setupCollect(other.db, 3);
      const folder = tempDir('bcnv-hostile-other-out-');
      await exportCollectBooks(other.db, folder, { periodId: o.period.id, unitId: null });
      const foreign = await fillWorkbook(readBytes(filesIn(folder)[0]!), { DT01: 1 });
      const item = (await analyze([{ fileName: 'may-khac.xlsx', data: foreign }])).items[0]!;
      expect(item.status).toBe('problem');
      expect(item.problems[0]!.message).toMatch(
        /không khớp dấu xác thực của dữ liệu này: đã bị sửa, hoặc tệp được xuất từ một bộ dữ liệu khác/,
      );
    } finally {
      await other.close();
    }
  });
});

describe('Vietnamese text split at a read boundary (issue 22)', () => {
  const FORMS: TextForm[] = ['inline', 'inline-rich', 'shared', 'shared-rich'];
  const CHUNK = 64; // zlib's smallest chunk: every boundary is met within a small book

  /** Rows whose names put `ch` at every offset of a 64-byte chunk of the part that holds the text. */
  function rowsCovering(ch: string, form: TextForm): { rows: string[][]; part: Uint8Array } {
    const bytes = Buffer.from(ch, 'utf8');
    const rows: string[][] = [];
    for (let k = 0; ; k++) {
      rows.push([`U${k}`, `Xã ${'a'.repeat(k % 67)}${ch}${'b'.repeat(k % 5)}${ch}`, 'UBND xã']);
      const t = textSheet([['Mã', 'Tên đơn vị', 'Loại'], ...rows], form);
      const part = Buffer.from(form.startsWith('shared') ? t.sharedStrings! : t.sheet, 'utf8');
      const seen = new Set<number>();
      for (let at = part.indexOf(bytes); at >= 0; at = part.indexOf(bytes, at + 1)) seen.add(at % CHUNK);
      if (seen.size === CHUNK) return { rows, part };
    }
  }

  for (const [kind, ch] of Object.entries(VIETNAMESE_KINDS))
    for (const form of FORMS)
      it(`${kind} across every ${CHUNK}-byte boundary, ${form}`, async () => {
        const { rows, part } = rowsCovering(ch, form);
        // the fixture really cuts characters: decoding chunk by chunk on its own breaks them
        let naive = '';
        for (let i = 0; i < part.length; i += CHUNK) naive += new TextDecoder().decode(part.subarray(i, i + CHUNK));
        expect(naive).toContain('\uFFFD');
        const book = await readUnitWorkbook(await unitBook(rows, form), 'chia-cat.xlsx', CHUNK);
        expect(book.rows.map((r) => r.fields.name)).toEqual(rows.map((r) => r[1]!.normalize('NFC')));
      });

  it('a part kept as the zip guard inflated it reads exactly as the part inflated again by stream (parts past the keep limit)', async () => {
    for (const form of FORMS) {
      const { rows } = rowsCovering(VIETNAMESE_KINDS['dựng sẵn (3 byte)']!, form);
      const pkg = await assertXlsx(await unitBook(rows, form), 'giu-lai.xlsx');
      const parts = Object.values(pkg.zip.files).filter((e) => !e.dir && /\.(xml|rels)$/.test(e.name));
      expect(parts.length).toBeGreaterThan(3);
      for (const e of parts) {
        // the guard kept what it checked: every XML part is read from its copy, none inflated twice
        expect(pkg.inflated?.has(e.name)).toBe(true);
        for (const chunkSize of [CHUNK, undefined]) {
          const kept = await readPartText({ ...pkg, chunkSize }, e.name);
          const streamed = await readPartText({ fileName: pkg.fileName, zip: pkg.zip, chunkSize }, e.name);
          expect(kept).toBe(streamed);
          expect(kept).toBe(await e.async('string'));
        }
      }
    }
  });

  it('a .docx plan of dense Vietnamese text is read without one broken character (the Word reader decodes by stream too)', async () => {
    // every character multi-byte: wherever the inflater's chunks end, they cut a character
    const kinds = Object.values(VIETNAMESE_KINDS).join('');
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `${kinds.repeat(1 + (i % 7))}${'ư'.repeat(i % 5)}`);
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    zip.file(
      'word/document.xml',
      // as bytes: JSZip itself cuts a surrogate pair where its 16K-character pieces of a string end
      new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
          .map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`)
          .join('')}</w:body></w:document>`,
      ),
    );
    const text = await readPlanFile(
      'ke-hoach.docx',
      await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    );
    expect(text).not.toContain('\uFFFD');
    const read = text.split('\n').filter(Boolean);
    expect(read).toEqual(paragraphs);
  });

  it('a 5,000-row unit list with text stored inline in the cells is read without one broken character', async () => {
    const names = Array.from({ length: 5_000 }, (_, i) => [`X${i}`, `UBND xã Đồng Tháp Mười số ${i}`, 'UBND xã']);
    const preview = await previewUnitImport(core.db, 'nam-nghin.xlsx', await unitBook(names, 'inline'));
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => r.name)).toEqual(names.map((n) => n[1]));
  }, 60_000);
});
