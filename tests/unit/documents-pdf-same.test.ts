// The PDF writer's own text operators (pdf-text.ts) and its streams deflated on the thread pool
// (pdf-deflate.ts) against PDFKit's doc.text and deflateSync, the path they replaced: every
// document of the corpus comes out with the same objects byte for byte (fonts, images, fields,
// properties, page dictionaries) and pages that make the same marks value for value: each text
// with the same glyphs, font, size and matrices, each rule and image the same, in the same order
// (a table row's texts now come before its rules). Its page contents are shorter: pieces share a
// text block. tests/integration/documents-pdf-pixels.test.ts renders both: the same pixels.
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/main/documents/pdf-writer';
import { pdfFonts } from '../../src/main/documents/pdf-fonts';
import { num } from '../../src/main/documents/pdf-text';
import { CONTENT_LEVEL } from '../../src/main/documents/pdf-deflate';
import { pdfCorpus } from './pdf-corpus';
import { contentObjects, contentOf, pageMarks, pdfObjects } from './pdf-marks';

const NOW = new Date('2025-06-05T08:00:00Z');
const corpus = pdfCorpus();
const bundled = pdfFonts({ systemTimes: false });
// The system's Times New Roman too where it is installed (it is what users' PDFs embed).
const fontSets = pdfFonts().family === bundled.family ? [bundled] : [bundled, pdfFonts()];
const drawn: string[] = [];
const sizes = { old: 0, now: 0 };

/** The trailer (its size, root, properties and identifier), after the offsets that may move. */
const trailer = (pdf: Uint8Array): string => {
  const s = Buffer.from(pdf).toString('latin1');
  return s.slice(s.lastIndexOf('\ntrailer\n'), s.lastIndexOf('\nstartxref\n'));
};

function expectSame(old: Uint8Array, now: Uint8Array): void {
  const a = pdfObjects(old);
  const b = pdfObjects(now);
  expect([...b.keys()]).toEqual([...a.keys()]);
  const contents = contentObjects(a);
  expect(contentObjects(b)).toEqual(contents);
  let atDefault = now.length;
  for (const [id, o] of a) {
    const n = b.get(id)!;
    if (contents.includes(id)) {
      const was = contentOf(o);
      const is = contentOf(n);
      expect(pageMarks(is), `page content ${id}`).toEqual(pageMarks(was));
      // Deflated on the pool: what deflateSync gives for the same operators at the same level.
      const raw = Buffer.from(is, 'latin1');
      expect(n.stream!.equals(zlib.deflateSync(raw, { level: CONTENT_LEVEL })), `content ${id} deflated`).toBe(true);
      atDefault += zlib.deflateSync(raw).length - n.stream!.length;
      expect(n.head.replace(/\d+/, '')).toBe(o.head.replace(/\d+/, '')); // only the length differs
      sizes.old += was.length;
      sizes.now += is.length;
      drawn.push(is);
    } else {
      expect(n.head, `object ${id}`).toBe(o.head);
      expect(n.stream?.equals(o.stream!) ?? !o.stream, `object ${id}'s stream`).toBe(true);
    }
  }
  expect(trailer(now)).toBe(trailer(old));
  // The contents' lower level costs under 1 % of the file (the bound allowed is 2 %).
  expect(now.length).toBeLessThan(atDefault * 1.01);
}

describe('PDF text written directly', () => {
  for (const fonts of fontSets)
    it.each(corpus.map((c) => [c.name, c.model] as const))(
      `%s: the same objects and marks as PDFKit's (${fonts.family})`,
      async (_, model) => {
        const old = await renderPdf(model, { fonts, now: NOW, kitText: true });
        const now = await renderPdf(model, { fonts, now: NOW });
        expectSame(old, now);
      },
    );

  it('documents rendered at once (their streams deflating on the pool together) are the same files', async () => {
    const fonts = bundled;
    const alone: Buffer[] = [];
    for (const c of corpus) alone.push(Buffer.from(await renderPdf(c.model, { fonts, now: NOW })));
    const together = await Promise.all(corpus.map((c) => renderPdf(c.model, { fonts, now: NOW })));
    together.forEach((pdf, i) => expect(Buffer.from(pdf).equals(alone[i]!), corpus[i]!.name).toBe(true));
  });

  it('the corpus draws justified lines (word spacing), footnotes, underlines and several fonts, pieces sharing blocks', () => {
    const all = drawn.join('\n');
    expect(all).toMatch(/> -\d+(\.\d+)? <[0-9a-f]+> -\d/); // a TJ with word spacing between words
    for (const f of ['/F1 ', '/F2 ', '/F3 ', '/F4 ']) expect(all).toContain(f);
    expect(all).toMatch(/> Tj\n1 0 0 1 [\d.]+ [\d.]+ Tm\n</); // a piece after another in one block
    // A fifth less to write and deflate (PDFKit wraps each piece in q, the flip, BT … ET, Q).
    expect(sizes.now).toBeLessThan(sizes.old * 0.9);
  });

  it('formats numbers as PDFKit does', () => {
    expect([0, -0, 1, 12.5, 841.89, 1 / 3, -2.0000004, 595.2800001].map(num)).toEqual([
      '0',
      '0',
      '1',
      '12.5',
      '841.89',
      '0.333333',
      '-2',
      '595.28',
    ]);
    expect(() => num(1e21)).toThrow();
  });
});
