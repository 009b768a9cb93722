// The summary workbook's corpus for comparing two ways of writing it (tests/unit/xlsx-write.test.ts,
// tests/integration/summary-book-programs.test.ts): texts of every awkward kind and 1,000 units.
import type { SummaryInput } from '../../src/main/features/compile/summary-book';
import type { CompileResult } from '../../src/shared/model/compile';

// Texts that XML must escape, characters XML 1.0 forbids (exceljs drops them), lone surrogates,
// whitespace that must be kept, texts a spreadsheet would take for a formula, and long texts.
export const NASTY = [
  'A & B <C> "D" \'E\'',
  'ctl\u0001\u0008\u000b\u000c\u001f\u007f end',
  'lone \ud800 high',
  'lone \udfff low',
  'pair 😀 ok',
  ' leading and trailing ',
  'two\nlines',
  '=SUM(A1:A2)',
  '+84 912',
  '-5',
  '@user',
  '\tTab',
  '\rCR',
  'Ủy ban nhân dân xã '.repeat(12),
  '',
];

export function nasty(input: SummaryInput): SummaryInput {
  const c = structuredClone(input.compile);
  const pick = (k: number) => NASTY[k % NASTY.length]!;
  c.current.units.forEach((u, k) => {
    u.name = `${pick(k)}${u.name}`;
    u.code = pick(k + 3);
    u.label = pick(k + 5);
  });
  c.current.indicators.forEach((i, k) => {
    i.name = `${i.name} ${pick(k)}`;
    if (i.unit) i.unit = pick(k + 7);
  });
  c.current.periods.forEach((p, k) => (p.name = `${p.name} ${pick(k + 1)}`));
  return {
    agency: { ...input.agency, name: pick(0) + input.agency.name, parentName: pick(2) },
    title: `${input.title} ${pick(1)}`,
    compile: c,
  };
}

/** n units made from the fixture's, with values of every shape (missing, decimal, large, negative). */
export function manyUnits(input: SummaryInput, n: number): SummaryInput {
  const c: CompileResult = structuredClone(input.compile);
  const proto = c.current.units;
  const shapes = [null, '0', '1', '12.5', '-3', '0.1', '123456789012345', '99.99', '2.675'];
  c.current.units = Array.from({ length: n }, (_, k) => {
    const u = structuredClone(proto[k % proto.length]!);
    u.unitId = 10_000 + k;
    u.code = `DV${String(k + 1).padStart(4, '0')}`;
    u.name = `${u.name} số ${k + 1}`;
    for (const key of Object.keys(u.values)) u.values[key] = shapes[(k + key.length) % shapes.length]!;
    return u;
  });
  return { ...input, compile: c };
}
