// Puts a template part the way the engine reads it, without touching what the author made:
// tracked changes accepted (as Word's "Accept all"), spell-check marks removed, and every tag
// that Word split into several runs joined into the first of them (which keeps its formatting).
import {
  append,
  attr,
  child,
  children,
  clone,
  descendants,
  el,
  elementsWhere,
  remove,
  setText,
  unwrap,
  type XElement,
  type XNode,
} from './xml';
import { mapPart, type Para } from './text-map';
import { piecesOf, scanTags, type Tag } from './tags';

const REMOVE_WITH_CONTENT = new Set([
  'w:del',
  'w:moveFrom',
  'w:moveFromRangeStart',
  'w:moveFromRangeEnd',
  'w:moveToRangeStart',
  'w:moveToRangeEnd',
  'w:proofErr',
]);
const FORMAT_CHANGES = new Set([
  'w:rPrChange',
  'w:pPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:tblGridChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:numberingChange',
  'w:tblPrExChange',
  'w:cellIns',
  'w:cellDel',
  'w:cellMerge',
]);

/** Counts of what acceptance changed, for the linter's note. */
export interface Accepted {
  insertions: number;
  deletions: number;
  formatting: number;
}

/** Accepts every tracked change of a part in place. */
export function acceptRevisions(root: XElement): Accepted {
  const counts: Accepted = { insertions: 0, deletions: 0, formatting: 0 };
  // Deleted rows first (their w:del sits in w:trPr), then deleted paragraph marks.
  for (const tr of descendants(root, 'w:tr')) {
    const trPr = child(tr, 'w:trPr');
    if (trPr && child(trPr, 'w:del')) {
      remove(tr);
      counts.deletions++;
    } else if (trPr && child(trPr, 'w:ins')) {
      remove(child(trPr, 'w:ins')!);
      counts.insertions++;
    }
  }
  for (const p of descendants(root, 'w:p')) {
    const rPr = child(child(p, 'w:pPr') ?? p, 'w:rPr');
    const markDel = rPr && child(rPr, 'w:del');
    const markIns = rPr && child(rPr, 'w:ins');
    if (markIns) {
      remove(markIns);
      counts.insertions++;
    }
    if (!markDel || !p.parent) continue;
    remove(markDel);
    counts.deletions++;
    // A deleted paragraph mark joins the paragraph to the next one, which keeps its own properties.
    const siblings = p.parent.children;
    const next = siblings[siblings.indexOf(p) + 1];
    if (next && next.type === 'el' && next.name === 'w:p') {
      const moved = p.children.filter((c) => !(c.type === 'el' && c.name === 'w:pPr'));
      const at = child(next, 'w:pPr') ? 1 : 0;
      for (const m of moved) m.parent = next;
      next.children.splice(at, 0, ...moved);
      remove(p);
    }
  }
  for (const e of elementsWhere(
    root,
    (x) => REMOVE_WITH_CONTENT.has(x.name) || FORMAT_CHANGES.has(x.name) || x.name === 'w:ins' || x.name === 'w:moveTo',
  )) {
    if (!e.parent) continue; // inside something already removed
    if (e.name === 'w:ins' || e.name === 'w:moveTo') {
      counts.insertions++;
      unwrap(e);
      continue;
    }
    if (e.name === 'w:del' || e.name === 'w:moveFrom') counts.deletions++;
    else if (FORMAT_CHANGES.has(e.name)) counts.formatting++;
    remove(e);
  }
  return counts;
}

const IGNORED_RPR = /^w:(rsid|lang|noProof|webHidden|specVanish)/;

/** A run's formatting, ignoring what Word adds by itself (revision ids, language, proofing). */
export function formatKey(run: XElement | null): string {
  const rPr = run && child(run, 'w:rPr');
  if (!rPr) return '';
  return children(rPr)
    .filter((c) => !IGNORED_RPR.test(c.name))
    .map((c) => `${c.name}${c.attrs.map(([k, v]) => `${k}=${v}`).join(',')}`)
    .sort()
    .join(';');
}

/** Whether the pieces of a tag can be put together in its first piece. */
export function joinProblem(tag: Tag): string | null {
  const pieces = piecesOf(tag);
  if (pieces.length <= 1) return null;
  if (new Set(pieces.map((p) => p.field ?? '')).size > 1)
    return 'một phần của thẻ nằm trong một trường (field) của Word';
  if (new Set(pieces.map((p) => p.container)).size > 1)
    return 'thẻ vắt qua ranh giới của một liên kết hoặc vùng nội dung (content control)';
  if (tag.para.breaks.some((b) => b > tag.start && b < tag.end))
    return 'thẻ bị ngắt bởi dấu tab, ngắt dòng, hình hoặc trường của Word';
  return null;
}

