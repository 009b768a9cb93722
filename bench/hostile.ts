// Hostile shapes against the workbook readers: each shape at 1 MB and 4 MB of sheet XML, timed
// through the whole reader (zip checks, streaming decode, scan, cells) and compared with a
// well-formed sheet of the same size. Linear readers show ratios near 1 against the baseline and
// near 4 from 1 MB to 4 MB; the longest pause of the event loop says whether a window would freeze.
import { readUnitWorkbook } from '../src/main/features/units/units-book';
import { scanXml } from '../src/main/workbooks/xml-scan';
import { craftXlsx, sheetXml } from '../tests/fuzz/hostile-books';
import { recordGoal } from './lib/summary';
import { cpuNow } from './lib/cpu';

/** Between linear (4) and quadratic (16) growth for 4× the sheet, on the log scale. */
const GROWTH_GOAL = 8;
/** A hostile shape read in at most this many times a well-formed sheet of the same size. */
const BASE_GOAL = 2;

const MB = 1024 * 1024;

/** Repeats `unit` to about `bytes` characters. */
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
const text = 'Ủy ban nhân dân xã Đồng Tháp Mười &amp; các đơn vị 😀 ';
const cell = (i: number) => `<c r="A${i}" t="inlineStr"><is><t>${text}</t></is></c>`;

const SHAPES: Record<string, (bytes: number) => string> = {
  'well-formed rows (baseline)': (b) => {
    let rows = '';
    for (let i = 1; rows.length < b; i++) rows += `<row r="${i}">${cell(i)}</row>`;
    return sheetXml(rows);
  },
  'rows never closed': (b) => sheetXml(fill(`<row r="1">${cell(1)}`, b)),
  'one row never closed, many cells': (b) => sheetXml(`<row r="1">${fill(cell(1), b)}`),
  'a part cut short': (b) => sheetXml(`<row r="1">${fill(cell(1), b)}</row>`).slice(0, -40),
  'one text of the whole size': (b) =>
    sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${fill(text, b)}</t></is></c></row>`),
  'one tag with every attribute': (b) => {
    let attrs = '';
    for (let i = 0; attrs.length < b; i++) attrs += ` a${i}="1"`;
    return sheetXml(`<row r="1"><c r="A1"${attrs}/></row>`);
  },
  'empty cells repeated': (b) => {
    let cells = '';
    for (let i = 1; cells.length < b; i++) cells += `<c r="A${i % 1000000}"/>`;
    return sheetXml(`<row r="1">${cells}</row>`);
  },
  'comments between cells': (b) => sheetXml(`<row r="1">${fill(`<!-- <c r="A1"><v>9</v></c> -->${cell(1)}`, b)}</row>`),
  'entities and escapes': (b) =>
    sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${fill('&amp;&#7893;_x000D_&lt;', b)}</t></is></c></row>`),
};

/**
 * The whole units reader on one sheet: least wall time, least CPU time of the process (the
 * inflater's pool threads included; on the shared machine the wall clock of one read can lose
 * as much again to others' work, which made a 1.10× shape read 2.04× an hour later) and the
 * longest pause of the event loop.
 */
async function timeRead(xml: string, runs = 5): Promise<{ ms: number; cpu: number; pause: number }> {
  const data = await craftXlsx([{ name: 'Đơn vị', xml }]);
  let best = Infinity;
  let cpu = Infinity;
  let pause = 0;
  for (let r = 0; r < runs; r++) {
    let last = performance.now();
    let longest = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const t0 = performance.now();
    const c0 = cpuNow();
    await readUnitWorkbook(data, 'bench.xlsx').catch(() => null);
    cpu = Math.min(cpu, cpuNow() - c0);
    best = Math.min(best, performance.now() - t0);
    clearInterval(ticker);
    longest = Math.max(longest, performance.now() - last);
    pause = Math.max(pause, longest);
  }
  return { ms: best, cpu, pause };
}

/** The scan's least CPU time (bench/lib/cpu.ts: under load the wall clock exaggerates growth). */
function timeScan(xml: string, runs = 5): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = cpuNow();
    try {
      scanXml(xml, {});
    } catch {
      /* refusals are expected: the time to refuse is what is measured */
    }
    best = Math.min(best, cpuNow() - t0);
  }
  return best;
}

async function main(): Promise<void> {
  // warm the JIT once so the first shape is not charged for it
  for (const make of Object.values(SHAPES)) timeScan(make(MB), 1);
  const base = { scan: [0, 0], read: 0, cpu: 0 };
  const worst = { growth: 0, growthShape: '', read: 0, readShape: '', wall: 0, pause: 0 };
  console.log(
    `${'shape'.padEnd(36)} ${'scan 1MB'.padStart(9)} ${'scan 4MB'.padStart(9)} ${'×4MB/1MB'.padStart(9)} ${'read 4MB'.padStart(9)} ${'vs base'.padStart(8)} ${'read CPU'.padStart(9)} ${'vs base'.padStart(8)} ${'pause'.padStart(7)}`,
  );
  for (const [label, make] of Object.entries(SHAPES)) {
    const small = make(MB);
    const large = make(4 * MB);
    const s1 = timeScan(small);
    const s4 = timeScan(large);
    const read = await timeRead(large);
    if (label.includes('baseline')) {
      base.scan = [s1, s4];
      base.read = read.ms;
      base.cpu = read.cpu;
    }
    if (s4 / s1 > worst.growth) Object.assign(worst, { growth: s4 / s1, growthShape: label });
    if (read.cpu / base.cpu > worst.read)
      Object.assign(worst, { read: read.cpu / base.cpu, readShape: label, wall: read.ms / base.read });
    worst.pause = Math.max(worst.pause, read.pause);
    console.log(
      `${label.padEnd(36)} ${s1.toFixed(1).padStart(7)}ms ${s4.toFixed(1).padStart(7)}ms ${(s4 / s1).toFixed(2).padStart(9)} ${read.ms.toFixed(0).padStart(7)}ms ${(read.ms / base.read).toFixed(2).padStart(8)} ${read.cpu.toFixed(0).padStart(7)}ms ${(read.cpu / base.cpu).toFixed(2).padStart(8)} ${read.pause.toFixed(0).padStart(5)}ms`,
    );
  }
  console.log(
    '(scan: the XML scanner alone, CPU time; read: the whole units reader from the .xlsx bytes, least wall and least CPU time of 5; pause: longest event-loop stall)',
  );
  console.log(
    '(the well-formed baseline has more than 20,000 rows: the reader refuses it after reading 20,005 of them, about half the sheet)',
  );
  recordGoal(
    'hostile',
    'worst growth of the XML scan for 4× the sheet',
    `${worst.growth.toFixed(2)}×`,
    `< ${GROWTH_GOAL}× (linear 4×, quadratic 16×)`,
    worst.growth < GROWTH_GOAL,
    worst.growthShape,
  );
  recordGoal(
    'hostile',
    'slowest hostile 4 MB sheet read against a well-formed one (CPU time)',
    `${worst.read.toFixed(2)}×`,
    `≤ ${BASE_GOAL}×`,
    worst.read <= BASE_GOAL,
    `${worst.readShape}; wall clock ${worst.wall.toFixed(2)}×`,
  );
  recordGoal('hostile', 'longest event-loop pause while reading', `${worst.pause.toFixed(0)} ms`, 'shown', null);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
