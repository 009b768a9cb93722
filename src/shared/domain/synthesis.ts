// Synthesis of the units' words for the consolidated report: each unit's answer is cut into
// points (sentences, list items), points that say the same thing are grouped, and each group
// becomes one point with its attribution, ordered by how many units raised it.
//
// Similarity is the cosine of TF-IDF vectors over diacritics-folded syllables and syllable
// bigrams (Vietnamese words are mostly two syllables, so bigrams stand in for a tokenizer),
// without stop words and figures: word order and tone marks do not matter, wording does.
// Everything here is linear in the text, except the grouping, which is points × groups.
import { foldDiacritics, trimRun } from '../text';

export interface UnitText {
  unitName: string;
  text: string;
}

export interface SynthPoint {
  /** The words of the point as one unit wrote them (figures dropped when the units disagree on them). */
  text: string;
  /** The units that raised it, each once, in the order given. */
  units: string[];
}

export interface SynthesisOptions {
  /** At most this many grouped points; the rest are counted in `omitted`. */
  maxPoints: number;
  /**
   * Cosine similarity to a group's centroid from which a point joins it (0–1). 0.3 separates
   * paraphrases (0.35 and up on clerks' wordings) from different points (0.2 and below).
   */
  threshold?: number;
}

export interface Synthesis {
  points: SynthPoint[];
  /** Groups left out of the body by `maxPoints` (they stay in the annex of the units' words). */
  omitted: SynthPoint[];
}

const STOP = new Set(
  (
    'va cua cac voi o ve trong nam da duoc cho la mot nhung nay do tai theo tu den khi thi ma de co ' +
    'con cung nhu hon rat tren duoi sau truoc ra vao len ban dang se bi boi vi nen neu hay hoac ' +
    'tiep tuc thuc hien cong tac don vi ky'
  ).split(' '),
);

/** Bullet or numbering at the start of a line: "- ", "+ ", "•", "1.", "2)", "a)", "1-". */
const LEAD = /^(?:[-–—+•*●▪◦]\s*|\d{1,3}\s*[.)\-/]\s+|[a-zđ]\)\s*)/iu;