/** Joins the tags of the given paragraphs (right to left, so offsets stay valid). */
export function joinTags(tags: Tag[]): number {
  let joined = 0;
  // A piece may end one tag and start the next: later edits must see earlier ones.
  const current = new Map<XElement, string>();
  const textOfPiece = (x: { t: XElement; text: string }) => current.get(x.t) ?? x.text;
  const put = (t: XElement, s: string) => {
    current.set(t, s);
    setText(t, s);
  };
  for (const tag of [...tags].reverse()) {
    const pieces = piecesOf(tag);
    if (pieces.length <= 1 || joinProblem(tag)) continue;
    const first = pieces[0]!;
    const last = pieces.at(-1)!;
    // Tags to the right only changed text after this tag's end: offsets before it still hold.
    put(last.t, textOfPiece(last).slice(tag.end - last.start));
    for (const mid of pieces.slice(1, -1)) put(mid.t, '');
    put(first.t, first.text.slice(0, tag.start - first.start) + tag.para.text.slice(tag.start, tag.end));
    joined++;
  }
  return joined;
}

/** Accepts revisions and joins split tags of one part; returns the map of the result. */
export function normalizePart(
  root: XElement,
  partName: string,
  partLabel: string,
): { paras: Para[]; accepted: Accepted; joined: number } {
  const accepted = acceptRevisions(root);
  const before = mapPart(root, partName, partLabel);
  const joined = joinTags(scanTags(before).tags);
  // Empty runs left behind by the join are harmless; remap so offsets match the new text.
  return { paras: joined ? mapPart(root, partName, partLabel) : before, accepted, joined };
}

/** Word's own mail-merge fields (MERGEFIELD Ten): listed so the linter can suggest a tag. */
export function mergeFields(root: XElement): string[] {
  const out: string[] = [];
  for (const f of descendants(root, 'w:fldSimple')) {
    const m = /MERGEFIELD\s+"?([^\s"\\]+)/i.exec(attr(f, 'w:instr') ?? '');
    if (m) out.push(m[1]!);
  }
  for (const t of descendants(root, 'w:instrText')) {
    const m = /MERGEFIELD\s+"?([^\s"\\]+)/i.exec(t.children.map((c) => (c.type === 'text' ? c.raw : '')).join(''));
    if (m) out.push(m[1]!);
  }
  return out;
}

/**
 * Gives each image tag a run of its own: the image module replaces the whole w:t holding the
 * tag, so text sharing that w:t ("Ký: {%signature}") would be lost.
 */
export function isolateImageTags(paras: Para[]): void {
  for (const tag of [...scanTags(paras).tags].reverse()) {
    if (tag.kind !== 'image') continue;
    const pieces = piecesOf(tag);
    const piece = pieces[0];
    if (pieces.length !== 1 || !piece?.run?.parent) continue;
    const run = piece.run;
    const before = piece.text.slice(0, tag.start - piece.start);
    const after = piece.text.slice(tag.end - piece.start);
    if (!before && !after) continue;
    const rPr = child(run, 'w:rPr');
    const k = run.children.indexOf(piece.t);
    const make = (nodes: XNode[], text: string | null): XElement => {
      const r = el('w:r');
      r.attrs = run.attrs.map(([a, v]) => [a, v]);
      if (rPr) append(r, clone(rPr));
      for (const n of nodes) if (n !== rPr) append(r, clone(n));
      if (text !== null) {
        const t = el('w:t');
        setText(t, text);
        append(r, t);
      }
      return r;
    };
    const runs = [
      make(run.children.slice(0, k), before || null),
      make([], tag.para.text.slice(tag.start, tag.end)),
      make(run.children.slice(k + 1), null),
    ];
    if (after) {
      const t = el('w:t');
      setText(t, after);
      runs[2]!.children.splice(rPr ? 1 : 0, 0, t);
      t.parent = runs[2]!;
    }
    const parent = run.parent!;
    const at = parent.children.indexOf(run);
    for (const r of runs) r.parent = parent;
    parent.children.splice(at, 1, ...runs.filter((r) => r.children.some((c) => c.type === 'el' && c.name !== 'w:rPr')));
  }
}
