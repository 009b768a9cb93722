// The PDF writer against the Word writer: the same model rendered both ways, the .docx rendered by
// LibreOffice. Checked with the independent readers: pdffonts (every font embedded), pdftotext
// (the same words on the same pages), pdfinfo (properties, PDF/A), qpdf's JSON (signature fields).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocumentModel, type DocumentModel } from '../../src/main/documents/model';
import { renderDocx } from '../../src/main/documents/docx-writer';
import { renderPdf, SEAL_FIELD, SIGNER_FIELD } from '../../src/main/documents/pdf-writer';
import { pdfFonts } from '../../src/main/documents/pdf-fonts';
import { SAMPLE_FILE_NAMES, SAMPLE_KINDS, sampleModel } from '../../src/main/features/documents/samples';
import { SEED_FIXTURES, loadSeedFixture } from '../fixtures/documents';
import {
  OUT_DIR,
  officeProfile,
  pageTopCentre,
  pageTopText,
  pdfPageCount,
  pdfPageSize,
  pdfWords,
  toPdf,
  toPngs,
} from './documents-helpers';
import { png } from '../fixtures/png';

interface Case {
  name: string;
  model: DocumentModel;
  /** Our PDF and LibreOffice's rendering of our .docx. */
  pdf: string;
  office: string;
}

const cases: Case[] = [];
const DIR = path.join(OUT_DIR, 'pdf');
const NOW = new Date('2025-06-05T08:00:00Z');

beforeAll(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  const withImages = sampleModel('cong-van');
  const inputs: { name: string; raw: unknown }[] = [
    ...SAMPLE_KINDS.map((k) => ({ name: SAMPLE_FILE_NAMES[k].replace(/\.docx$/, ''), raw: sampleModel(k) })),
    ...SEED_FIXTURES.map((n) => ({ name: n, raw: loadSeedFixture(n) })),
    {
      name: 'cong-van-anh-chu-ky',
      raw: {
        ...withImages,
        signature: {
          ...withImages.signature,
          signatureImage: png(240, 90, [20, 40, 200, 255]),
          sealImage: png(160, 160, [220, 20, 20, 200]),
        },
      },
    },
  ];
  // The bundled font, so the result does not depend on the fonts of the machine.
  const fonts = pdfFonts({ systemTimes: false });
  const docx: string[] = [];
  for (const { name, raw } of inputs) {
    const model = parseDocumentModel(raw);
    const file = path.join(DIR, `${name}.docx`);
    fs.writeFileSync(file, await renderDocx(model));
    docx.push(file);
    const pdf = path.join(DIR, 'pdfkit', `${name}.pdf`);
    fs.mkdirSync(path.dirname(pdf), { recursive: true });
    fs.writeFileSync(pdf, await renderPdf(model, { fonts, now: NOW }));
    cases.push({ name, model, pdf, office: '' });
  }
  const office = toPdf(docx, DIR, officeProfile('pdf'));
  cases.forEach((c, i) => {
    c.office = office[i]!;
    // Both renderings as pictures for people to compare: test-output/documents/pdf (LibreOffice) and its pdfkit/.
    toPngs(c.pdf, path.dirname(c.pdf));
    toPngs(c.office, DIR);
  });
}, 170_000);

/** The words of a page in reading order, as pdftotext sees them (a footnote mark is a word of its own). */
const tokens = (pdf: string, page: number): string[] => pdfWords(pdf, page).map((w) => w.text);

function fonts(pdf: string): { name: string; emb: string; sub: string; uni: string }[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((l) => {
    const f = l.trim().split(/\s+/);
    // name, type…, encoding, emb, sub, uni, object, id: the flags are the 5th-3rd from the end.
    return { name: f[0]!, emb: f[f.length - 5]!, sub: f[f.length - 4]!, uni: f[f.length - 3]! };
  });
}

interface Field {
  name: string;
  page: number;
  type: string;
  rect: [number, number, number, number];
}

function signatureFields(pdf: string): { fields: Field[]; needAppearances: boolean } {
  const form = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=acroform', pdf], { encoding: 'utf8' })) as {
    acroform: {
      needappearances: boolean;
      fields: { fullname: string; fieldtype: string; pageposfrom1: number; annotation: { object: string } }[];
    };
  };
  const fields = form.acroform.fields.map((f) => {
    const obj = JSON.parse(
      execFileSync('qpdf', ['--json=2', '--json-key=qpdf', `--json-object=${f.annotation.object}`, pdf], {
        encoding: 'utf8',
      }),
    ) as { qpdf: [unknown, Record<string, { value: { '/Rect': [number, number, number, number] } }>] };
    const rect = Object.values(obj.qpdf[1])[0]!.value['/Rect'];
    return { name: f.fullname, page: f.pageposfrom1, type: f.fieldtype, rect };
  });
  return { fields, needAppearances: form.acroform.needappearances };
}

