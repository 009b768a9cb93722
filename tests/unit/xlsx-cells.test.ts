// The raw cell reader of returned workbooks: strings in every form, dates, formulas with and
// without cached values, namespace prefixes, and links that are never followed.
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readSheetCells, readWorkbookParts } from '../../src/main/workbooks/xlsx-cells';
import { serialToIso, unescapeOoxml } from '../../src/main/workbooks/cell-values';
import type { XlsxPackage } from '../../src/main/workbooks/xlsx-part';
import { decodeEntities } from '../../src/main/workbooks/xml-scan';

async function pkg(
  sheetXml: string,
  opts: { sst?: string; styles?: string; book?: string; rels?: string } = {},
): Promise<XlsxPackage> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    opts.book ??
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số &amp; liệu" sheetId="1" r:id="rId1"/><sheet name="Ẩn" sheetId="2" state="veryHidden" r:id="rId2"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    opts.rels ??
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  zip.file('xl/worksheets/sheet2.xml', '<worksheet><sheetData/></worksheet>');
  if (opts.sst) zip.file('xl/sharedStrings.xml', opts.sst);
  if (opts.styles) zip.file('xl/styles.xml', opts.styles);
  return {
    fileName: 't.xlsx',
    zip: await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })),
  };
}

describe('xlsx cells', () => {
  it('lists sheets with their states and parts', async () => {
    const zip = await pkg('<worksheet><sheetData/></worksheet>');
    const parts = await readWorkbookParts(zip);
    expect(parts.sheets).toEqual([
      { name: 'Số & liệu', state: 'visible', part: 'xl/worksheets/sheet1.xml' },
      { name: 'Ẩn', state: 'veryHidden', part: 'xl/worksheets/sheet2.xml' },
    ]);
  });

  it('reads shared, rich, inline and formula strings; numbers, dates, booleans, errors; cached values only', async () => {
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Có</t></si><si><r><rPr><b/></rPr><t>Ưu </t></r><r><t xml:space="preserve">điểm</t></r><rPh><t>phonetic</t></rPh></si><si><t>a_x000D_b &lt;c&gt;</t></si></sst>';
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;ngày&quot; 0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>';
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c></x:row>
      <x:row r="3"><x:c r="A3"><x:v>12.5</x:v></x:c><x:c r="B3" s="1"><x:v>45717</x:v></x:c><x:c r="C3" s="3"><x:v>7</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>
      <x:row r="4"><x:c r="A4"><x:f>1+1</x:f><x:v>7</x:v></x:c><x:c r="B4"><x:f>WEBSERVICE("http://x")</x:f></x:c><x:c r="C4" t="str"><x:f>"=a"&amp;"b"</x:f><x:v>=ab</x:v></x:c><x:c r="D4" t="inlineStr"><x:is><x:t>trực tiếp</x:t></x:is></x:c></x:row>
      <x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const zip = await pkg(sheet, { sst, styles });
    const parts = await readWorkbookParts(zip);
    const cells = await readSheetCells(zip, parts, parts.sheets[0]!);
    expect(Object.fromEntries(cells)).toEqual({
      A2: { kind: 'text', value: 'Có', formula: null },
      B2: { kind: 'text', value: 'Ưu điểm', formula: null },
      C2: { kind: 'text', value: 'a\rb <c>', formula: null },
      A3: { kind: 'number', value: 12.5, date: false, formula: null },
      B3: { kind: 'number', value: 45717, date: true, formula: null },
      C3: { kind: 'number', value: 7, date: false, formula: null },
      D3: { kind: 'bool', value: true, formula: null },
      E3: { kind: 'error', value: '#DIV/0!', formula: null },
      A4: { kind: 'number', value: 7, date: false, formula: '1+1' },
      B4: { kind: 'empty', formula: 'WEBSERVICE("http://x")' },
      C4: { kind: 'text', value: '=ab', formula: '"=a"&"b"' },
      D4: { kind: 'text', value: 'trực tiếp', formula: null },
      A5: { kind: 'number', value: 1, date: false, formula: null },
      B5: { kind: 'number', value: 2, date: false, formula: null },
    });
    expect(serialToIso(45717, false)).toBe('2025-03-01');
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(0, true)).toBe('1904-01-01');
  });

  it('never follows an external relationship', async () => {
    const zip = await pkg('<worksheet><sheetData/></worksheet>', {
      rels: '<Relationships><Relationship Id="rId1" Type="worksheet" Target="https://example.invalid/sheet.xml" TargetMode="External"/><Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    });
    const parts = await readWorkbookParts(zip);
    expect(parts.sheets.map((s) => s.name)).toEqual(['Ẩn']);
  });

  it('decodes entities and OOXML escapes', () => {
    expect(unescapeOoxml(decodeEntities('&#7845;&#x1EA1; &amp;&quot;_x0009__x005F_x0041_'))).toBe('ấạ &"\t_x0041_');
  });

  it('reads OOXML escapes exactly as the earlier regular expression did (left to right, each once)', () => {
    const before = (s: string) =>
      s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    const piece = fc.constantFrom(
      '_',
      'x',
      'X',
      '_x',
      '0',
      'D',
      'd',
      'f',
      'F',
      'g',
      '5',
      '_x000D_',
      '_x005F_',
      'Đ',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        expect(unescapeOoxml(s)).toBe(before(s));
      }),
      { numRuns: 20_000, seed: 5 },
    );
    for (const n of [1023, 1024, 1025, 3000]) {
      const long = Array.from({ length: n }, (_, i) => `a${i % 9}_x00${(i % 200).toString(16).padStart(2, '0')}_`).join(
        '',
      );
      expect(unescapeOoxml(long)).toBe(before(long));
    }
  });
});
