// A read directive written back to Word, checked by an independent reader (python-docx): the
// header of its own system (Quốc hiệu or the Party's heading), the number line, the signer lines
// exactly as the source, Nơi nhận as the source with one archive line, one "./." for state
// documents, every word of the body in order (token coverage 100%, on every fixture and on noisy
// variants of each), and no placeholder. State and Party exports are rendered by LibreOffice to
// PNG in test-output/plan-export/ for people to look at side by side.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/main/features/plan-import/reader/parse';
import { planDocumentModel } from '../../src/main/features/plan-import/to-document';
import { parseDocumentModel } from '../../src/main/documents/model';
import { renderDocx } from '../../src/main/documents/docx-writer';
import { proposalToSaveInput } from '../../src/shared/contract/plan-import-input';
import type { Plan } from '../../src/shared/model/plan';
import type { PlanProposal } from '../../src/shared/model/plan-import';
import {
  checkDocx,
  officeProfile,
  pageText,
  toPdf,
  toPngs,
  type DocxFacts,
  type ParaFacts,
  type TableFacts,
} from './documents-helpers';

const DIR = path.join(__dirname, '../fixtures/directives');
const OUT = path.resolve('test-output/plan-export');
const names = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

/** A saved plan as the import would store it (no database needed to write it back). */
function asPlan(p: PlanProposal): Plan {
  const s = proposalToSaveInput(p);
  return {
    id: 1,
    type: p.planType,
    number: s.number ?? '',
    symbol: s.symbol ?? '',
    issuedDate: s.issuedDate ?? null,
    issuer: s.issuer ?? '',
    signer: s.signer ?? '',
    summary: s.summary ?? '',
    field: '',
    body: s.body ?? '',
    tasks: [],
    targets: [],
    deadlines: [],
    createdAt: '',
    updatedAt: '',
  };
}

async function exportText(
  text: string,
  file: string,
): Promise<{ p: PlanProposal; facts: DocxFacts; warnings: string[] }> {
  const p = parsePlanText(text);
  const { model, warnings } = planDocumentModel(asPlan(p));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await renderDocx(parseDocumentModel(model)));
  return { p, facts: checkDocx(file, 10), warnings };
}

const cellTexts = (t: TableFacts, row: number, col: number) =>
  t.rows[row]!.cells![col]!.paragraphs.map((x) => x.text).filter(Boolean);
const tables = (f: DocxFacts) => f.blocks.filter((b): b is TableFacts => b.type === 'table');
const bodyParas = (f: DocxFacts) => f.blocks.filter((b): b is ParaFacts => b.type === 'p').map((b) => b.text);

/** Words as a reader compares them: letters and digits, lower case. */
const tokens = (s: string) => s.toLocaleLowerCase('vi').match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the source body's words found in the document's body, in order. */
function coverage(source: string[], doc: string[]): number {
  let j = 0;
  let found = 0;
  for (const w of source) {
    const k = doc.indexOf(w, j);
    if (k >= 0) {
      found++;
      j = k + 1;
    }
  }
  return source.length ? found / source.length : 1;
}

