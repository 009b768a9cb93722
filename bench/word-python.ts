// What users compare: the consolidated report of 1,000 units (its by-unit annex included) written
// by the app and by Debian's python-docx writing the same paragraphs and tables (goal: the app
// ≥ 3× faster), and python-docx reading the app's file back (how long a reader takes to open what
// the app wrote, as a scale). Python's interpreter start is not counted (the script times itself).
// On a busy machine python-docx may not finish the 1,000-unit report: it is stopped after
// BENCH_PY_TIMEOUT seconds and the ratio printed is then a lower bound (the app is at least that
// much faster); BENCH_UNITS=n runs both on a smaller register.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../src/main/app';
import { folderPlatform } from '../src/main/platform/platform';
import { getCompileSettings } from '../src/main/features/compile/compile';
import { getDraft } from '../src/main/features/compile/compile-draft';
import { getAgency } from '../src/main/features/agency/agency';
import { buildReportModel } from '../src/main/features/compile/report-document';
import { parseDocumentModel, type DocumentModel } from '../src/main/documents/model';
import { renderDocx } from '../src/main/documents/docx-writer';
import { windowInput } from '../src/shared/contract/compile';
import { seededCopy } from './lib/seed';
import { recordGoal } from './lib/summary';

const UNITS = Number(process.env.BENCH_UNITS ?? 1000);
const GOAL = 3;
/** python-docx is stopped after this (BENCH_PY_TIMEOUT seconds, 120 unless set). */
const TIMEOUT = Number(process.env.BENCH_PY_TIMEOUT ?? 120) * 1000;

interface Section {
  landscape: boolean;
  blocks: ({ kind: 'p'; text: string } | { kind: 'table'; header: string[][]; rows: string[][] })[];
}

/** The model's text as python-docx will write it: the same paragraphs, the same table cells. */
function sectionsOf(model: DocumentModel): Section[] {
  const text = (v: unknown): string =>
    typeof v === 'string' ? v : Array.isArray(v) ? v.map((r: { text: string }) => r.text).join('') : String(v);
  const cell = (c: unknown): string[] => {
    const span = typeof c === 'object' && c !== null ? ((c as { colSpan?: number }).colSpan ?? 1) : 1;
    const t = typeof c === 'object' && c !== null ? String((c as { text: unknown }).text) : String(c);
    return [t, ...Array.from({ length: span - 1 }, () => '')];
  };
  const blocks = (body: DocumentModel['body']): Section['blocks'] =>
    body.flatMap((b): Section['blocks'] => {
      switch (b.kind) {
        case 'heading':
          return [{ kind: 'p', text: `${b.number}. ${b.title}` }];
        case 'paragraph':
        case 'basis':
          return [{ kind: 'p', text: text(b.text) }];
        case 'list':
          return b.items.map((item) => ({ kind: 'p' as const, text: `- ${text(item)}` }));
        case 'part':
          return [{ kind: 'p', text: `${b.label} ${b.title}` }];
        case 'pageBreak':
          return [];
        case 'table':
          return [
            ...(b.title ? [{ kind: 'p' as const, text: b.title }] : []),
            {
              kind: 'table' as const,
              header: b.header.map((r) => r.flatMap(cell)),
              rows: b.rows.map((r) => r.flatMap(cell)),
            },
            { kind: 'p' as const, text: b.note ?? '' },
          ];
      }
    });
  const h = model.header;
  const first = [h.parentAgency, h.agency, `Số: /${h.symbol}`, `${h.place}, ngày ${h.date}`, model.type, model.summary];
  const last = [model.signature.title, model.signature.fullName, 'Nơi nhận:', ...model.recipients.entries];
  return [
    {
      landscape: false,
      blocks: [
        ...first.map((t) => ({ kind: 'p' as const, text: t })),
        ...blocks(model.body),
        ...last.map((t) => ({ kind: 'p' as const, text: t })),
      ],
    },
    ...(model.annexes ?? []).map((a) => ({
      landscape: a.orientation === 'landscape',
      blocks: [
        { kind: 'p' as const, text: `Phụ lục ${a.number}` },
        { kind: 'p' as const, text: a.title },
        ...blocks(a.body),
      ],
    })),
  ];
}

