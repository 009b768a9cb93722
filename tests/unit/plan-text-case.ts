// The two real plans (seeds) and the proposal's views the plan-text tests compare: values without
// spans, every span, the text a span points at.
import fs from 'node:fs';
import type { PlanProposal, Span } from '../../src/shared/model/plan-import';

export const SEEDS = '/work/shared/seeds';
export const chiLang = fs.readFileSync(`${SEEDS}/ke-hoach-dan-chu-co-so-chi-lang-2024.txt`, 'utf8');
export const longKhanh = fs.readFileSync(`${SEEDS}/ke-hoach-dan-van-chinh-quyen-long-khanh-2024.txt`, 'utf8');

/** The proposal without spans and source text: what must not change with noise. */
export function values(p: PlanProposal): unknown {
  const strip = (o: unknown): unknown =>
    Array.isArray(o)
      ? o.map(strip)
      : o && typeof o === 'object'
        ? Object.fromEntries(
            Object.entries(o)
              .filter(([k]) => k !== 'spans')
              .map(([k, v]) => [k, strip(v)]),
          )
        : o;
  const { text: _text, ...rest } = p;
  return strip(rest);
}

export function allSpans(p: PlanProposal): Span[] {
  const out: Span[] = [];
  const walk = (o: unknown) => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (k === 'spans') out.push(...(v as Span[]));
        else walk(v);
      }
    }
  };
  walk(p);
  return out;
}

export const at = (p: PlanProposal, s: Span) => p.text.slice(s.start, s.end);
