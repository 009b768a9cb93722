// Export of a 62-page report with a 1,000-row annex: the whole path (validation, model → docx,
// packing) against the raw docx library packing the same paragraphs and table with no model
// layer (goal ≤ 1.5×), and the same model as a PDF ready for ký số against that Word export
// (goal ≤ 1.5×). Pages are counted by LibreOffice when it is installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { parseDocumentModel } from '../src/main/documents/model';
import { renderDocx } from '../src/main/documents/docx-writer';
import { renderPdf } from '../src/main/documents/pdf-writer';
import type { DocumentModelInput } from '../src/shared/contract/document-model';
import { cpuNow } from './lib/cpu';
import { recordGoal } from './lib/summary';
import { PARAGRAPHS, ROWS, benchReport } from './lib/report-model';

/** The same content straight through docx: paragraphs and one table, no model, no layout rules. */
async function raw(m: DocumentModelInput): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const b of m.body) {
    if (b.kind === 'paragraph' && typeof b.text === 'string')
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: b.text, font: 'Times New Roman', size: 28 })],
        }),
      );
    if (b.kind === 'heading')
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `${b.number}. ${b.title}`, bold: true, font: 'Times New Roman', size: 28 })],
        }),
      );
  }
  const t = m.annexes![0]!.body[0] as Extract<DocumentModelInput['body'][number], { kind: 'table' }>;
  const row = (cells: (string | number)[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (c) =>
          new TableCell({
            width: { size: 1500, type: WidthType.DXA },
            children: [
              new Paragraph({
                children: [new TextRun({ text: String(c), font: 'Times New Roman', size: 24, bold: header })],
              }),
            ],
          }),
      ),
    });
  const table = new Table({
    rows: [row(t.header![0] as string[], true), ...t.rows.map((r) => row(r as (string | number)[], false))],
  });
  const doc = new Document({ sections: [{ children }, { children: [table] }] });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf);
}

/**
 * Median wall time of `runs` calls, and the median CPU time of the process over each call (all its
 * threads: work either side hands to the thread pool counts; the wall time under load depends on
 * how many threads a side keeps busy, the CPU time much less).
 */
async function median(
  label: string,
  runs: number,
  fn: () => Promise<Uint8Array>,
): Promise<{ ms: number; cpu: number; bytes: Uint8Array }> {
  const times: number[] = [];
  const cpus: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = cpuNow();
    bytes = await fn();
    times.push(performance.now() - t0);
    cpus.push(cpuNow() - c0);
  }
  const mid = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  const ms = mid(times);
  const cpu = mid(cpus);
  console.log(
    `${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  (CPU ${cpu.toFixed(1)} ms, ${(bytes.length / 1024).toFixed(0)} KB)`,
  );
  return { ms, cpu, bytes };
}

async function main(): Promise<void> {
  const m = benchReport();
  await raw(m); // warm-up of both paths
  await renderDocx(parseDocumentModel(m));
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const r = await median(`raw docx packing (${PARAGRAPHS} paragraphs + ${ROWS} rows)`, runs, () => raw(m));
  const full = await median('model → ND30 .docx (validate + layout + pack)', runs, () =>
    renderDocx(parseDocumentModel(m)),
  );
  const ratio = full.ms / r.ms;
  console.log(`ratio to raw docx: ${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'ABOVE GOAL'}`);
  recordGoal('documents', 'ND30 .docx against raw docx packing', `${ratio.toFixed(2)}×`, '≤ 1.5×', ratio <= 1.5);
  await renderPdf(parseDocumentModel(m)); // warm-up: fonts read and parsed once per process
  const pdf = await median('model → ND30 PDF (validate + layout + typeset + embed)', runs, () =>
    renderPdf(parseDocumentModel(m)),
  );
  const pdfRatio = pdf.ms / full.ms;
  const cpuRatio = pdf.cpu / full.cpu;
  console.log(
    `ratio PDF to Word: ${pdfRatio.toFixed(2)}× (goal ≤ 1.5×; CPU time ${cpuRatio.toFixed(2)}×) ${pdfRatio <= 1.5 ? 'OK' : 'ABOVE GOAL'}`,
  );
  recordGoal(
    'documents',
    'PDF against the Word export',
    `${pdfRatio.toFixed(2)}× (CPU ${cpuRatio.toFixed(2)}×)`,
    '≤ 1.5×',
    pdfRatio <= 1.5,
  );
  const pdfPages = /\/Type\s*\/Page\b/g;
  console.log(`pages (PDF writer): ${Buffer.from(pdf.bytes).toString('latin1').match(pdfPages)?.length ?? '?'}`);
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-bench-docs-'));
    const f = path.join(dir, 'bao-cao-62-trang.docx');
    fs.writeFileSync(f, full.bytes);
    const t0 = performance.now();
    execFileSync(
      'libreoffice',
      [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, f],
      { stdio: 'pipe', timeout: 300_000 },
    );
    const pages = /Pages:\s+(\d+)/.exec(
      execFileSync('pdfinfo', [f.replace(/\.docx$/, '.pdf')], { encoding: 'utf8' }),
    )?.[1];
    console.log(
      `pages (LibreOffice): ${pages}, of which the report body before the annex is most; conversion ${(performance.now() - t0).toFixed(0)} ms`,
    );
  } catch {
    console.log('LibreOffice not available: page count skipped');
  }
}

void main();
