// The linter on broken templates written the way Word saves them: each finding says what, in
// Vietnamese, and where (paragraph or table cell, with its text). A good template passes clean.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { lintBytes } from '../../src/main/features/doc-templates/store';
import type { DocUsage, LintReport } from '../../src/shared/contract/doc-templates';
import {
  buildDocx,
  cell,
  del,
  headerBlock,
  ins,
  p,
  pageField,
  pageHeader,
  para,
  row,
  run,
  splitRuns,
  table,
  type DocxSpec,
} from './doc-templates-fixtures';

const FONTS = new Set(['times new roman', 'liberation serif', 'arial']);

/** A template that follows the decree, with the given body after its header block. */
const decree = (body: string, extra: Partial<DocxSpec> = {}): DocxSpec => ({
  body: headerBlock() + body,
  header: pageHeader(),
  firstHeader: '',
  ...extra,
});

async function lint(spec: DocxSpec | Uint8Array, usage: DocUsage | null = 'report'): Promise<LintReport> {
  const bytes = spec instanceof Uint8Array ? spec : await buildDocx(spec);
  return lintBytes(bytes, 'mau.docx', usage, FONTS);
}

const codes = (r: LintReport) => r.findings.map((f) => f.code);
const find = (r: LintReport, code: string) => {
  const f = r.findings.find((x) => x.code === code);
  if (!f) throw new Error(`không có ${code}: ${JSON.stringify(r.findings, null, 1)}`);
  return f;
};

describe('linter: a good template', () => {
  it('passes clean: no error, no warning, decree respected, split tags joined quietly', async () => {
    const r = await lint(
      decree(
        para(splitRuns('Kính gửi: {agency.parentName}', [14, 20])) +
          p('{report.body}') +
          table(
            [row(['STT', 'Chỉ số', 'Kỳ này']), row(['{#indicators}{stt}', '{name}', '{total}{/indicators}'])],
            [800, 5000, 2000],
          ),
      ),
    );
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(['JOINED']);
    expect(r.fields).toEqual(
      expect.arrayContaining(['agency.parentName', 'report.body', 'indicators', 'indicators.stt', 'indicators.total']),
    );
  });
});

