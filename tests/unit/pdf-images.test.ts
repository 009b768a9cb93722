// A document with two images with transparency (a signature and a seal) comes out with the same
// bytes every time: their masks are numbered in drawing order (documents/pdf-images.ts), not in the
// order their decodes on the thread pool happen to end.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/main/documents/pdf-writer';
import { pdfFonts } from '../../src/main/documents/pdf-fonts';
import { pdfCorpus } from './pdf-corpus';

const NOW = new Date('2025-06-05T08:00:00Z');
const fonts = pdfFonts({ systemTimes: false });
const mixed = pdfCorpus().find((c) => c.name === 'mixed')!.model;
type Decoder = { prototype: { decodePixels(done: (pixels: Uint8Array) => void): unknown } };
// the decoder PDFKit loads: its ES module here (PDFKit's .mjs), its CommonJS one in a CommonJS build
const pngModule = 'png-js';
const decoders: Decoder[] = [
  ((await import(pngModule)) as { default: Decoder }).default,
  createRequire(require.resolve('pdfkit'))('png-js') as Decoder,
];
const decodePixels = decoders.map((d) => d.prototype.decodePixels);
afterEach(() => {
  decoders.forEach((d, i) => (d.prototype.decodePixels = decodePixels[i]!));
});

describe('images in a PDF', () => {
  it('the document has two images with transparency, each with its mask', async () => {
    const text = Buffer.from(await renderPdf(mixed, { fonts, now: NOW })).toString('latin1');
    expect(text.match(/\/SMask \d+ 0 R/g)).toHaveLength(2);
  });

  it('are numbered in drawing order whichever decode ends first', async () => {
    const usual = Buffer.from(await renderPdf(mixed, { fonts, now: NOW }));
    // the first image's decode made to end after the second's
    let calls = 0;
    decoders.forEach((d, i) => {
      d.prototype.decodePixels = function (this: unknown, done) {
        const late = calls++ % 2 === 0;
        return decodePixels[i]!.call(this, (pixels) => (late ? setTimeout(() => done(pixels), 30) : done(pixels)));
      };
    });
    const reversed = Buffer.from(await renderPdf(mixed, { fonts, now: NOW }));
    expect(calls).toBe(2);
    expect(reversed.equals(usual)).toBe(true);
  });

  it('are the same bytes when many documents are rendered at once', async () => {
    const usual = Buffer.from(await renderPdf(mixed, { fonts, now: NOW }));
    const many = await Promise.all(Array.from({ length: 12 }, () => renderPdf(mixed, { fonts, now: NOW })));
    for (const pdf of many) expect(Buffer.from(pdf).equals(usual)).toBe(true);
  });
});
