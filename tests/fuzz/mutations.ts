// Malformed inputs for the fuzzing suite, from a seeded generator so every run is the same.
import JSZip from 'jszip';
import ExcelJS from 'exceljs';

export type Random = () => number;

export function seeded(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Strings people should never be able to hurt us with. */
export const ODD_TEXTS = [
  'Ủy ban'.normalize('NFD'),
  '\u200B\u200C\u200D\uFEFF',
  '\u202Eđảo chiều\u202C',
  '\u0645\u0631\u062D\u0628\u0627 RTL',
  'lone \uD800 surrogate',
  '=HYPERLINK("http://example.invalid","bấm")',
  '+cmd|"/c calc"!A1',
  '-2+3',
  '@SUM(A1:A2)',
  '\tTAB',
  '\rCR',
  '\u0000NUL\u0001',
  'x'.repeat(70_000),
  '😀🇻🇳👍🏽',
  '../../../etc/passwd',
  'C:\\Windows\\system32',
  '<script>alert(1)</script>',
  "'; DROP TABLE units; --",
];

/**
 * Byte-level damage to a valid zip-based file. Every kind is malformed by construction: the
 * end record or the compressed data is always hit (CRCs catch any change to compressed data).
 */
export function mutateBytes(r: Random, valid: Uint8Array): { label: string; bytes: Uint8Array } {
  const b = new Uint8Array(valid);
  const middle = () => Math.floor(b.length * 0.1 + r() * b.length * 0.7);
  const kind = Math.floor(r() * 6);
  switch (kind) {
    case 0: {
      const n = Math.floor(r() * (b.length - 1));
      return { label: `cắt còn ${n} byte`, bytes: b.slice(0, n) };
    }
    case 1: {
      const flips = 8 + Math.floor(r() * 24);
      for (let i = 0; i < flips; i++) {
        const at = middle();
        b[at] = (b[at] ?? 0) ^ (1 + Math.floor(r() * 255));
      }
      return { label: `${flips} byte bị đổi`, bytes: b };
    }
    case 2: {
      const start = middle();
      b.fill(0, start, Math.min(b.length - 22, start + 256 + Math.floor(r() * 4096)));
      return { label: 'một đoạn bị xóa trắng', bytes: b };
    }
    case 3: {
      // a slice without the start: the offsets of the central directory point nowhere
      const start = 4 + Math.floor(r() * (b.length / 2));
      return { label: 'mất phần đầu tệp', bytes: b.slice(start) };
    }
    case 4: {
      const junk = new Uint8Array(1 + Math.floor(r() * 5000)).map(() => Math.floor(r() * 256));
      if (r() < 0.5) junk.set([0x50, 0x4b, 0x03, 0x04]);
      return { label: 'rác ngẫu nhiên', bytes: junk };
    }
    default: {
      // the end record's pointer to the central directory sent elsewhere
      const view = new DataView(b.buffer);
      for (let i = b.length - 22; i >= 0; i--) {
        if (view.getUint32(i, true) === 0x06054b50) {
          view.setUint32(i + 16, view.getUint32(i + 16, true) + 7 + Math.floor(r() * 500), true);
          break;
        }
      }
      return { label: 'thư mục trung tâm trỏ sai chỗ', bytes: b };
    }
  }
}

/** Structure-level damage to the parts a reader needs: the zip is valid, its content is not. */
export async function mutateZip(
  r: Random,
  valid: Uint8Array,
  essential: string[],
): Promise<{ label: string; bytes: Uint8Array }> {
  const zip = await JSZip.loadAsync(valid);
  const target = pick(
    r,
    essential.filter((n) => zip.file(n)),
  );
  const kind = Math.floor(r() * 5);
  let label: string;
  switch (kind) {
    case 0:
      zip.remove(target);
      label = `thiếu phần ${target}`;
      break;
    case 1:
      zip.file(target, '<?xml version="1.0"?><broken');
      label = `XML hỏng trong ${target}`;
      break;
    case 2:
      zip.file(`../../${pick(r, ['evil.txt', 'x.db', 'a/b.sh'])}`, 'x');
      label = 'tên phần đi ra ngoài thư mục';
      break;
    case 3:
      zip.file(
        target,
        new Uint8Array(1 + Math.floor(r() * 512)).map(() => Math.floor(r() * 256)),
      );
      label = `nội dung nhị phân trong ${target}`;
      break;
    default:
      zip.file(target, '');
      label = `${target} rỗng`;
  }
  return { label, bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) };
}

/** A small zip whose one entry inflates to ~300 MB of zeros. Built once; costly. */
let bomb: Uint8Array | null = null;
export async function zipBomb(): Promise<Uint8Array> {
  if (bomb) return bomb;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/worksheets/sheet1.xml', new Uint8Array(300 * 1024 * 1024));
  bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return bomb;
}

/** The same bomb with sizes that lie: the central directory claims a tiny entry. */
export function lyingBomb(honest: Uint8Array): Uint8Array {
  const b = new Uint8Array(honest);
  const view = new DataView(b.buffer);
  for (let i = 0; i + 46 < b.length; i++) {
    // central directory file header, and local file header: uncompressed size fields
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1000, true);
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 1000, true);
  }
  return b;
}

/** A workbook of `rows` rows, written by streaming (for the huge-sheet case). */
export async function hugeWorkbook(rows: number, header: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (let i = 0; i < rows; i++) ws.addRow(header.map((_, j) => (j === 0 ? `R${i}` : `Giá trị ${i}`)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Random JSON-ish values for schema fuzzing. */
export function randomValue(r: Random, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (k) {
    case 0:
      return null;
    case 1:
      return r() < 0.5;
    case 2:
      return pick(r, [0, -1, 1e308, -0, 3.5, Number.MAX_SAFE_INTEGER + 2, 99]);
    case 3:
      return pick(r, ODD_TEXTS).slice(0, 200);
    case 4:
      return '';
    case 5:
      return 'văn bản';
    case 6:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(r() * 5) }, (_, i) => [
          pick(r, ['type', 'header', 'body', 'signature', 'x', `k${i}`, '__proto__', 'constructor']),
          randomValue(r, depth + 1),
        ]),
      );
  }
}

/** A valid object with one field removed, retyped or replaced by odd text. */
export function mutateObject(r: Random, valid: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(valid)) as unknown;
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    if (p.length > 0) paths.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(copy, []);
  if (paths.length === 0) return randomValue(r);
  const path = pick(r, paths);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const op = Math.floor(r() * 3);
  if (op === 0 && !Array.isArray(parent)) delete parent[last];
  else if (op === 1) parent[last] = randomValue(r);
  else parent[last] = pick(r, ODD_TEXTS);
  return copy;
}
