// A small XML tree for WordprocessingML parts: parsed in one linear pass, serialised back byte
// for byte where untouched (attributes in order, text kept escaped). No DTDs or entities beyond
// the five predefined ones and character references: a part that declares a DOCTYPE is refused.
import { AppError } from '../../../shared/errors';

export interface XElement {
  type: 'el';
  name: string;
  attrs: [string, string][];
  children: XNode[];
  parent: XElement | null;
}
export interface XText {
  type: 'text';
  /** As written in the file (escaped). */
  raw: string;
  parent: XElement | null;
}
/** Declarations, comments, processing instructions and CDATA: kept as written. */
export interface XRaw {
  type: 'raw';
  raw: string;
  parent: XElement | null;
}
export type XNode = XElement | XText | XRaw;

function fail(part: string, what: string): never {
  throw new AppError('BAD_DOCX', `Tệp Word bị hỏng: phần “${part}” không phải XML hợp lệ (${what}).`);
}

const NAME_END = /[\s/>]/;

/** Parses a part; the root holds the declaration and the document element. */
export function parseXml(xml: string, part = 'document'): XElement {
  const root: XElement = { type: 'el', name: '#root', attrs: [], children: [], parent: null };
  let cur = root;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      if (xml.slice(i).trim()) cur.children.push({ type: 'text', raw: xml.slice(i), parent: cur });
      break;
    }
    if (lt > i) cur.children.push({ type: 'text', raw: xml.slice(i, lt), parent: cur });
    const c = xml[lt + 1];
    if (c === '?' || xml.startsWith('<!--', lt) || xml.startsWith('<![CDATA[', lt)) {
      const end = c === '?' ? '?>' : xml.startsWith('<!--', lt) ? '-->' : ']]>';
      const close = xml.indexOf(end, lt + 2);
      if (close === -1) fail(part, 'chú thích hoặc khai báo không đóng');
      cur.children.push({ type: 'raw', raw: xml.slice(lt, close + end.length), parent: cur });
      i = close + end.length;
      continue;
    }
    if (c === '!') fail(part, 'có khai báo DOCTYPE');
    const gt = findTagEnd(xml, lt + 1);
    if (gt === -1) fail(part, 'thẻ không đóng');
    if (c === '/') {
      const name = xml.slice(lt + 2, gt).trim();
      if (cur.name !== name) fail(part, `thẻ đóng </${name.slice(0, 40)}> không khớp`);
      cur = cur.parent!;
      i = gt + 1;
      continue;
    }
    const selfClosing = xml[gt - 1] === '/';
    const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const m = NAME_END.exec(inner);
    const name = m ? inner.slice(0, m.index) : inner;
    if (!name) fail(part, 'thẻ không có tên');
    const el: XElement = {
      type: 'el',
      name,
      attrs: parseAttrs(inner.slice(name.length), part),
      children: [],
      parent: cur,
    };
    cur.children.push(el);
    if (!selfClosing) cur = el;
    i = gt + 1;
  }
  if (cur !== root) fail(part, `thẻ <${cur.name}> không đóng`);
  return root;
}

