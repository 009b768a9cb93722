// The hostile-file families of issue 21 as seeded mutations of a real part: each says what the
// reader must do with it. "refuse": the file is a problem with a Vietnamese message naming it;
// "same": Excel shows the same cells, so the reader must read exactly what it read before (a value
// in a comment, a cell written twice, CDATA, prefixes, spaces in tags, UTF-16, a comment anywhere).
import JSZip from 'jszip';
import type { Random } from './mutations';

export type Expect = 'refuse' | 'same';

export interface PartMutation {
  label: string;
  expect: Expect;
  /** The new text of the part, or null when the part has nothing this mutation can hit. */
  apply(xml: string, r: Random): string | null;
}

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Every match of `re` in `s`, as [index, text]. */
function matches(s: string, re: RegExp): [number, string][] {
  return [...s.matchAll(new RegExp(re.source, 'g'))].map((m) => [m.index, m[0]]);
}

/** Replaces one random match of `re` by `by(match)`. */
function atOne(s: string, re: RegExp, r: Random, by: (m: string) => string): string | null {
  const all = matches(s, re);
  if (all.length === 0) return null;
  const [i, m] = pick(r, all);
  return s.slice(0, i) + by(m) + s.slice(i + m.length);
}

/** A position between two tags inside the sheet data (or the root), where markup may go. */
function boundary(s: string, r: Random): number | null {
  const start = Math.max(s.indexOf('<sheetData>'), s.indexOf('<sst'), 0);
  const all = matches(s.slice(start), /></).map(([i]) => start + i + 1);
  return all.length ? pick(r, all) : null;
}

const insertAt = (s: string, at: number | null, what: string) =>
  at === null ? null : s.slice(0, at) + what + s.slice(at);

const BAD_REFERENCES = ['&#x110000;', '&#0;', '&#xD800;', '&foo;', '& ', '&#x;', '&#12345678901234;'];
const BAD_ADDRESSES = ['A0', 'XFE1', 'A1048577', '1A', 'ÁB1', 'a1', 'A-1', '', 'AAAA1', 'A 1'];
const BAD_NUMBERS = ['0x10', 'Infinity', '1e999', '1,5', '--1', 'NaN', '1.2.3', '١٢'];
const UNCLOSED = ['<row r="1">', '<c r="A1">', '<v>', '<is><t>', '<x>'];