const PLACEHOLDERS = /chưa rõ|\(không ghi\)|CƠ QUAN BAN HÀNH|\.{4,}|…{2,}|\[tên|XXX|Nguyễn Văn A\b/u;

describe.each(names)('%s written back', (name) => {
  const source = fs.readFileSync(path.join(DIR, `${name}.txt`), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as {
    system: 'state' | 'party';
    number: string | null;
    symbol: string;
    signer: { authority: string[]; title: string; name: string | null } | null;
    recipients: string[];
  };

  it('keeps the header, signer lines, Nơi nhận and every word of the body', async () => {
    const { p, facts, warnings } = await exportText(source, path.join(OUT, `${name}.docx`));
    const [header, signature] = [tables(facts)[0]!, tables(facts).at(-1)!];
    const headerText = [
      ...cellTexts(header, 0, 0),
      ...cellTexts(header, 0, 1),
      ...cellTexts(header, 1, 0),
      ...cellTexts(header, 1, 1),
    ];
    if (expected.system === 'party') {
      expect(headerText).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(headerText).toContain('*');
      expect(headerText.join(' ')).not.toContain('CỘNG HÒA');
      expect(cellTexts(header, 1, 0)[0]).toBe(`Số ${expected.number ?? '\u00A0'.repeat(6)}-${expected.symbol}`);
    } else {
      expect(headerText).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(headerText).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(cellTexts(header, 1, 0)[0]).toBe(
        expected.number ? `Số: ${expected.number}/${expected.symbol}` : `Số:${'\u00A0'.repeat(8)}/${expected.symbol}`,
      );
    }
    // the signer lines exactly as the source, the name only when the source has one
    const sig = expected.signer;
    expect(cellTexts(signature, 0, 1)).toEqual(
      sig ? [...sig.authority, ...(sig.title ? [sig.title] : []), ...(sig.name ? [sig.name] : [])] : [],
    );
    // Nơi nhận: the source's entries, with its archive line once
    const left = cellTexts(signature, 0, 0);
    const end = expected.system === 'party' ? ',' : ';';
    const archive = expected.recipients.filter((r) => r.startsWith('Lưu'));
    const entries = expected.recipients.filter((r) => !r.startsWith('Lưu'));
    expect(left).toEqual(
      expected.recipients.length
        ? [
            'Nơi nhận:',
            ...entries.map((e, i) => `- ${e}${i === entries.length - 1 && !archive.length ? '.' : end}`),
            ...archive.map((a) => `- ${a}.`),
          ]
        : ['Nơi nhận:'],
    );
    // every word of the body, in order; one "./." in a state document
    const body = bodyParas(facts);
    const src = tokens(p.text.slice(p.body.start, p.body.end));
    expect(coverage(src, tokens(body.join('\n')))).toBe(1);
    if (expected.system === 'state') expect(body.join('\n').match(/\.\/\./g)).toHaveLength(1);
    expect(body.join('\n')).not.toMatch(/\.\/\.\s*\.\/\./);
    // nothing invented: no placeholder anywhere, and what is missing is said
    const all = [...headerText, ...body, ...cellTexts(signature, 0, 0), ...cellTexts(signature, 0, 1)].join('\n');
    expect(all).not.toMatch(PLACEHOLDERS);
    if (!sig) expect(warnings.join(' ')).toContain('không có khối chữ ký');
    else if (!sig.name) expect(warnings.join(' ')).toContain('không ghi họ tên người ký');
  });
});

/** Noise a copy picks up on its way: each must leave the document's words intact. */
const NOISES: [string, (s: string) => string][] = [
  ['CRLF and NFD', (s) => s.normalize('NFD').replace(/\n/g, '\r\n')],
  ['a web page around it', (s) => `Trang chủ > Văn bản\nLượt xem: 12 | In bài\n${s}\nTin liên quan\n`],
  ['blank lines between paragraphs', (s) => s.replace(/\n/g, '\n\n')],
  ['the signature flattened', (s) => s.replace(/\n(?=[^\n]*$)/, ' ')],
  ['hard wraps at 70 characters', (s) => s.replace(/([^\n]{70}\S*) (?=\p{Ll})/gu, '$1\n')],
  ['tabs and double spaces', (s) => s.replace(/ /g, (m, i: number) => (i % 7 === 0 ? '\t' : i % 5 === 0 ? '  ' : m))],
];

describe('token coverage on noisy variants of every fixture', () => {
  // read back from the document's XML (every w:t of the file, in order): quicker than python-docx for 84 files
  const wordText = async (bytes: Uint8Array) => {
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) =>
        m[1]!
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      )
      .join(' ');
  };
  it.each(NOISES.map(([label]) => label))('%s: every word of the body reaches the document', async (label) => {
    const noise = NOISES.find(([l]) => l === label)![1];
    for (const name of names) {
      const p = parsePlanText(noise(fs.readFileSync(path.join(DIR, `${name}.txt`), 'utf8')));
      const bytes = await renderDocx(parseDocumentModel(planDocumentModel(asPlan(p)).model));
      const src = tokens(p.text.slice(p.body.start, p.body.end));
      expect(src.length, name).toBeGreaterThan(20);
      expect(coverage(src, tokens(await wordText(bytes))), name).toBe(1);
      // and the noise changed nothing the reader reads from the body
      expect(src, name).toEqual(
        tokens(
          (() => {
            const q = parsePlanText(fs.readFileSync(path.join(DIR, `${name}.txt`), 'utf8'));
            return q.text.slice(q.body.start, q.body.end);
          })(),
        ),
      );
    }
  });
});

describe('rendered pages', () => {
  it('state and Party exports render with their own headings (PNG kept in test-output/plan-export)', async () => {
    const files = ['01-ubnd-tinh-ke-hoach', '04-tinh-uy-chi-thi'].map((n) => path.join(OUT, `${n}.docx`));
    for (const [i, n] of ['01-ubnd-tinh-ke-hoach', '04-tinh-uy-chi-thi'].entries())
      await exportText(fs.readFileSync(path.join(DIR, `${n}.txt`), 'utf8'), files[i]!);
    const [state, party] = toPdf(files, path.join(OUT, 'pdf'), officeProfile('plan-export'));
    const s = pageText(state!, 1);
    const q = pageText(party!, 1);
    expect(s).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(s).toContain('Số: 85/KH-UBND');
    expect(q).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(q).toContain('Số 09-CT/TU');
    expect(q).not.toContain('CỘNG HÒA');
    expect(q).toMatch(/CỦA BAN THƯỜNG VỤ TỈNH ỦY/);
    expect(toPngs(state!, path.join(OUT, 'png'), 60).length).toBeGreaterThan(0);
    expect(toPngs(party!, path.join(OUT, 'png'), 60).length).toBeGreaterThan(0);
  });
});