/** A unit's answer → its points, in order: lines, list items and sentences. */
export function splitPoints(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFC').split(/\r\n?|\n/)) {
    const line = raw.replace(LEAD, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    // A sentence ends at . ! ? followed by a space and a capital letter; "1.234" and "v.v." stay whole.
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if ((c === '.' || c === '!' || c === '?') && line[i + 1] === ' ') {
        const next = line[i + 2] ?? '';
        if (next && next === next.toLocaleUpperCase('vi') && next !== next.toLocaleLowerCase('vi')) {
          const s = line.slice(start, i + 1).trim();
          if (s) out.push(s);
          start = i + 2;
        }
      }
    }
    const rest = line.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** Folded syllables of a point, without stop words, figures and punctuation. */
export function syllables(text: string): string[] {
  return foldDiacritics(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0 && !/^\d+$/.test(w) && !STOP.has(w));
}

function features(text: string): string[] {
  const s = syllables(text);
  const f = [...s];
  for (let i = 0; i + 1 < s.length; i++) f.push(`${s[i]}_${s[i + 1]}`);
  return f;
}

type Vector = Map<string, number>;

function vectorize(docs: string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * (1 + Math.log((1 + n) / (1 + df.get(t)!)));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

const FIGURE = /\d[\d.,]*\s*%?/gu;

/** The figures a point states, in order ("12", "95,5%"). */
const figuresOf = (text: string): string => (text.match(FIGURE) ?? []).map((f) => f.trim()).join('|');

/** A point without its figures, for a group whose units gave different ones. */
function withoutFigures(text: string): string {
  return text
    .replace(FIGURE, '')
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A point's text without the spaces and stops at its end (joined into one sentence later). */
const endSentence = (s: string): string => trimRun(s, '.;,: \t\n\r\u00a0\u2002\u2003\u2009\u202f\u3000', 'end');

/**
 * "UBND xã A đã tổ chức đối thoại" said by UBND xã A → "đã tổ chức đối thoại": a unit naming
 * itself is the attribution's job, and the name would make one unit's words look like another's.
 */
export function withoutOwnName(point: string, unitName: string): string {
  const name = unitName.normalize('NFC').toLocaleLowerCase('vi').trim();
  const lower = point.toLocaleLowerCase('vi');
  if (name.length < 3 || lower.length !== point.length) return point;
  let out = '';
  let from = 0;
  for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, from)) {
    out += point.slice(from, at);
    from = at + name.length;
  }
  if (from === 0) return point;
  out += point.slice(from);
  return out
    .replace(/\s{2,}/g, ' ')
    .replace(/^[\s,;:.-]+/, '')
    .trim();
}

interface Item {
  unit: string;
  text: string;
  vec: Vector;
}

/**
 * Groups the units' points: each point joins the most similar group at or above the threshold
 * (compared with the group's first point), or starts a new one. Groups with more units first;
 * among equals, the one raised first. The text of a group is its most central point.
 */
export function synthesize(entries: UnitText[], opts: SynthesisOptions): Synthesis {
  const threshold = opts.threshold ?? 0.3;
  const raw: { unit: string; text: string }[] = [];
  for (const e of entries)
    for (const p of splitPoints(e.text)) {
      const text = withoutOwnName(p, e.unitName);
      if (text) raw.push({ unit: e.unitName, text });
    }
  const feats = raw.map((r) => features(r.text));
  const vecs = vectorize(feats);
  const items: Item[] = raw.map((r, i) => ({ ...r, vec: vecs[i]! }));

  // Each group is compared through its centroid (the sum of its members' vectors), so a group
  // of several wordings attracts a new wording of the same point better than any one member.
  const groups: Item[][] = [];
  const centroids: { sum: Vector; norm: number }[] = [];
  for (const it of items) {
    if (it.vec.size === 0) continue; // nothing but figures or stop words: stays in the annex only
    let best = -1;
    let bestSim = threshold;
    for (let g = 0; g < groups.length; g++) {
      const c = centroids[g]!;
      const sim = cosine(it.vec, c.sum) / (c.norm || 1);
      if (sim >= bestSim) {
        bestSim = sim;
        best = g;
      }
    }
    if (best < 0) {
      groups.push([]);
      centroids.push({ sum: new Map(), norm: 0 });
      best = groups.length - 1;
    }
    groups[best]!.push(it);
    const c = centroids[best]!;
    for (const [t, w] of it.vec) c.sum.set(t, (c.sum.get(t) ?? 0) + w);
    let n = 0;
    for (const w of c.sum.values()) n += w * w;
    c.norm = Math.sqrt(n);
  }

  const points = groups.map((g, order) => {
    const units = [...new Set(g.map((x) => x.unit))];
    // The member closest to the group's centroid speaks for it (linear: no pairwise scan);
    // ties go to the shorter text.
    const c = centroids[order]!;
    let rep = g[0]!;
    let repScore = -1;
    for (const a of g) {
      const s = cosine(a.vec, c.sum);
      if (s > repScore + 1e-9 || (Math.abs(s - repScore) <= 1e-9 && a.text.length < rep.text.length)) {
        rep = a;
        repScore = s;
      }
    }
    const agree = new Set(g.map((x) => figuresOf(x.text))).size === 1;
    const text = endSentence(agree ? rep.text : withoutFigures(rep.text));
    return { point: { text, units }, order };
  });
  points.sort((a, b) => b.point.units.length - a.point.units.length || a.order - b.order);
  const sorted = points.map((p) => p.point).filter((p) => p.text.length > 0);
  return { points: sorted.slice(0, opts.maxPoints), omitted: sorted.slice(opts.maxPoints) };
}

/**
 * "(UBND phường A)", "(Sở Y tế, UBND phường A)", "(12/30 cơ quan, đơn vị: Sở Y tế, UBND phường A,
 * UBND xã B và 9 đơn vị khác)". Every name stated is a unit that wrote the point.
 */
export function attribution(units: string[], expected: number): string {
  if (units.length === 0) return '';
  if (units.length <= 3) return `(${units.join(', ')})`;
  const of = expected >= units.length ? `/${expected}` : '';
  return `(${units.length}${of} cơ quan, đơn vị: ${units.slice(0, 3).join(', ')} và ${units.length - 3} đơn vị khác)`;
}

/** One line of the draft for a grouped point: "- Text (attribution)." */
export function pointLine(p: SynthPoint, expected: number): string {
  const t = p.text.charAt(0).toLocaleUpperCase('vi') + p.text.slice(1);
  return `- ${t} ${attribution(p.units, expected)}.`;
}

/** Words that address a proposal upward, past the compiling agency. */
const UPWARD =
  /\b(ubnd tinh|uy ban nhan dan tinh|chu tich ubnd tinh|tinh uy|hdnd tinh|trung uong|chinh phu|thu tuong|quoc hoi|bo noi vu|cac bo|bo,? nganh|cap tren|cap co tham quyen)\b/;

/**
 * Is a proposal addressed to the compiling agency itself ("Đề nghị Sở Nội vụ tổ chức tập huấn")
 * rather than something to forward upward? Decided by naming: the agency's name (or its short
 * form) without an upward addressee. Unclear proposals count as upward: the user chooses anyway.
 */
export function addressedToAgency(text: string, agencyNames: string[]): boolean {
  const t = ` ${foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ')} `;
  if (UPWARD.test(t)) return false;
  return agencyNames
    .map((n) => foldDiacritics(n).toLowerCase().replace(/\s+/g, ' ').trim())
    .filter((n) => n.length >= 4)
    .some((n) => t.includes(` ${n} `) || t.includes(` ${n},`) || t.includes(` ${n}.`));
}

/** Is this section the one for proposals ("Kiến nghị, đề xuất")? */
export const isProposalSection = (title: string): boolean =>
  /\b(kien nghi|de xuat)\b/.test(foldDiacritics(title).toLowerCase());
