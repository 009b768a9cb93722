// What a PDF of the writer draws, read back value for value: its objects, and for each page the
// marks its content makes (each text shown with its font, size, text matrix and transformation,
// each rule with its ends, width and colour, each image), interpreted from the operators the
// writer and PDFKit use. Two files that give the same objects and the same marks print the same.
import zlib from 'node:zlib';

export interface PdfObject {
  /** The dictionary (or value) as written. */
  head: string;
  /** The stream's bytes as written (deflated or not), if it has one. */
  stream?: Buffer;
}

/** Every object of a PDF written as PDFKit writes (no object streams), by number. */
export function pdfObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const buf = Buffer.from(pdf);
  const s = buf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const start = /(?:^|\n)(\d+) 0 obj\n/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(s))) {
    const from = m.index + m[0].length;
    const streamAt = s.indexOf('\nstream\n', from);
    const endAt = s.indexOf('\nendobj', from);
    if (streamAt >= 0 && streamAt < endAt) {
      const head = s.slice(from, streamAt);
      const length = Number(/\/Length (\d+)/.exec(head)?.[1]);
      const data = buf.subarray(streamAt + 8, streamAt + 8 + length);
      if (s.slice(streamAt + 8 + length, streamAt + 8 + length + 10) !== '\nendstream')
        throw new Error(`object ${m[1]}: stream not where its /Length says`);
      out.set(Number(m[1]), { head, stream: Buffer.from(data) });
      start.lastIndex = streamAt + 8 + length;
    } else {
      out.set(Number(m[1]), { head: s.slice(from, endAt) });
      start.lastIndex = endAt;
    }
  }
  return out;
}

/** The numbers of the objects that are pages' contents, in page order. */
export function contentObjects(objects: Map<number, PdfObject>): number[] {
  const out: number[] = [];
  for (const o of objects.values()) {
    const c = /\/Type \/Page\n[\s\S]*?\/Contents (\d+) 0 R/.exec(o.head);
    if (c) out.push(Number(c[1]));
  }
  return out;
}

export interface Marks {
  texts: string[];
  rules: string[];
  images: string[];
}

type Matrix = [number, number, number, number, number, number];
const times = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];

interface State {
  ctm: Matrix;
  width: number;
  colour: string;
  font: string;
  size: number;
}

/**
 * The marks a page's content makes, each kind in its drawing order. Any operator outside the
 * set the writer uses fails, so a new one cannot pass unread.
 */
export function pageMarks(content: string): Marks {
  const marks: Marks = { texts: [], rules: [], images: [] };
  const tokens = content.match(/\[|\]|<[0-9a-fA-F]*>|\/[^\s/[\]<>()]+|[^\s[\]<>/]+/g) ?? [];
  let st: State = { ctm: [1, 0, 0, 1, 0, 0], width: 1, colour: '', font: '', size: 0 };
  const saved: State[] = [];
  let tm: Matrix | null = null;
  let path: number[] = [];
  let args: (string | string[])[] = [];
  let array: string[] | null = null;
  const nums = (k: number): number[] => args.slice(-k).map(Number);
  for (const t of tokens) {
    if (t === '[') array = [];
    else if (t === ']') {
      args.push(array!);
      array = null;
    } else if (array) array.push(t);
    else if (/^[-+.\d]/.test(t) || t.startsWith('/') || t.startsWith('<')) args.push(t);
    else {
      switch (t) {
        case 'q':
          saved.push({ ...st });
          break;
        case 'Q':
          st = saved.pop()!;
          break;
        case 'cm':
          st.ctm = times(nums(6) as Matrix, st.ctm);
          break;
        case 'BT':
          tm = [1, 0, 0, 1, 0, 0];
          break;
        case 'ET':
          tm = null;
          break;
        case 'Tm':
          tm = nums(6) as Matrix;
          break;
        case 'Tf':
          st.font = args[args.length - 2] as string;
          st.size = Number(args[args.length - 1]);
          break;
        case 'Tj':
        case 'TJ': {
          // Tj shows one string; TJ a list, a number after the last string moving nothing drawn.
          const shown = t === 'Tj' ? [args[args.length - 1] as string] : [...(args[args.length - 1] as string[])];
          while (shown.length && !shown[shown.length - 1]!.startsWith('<')) shown.pop();
          if (!tm) throw new Error('text shown outside BT … ET');
          marks.texts.push(`${st.font} ${st.size} tm=${tm.join(' ')} ctm=${st.ctm.join(' ')} ${shown.join(' ')}`);
          break;
        }
        case 'm':
        case 'l':
          path.push(...nums(2));
          break;
        case 'S':
          marks.rules.push(`${path.join(' ')} w=${st.width} ${st.colour} ctm=${st.ctm.join(' ')}`);
          path = [];
          break;
        case 'w':
          st.width = Number(args[args.length - 1]);
          break;
        case 'CS':
        case 'SCN':
          st.colour += `${args.join(' ')} ${t};`;
          break;
        case 'Do':
          marks.images.push(`${args[args.length - 1] as string} ctm=${st.ctm.join(' ')}`);
          break;
        default:
          throw new Error(`operator not read: ${t}`);
      }
      args = [];
    }
  }
  return marks;
}

/** A content object's operators, inflated. */
export function contentOf(o: PdfObject): string {
  return zlib.inflateSync(o.stream!).toString('latin1');
}
