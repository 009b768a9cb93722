// The plan reader on hostile shapes (issue 21): each timed at two sizes against a simple linear
// baseline, splitting the same text into lines. A linear reader keeps the same ratio at both
// sizes (growth ≈ 4 for 4× the text); a backtracking pattern or a quadratic join shows as a growth
// far above 4.
import { SHAPES } from './shapes/plan-text';
import { parsePlanText } from '../src/main/features/plan-import/reader/parse';

function best(runs: number, fn: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

// sizes large enough that the engine's warm-up and young-generation effects do not dominate
const SIZES = [400_000, 1_600_000];
console.log(
  `${'shape'.padEnd(58)} ${'size'.padStart(9)} ${'reader ms'.padStart(10)} ${'split ms'.padStart(9)} ${'ratio'.padStart(8)} ${'growth'.padStart(7)}`,
);
let worst = 0;
for (const s of SHAPES) {
  let prev = 0;
  for (const size of SIZES) {
    const text = s.build(size);
    const reader = best(2, () => parsePlanText(text));
    // the baseline: one linear pass that touches every character (split into lines, then trim each)
    const split = best(5, () => text.split('\n').map((l) => l.trim()));
    const growth = prev ? reader / prev : NaN;
    if (prev) worst = Math.max(worst, growth);
    prev = reader;
    console.log(
      `${s.name.padEnd(58)} ${String(size).padStart(9)} ${reader.toFixed(1).padStart(10)} ${split.toFixed(2).padStart(9)} ${(reader / Math.max(split, 0.01)).toFixed(0).padStart(7)}× ${Number.isNaN(growth) ? '      –' : growth.toFixed(2).padStart(7)}`,
    );
  }
}
console.log(`worst growth for 4× the text: ${worst.toFixed(2)} (linear ≈ 4; quadratic ≈ 16)`);
