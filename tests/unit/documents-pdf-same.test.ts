// The PDF writer's own text operators (pdf-text.ts) and its streams deflated on the thread pool
// (pdf-deflate.ts) against PDFKit's doc.text and deflateSync, the path they replaced: every
// document of the corpus comes out byte for byte the same file.
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/main/documents/pdf-writer';
import { pdfFonts } from '../../src/main/documents/pdf-fonts';
import { num } from '../../src/main/documents/pdf-text';
import { contentStreams, pdfCorpus } from './pdf-corpus';

const NOW = new Date('2025-06-05T08:00:00Z');
const corpus = pdfCorpus();
const bundled = pdfFonts({ systemTimes: false });
// The system's Times New Roman too where it is installed (it is what users' PDFs embed).
const fontSets = pdfFonts().family === bundled.family ? [bundled] : [bundled, pdfFonts()];
const drawn: string[] = [];

describe('PDF text written directly', () => {
  for (const fonts of fontSets)
    it.each(corpus.map((c) => [c.name, c.model] as const))(
      `%s: the same bytes as PDFKit's (${fonts.family})`,
      async (_, model) => {
        const old = Buffer.from(await renderPdf(model, { fonts, now: NOW, kitText: true }));
        const now = Buffer.from(await renderPdf(model, { fonts, now: NOW }));
        expect(now.length).toBe(old.length);
        expect(now.equals(old)).toBe(true);
        drawn.push(...contentStreams(now));
      },
    );

  it('documents rendered at once (their streams deflating on the pool together) are the same files', async () => {
    const fonts = bundled;
    const alone: Buffer[] = [];
    for (const c of corpus) alone.push(Buffer.from(await renderPdf(c.model, { fonts, now: NOW, kitText: true })));
    const together = await Promise.all(corpus.map((c) => renderPdf(c.model, { fonts, now: NOW })));
    together.forEach((pdf, i) => expect(Buffer.from(pdf).equals(alone[i]!), corpus[i]!.name).toBe(true));
  });

  it('the corpus draws justified lines (word spacing), footnotes, underlines and several fonts', () => {
    const all = drawn.join('\n');
    expect(all).toMatch(/> -\d+(\.\d+)? <[0-9a-f]+> -\d/); // a TJ with word spacing between words
    for (const f of ['/F1 ', '/F2 ', '/F3 ', '/F4 ']) expect(all).toContain(f);
    expect(all).toContain(' Tf\n[<');
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