describe('PDF from the document model', () => {
  it('embeds every font, as a subset with its Unicode map', () => {
    for (const c of cases) {
      const list = fonts(c.pdf);
      expect(list.length, c.name).toBeGreaterThan(0);
      for (const f of list) {
        expect(f, `${c.name}: ${f.name}`).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
        expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif/);
      }
    }
  });

  it('has the pages of the .docx, each with the same words in the same order', () => {
    for (const c of cases) {
      const pages = pdfPageCount(c.office);
      expect(pdfPageCount(c.pdf), c.name).toBe(pages);
      for (let p = 1; p <= pages; p++) expect(tokens(c.pdf, p), `${c.name}, trang ${p}`).toEqual(tokens(c.office, p));
    }
  });

  it('numbers no first page; from the second, the number is centred in the top margin; annexes count from 1', () => {
    for (const c of cases) {
      const pages = pdfPageCount(c.pdf);
      expect(pageTopText(c.pdf, 1), c.name).toBe('');
      for (let p = 1; p <= pages; p++) {
        expect(pageTopText(c.pdf, p), `${c.name}, trang ${p}`).toBe(pageTopText(c.office, p));
        const centre = pageTopCentre(c.pdf, p);
        if (centre === null) continue;
        const { width } = pdfPageSize(c.pdf, p);
        const m = c.model.settings.margins;
        const textCentre = (((m.left + (width / 72) * 25.4 - m.right) / 2) * 72) / 25.4;
        expect(Math.abs(centre - textCentre), `${c.name}, trang ${p}`).toBeLessThan(2);
      }
    }
    const annexed = cases.find((c) => c.model.annexes.length >= 2)!;
    const starts = Array.from({ length: pdfPageCount(annexed.pdf) }, (_, i) => i + 1).filter((p) =>
      tokens(annexed.pdf, p).join(' ').startsWith('Phụ lục'),
    );
    expect(starts.length).toBe(annexed.model.annexes.length);
    for (const p of starts) {
      expect(pageTopText(annexed.pdf, p)).toBe('');
      if (p + 1 <= pdfPageCount(annexed.pdf) && !starts.includes(p + 1))
        expect(pageTopText(annexed.pdf, p + 1)).toBe('2');
    }
  });

  it('has an empty signature field for the signer and one for the seal, in the signature block', () => {
    for (const c of cases) {
      const { fields, needAppearances } = signatureFields(c.pdf);
      expect(needAppearances).toBe(false);
      expect(fields.map((f) => [f.name, f.type]).sort(), c.name).toEqual([
        [SEAL_FIELD, '/Sig'],
        [SIGNER_FIELD, '/Sig'],
      ]);
      const signer = fields.find((f) => f.name === SIGNER_FIELD)!;
      const seal = fields.find((f) => f.name === SEAL_FIELD)!;
      expect(seal.page).toBe(signer.page);
      // The signer's name sits under the field and its title above it, on the field's page.
      const { height, width } = pdfPageSize(c.pdf, signer.page);
      const onPage = pdfWords(c.pdf, signer.page);
      const right = onPage.filter((w) => w.x0 > width / 2);
      const lineOf = (y: number) => right.filter((w) => Math.abs(w.y0 - y) < 1);
      const name = right.find(
        (w) =>
          lineOf(w.y0)
            .map((x) => x.text)
            .join(' ') === c.model.signature.fullName,
      );
      expect(name, c.name).toBeDefined();
      const titleText = c.model.signature.title || c.model.signature.authorityLine;
      const title = right.find(
        (w) =>
          lineOf(w.y0)
            .map((x) => x.text)
            .join(' ') === titleText && w.y0 < name!.y0,
      );
      expect(title, c.name).toBeDefined();
      const [x0, y0, x1, y1] = signer.rect;
      const top = height - y1;
      const bottom = height - y0;
      expect(top, c.name).toBeGreaterThanOrEqual(title!.y1 - 1);
      expect(bottom, c.name).toBeLessThanOrEqual(name!.y0 + 1);
      expect(x0).toBeGreaterThan(width / 2 - 20);
      // The seal covers the left part of the signature (a third of it, unless the cell's edge stops it).
      expect(seal.rect[0], c.name).toBeLessThan(x0);
      expect(seal.rect[2], c.name).toBeGreaterThan(x0 + (x1 - x0) / 4);
      expect(seal.rect[2], c.name).toBeLessThan(x0 + (x1 - x0) / 2);
    }
  });

  it('fills the document properties and declares PDF/A-2b', () => {
    for (const c of cases) {
      const info = execFileSync('pdfinfo', [c.pdf], { encoding: 'utf8' });
      const h = c.model.header;
      expect(info, c.name).toContain(`Title:           ${c.model.type} ${c.model.summary}`.trim());
      expect(info).toContain(`Author:          ${h.agency}`);
      if (h.number !== null) expect(info).toContain(`Số: ${String(h.number).padStart(2, '0')}/${h.symbol}`);
      const meta = execFileSync('pdfinfo', ['-meta', c.pdf], { encoding: 'utf8' });
      expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(fs.readFileSync(c.pdf).includes('/OutputIntents')).toBe(true);
    }
  });

  it('escapes "&" and "<" in the XMP metadata (PDFKit does not)', async () => {
    const base = sampleModel('bao-cao');
    const model = parseDocumentModel({ ...base, summary: 'Tổng hợp A & B <2025>' });
    const file = path.join(DIR, 'xmp.pdf');
    fs.writeFileSync(file, await renderPdf(model, { fonts: pdfFonts({ systemTimes: false }) }));
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(meta).toContain('Tổng hợp A &amp; B &lt;2025&gt;');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toContain(
      'Title:           Báo cáo Tổng hợp A & B <2025>',
    );
  });
});
