// Word templates written the way Word saves them: runs split by revision ids and spell-check
// marks, tracked changes (w:ins, w:del), merged cells (w:vMerge), headers with PAGE fields and a
// different first page, a styles part with Times New Roman 14. Each test states its XML here.
import JSZip from 'jszip';
import { pngBytes } from '../fixtures/png';

const NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14"';

let rsid = 0x00a10000;
const nextRsid = () => (rsid++).toString(16).toUpperCase().padStart(8, '0');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run as Word writes it: its own revision id, optional formatting, text kept with its spaces. */
export const run = (text: string, rPr = ''): string =>
  `<w:r w:rsidR="${nextRsid()}"${rPr ? '' : ''}>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
/** The same text cut into runs at the given offsets, as typing over several sessions leaves it. */
export const splitRuns = (text: string, cuts: number[], rPr = ''): string => {
  const at = [0, ...cuts, text.length];
  return at
    .slice(0, -1)
    .map((s, k) => run(text.slice(s, at[k + 1]), rPr))
    .join('');
};
export const proofStart = '<w:proofErr w:type="spellStart"/>';
export const proofEnd = '<w:proofErr w:type="spellEnd"/>';
export const ins = (inner: string, id = 901) =>
  `<w:ins w:id="${id}" w:author="Chuyên viên" w:date="2025-06-01T08:00:00Z">${inner}</w:ins>`;
export const del = (text: string, id = 902) =>
  `<w:del w:id="${id}" w:author="Chuyên viên" w:date="2025-06-01T08:00:00Z"><w:r><w:delText xml:space="preserve">${esc(text)}</w:delText></w:r></w:del>`;

export const para = (content: string, pPr = ''): string =>
  `<w:p w:rsidR="${nextRsid()}" w:rsidRDefault="${nextRsid()}">${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`;
export const p = (text: string, pPr = '', rPr = ''): string => para(run(text, rPr), pPr);
/** A body paragraph as the decree wants it: justified, first line indented 1 cm. */
export const bodyPPr = '<w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>';

export const pageField = (rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

export interface CellSpec {
  content: string;
  width?: number;
  vMerge?: 'restart' | 'continue';
  gridSpan?: number;
}

export const cell = (c: CellSpec | string): string => {
  const s = typeof c === 'string' ? { content: c } : c;
  const content = s.content.startsWith('<w:p') ? s.content : p(s.content);
  const vm = s.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : s.vMerge === 'continue' ? '<w:vMerge/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${s.width ?? 2000}" w:type="dxa"/>${s.gridSpan ? `<w:gridSpan w:val="${s.gridSpan}"/>` : ''}${vm}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
};
export const row = (cells: (CellSpec | string)[]): string =>
  `<w:tr w:rsidR="${nextRsid()}">${cells.map(cell).join('')}</w:tr>`;
export const table = (rows: string[], widths: number[], borders = true): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>${borders ? '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>' : ''}<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`;

/** The decree's header block: agency left, national motto right, number and date below. */
export const headerBlock = (): string =>
  table(
    [
      row([
        {
          content:
            para(run('{agency.parentName}', '<w:sz w:val="26"/>'), '<w:jc w:val="center"/>') +
            para(run('{agency.name}', '<w:b/><w:sz w:val="26"/>'), '<w:jc w:val="center"/>'),
          width: 3600,
        },
        {
          content:
            para(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', '<w:b/><w:sz w:val="26"/>'), '<w:jc w:val="center"/>') +
            para(run('Độc lập - Tự do - Hạnh phúc', '<w:b/>'), '<w:jc w:val="center"/>'),
          width: 5700,
        },
      ]),
      row([
        { content: para(run('{document.numberLine}', '<w:sz w:val="26"/>'), '<w:jc w:val="center"/>'), width: 3600 },
        { content: para(run('{document.placeDate}', '<w:i/>'), '<w:jc w:val="center"/>'), width: 5700 },
      ]),
    ],
    [3600, 5700],
    false,
  );

export interface DocxSpec {
  body: string;
  /** Default header (pages 2…) and first-page header. */
  header?: string;
  firstHeader?: string;
  footer?: string;
  comments?: string;
  /** Margins in mm (top, right, bottom, left). */
  margins?: [number, number, number, number];
  pageMm?: [number, number];
  font?: string;
  /** Body size in points. */
  size?: number;
  /** Extra files (path → content). */
  extra?: Record<string, string | Uint8Array>;
}

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

export async function buildDocx(spec: DocxSpec): Promise<Uint8Array> {
  const zip = new JSZip();
  const [top, right, bottom, left] = spec.margins ?? [20, 15, 20, 30];
  const [pw, ph] = spec.pageMm ?? [210, 297];
  const parts: [string, string, string, string][] = [];
  if (spec.header) parts.push(['header1.xml', 'header', 'rIdH1', `<w:hdr ${NS}>${spec.header}</w:hdr>`]);
  if (spec.firstHeader !== undefined)
    parts.push(['header2.xml', 'header', 'rIdH2', `<w:hdr ${NS}>${spec.firstHeader || '<w:p/>'}</w:hdr>`]);
  if (spec.footer) parts.push(['footer1.xml', 'footer', 'rIdF1', `<w:ftr ${NS}>${spec.footer}</w:ftr>`]);
  if (spec.comments)
    parts.push(['comments.xml', 'comments', 'rIdC1', `<w:comments ${NS}>${spec.comments}</w:comments>`]);
  const ct = (kind: string) => `application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml`;
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="${ct('document.main')}"/><Override PartName="/word/styles.xml" ContentType="${ct('styles')}"/><Override PartName="/word/settings.xml" ContentType="${ct('settings')}"/>${parts.map(([f, kind]) => `<Override PartName="/word/${f}" ContentType="${ct(kind)}"/>`).join('')}</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const relType = (kind: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType('styles')}" Target="styles.xml"/><Relationship Id="rId2" Type="${relType('settings')}" Target="settings.xml"/>${parts.map(([f, kind, id]) => `<Relationship Id="${id}" Type="${relType(kind)}" Target="${f}"/>`).join('')}</Relationships>`,
  );
  const font = spec.font ?? 'Times New Roman';
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}"/><w:sz w:val="${(spec.size ?? 14) * 2}"/><w:szCs w:val="${(spec.size ?? 14) * 2}"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style></w:styles>`,
  );
  zip.file(
    'word/settings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${NS}><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/></w:settings>`,
  );
  const refs = [
    spec.header ? '<w:headerReference w:type="default" r:id="rIdH1"/>' : '',
    spec.firstHeader !== undefined ? '<w:headerReference w:type="first" r:id="rIdH2"/>' : '',
    spec.footer ? '<w:footerReference w:type="default" r:id="rIdF1"/>' : '',
  ].join('');
  const sect = `<w:sectPr w:rsidR="${nextRsid()}">${refs}<w:pgSz w:w="${twips(pw)}" w:h="${twips(ph)}"${pw > ph ? ' w:orient="landscape"' : ''}/><w:pgMar w:top="${twips(top)}" w:right="${twips(right)}" w:bottom="${twips(bottom)}" w:left="${twips(left)}" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:space="720"/>${spec.firstHeader !== undefined ? '<w:titlePg/>' : ''}<w:docGrid w:linePitch="381"/></w:sectPr>`;
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${spec.body}${sect}</w:body></w:document>`,
  );
  for (const [f, , , xml] of parts)
    zip.file(`word/${f}`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  for (const [name, content] of Object.entries(spec.extra ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The page-number header of the decree: centred, Times New Roman 14. */
export const pageHeader = (extra = ''): string => para(pageField() + extra, '<w:jc w:val="center"/>');

/** A transparent PNG of w × h pixels in one colour, with a resolution (pixels per metre). */
export const png = (
  w: number,
  h: number,
  rgba: [number, number, number, number],
  ppm: number | null = null,
): Uint8Array => new Uint8Array(pngBytes(w, h, rgba, { ppm }));

/** A report form as an office would make it in Word: header block, split and tracked tags, the
 * draft's body, an indicator table, a group table merged by unit, a condition and the signature. */
export async function officeTemplate(): Promise<Uint8Array> {
  const center = '<w:jc w:val="center"/>';
  const body = [
    headerBlock(),
    para(run('BÁO CÁO', '<w:b/>'), center),
    para(splitRuns('{report.title}', [3, 9], '<w:b/>'), center),
    para(
      run('Căn cứ ') + run('{plan.ref') + proofStart + run('erence}') + proofEnd + run(' của {plan.issuer};'),
      bodyPPr + '<w:rPr><w:i/></w:rPr>',
    ),
    para(run('Kỳ báo cáo: {per') + del('xx') + ins(run('iod.na')) + run('me} ({period.window}).'), bodyPPr),
    para(run('{report.body}'), bodyPPr),
    para(
      run('Số đơn vị phải báo cáo: {status.expected}; đã gửi: {status.reported}; đúng hạn: {status.onTime}.'),
      bodyPPr,
    ),
    para(run('{#hasMissing}Còn {status.missing} đơn vị chưa gửi: {status.missingList}.{/hasMissing}'), bodyPPr),
    para(run('{^hasMissing}Tất cả đơn vị đã gửi báo cáo.{/hasMissing}'), bodyPPr),
    para(run('Bảng 1. Số liệu theo chỉ số', '<w:b/>'), center),
    table(
      [
        row([
          { content: p('STT', center, '<w:b/>'), width: 700 },
          { content: p('Chỉ số', center, '<w:b/>'), width: 4200 },
          { content: p('Kỳ này', center, '<w:b/>'), width: 1400 },
          { content: p('Cùng kỳ', center, '<w:b/>'), width: 1400 },
          { content: p('Tăng, giảm', center, '<w:b/>'), width: 1400 },
        ]),
        row([
          { content: p('{#indicators}{stt}', center), width: 700 },
          { content: para(splitRuns('{name} ({unit})', [4, 9])), width: 4200 },
          { content: p('{total}', '<w:jc w:val="right"/>'), width: 1400 },
          { content: p('{previous}', '<w:jc w:val="right"/>'), width: 1400 },
          { content: p('{delta}{/indicators}', '<w:jc w:val="right"/>'), width: 1400 },
        ]),
      ],
      [700, 4200, 1400, 1400, 1400],
    ),
    para(run('Bảng 2. Số liệu theo đơn vị', '<w:b/>'), center),
    table(
      [
        row([
          { content: p('STT', center, '<w:b/>'), width: 700 },
          { content: p('Đơn vị', center, '<w:b/>'), width: 3000 },
          { content: p('Chỉ số', center, '<w:b/>'), width: 4000 },
          { content: p('Giá trị', center, '<w:b/>'), width: 1400 },
        ]),
        row([
          { content: p('{#units}{stt}', center), width: 700 },
          { content: p('{name}'), width: 3000 },
          { content: p('{#values}{name}'), width: 4000 },
          { content: p('{value}{/values}{/units}', '<w:jc w:val="right"/>'), width: 1400 },
        ]),
      ],
      [700, 3000, 4000, 1400],
    ),
    p('Trên đây là báo cáo của {agency.nameInSentence}./.', bodyPPr),
    table(
      [
        row([
          {
            content:
              para(run('Nơi nhận:', '<w:b/><w:i/><w:sz w:val="24"/>')) +
              para(run('- Lưu: VT, {agency.draftingUnit}.', '<w:sz w:val="22"/>')),
            width: 4500,
          },
          {
            content:
              para(run('{signer.authority}', '<w:b/>'), center) +
              para(run('{%signature}'), center) +
              para(run('{signer.fullName}', '<w:b/>'), center),
            width: 4800,
          },
        ]),
      ],
      [4500, 4800],
      false,
    ),
  ].join('');
  // The footer carries tags too, split the way Word leaves them.
  const footer = para(splitRuns('{agency.nameInSentence} · {document.dateShort}', [5, 30]), '<w:jc w:val="right"/>');
  return buildDocx({ body, header: pageHeader(), firstHeader: '', footer });
}
