// A hand-written XML scanner for the parts of the packages the app reads (.xlsx today). It runs
// in linear time on any input: every delimiter is found with one forward indexOf from the current
// position, there is no regular expression over the input and no recursion (open elements sit on
// an explicit stack). It keeps to what Excel itself accepts: comments and processing instructions
// are skipped, CDATA is text, a DTD (the door to entity bombs and external entities) is refused,
// and anything not well-formed (unclosed or crossed tags, unknown entities, characters XML does
// not allow) is an error, never a guess.

/** A well-formedness error; `offset` is where in the text it was found. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Attributes by their name as written ("r", "r:id", "xml:space"). */
export type Attrs = Record<string, string>;

export interface XmlHandler {
  /** `name` is the local name: a namespace prefix ("x:row") is dropped, as Excel ignores it. */
  open?(name: string, attrs: Attrs, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** An attribute by local name, whatever its prefix ("id" finds "r:id"); unprefixed names win. */
export function attr(attrs: Attrs, local: string): string | undefined {
  const own = attrs[local];
  if (own !== undefined) return own;
  for (const k in attrs) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

const MAX_DEPTH = 256;
/** No element of an Office part has more than a few dozen attributes. */
const MAX_ATTRIBUTES = 256;

/** True for the characters XML 1.0 allows (its "Char" production). */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** The value of a digit's code in base 10 or 16, or -1. */
const digitValue = (c: number, hex: boolean): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;

/** The five entities XML predefines, by the reference's name between "&" and ";" (null for any other). */
function predefined(s: string, from: number, to: number): string | null {
  const len = to - from;
  const c = s.charCodeAt(from);
  if (len === 2 && s.charCodeAt(from + 1) === 0x74 /* t */) return c === 0x6c ? '<' : c === 0x67 ? '>' : null;
  if (len === 3) return c === 0x61 && s.startsWith('mp', from + 1) ? '&' : null;
  if (len === 4)
    return c === 0x71 && s.startsWith('uot', from + 1) ? '"' : c === 0x61 && s.startsWith('pos', from + 1) ? "'" : null;
  return null;
}

/**
 * The code point of a character reference ("#123", "#x1F600" between "&" and ";"), or NaN, read
 * code by code (a text of a million references made a million small strings). Exactly what the
 * earlier reading gave: every code must pass its digit test, which lower-cases by setting bit 0x20
 * (so codes 0x10–0x19 pass as digits), and the value is parseInt's, which stops at the first code
 * that is not a digit of the base.
 */
function referencedCodePoint(s: string, from: number, to: number): number {
  const hex = s.charCodeAt(from + 1) === 0x78; /* x */
  const start = from + (hex ? 2 : 1);
  if (start >= to) return NaN;
  let cp = 0;
  let digits = 0;
  let stopped = false;
  for (let i = start; i < to; i++) {
    const c = s.charCodeAt(i);
    const lower = c | 0x20;
    if (!((lower >= 0x30 && lower <= 0x39) || (hex && lower >= 0x61 && lower <= 0x66))) return NaN;
    const d = stopped ? -1 : digitValue(c, hex);
    if (d < 0) stopped = true;
    else {
      cp = cp * (hex ? 16 : 10) + d;
      digits++;
    }
  }
  return digits > 0 ? cp : NaN;
}

/** Pieces of decoded text gathered before they are joined into one block. */
const DECODE_BLOCK = 2048;

/** Replaces entity and character references; refuses unknown ones and code points XML forbids. */
export function decodeEntities(s: string, offset = 0): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  // Pieces joined a block at a time: one array (or one string built by +) of a million pieces
  // outlives the young generation, and collecting it made a 4 MB text of references cost 6-10×
  // what 1 MB cost.
  const blocks: string[] = [];
  const pieces: string[] = [];
  let from = 0;
  while (amp >= 0) {
    if (pieces.length >= DECODE_BLOCK) {
      blocks.push(pieces.join(''));
      pieces.length = 0;
    }
    pieces.push(s.slice(from, amp));
    const semi = s.indexOf(';', amp + 1);
    // the longest reference is "&#x10FFFF;" (or a long run of leading zeros, refused here)
    if (semi < 0 || semi - amp > 12)
      throw new XmlError(`dấu “&” không mở đầu một tham chiếu ký tự hợp lệ`, offset + amp);
    if (s.charCodeAt(amp + 1) === 0x23 /* # */) {
      const cp = referencedCodePoint(s, amp + 1, semi);
      if (!isXmlChar(cp))
        throw new XmlError(
          `tham chiếu “&${s.slice(amp + 1, semi).slice(0, 10)};” không phải một ký tự hợp lệ`,
          offset + amp,
        );
      pieces.push(String.fromCodePoint(cp));
    } else {
      const e = predefined(s, amp + 1, semi);
      if (e === null)
        throw new XmlError(`thực thể “&${s.slice(amp + 1, semi).slice(0, 10)};” không được khai báo`, offset + amp);
      pieces.push(e);
    }
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  pieces.push(s.slice(from));
  blocks.push(pieces.join(''));
  return blocks.length === 1 ? blocks[0]! : blocks.join('');
}

const isSpace = (c: number) => c === 0x20 || c === 0x9 || c === 0xa || c === 0xd;
const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

/**
 * A tag's attributes: an object without Object.prototype (no "__proto__" or "constructor" to
 * collide with), made by a constructor so that tags of one shape share V8's fast layout
 * (Object.create(null) gives every tag a slow dictionary).
 */
const AttrBag = function AttrBag() {} as unknown as new () => Attrs;
AttrBag.prototype = Object.create(null) as object;
const newAttrs = (): Attrs => new AttrBag();

/** Where a scan stands, so that a long part can be scanned in slices with pauses between them. */
interface ScanState {
  pos: number;
  stack: string[];
  rootSeen: boolean;
}

function expect(cond: boolean, message: string, offset: number): asserts cond {
  if (!cond) throw new XmlError(message, offset);
}

/** For messages built from the input: built only when thrown (not for every tag and attribute read). */
function fail(message: string, offset: number): never {
  throw new XmlError(message, offset);
}

/** Scans from `st.pos` until past `limit` (at a markup boundary) or the end. */
function scanSlice(xml: string, st: ScanState, h: XmlHandler, limit: number): void {
  const n = xml.length;
  let pos = st.pos;
  const { stack } = st;
  while (pos < n && pos < limit) {
    const lt = xml.indexOf('<', pos);
    let textEnd = lt < 0 ? n : lt;
    // A long text is handed over in pieces, one slice at a time (never inside a reference), so that
    // a part made of one huge text still lets the event loop run between slices.
    let piece = false;
    if (textEnd > limit && stack.length > 0) {
      // a reference is at most 12 characters long: only those before the cut can be split by it
      let cut = limit;
      for (let k = limit - 1; k >= pos && k >= limit - 12; k--)
        if (xml.charCodeAt(k) === 0x26 /* & */) {
          let closed = false;
          for (let j = k + 1; j < limit; j++) if (xml.charCodeAt(j) === 0x3b /* ; */) closed = true;
          if (!closed) cut = k;
          break;
        }
      if (cut > pos) {
        textEnd = cut;
        piece = true;
      }
    }
    if (textEnd > pos) {
      const raw = xml.slice(pos, textEnd);
      if (stack.length === 0) {
        for (let i = 0; i < raw.length; i++)
          expect(isSpace(raw.charCodeAt(i)), 'có nội dung nằm ngoài phần tử gốc', pos + i);
      } else {
        expect(!raw.includes(']]>'), 'chuỗi “]]>” không được đứng trong văn bản', pos);
        if (h.text) h.text(decodeEntities(raw, pos));
        else decodeEntities(raw, pos); // checked even when nobody reads it
      }
    }
    if (piece) {
      pos = textEnd;
      break;
    }
    if (lt < 0) {
      pos = n;
      break;
    }
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        expect(end >= 0, 'chú thích <!-- không được đóng', lt);
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        expect(stack.length > 0, 'CDATA nằm ngoài phần tử gốc', lt);
        const end = xml.indexOf(']]>', lt + 9);
        expect(end >= 0, 'khối CDATA không được đóng', lt);
        h.text?.(xml.slice(lt + 9, end));
        pos = end + 3;
      } else {
        // <!DOCTYPE ...> and its entity declarations: never read (entity bombs, external files).
        throw new XmlError('có khai báo DOCTYPE/ENTITY, không được phép trong tệp Office', lt);
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      expect(end >= 0, 'chỉ thị <? không được đóng', lt);
      pos = end + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    expect(gt >= 0, 'thẻ không được đóng (thiếu “>”)', lt);
    if (next === 0x2f /* / */) {
      let end = gt;
      while (end > lt + 2 && isSpace(xml.charCodeAt(end - 1))) end--;
      const qname = xml.slice(lt + 2, end);
      const open = stack.pop();
      if (open === undefined) fail(`thẻ đóng </${qname.slice(0, 40)}> không có thẻ mở`, lt);
      if (open !== qname) fail(`thẻ <${open.slice(0, 40)}> lại được đóng bằng </${qname.slice(0, 40)}>`, lt);
      h.close?.(localName(qname));
      pos = gt + 1;
      continue;
    }
    // A start tag. Attribute values may hold ">": the tag is read character by character.
    let i = lt + 1;
    for (let c = xml.charCodeAt(i); i < n && !isSpace(c) && c !== 0x3e /* > */ && c !== 0x2f /* / */;)
      c = xml.charCodeAt(++i);
    const qname = xml.slice(lt + 1, i);
    expect(qname.length > 0 && !qname.includes('<'), 'thẻ không có tên', lt);
    const attrs = newAttrs();
    let selfClosing = false;
    let count = 0;
    for (;;) {
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) fail(`thẻ <${qname.slice(0, 40)}> không được đóng`, lt);
      const c = xml.charCodeAt(i);
      if (c === 0x3e /* > */) {
        i++;
        break;
      }
      if (c === 0x2f /* / */) {
        if (xml.charCodeAt(i + 1) !== 0x3e) fail(`thẻ <${qname.slice(0, 40)}> sai cú pháp`, i);
        selfClosing = true;
        i += 2;
        break;
      }
      const nameStart = i;
      for (let k = c; i < n && k !== 0x3d /* = */ && !isSpace(k) && k !== 0x3e && k !== 0x2f;) k = xml.charCodeAt(++i);
      const name = xml.slice(nameStart, i);
      if (name.length === 0 || name.includes('<')) fail(`thuộc tính sai cú pháp trong thẻ <${qname.slice(0, 40)}>`, i);
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 0x3d) fail(`thuộc tính “${name.slice(0, 40)}” thiếu dấu “=”`, i);
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const q = xml.charCodeAt(i);
      if (q !== 0x22 && q !== 0x27) fail(`giá trị thuộc tính “${name.slice(0, 40)}” thiếu dấu nháy`, i);
      const close = xml.indexOf(q === 0x22 ? '"' : "'", i + 1);
      if (close < 0) fail(`giá trị thuộc tính “${name.slice(0, 40)}” không được đóng`, i);
      const raw = xml.slice(i + 1, close);
      if (raw.includes('<')) fail(`giá trị thuộc tính “${name.slice(0, 40)}” chứa dấu “<”`, i);
      if (name in attrs) fail(`thuộc tính “${name.slice(0, 40)}” lặp lại`, nameStart);
      if (++count > MAX_ATTRIBUTES) fail(`thẻ <${qname.slice(0, 40)}> có quá nhiều thuộc tính`, nameStart);
      attrs[name] = decodeEntities(raw, i + 1);
      i = close + 1;
    }
    if (stack.length === 0) {
      expect(!st.rootSeen, 'có nhiều hơn một phần tử gốc', lt);
      st.rootSeen = true;
    }
    const local = localName(qname);
    h.open?.(local, attrs, selfClosing);
    if (selfClosing) h.close?.(local);
    else {
      if (stack.length >= MAX_DEPTH) fail(`các thẻ lồng nhau quá sâu (hơn ${MAX_DEPTH} tầng)`, lt);
      stack.push(qname);
    }
    pos = i;
  }
  st.pos = pos;
}

function finish(xml: string, st: ScanState): void {
  if (st.stack.length > 0)
    throw new XmlError(`thẻ <${st.stack.at(-1)!.slice(0, 40)}> không được đóng trước khi hết nội dung`, xml.length);
  if (!st.rootSeen) throw new XmlError('không có phần tử nào', 0);
}

/** Scans a whole text in one go. Throws XmlError. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const st: ScanState = { pos: 0, stack: [], rootSeen: false };
  scanSlice(xml, st, handler, Infinity);
  finish(xml, st);
}

/** Characters scanned between two pauses (a few milliseconds of work), so the window stays responsive. */
export const SCAN_SLICE = 1 << 18;

/** Scans a long text, letting the event loop run between slices. Throws XmlError. */
export async function scanXmlYielding(xml: string, handler: XmlHandler, slice = SCAN_SLICE): Promise<void> {
  const st: ScanState = { pos: 0, stack: [], rootSeen: false };
  while (st.pos < xml.length) {
    scanSlice(xml, st, handler, st.pos + slice);
    if (st.pos < xml.length) await new Promise((resolve) => setImmediate(resolve));
  }
  finish(xml, st);
}
