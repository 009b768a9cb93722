// Group rows: a table row holding two nested loops, {#units}…{#indicators}…{/indicators}{/units},
// becomes one row per inner item, and the cells outside the inner loop (STT, unit name) are
// merged vertically over each group. The engine repeats single rows only, so the row is
// rewritten before rendering into one loop over synthetic rows, and each group cell gets a
// marker the post-pass turns into w:vMerge.
import type { Para } from './text-map';
import { scanTags, type Tag } from './tags';
import { append, child, el, setText, type XElement } from './xml';

export const GROUP_PREFIX = '__rows';
export const OUTER_SCOPE = '__outer';
export const MERGE_MARK_TAG = '__vm';
/** Private-use characters: never in data (stripped on the way in), so they cannot be forged. */
export const MERGE_MARK = '\uE000';
export const LINE_MARK = '\uE001';

export interface LoopPair {
  open: Tag;
  close: Tag;
}

/** Pairs open and close tags (well-formed templates only: the linter refuses the others). */
export function pairLoops(tags: Tag[]): LoopPair[] {
  const stack: Tag[] = [];
  const pairs: LoopPair[] = [];
  for (const t of tags) {
    if (t.kind === 'open' || t.kind === 'inverted') stack.push(t);
    else if (t.kind === 'close' && stack.length) pairs.push({ open: stack.pop()!, close: t });
  }
  return pairs;
}

/** A loop whose ends sit in different cells of one row: the engine repeats the row. */
export const isRowLoop = (l: LoopPair): boolean =>
  l.open.para.tr !== null && l.open.para.tr === l.close.para.tr && l.open.para.tc !== l.close.para.tc;

export interface GroupRow {
  tr: XElement;
  outer: LoopPair;
  inner: LoopPair;
}

/** Rows with an outer and an inner row loop, the inner inside the outer. */
export function findGroupRows(pairs: LoopPair[]): GroupRow[] {
  const byRow = new Map<XElement, LoopPair[]>();
  for (const l of pairs.filter(isRowLoop)) byRow.set(l.open.para.tr!, [...(byRow.get(l.open.para.tr!) ?? []), l]);
  const out: GroupRow[] = [];
  for (const [tr, loops] of byRow) {
    if (loops.length !== 2) continue;
    // pairLoops closes inner loops first.
    const [inner, outer] = loops as [LoopPair, LoopPair];
    if (outer.open.kind !== 'open' || inner.open.kind !== 'open') continue;
    out.push({ tr, outer, inner });
  }
  return out;
}

interface Edit {
  para: Para;
  at: number;
  remove: number;
  insert: string;
}

const cellsOf = (tr: XElement) => tr.children.filter((c): c is XElement => c.type === 'el' && c.name === 'w:tc');

/** Rewrites the group rows of one part; returns the synthetic loops (name → outer and inner names). */
export function rewriteGroupRows(paras: Para[], counter: { n: number }): Map<string, { outer: string; inner: string }> {
  const synth = new Map<string, { outer: string; inner: string }>();
  const groups = findGroupRows(pairLoops(scanTags(paras).tags));
  const edits: Edit[] = [];
  for (const g of groups) {
    const name = `${GROUP_PREFIX}${++counter.n}`;
    synth.set(name, { outer: g.outer.open.name, inner: g.inner.open.name });
    const cells = cellsOf(g.tr);
    const from = cells.indexOf(g.inner.open.para.tc!);
    const to = cells.indexOf(g.inner.close.para.tc!);
    edits.push({
      para: g.outer.open.para,
      at: g.outer.open.start,
      remove: g.outer.open.end - g.outer.open.start,
      insert: `{#${name}}`,
    });
    edits.push({
      para: g.inner.open.para,
      at: g.inner.open.start,
      remove: g.inner.open.end - g.inner.open.start,
      insert: '',
    });
    edits.push({
      para: g.inner.close.para,
      at: g.inner.close.start,
      remove: g.inner.close.end - g.inner.close.start,
      insert: '',
    });
    edits.push({
      para: g.outer.close.para,
      at: g.outer.close.start,
      remove: g.outer.close.end - g.outer.close.start,
      insert: `{/${name}}`,
    });
    cells.forEach((tc, k) => {
      if (k >= from && k <= to) return;
      const cellParas = paras.filter((p) => p.tc === tc);
      if (cellParas.length === 0) return;
      const first = cellParas[0]!;
      const last = cellParas.at(-1)!;
      ensureText(first);
      if (last !== first) ensureText(last);
      // After the outer loop's own tags, so the mark and the scope sit inside the loop.
      const startAt = first === g.outer.open.para && tc === g.outer.open.para.tc ? g.outer.open.end : 0;
      const endAt =
        last === g.outer.close.para && tc === g.outer.close.para.tc ? g.outer.close.start : last.text.length;
      edits.push({ para: first, at: startAt, remove: 0, insert: `{${MERGE_MARK_TAG}}{#${OUTER_SCOPE}}` });
      edits.push({ para: last, at: endAt, remove: 0, insert: `{/${OUTER_SCOPE}}` });
    });
  }
  applyEdits(edits);
  return synth;
}

/** A paragraph without any w:t gets an empty run, so text can be inserted into it. */
function ensureText(para: Para): void {
  if (para.pieces.some((p) => p.kind === 'text')) return;
  const t = el('w:t', { 'xml:space': 'preserve' });
  const r = el('w:r', {}, [t]);
  append(para.p, r);
  para.pieces.push({ t, text: '', start: 0, run: r, kind: 'text', inserted: false, field: null, container: null });
}

/** Applies text edits, each inside the w:t holding its offset, right to left per paragraph. */
export function applyEdits(edits: Edit[]): void {
  const sorted = [...edits].sort((a, b) => (a.para === b.para ? b.at - a.at : 0));
  const byPara = new Map<Para, Edit[]>();
  for (const e of sorted) byPara.set(e.para, [...(byPara.get(e.para) ?? []), e]);
  for (const [para, list] of byPara) {
    list.sort((a, b) => b.at - a.at || b.remove - a.remove);
    const texts = para.pieces.filter((p) => p.kind === 'text');
    const current = new Map(texts.map((p) => [p, p.text]));
    for (const e of list) {
      // The piece holding the offset (for an insertion at a boundary, the earlier piece).
      const piece =
        texts.find(
          (p) =>
            e.at >= p.start &&
            e.at + e.remove <= p.start + p.text.length &&
            (e.remove > 0 || e.at <= p.start + p.text.length),
        ) ?? texts.at(-1)!;
      const s = current.get(piece)!;
      const k = e.at - piece.start;
      current.set(piece, s.slice(0, k) + e.insert + s.slice(k + e.remove));
    }
    for (const [piece, s] of current) if (s !== piece.text) setText(piece.t, s);
  }
}

/** The cell properties element, created in first position when missing. */
export function tcPrOf(tc: XElement): XElement {
  let pr = child(tc, 'w:tcPr');
  if (!pr) {
    pr = el('w:tcPr');
    pr.parent = tc;
    tc.children.unshift(pr);
  }
  return pr;
}
