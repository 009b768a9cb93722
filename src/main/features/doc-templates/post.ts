// After rendering: multi-line values become real paragraphs that copy the template paragraph's
// properties (style, indent, numbering) and the run's formatting; group cells get w:vMerge; the
// drawing ids the image module repeats are made unique. Nothing else in the parts is touched.
import type PizZip from 'pizzip';
import {
  ancestor,
  child,
  children,
  clone,
  descendants,
  el,
  parseXml,
  remove,
  serializeXml,
  setAttr,
  setText,
  textOf,
  type XElement,
  type XNode,
} from './xml';
import { LINE_MARK, MERGE_MARK, tcPrOf } from './group-rows';

/** Elements that may come before w:vMerge in w:tcPr (the schema's order matters to Word). */
const BEFORE_VMERGE = new Set(['w:cnfStyle', 'w:tcW', 'w:gridSpan', 'w:hMerge']);

export function postProcess(zip: PizZip, partNames: string[]): void {
  let docPrId = 0;
  for (const name of partNames) {
    const file = zip.file(name);
    if (!file) continue;
    const xml = file.asText();
    const needs = xml.includes(MERGE_MARK) || xml.includes(LINE_MARK) || xml.includes('<wp:docPr');
    if (!needs) continue;
    const root = parseXml(xml, name);
    mergeCells(root);
    splitLines(root);
    for (const d of descendants(root, 'wp:docPr')) setAttr(d, 'id', String(++docPrId));
    zip.file(name, serializeXml(root));
  }
}

function mergeCells(root: XElement): void {
  for (const t of descendants(root, 'w:t')) {
    const s = textOf(t);
    if (!s.includes(MERGE_MARK)) continue;
    const k = s.indexOf(MERGE_MARK);
    const mode = s[k + 1];
    setText(t, s.slice(0, k) + s.slice(k + 2));
    const tc = ancestor(t, 'w:tc');
    if (!tc) continue;
    const pr = tcPrOf(tc);
    const old = child(pr, 'w:vMerge');
    if (old) remove(old);
    const vm = el('w:vMerge', mode === 'R' ? { 'w:val': 'restart' } : {});
    const at = pr.children.findIndex((c) => c.type === 'el' && !BEFORE_VMERGE.has(c.name));
    vm.parent = pr;
    if (at === -1) pr.children.push(vm);
    else pr.children.splice(at, 0, vm);
    if (mode === 'C') clearCell(tc);
  }
}

/** A continued merged cell shows nothing: one empty paragraph keeping the first one's properties. */
function clearCell(tc: XElement): void {
  const paras = children(tc, 'w:p');
  const keep = paras[0];
  for (const p of paras.slice(1)) remove(p);
  for (const t of children(tc, 'w:tbl')) remove(t);
  if (keep) keep.children = keep.children.filter((c) => c.type === 'el' && c.name === 'w:pPr');
}

/** Each paragraph holding line marks becomes one paragraph per line. */
function splitLines(root: XElement): void {
  const targets = new Set<XElement>();
  for (const t of descendants(root, 'w:t')) if (textOf(t).includes(LINE_MARK)) targets.add(ancestor(t, 'w:p')!);
  for (const p of targets) if (p) splitParagraph(p);
}

function splitParagraph(p: XElement): void {
  const pPr = child(p, 'w:pPr');
  const fresh = (): XElement => {
    const q = el('w:p');
    q.attrs = p.attrs.map(([k, v]) => [k, v]);
    if (pPr) {
      const c = clone(pPr, q);
      // A section break belongs to the last paragraph only.
      const sect = child(c, 'w:sectPr');
      if (sect) remove(sect);
      q.children.push(c);
    }
    return q;
  };
  const out: XElement[] = [fresh()];
  for (const c of p.children) {
    if (c.type === 'el' && c.name === 'w:pPr') continue;
    if (c.type === 'el' && c.name === 'w:r' && children(c, 'w:t').some((t) => textOf(t).includes(LINE_MARK))) {
      splitRun(c, out, fresh);
      continue;
    }
    if (c.type === 'el' && descendants(c, 'w:t').some((t) => textOf(t).includes(LINE_MARK))) {
      // Lines inside a hyperlink or content control: a line break keeps them readable.
      for (const t of descendants(c, 'w:t'))
        if (textOf(t).includes(LINE_MARK)) setText(t, textOf(t).split(LINE_MARK).join(' '));
    }
    push(out.at(-1)!, c);
  }
  // The original paragraph mark (and its section break) stays with the last paragraph.
  if (pPr && child(pPr, 'w:sectPr')) {
    const last = out.at(-1)!;
    last.children[0] = clone(pPr, last);
  }
  const parent = p.parent!;
  const at = parent.children.indexOf(p);
  for (const q of out) q.parent = parent;
  parent.children.splice(at, 1, ...out);
}

function push(p: XElement, c: XNode): void {
  c.parent = p;
  p.children.push(c);
}

function splitRun(r: XElement, out: XElement[], fresh: () => XElement): void {
  const rPr = child(r, 'w:rPr');
  let cur = el('w:r');
  const startRun = () => {
    cur = el('w:r');
    cur.attrs = r.attrs.map(([k, v]) => [k, v]);
    if (rPr) push(cur, clone(rPr));
    push(out.at(-1)!, cur);
  };
  startRun();
  for (const c of r.children) {
    if (c === rPr) continue;
    if (c.type === 'el' && c.name === 'w:t' && textOf(c).includes(LINE_MARK)) {
      const lines = textOf(c).split(LINE_MARK);
      lines.forEach((line, k) => {
        if (k > 0) {
          out.push(fresh());
          startRun();
        }
        if (line) {
          const t = el('w:t');
          setText(t, line);
          push(cur, t);
        }
      });
      continue;
    }
    push(cur, clone(c));
  }
}