export const PART_MUTATIONS: PartMutation[] = [
  {
    label: 'cắt cụt giữa chừng',
    expect: 'refuse',
    apply: (x, r) =>
      x.slice(0, x.indexOf('<sheetData') + 10 + Math.floor(r() * (x.length - x.indexOf('<sheetData') - 40))),
  },
  { label: 'thẻ mở không đóng', expect: 'refuse', apply: (x, r) => insertAt(x, boundary(x, r), pick(r, UNCLOSED)) },
  {
    label: 'thẻ mở lặp nghìn lần',
    expect: 'refuse',
    apply: (x, r) => insertAt(x, boundary(x, r), pick(r, UNCLOSED).repeat(1000 + Math.floor(r() * 4000))),
  },
  {
    label: 'lồng quá sâu',
    expect: 'refuse',
    apply: (x, r) => insertAt(x, boundary(x, r), '<x>'.repeat(300) + '</x>'.repeat(300)),
  },
  {
    label: 'DOCTYPE, thực thể',
    expect: 'refuse',
    apply: (x) => x.replace(/(<\?xml[^>]*\?>)?/, (d) => `${d}<!DOCTYPE w [<!ENTITY a "${'a'.repeat(50)}">]>`),
  },
  {
    label: 'tham chiếu ký tự sai',
    expect: 'refuse',
    apply: (x, r) => atOne(x, /<v>/, r, (m) => m + pick(r, BAD_REFERENCES)),
  },
  { label: 'thuộc tính lặp', expect: 'refuse', apply: (x, r) => atOne(x, /<c r="[A-Z]+\d+"/, r, (m) => `${m} r="A1"`) },
  {
    label: 'quá nhiều thuộc tính',
    expect: 'refuse',
    apply: (x, r) =>
      atOne(x, /<c r="[A-Z]+\d+"/, r, (m) => m + Array.from({ length: 300 }, (_, i) => ` a${i}="1"`).join('')),
  },
  {
    label: 'địa chỉ ô sai',
    expect: 'refuse',
    apply: (x, r) => atOne(x, /<c r="[A-Z]+\d+"/, r, () => `<c r="${pick(r, BAD_ADDRESSES)}"`),
  },
  {
    label: 'số sai dạng',
    expect: 'refuse',
    apply: (x, r) =>
      atOne(x, /<c r="[A-Z]+\d+"( s="\d+")?><v>[^<]*<\/v>/, r, (m) =>
        m.replace(/<v>[^<]*</, `<v>${pick(r, BAD_NUMBERS)}<`),
      ),
  },
  {
    label: 'kiểu ô lạ',
    expect: 'refuse',
    apply: (x, r) => atOne(x, / t="s"/, r, () => ` t="${pick(r, ['zz', 'S', 'number', 'inline'])}"`),
  },
  {
    label: 'chuỗi dùng chung không có',
    expect: 'refuse',
    apply: (x, r) => atOne(x, /t="s"><v>\d+<\/v>/, r, () => `t="s"><v>${pick(r, ['999999', '-1', '1.5', 'x'])}</v>`),
  },
  {
    label: 'dấu < đơn lẻ trong chữ',
    expect: 'refuse',
    apply: (x, r) => atOne(x, /<t(?: [^>]*)?>/, r, (m) => `${m}a < b`),
  },
  { label: 'giá trị thuộc tính có <', expect: 'refuse', apply: (x, r) => atOne(x, /<c r="/, r, () => '<c q="<" r="') },
  {
    label: 'bảng mã windows-1258',
    expect: 'refuse',
    apply: (x) => (x.startsWith('<?xml') ? x.replace(/encoding="[^"]*"/, 'encoding="windows-1258"') : null),
  },
  { label: 'chữ sau phần tử gốc', expect: 'refuse', apply: (x) => `${x}rác` },
  {
    label: 'giá trị ẩn trong chú thích',
    expect: 'same',
    apply: (x, r) =>
      atOne(
        x,
        /<\/c>/,
        r,
        (m) => `${m}<!-- <c r="D12"><v>999</v></c><c r="B9" t="inlineStr"><is><t>ẩn</t></is></c> -->`,
      ),
  },
  {
    label: 'chú thích bất kỳ',
    expect: 'same',
    apply: (x, r) => insertAt(x, boundary(x, r), '<!-- ghi chú của người sửa: <c r="A1"/> -->'),
  },
  {
    label: 'ô ghi hai lần (lần sau thắng)',
    expect: 'same',
    apply: (x, r) =>
      atOne(
        x,
        /<c r="[A-Z]+\d+"[^>]*>(?:(?!<\/c>).)*<\/c>/,
        r,
        (m) => `${m.replace(/<v>[^<]*<\/v>/, '<v>0</v>').replace(/<t>[^<]*<\/t>/, '<t>cũ</t>')}${m}`,
      ),
  },
  {
    label: 'CDATA thay cho chữ',
    expect: 'same',
    apply: (x, r) => atOne(x, /<t(?: [^>]*)?>[^<&\]]+<\/t>/, r, (m) => m.replace(/>([^<]+)</, '><![CDATA[$1]]><')),
  },
  {
    label: 'khoảng trắng trong thẻ',
    expect: 'same',
    apply: (x, r) => atOne(x, /<c r="[A-Z]+\d+"/, r, (m) => m.replace('<c r="', '<c\n\tr = "')),
  },
  {
    label: 'tiền tố không gian tên',
    expect: 'same',
    apply: (x) =>
      x
        .replace(
          /<(\/?)(?![?!])([A-Za-z][\w.-]*)([\s/>])/g,
          (_m, sl: string, n: string, e: string) => `<${sl}${n.includes(':') ? n : `z:${n}`}${e}`,
        )
        .replace(/<z:(worksheet|sst)\b/, '<z:$1 xmlns:z="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
  },
];

/** Byte-level changes of a part: bad UTF-8 is refused, UTF-16 with its mark is read the same. */
export const BYTE_MUTATIONS: { label: string; expect: Expect; apply(bytes: Uint8Array, r: Random): Uint8Array }[] = [
  {
    label: 'byte UTF-8 sai',
    expect: 'refuse',
    apply: (b, r) => {
      const out = new Uint8Array(b);
      const at = b.indexOf(0x3e, Math.floor(b.length * (0.3 + r() * 0.5))) + 1; // after some ">"
      out.set(pick(r, [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe1, 0xbb, 0x28], [0xf4, 0x90, 0x80, 0x80]]), at);
      return out;
    },
  },
  {
    label: 'UTF-16 có dấu BOM',
    expect: 'same',
    apply: (b) => {
      const text = new TextDecoder().decode(b).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const out = Buffer.from(`\uFEFF${text}`, 'utf16le');
      return new Uint8Array(out);
    },
  },
];

/** Applies a text mutation to one part of a package; null when it had nothing to hit. */
export async function mutatePart(
  data: Uint8Array,
  part: string,
  m: PartMutation,
  r: Random,
): Promise<Uint8Array | null> {
  const zip = await JSZip.loadAsync(data);
  const f = zip.file(part);
  if (!f) return null;
  const out = m.apply(new TextDecoder().decode(await f.async('uint8array')), r);
  if (out === null) return null;
  // as bytes: JSZip cuts a surrogate pair where its 16K-character pieces of a string end
  zip.file(part, new TextEncoder().encode(out));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function mutatePartBytes(
  data: Uint8Array,
  part: string,
  m: (typeof BYTE_MUTATIONS)[number],
  r: Random,
): Promise<Uint8Array | null> {
  const zip = await JSZip.loadAsync(data);
  const f = zip.file(part);
  if (!f) return null;
  zip.file(part, m.apply(await f.async('uint8array'), r));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