async function main(): Promise<void> {
  const dbPath = await seededCopy(UNITS);
  const dir = path.dirname(dbPath);
  const core = await openCore({ dbPath, platform: folderPlatform(dir) });
  try {
    const last = (await core.db.selectFrom('periods').select('id').orderBy('year', 'desc').executeTakeFirstOrThrow())
      .id;
    const args = windowInput.parse({ periodIds: [last], today: '2026-01-01' });
    const model = parseDocumentModel(
      buildReportModel(await getDraft(core.db, args), await getAgency(core.db), await getCompileSettings(core.db), {
        date: '2026-01-01',
        number: null,
      }),
    );
    let appMs = Infinity;
    let bytes: Uint8Array = new Uint8Array();
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      bytes = await renderDocx(model);
      appMs = Math.min(appMs, performance.now() - t0);
    }
    const exported = path.join(dir, 'bao-cao.docx');
    fs.writeFileSync(exported, bytes);
    const source = path.join(dir, 'report.json');
    fs.writeFileSync(source, JSON.stringify(sectionsOf(model)));
    // Stopped after TIMEOUT: the time it had run is then a lower bound of its writing, and the
    // ratio printed is a lower bound too (python-docx slows down steeply on long tables).
    const started = performance.now();
    const py = spawnSync(
      '/usr/bin/python3',
      [path.resolve('bench/python_docx_report.py'), source, path.join(dir, 'python.docx'), exported],
      { encoding: 'utf8', timeout: TIMEOUT, killSignal: 'SIGKILL' },
    );
    const n = UNITS.toLocaleString('en');
    if (py.error || py.signal) {
      // less the interpreter's start and python-docx's import, which the script does not time
      const t0 = performance.now();
      spawnSync('/usr/bin/python3', ['-c', 'import docx'], { encoding: 'utf8' });
      const ranMs = performance.now() - started - (performance.now() - t0);
      const bound = ranMs / appMs;
      console.log(`\n| measure (${n} units) | time | ratio | goal |\n|---|---|---|---|`);
      console.log(`| the app writing the report (.docx, by-unit annex) | ${appMs.toFixed(1)} ms |  |  |`);
      console.log(
        `| python-docx writing the same paragraphs and tables | stopped after ${(ranMs / 1000).toFixed(0)} s, not finished | app > ${bound.toFixed(1)}× faster | ≥ ${GOAL}× ${bound >= GOAL ? 'met' : 'not known'} |`,
      );
      recordGoal(
        'word-python',
        `the report (${n} units) against python-docx`,
        `> ${bound.toFixed(1)}× faster`,
        `≥ ${GOAL}×`,
        bound >= GOAL ? true : null,
        `python-docx stopped after ${(ranMs / 1000).toFixed(0)} s`,
      );
      return;
    }
    if (py.status !== 0) {
      console.log(`python-docx baseline not run: ${py.stderr.trim().split('\n').pop()}`);
      return;
    }
    const r = JSON.parse(py.stdout) as { write: number; read: number; chars: number };
    recordGoal(
      'word-python',
      `the report (${n} units) against python-docx`,
      `${(r.write / appMs).toFixed(2)}× faster`,
      `≥ ${GOAL}×`,
      r.write / appMs >= GOAL,
    );
    console.log(`\n| measure (${n} units) | time | ratio | goal |\n|---|---|---|---|`);
    console.log(`| the app writing the report (.docx, by-unit annex) | ${appMs.toFixed(1)} ms |  |  |`);
    console.log(
      `| python-docx writing the same paragraphs and tables | ${r.write.toFixed(1)} ms | app ${(r.write / appMs).toFixed(2)}× faster | ≥ ${GOAL}× ${r.write / appMs >= GOAL ? 'met' : 'NOT met'} |`,
    );
    console.log(
      `| python-docx reading the app's file (${r.chars.toLocaleString('en')} characters) | ${r.read.toFixed(1)} ms | ${(r.read / appMs).toFixed(2)}× the app's writing |  |`,
    );
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
