// The PDF writer against PDFKit's own path (`kitText`: its doc.text, its rules, each piece of text
// in its own block, in the order the flow drew them before) on the whole corpus of the unit tests,
// as readers see it: every page rendered by pdftoppm at 100 dpi pixel for pixel the same, the same
// text as `pdftotext -layout` reads it, the same fonts as pdffonts lists them (embedded subsets
// with their Unicode maps), and qpdf --check clean. The pages' PNGs stay in
// test-output/documents/pdf-pixels to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/main/documents/pdf-writer';
import { pdfFonts } from '../../src/main/documents/pdf-fonts';
import { pdfCorpus } from '../unit/pdf-corpus';
import { OUT_DIR, toPngs } from './documents-helpers';

const DIR = path.join(OUT_DIR, 'pdf-pixels');
const NOW = new Date('2025-06-05T08:00:00Z');
// The bundled font, so the result does not depend on the fonts of the machine.
const fonts = pdfFonts({ systemTimes: false });

const run = (program: string, args: string[]): string => execFileSync(program, args, { encoding: 'utf8' });

describe('the PDF printed as PDFKit printed it', () => {
  it.each(pdfCorpus().map((c) => [c.name, c.model] as const))('%s', async (name, model) => {
    const files = { old: path.join(DIR, 'pdfkit', `${name}.pdf`), now: path.join(DIR, `${name}.pdf`) };
    fs.mkdirSync(path.dirname(files.old), { recursive: true });
    fs.writeFileSync(files.old, await renderPdf(model, { fonts, now: NOW, kitText: true }));
    fs.writeFileSync(files.now, await renderPdf(model, { fonts, now: NOW }));

    const pages = toPngs(files.old, path.dirname(files.old), 100);
    expect(toPngs(files.now, DIR, 100)).toEqual(pages);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      // The same pixels give the same PNG from the same pdftoppm.
      const same = fs
        .readFileSync(path.join(path.dirname(files.old), page))
        .equals(fs.readFileSync(path.join(DIR, page)));
      expect(same, `${page}: the same pixels`).toBe(true);
    }
    expect(run('pdftotext', ['-layout', files.now, '-'])).toBe(run('pdftotext', ['-layout', files.old, '-']));
    const listed = run('pdffonts', [files.now]);
    expect(listed).toBe(run('pdffonts', [files.old]));
    for (const line of listed.trim().split('\n').slice(2)) expect(line).toMatch(/ yes +yes +yes +\d+ +0$/);
    expect(run('qpdf', ['--check', files.now])).toContain('No syntax or stream encoding errors found');
  });
});