describe('linter: broken templates (each finding in Vietnamese, with its place)', () => {
  it('1. unknown field, with the nearest known name', async () => {
    const r = await lint(decree(p('Cơ quan: {agency.nmae}')));
    const f = find(r, 'UNKNOWN_FIELD');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('“agency.nmae” không có trong danh mục; có phải “agency.name”?');
    expect(f.where).toBe('đoạn 1');
    expect(f.text).toBe('Cơ quan: {agency.nmae}');
    expect(r.ok).toBe(false);
  });

  it('2. a loop never closed', async () => {
    const r = await lint(decree(p('{#indicators}{name}: {total}')));
    expect(find(r, 'LOOP_UNCLOSED').message).toBe(
      'Thẻ mở {#indicators} không có thẻ đóng {/indicators} trong cùng phần văn bản.',
    );
  });

  it('3. a closing tag without its opening', async () => {
    const r = await lint(decree(p('Hết danh sách {/units}')));
    expect(find(r, 'LOOP_UNOPENED').message).toContain('{/units} không có thẻ mở {#units}');
  });

  it('4. crossed loops', async () => {
    const r = await lint(decree(p('{#units}{name} {#hasLate}muộn{/units}{/hasLate}')));
    const f = find(r, 'LOOP_CROSSED');
    expect(f.message).toBe('Vòng lặp {#units} và {#hasLate} đan chéo nhau: {#hasLate} phải đóng trước {/units}.');
    expect(f.where).toBe('đoạn 1');
  });

  it('5. a tag broken over two paragraphs (Enter typed inside it)', async () => {
    const r = await lint(decree(p('Kỳ: {period.') + p('name} năm nay')));
    const f = find(r, 'TAG_ACROSS_PARAGRAPHS');
    expect(f.message).toContain('bị ngắt sang đoạn sau');
    expect(f.where).toBe('đoạn 1');
  });

  it('6. a stray closing brace and an unclosed opening brace', async () => {
    const r = await lint(decree(p('Số liệu } lạ') + p('Còn { mở')));
    expect(find(r, 'STRAY_BRACE').where).toBe('đoạn 1');
    expect(find(r, 'UNCLOSED_TAG').where).toBe('đoạn 2');
  });

  it('7. a tag split by a tab that cannot be joined', async () => {
    const r = await lint(decree(para(run('{agency.') + '<w:r><w:tab/></w:r>' + run('name}'))));
    expect(find(r, 'SPLIT_TAG').message).toContain('không nối lại được: thẻ bị ngắt bởi dấu tab');
  });

  it('8. a tag half inside a Word field result', async () => {
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('{document')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const r = await lint(decree(para(field + run('.date}'))));
    expect(find(r, 'SPLIT_TAG').message).toContain('nằm trong một trường (field) của Word');
  });

  it('9. a tag inside a tracked insertion, and a tag inside a tracked deletion', async () => {
    const r = await lint(decree(para(run('Kỳ: {per') + ins(run('iod.name}'))) + para(run('Cũ: ') + del('{old.tag}'))));
    const f = find(r, 'TAG_IN_REVISION');
    expect(f.severity).toBe('warning');
    expect(f.where).toBe('đoạn 1');
    expect(f.text).toBe('Kỳ: {period.name}');
    expect(find(r, 'TAG_DELETED').where).toBe('đoạn 2');
    expect(find(r, 'REVISIONS').message).toContain('“Accept All”');
    expect(r.ok).toBe(true);
  });

  it('10. a tag inside a comment', async () => {
    const comment = `<w:comment w:id="0" w:author="A" w:date="2025-01-01T00:00:00Z">${p('Chỗ này dùng {agency.name}')}</w:comment>`;
    const r = await lint(decree(p('Văn bản'), { comments: comment }));
    const f = find(r, 'TAG_IN_COMMENT');
    expect(f.where).toBe('Nhận xét (comment), đoạn 1');
    expect(f.message).toContain('nằm trong một nhận xét');
  });

  it('11. a loop that starts in a table and ends outside it', async () => {
    const r = await lint(decree(table([row(['{#units}{name}', '{code}'])], [4000, 4000]) + p('{/units}')));
    const f = find(r, 'LOOP_SPAN');
    expect(f.message).toContain('bắt đầu trong bảng nhưng kết thúc ngoài bảng');
    expect(f.where).toBe('bảng 2, hàng 1, ô 1');
  });

  it('12. a loop that spans two tables', async () => {
    const r = await lint(
      decree(
        table([row(['{#units}{name}', 'x'])], [4000, 4000]) + p('giữa') + table([row(['y', '{/units}'])], [4000, 4000]),
      ),
    );
    expect(find(r, 'LOOP_SPAN').message).toContain('bắt đầu trong một bảng nhưng kết thúc ở bảng khác');
  });

  it('13. three loops nested over the cells of one row', async () => {
    const r = await lint(
      decree(
        table(
          [row(['{#groups}{name}', '{#indicators}{name}', '{#units}{name}', '{/units}{/indicators}{/groups}'])],
          [2000, 2000, 2000, 2000],
        ),
      ),
    );
    expect(find(r, 'LOOP_ROW_DEPTH').message).toContain('tối đa hai');
  });

  it('14. an expression in a tag: templates never compute or run code', async () => {
    const r = await lint(decree(p('Gấp đôi: {indicator.DT01.total * 2}') + p('{constructor.constructor("x")()}')));
    const bad = r.findings.filter((f) => f.code === 'BAD_TAG');
    expect(bad).toHaveLength(2);
    expect(bad[0]!.message).toContain('mẫu chỉ dùng tên trường (không tính toán, không chạy mã)');
  });

  it('15. raw XML and delimiter changes are refused', async () => {
    const r = await lint(decree(p('{@rawXml}') + p('{=[[ ]]=}')));
    expect(r.findings.filter((f) => f.code === 'BAD_TAG').map((f) => f.where)).toEqual(['đoạn 1', 'đoạn 2']);
  });

  it('16. a list used as a value, an image tag on text, an image as text', async () => {
    const r = await lint(decree(p('{indicators}') + p('{%agency.name}') + p('{signature}')));
    const wrong = r.findings.filter((f) => f.code === 'WRONG_KIND').map((f) => f.message);
    expect(wrong).toEqual([
      'Thẻ {indicators}: trường “indicators” là danh sách: dùng {#indicators}…{/indicators}.',
      'Thẻ {%agency.name}: trường “agency.name” không phải ảnh; thẻ ảnh chỉ dùng cho {%signature}, {%seal}.',
      'Thẻ {signature}: trường “signature” là ảnh: dùng {%signature}.',
    ]);
  });

  it('17. Word mail-merge fields get a tag suggested', async () => {
    const merge = `<w:fldSimple w:instr=" MERGEFIELD agency_name \\* MERGEFORMAT ">${run('«agency_name»')}</w:fldSimple>`;
    const r = await lint(decree(para(merge)));
    expect(find(r, 'MERGEFIELD').message).toBe(
      'Mẫu có trường trộn thư của Word «agency_name»: ứng dụng không điền loại trường này; hãy thay bằng thẻ {…}, ví dụ {agency.name}.',
    );
  });

  it('18. fonts not installed, a TCVN3 font, a font other than Times New Roman', async () => {
    const r = await lint(decree(p('{agency.name}', '', '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>')));
    expect(find(r, 'FONT_MISSING').message).toContain('“.VnTime” chưa được cài trên máy này');
    expect(find(r, 'FONT_NOT_UNICODE').message).toContain('không phải Unicode');
    expect(find(r, 'ND30_FONT').message).toContain('Times New Roman');
  });

  it('19. decree deviations are warnings: margins, paper, body size, font', async () => {
    const r = await lint(
      decree(p('{agency.name}'), { margins: [15, 25, 15, 20], pageMm: [216, 279], size: 12, font: 'Arial' }),
    );
    expect(find(r, 'ND30_MARGIN').message).toBe(
      'Lề trang lệch Nghị định 30: lề trên 15 mm (quy định 20–25 mm); lề dưới 15 mm (quy định 20–25 mm); lề trái 20 mm (quy định 30–35 mm); lề phải 25 mm (quy định 15–20 mm).',
    );
    expect(find(r, 'ND30_PAPER').message).toContain('không phải A4');
    expect(find(r, 'ND30_SIZE').message).toContain('cỡ 13–14');
    expect(find(r, 'ND30_FONT').message).toContain('“Arial”');
    expect(r.findings.filter((f) => f.code.startsWith('ND30')).every((f) => f.severity === 'warning')).toBe(true);
    expect(r.ok).toBe(true);
  });

  it('20. page numbers: missing, on the first page, in the footer', async () => {
    const none = await lint({ body: headerBlock() + p('{agency.name}') });
    expect(find(none, 'ND30_PAGE').message).toContain('không có số trang (trường PAGE)');
    const first = await lint({ body: headerBlock() + p('{agency.name}'), header: pageHeader() });
    expect(codes(first)).toContain('ND30_PAGE_FIRST');
    const footer = await lint({ body: headerBlock() + p('{agency.name}'), footer: para(pageField()), firstHeader: '' });
    expect(find(footer, 'ND30_PAGE_PLACE').message).toContain('chân trang');
  });

  it('21. no national motto at the top, and a motto written without spaced hyphens', async () => {
    const r = await lint({ body: p('{agency.name}'), header: pageHeader(), firstHeader: '' });
    expect(find(r, 'ND30_HEADER').message).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const motto = await lint({
      body: table(
        [row(['{agency.name}', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập-Tự do-Hạnh phúc'])],
        [4000, 5000],
        false,
      ),
      header: pageHeader(),
      firstHeader: '',
    });
    expect(codes(motto)).toContain('ND30_MOTTO');
  });

  it('22. a split tag whose pieces carry different formatting', async () => {
    const r = await lint(decree(para(run('{agency.', '<w:b/>') + run('name}'))));
    expect(find(r, 'MIXED_FORMAT').message).toContain('theo định dạng của phần đầu');
  });

  it('23. a field the template’s use does not provide', async () => {
    const r = await lint(decree(p('Đợt: {round.name}')), 'reminder');
    const f = find(r, 'FIELD_NOT_IN_USAGE');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('không có khi dùng mẫu cho “Công văn đôn đốc”');
  });

  it('24. a repeated row under a cell merged from above the loop', async () => {
    const r = await lint(
      decree(
        table(
          [
            row([{ content: 'Nhóm', vMerge: 'restart' }, 'Tiêu đề']),
            row([{ content: '', vMerge: 'continue' }, '{#units}{name}']),
            row(['x', '{/units}']),
          ],
          [3000, 5000],
        ),
      ),
    );
    expect(find(r, 'LOOP_MERGE_EDGE').where).toBe('bảng 2, hàng 2, ô 2');
  });

  it('25. macros, and a file that is not a .docx', async () => {
    const bytes = await buildDocx(
      decree(p('{agency.name}'), { extra: { 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) } }),
    );
    expect(find(await lint(bytes), 'MACROS').severity).toBe('error');
    await expect(lint(new TextEncoder().encode('{agency.name}'))).rejects.toThrow('không phải tệp Word .docx');
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    await expect(lint(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(
      'thiếu phần [Content_Types].xml',
    );
  });

  it('26. a template without any tag, and headers and footers are checked too', async () => {
    expect(codes(await lint({ body: p('Văn bản cố định'), header: pageHeader(), firstHeader: '' }))).toContain(
      'NO_TAGS',
    );
    const r = await lint(decree(p('{agency.name}'), { header: pageHeader(run(' – {agency.nmae}')) }));
    expect(find(r, 'UNKNOWN_FIELD').where).toBe('Đầu trang 1, đoạn 1');
  });

  it('27. a nested group row is fine, and its inner cells see the item fields', async () => {
    const r = await lint(
      decree(
        table(
          [row(['{#units}{stt}', cell('{name}'), '{#values}{name}', '{value}{/values}{/units}'])],
          [800, 3000, 3000, 1500],
        ),
      ),
    );
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.fields).toContain('units.values.value');
  });
});
