// Helpers of the document tests: the independent reader (python-docx), LibreOffice → PDF,
// pdftotext and pdftoppm. Each test file gets its own LibreOffice profile so files running
// in parallel do not collide; conversions inside a file run one after another.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';

export const OUT_DIR = path.resolve('test-output/documents');

export interface RunFacts {
  text: string;
  font: string | null;
  size: number | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export interface ParaFacts {
  type: 'p';
  section?: number;
  text: string;
  alignment: string | null;
  first_line_mm: number | null;
  left_mm: number | null;
  right_mm: number | null;
  space_after_pt: number | null;
  space_before_pt: number | null;
  line_spacing: number | null;
  keep_next: boolean;
  border_top: boolean;
  runs: RunFacts[];
  has_page_field: boolean;
  has_drawing: boolean;
  has_footnote_ref: boolean;
  line_width_mm?: number;
  text_width_mm?: number;
}

export interface CellFacts {
  width_mm: number | null;
  borders: Record<string, string>;
  paragraphs: ParaFacts[];
}

export interface TableFacts {
  type: 'table';
  section: number;
  borders: Record<string, string>;
  row_count: number;
  rows: { header: boolean; cant_split: boolean; cells?: CellFacts[] }[];
}

export interface SectionFacts {
  width_mm: number;
  height_mm: number;
  orientation: string;
  top_mm: number;
  bottom_mm: number;
  left_mm: number;
  right_mm: number;
  header_mm: number;
  different_first_page: boolean;
  page_start: number | null;
  header_default: ParaFacts[] | 'linked';
  header_first: ParaFacts[] | 'linked';
}

export interface DocxFacts {
  sections: SectionFacts[];
  blocks: (ParaFacts | TableFacts)[];
  default_font: string | null;
}

export function checkDocx(file: string, maxRows = 6): DocxFacts {
  const out = execFileSync(
    '/usr/bin/python3',
    [path.resolve('tests/tools/check_docx.py'), file, '--max-rows', String(maxRows)],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(out) as DocxFacts;
}

export function tempDir(prefix = 'bcnv-docs-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A fresh LibreOffice profile, never used before: inside this run's folder (made and removed by
 * global-setup.ts), so overlapping runs and test files never share one.
 */
export function officeProfile(name: string): string {
  let root = os.tmpdir();
  try {
    root = inject('officeRunDir');
  } catch {
    // outside the integration runner: a new folder under the system's temp folder
  }
  return fs.mkdtempSync(path.join(root, `lo-${name}-`));
}

/** LibreOffice's argument that points it at `profile` (a folder path). */
export const profileArg = (profile: string) => `-env:UserInstallation=${pathToFileURL(profile).href}`;

/** Converts .docx files to PDF (one LibreOffice run); returns the PDF paths. */
export function toPdf(files: string[], outDir: string, profile: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  execFileSync(
    'libreoffice',
    [profileArg(profile), '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { timeout: 170_000, stdio: 'pipe' },
  );
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf')));
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Page size in points. */
export function pdfPageSize(pdf: string, page: number): { width: number; height: number } {
  const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' });
  const m = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The text in the top margin (the first 20 mm) of a page: where the page number must be. */
export function pageTopText(pdf: string, page: number): string {
  const { width } = pdfPageSize(pdf, page);
  // The top margin is 20 mm; the body text starts right at it, so look a little above.
  const h = Math.round((18 / 25.4) * 72);
  return execFileSync(
    'pdftotext',
    [
      '-f',
      String(page),
      '-l',
      String(page),
      '-x',
      '0',
      '-y',
      '0',
      '-W',
      String(Math.round(width)),
      '-H',
      String(h),
      pdf,
      '-',
    ],
    { encoding: 'utf8' },
  ).trim();
}

/** The horizontal centre (in points) of the words in the top margin of a page. */
export function pageTopCentre(pdf: string, page: number): number | null {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], {
    encoding: 'utf8',
  });
  const words = [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ]
    .map((m) => ({ x0: Number(m[1]), y1: Number(m[4]), x1: Number(m[3]), text: m[5] }))
    .filter((w) => w.y1 < (20 / 25.4) * 72);
  if (words.length === 0) return null;
  return (Math.min(...words.map((w) => w.x0)) + Math.max(...words.map((w) => w.x1))) / 2;
}

/** Words of a page in reading order, with their boxes in points from the top-left corner. */
export function pdfWords(
  pdf: string,
  page: number,
): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-'], {
    encoding: 'utf8',
  });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }));
}

/** PNG images of every page, kept for people to look at. */
export function toPngs(pdf: string, outDir: string, dpi = 50): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, path.basename(pdf, '.pdf'));
  for (const f of fs.readdirSync(outDir))
    if (f.startsWith(path.basename(prefix) + '-') && f.endsWith('.png')) fs.rmSync(path.join(outDir, f));
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
  return fs.readdirSync(outDir).filter((f) => f.startsWith(path.basename(prefix) + '-') && f.endsWith('.png'));
}

export const paragraphs = (facts: DocxFacts, section?: number): ParaFacts[] =>
  facts.blocks.filter((b): b is ParaFacts => b.type === 'p' && (section === undefined || b.section === section));

export const tables = (facts: DocxFacts, section?: number): TableFacts[] =>
  facts.blocks.filter((b): b is TableFacts => b.type === 'table' && (section === undefined || b.section === section));

export const textRuns = (p: ParaFacts): RunFacts[] => p.runs.filter((r) => r.text !== '');

/** A LibreOffice profile that recalculates every formula when it opens an .xlsx. */
export function writeRecalcProfile(dirPath: string): void {
  const user = path.join(dirPath, 'user');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
}
