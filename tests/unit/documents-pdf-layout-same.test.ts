// The PDF writer's layout after its speed work against what it was: the line breaker against the
// one before (kept verbatim in pdf-lines-reference.ts) value for value on random paragraphs, and
// the paragraphs a document lays out once and reuses against each laid out on its own.
import { describe, expect, it } from 'vitest';
import { A4, planDocument, type Para, type Plan } from '../../src/main/documents/nd30/layout';
import { pdfFonts, type Face } from '../../src/main/documents/pdf-fonts';
import { breakAtoms, breakLines, Metrics, type Piece } from '../../src/main/documents/pdf-lines';
import { breakPlain } from '../../src/main/documents/pdf-lines-plain';
import { inner, Measure, pt } from '../../src/main/documents/pdf-measure';
import { referenceBreakLines } from './pdf-lines-reference';
import { pdfCorpus } from './pdf-corpus';

const m = new Metrics(pdfFonts({ systemTimes: false }));

/** A small deterministic generator (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'công',
  'tác',
  'dân',
  'vận',
  'Nghị',
  'định',
  '30/2020/NĐ-CP',
  'liên-kết',
  'x\u0323',
  'ĐIỆN',
  'BÀN',
  '1.234,5',
  '“trích”',
  '—',
  '-',
  'a-',
  '-b',
  'UBND',
  'Khôngxuốngdòngđượcvìquádàitrongmộtôbảnghẹp',
  '\ud800',
  '😀',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\u00a0', ''];
const FACES: Face[] = ['regular', 'bold', 'italic', 'boldItalic'];
const piece = (text: string, size: number): Piece => ({ text, face: 'regular', size });

function pieces(rnd: () => number): Piece[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const out: Piece[] = [];
  const count = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < count; i++) {
    let text = rnd() < 0.2 ? ' ' : '';
    const words = Math.floor(rnd() * 30);
    for (let w = 0; w < words; w++) text += pick(WORDS) + pick(SEPARATORS);
    const p: Piece = { text, face: pick(FACES), size: pick([10, 12, 13, 14]) };
    if (rnd() < 0.2) p.underline = true;
    out.push(p);
    if (rnd() < 0.2) out.push({ text: String(i + 1), face: 'regular', size: p.size, note: i + 1 });
  }
  return out;
}

describe('PDF layout after the speed work', () => {
  it('breaks 20,000 random paragraphs into the same lines as the line breaker before it', () => {
    const rnd = random(17);
    let looped = 0;
    for (let i = 0; i < 20_000; i++) {
      const list = pieces(rnd);
      // Wider than any one letter (the breaker before looped for ever on a narrower line).
      const width = 40 + rnd() * 460;
      const first = rnd() < 0.3 ? 0 : (rnd() - 0.4) * 40;
      const tab = rnd() < 0.3 ? rnd() * 200 : undefined;
      const got = breakLines(m, list, width, first, tab);
      let want: ReturnType<typeof breakLines>;
      try {
        want = referenceBreakLines(m, list, width, first, tab);
      } catch {
        // Where the breaker before looped for ever, every character still reaches a line.
        looped++;
        const text = (s: { text: string }[]) => s.map((x) => x.text.replace(/[ \t]/g, '')).join('');
        expect(text(got.flatMap((l) => l.segments))).toBe(text(list));
        continue;
      }
      expect(got, JSON.stringify({ list, width, first, tab })).toEqual(want);
    }
    expect(looped).toBeLessThan(1_000);
  });

  it('breaks one plain piece (breakPlain) into the same lines as the general breaker, on 20,000 random ones', () => {
    const rnd = random(29);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const plainSeparators = [' ', ' ', ' ', '  ', '   ', '\u00a0', '', '-'];
    let plain = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = rnd() < 0.2 ? pick([' ', '  ']) : '';
      const words = Math.floor(rnd() * 40);
      for (let w = 0; w < words; w++) text += pick(WORDS) + pick(plainSeparators);
      if (rnd() < 0.1) text = text.trimEnd();
      const p: Piece = { text, face: pick(FACES), size: pick([10, 12, 13, 14]) };
      if (rnd() < 0.2) p.underline = true;
      const width = 30 + rnd() * 460;
      const first = rnd() < 0.3 ? 0 : (rnd() - 0.4) * 40;
      const got = breakLines(m, [p], width, first);
      const want = breakAtoms(m, [{ ...p }], width, first);
      expect(got, JSON.stringify({ p, width, first })).toStrictEqual(want);
      if (breakPlain(m, p, width, first)) plain++;
    }
    expect(plain).toBeGreaterThan(10_000); // the rest: a word cut by characters, left to the general breaker
  });

  it('puts a letter wider than the line on a line of its own instead of looping', () => {
    const lines = breakLines(m, [{ text: 'WWW Đ', face: 'regular', size: 14 }], 8, 0);
    expect(lines.map((l) => l.segments.map((s) => s.text).join(''))).toEqual(['W', 'W', 'W', 'Đ']);
    expect(breakLines(m, [{ text: 'ab', face: 'bold', size: 14 }], 30, 40).length).toBe(2);
    // A word with its footnote mark, wider than the line: cut by characters in one size it fitted.
    const marked = breakLines(m, [piece('ĐIỆN', 14), { text: '1', face: 'regular', size: 14, note: 1 }], 40, 0);
    expect(marked.flatMap((l) => l.segments.map((s) => s.text)).join('')).toBe('ĐIỆN1');
  });

  it('lays out every paragraph of the corpus as it lays it out on its own (no wrong reuse)', () => {
    for (const { name, model } of pdfCorpus()) {
      const plan = planDocument(model);
      const shared = new Measure(plan, m);
      const checks = paragraphs(plan);
      expect(checks.length, name).toBeGreaterThan(10);
      for (const [p, width] of checks) shared.para(p, width);
      // Every 7th in a fresh measure (a fresh one per paragraph: nothing to reuse), all again in the shared one.
      checks.forEach(([p, width], i) => {
        const again = shared.para(p, width);
        if (i % 7 === 0 || checks.length < 500) expect(again, name).toEqual(new Measure(plan, m).para(p, width));
      });
    }
  });
});

/** Every paragraph of a plan with the widths it is laid out at: the page's text width, a cell's. */
function paragraphs(plan: Plan): [Para, number][] {
  const out: [Para, number][] = [];
  for (const s of plan.sections) {
    const page = pt(s.landscape ? A4.height : A4.width) - pt(plan.margins.left) - pt(plan.margins.right);
    for (const e of s.elements) {
      if (e.kind === 'para') out.push([e, page]);
      if (e.kind === 'table')
        for (const r of e.rows)
          for (const c of r.cells) for (const x of c.content) if (x.kind === 'para') out.push([x, inner(e, c.width)]);
    }
  }
  return out;
}