/** The '>' ending a tag, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let q = '';
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i];
    if (q) {
      if (ch === q) q = '';
    } else if (ch === '"' || ch === "'") q = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

function parseAttrs(s: string, part: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    const eq = s.indexOf('=', i);
    if (eq === -1) fail(part, 'thuộc tính thiếu dấu “=”');
    const name = s.slice(i, eq).trim();
    let j = eq + 1;
    while (j < s.length && /\s/.test(s[j]!)) j++;
    const q = s[j];
    if (q !== '"' && q !== "'") fail(part, 'giá trị thuộc tính thiếu dấu nháy');
    const close = s.indexOf(q, j + 1);
    if (close === -1) fail(part, 'giá trị thuộc tính không đóng');
    out.push([name, s.slice(j + 1, close)]);
    i = close + 1;
  }
  return out;
}

export function serializeXml(node: XNode): string {
  const out: string[] = [];
  const walk = (x: XNode) => {
    if (x.type !== 'el') {
      out.push(x.raw);
      return;
    }
    if (x.name === '#root') {
      x.children.forEach(walk);
      return;
    }
    const attrs = x.attrs.map(([k, v]) => ` ${k}="${v}"`).join('');
    if (x.children.length === 0) {
      out.push(`<${x.name}${attrs}/>`);
      return;
    }
    out.push(`<${x.name}${attrs}>`);
    x.children.forEach(walk);
    out.push(`</${x.name}>`);
  };
  walk(node);
  return out.join('');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[e] ?? whole;
  });
}

export const encodeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const encodeAttr = (s: string): string => encodeText(s).replace(/"/g, '&quot;');

// ——— Small helpers over the tree ———

export const attr = (el: XElement, name: string): string | null => {
  for (const [k, v] of el.attrs) if (k === name) return decodeText(v);
  return null;
};

export function setAttr(el: XElement, name: string, value: string): void {
  const a = el.attrs.find(([k]) => k === name);
  if (a) a[1] = encodeAttr(value);
  else el.attrs.push([name, encodeAttr(value)]);
}

export function el(name: string, attrs: Record<string, string> = {}, children: XNode[] = []): XElement {
  const e: XElement = {
    type: 'el',
    name,
    attrs: Object.entries(attrs).map(([k, v]) => [k, encodeAttr(v)]),
    children: [],
    parent: null,
  };
  for (const c of children) append(e, c);
  return e;
}

export function append(parent: XElement, child: XNode): void {
  child.parent = parent;
  parent.children.push(child);
}

export function child(e: XElement, name: string): XElement | undefined {
  for (const c of e.children) if (c.type === 'el' && c.name === name) return c;
  return undefined;
}

export const children = (e: XElement, name?: string): XElement[] =>
  e.children.filter((c): c is XElement => c.type === 'el' && (name === undefined || c.name === name));

/** Every descendant element that passes, in document order (iterative: deep trees are fine). */
export function elementsWhere(e: XElement, pass: (x: XElement) => boolean): XElement[] {
  const out: XElement[] = [];
  const stack: XNode[] = [...e.children].reverse();
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type !== 'el') continue;
    if (pass(x)) out.push(x);
    for (let k = x.children.length - 1; k >= 0; k--) stack.push(x.children[k]!);
  }
  return out;
}

export const descendants = (e: XElement, name: string): XElement[] => elementsWhere(e, (x) => x.name === name);

export function ancestor(e: XNode, name: string): XElement | null {
  let p = e.parent;
  while (p && p.name !== name) p = p.parent;
  return p;
}

export function remove(node: XNode): void {
  const p = node.parent;
  if (!p) return;
  const k = p.children.indexOf(node);
  if (k >= 0) p.children.splice(k, 1);
  node.parent = null;
}

/** Replaces an element by its children (unwrapping w:ins, for example). */
export function unwrap(e: XElement): void {
  const p = e.parent;
  if (!p) return;
  const k = p.children.indexOf(e);
  for (const c of e.children) c.parent = p;
  p.children.splice(k, 1, ...e.children);
  e.parent = null;
}

export function insertAfter(ref: XNode, node: XNode): void {
  const p = ref.parent!;
  node.parent = p;
  p.children.splice(p.children.indexOf(ref) + 1, 0, node);
}

export function clone<T extends XNode>(node: T, parent: XElement | null = null): T {
  if (node.type !== 'el') return { ...node, parent } as T;
  const e: XElement = { type: 'el', name: node.name, attrs: node.attrs.map(([k, v]) => [k, v]), children: [], parent };
  e.children = node.children.map((c) => clone(c, e));
  return e as T;
}

/** The text of a w:t (decoded), or '' for other nodes. */
export function textOf(e: XElement): string {
  let s = '';
  for (const c of e.children) if (c.type === 'text') s += decodeText(c.raw);
  return s;
}

export function setText(t: XElement, s: string): void {
  t.children = s ? [{ type: 'text', raw: encodeText(s), parent: t }] : [];
  if (/^\s|\s$/.test(s)) setAttr(t, 'xml:space', 'preserve');
}
