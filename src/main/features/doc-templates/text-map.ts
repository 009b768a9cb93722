// The text of a Word part as the template author sees it: paragraphs in order, each with its
// place (body, table cell, text box), its visible text and the w:t pieces that carry it, and
// what else sits inside the text (tracked changes, fields, tabs). The linter, the tag joiner and
// the row rewriter all read this map; only the joiner and the rewriter change the w:t pieces.
import { AppError } from '../../../shared/errors';
import { attr, textOf, type XElement } from './xml';

export interface Piece {
  /** The w:t (or w:delText / w:instrText) element. */
  t: XElement;
  text: string;
  /** Offset of this piece in the paragraph's text. */
  start: number;
  run: XElement | null;
  /** Deleted text (w:delText) has no length in the paragraph's text: it sits at `start`. */
  kind: 'text' | 'deleted';
  /** Inside a tracked insertion (w:ins, w:moveTo). */
  inserted: boolean;
  /** The instruction of the innermost field whose result holds this piece ("PAGE", "MERGEFIELD Ten"). */
  field: string | null;
  /** Inside a hyperlink, a content control or a smart tag: a container the joiner may not cross. */
  container: XElement | null;
}

export interface Place {
  /** "Thân văn bản", "Đầu trang 1", "Chân trang 2", "Chú thích cuối trang". */
  partLabel: string;
  partName: string;
  /** 1-based, counting the paragraphs outside tables and text boxes (for a table cell: the last one before it). */
  paragraph: number;
  /** 1-based table number in the part, row and cell, for paragraphs in a table (innermost table). */
  table?: number;
  row?: number;
  cell?: number;
  textBox?: boolean;
}

export interface Para {
  p: XElement;
  place: Place;
  /** The text as it reads once tracked changes are accepted: w:t pieces only. */
  text: string;
  pieces: Piece[];
  /** Offsets where a tab, break, symbol, drawing or field character interrupts the text. */
  breaks: number[];
  /** The cell (w:tc), row (w:tr) and table (w:tbl) around the paragraph, innermost. */
  tc: XElement | null;
  tr: XElement | null;
  tbl: XElement | null;
}

interface FieldState {
  instr: string;
  phase: 'instr' | 'result';
}

const CONTAINERS = new Set(['w:hyperlink', 'w:sdt', 'w:smartTag', 'w:customXml', 'w:fldSimple']);
const BREAKS = new Set([
  'w:tab',
  'w:br',
  'w:cr',
  'w:sym',
  'w:drawing',
  'w:pict',
  'w:object',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:ptab',
]);
const MAX_DEPTH = 256;

/** Builds the map of one part (document.xml, header1.xml, …). */
export function mapPart(root: XElement, partName: string, partLabel: string): Para[] {
  const paras: Para[] = [];
  const fields: FieldState[] = [];
  let tableCount = 0;
  let bodyCount = 0;
  const tableNo = new Map<XElement, number>();

  // Position of the current element among tables, rows and cells.
  const walk = (
    e: XElement,
    ctx: {
      para: Para | null;
      tc: XElement | null;
      tr: XElement | null;
      tbl: XElement | null;
      row: number;
      cell: number;
      inserted: boolean;
      container: XElement | null;
      textBox: boolean;
    },
    depth: number,
  ): void => {
    if (depth > MAX_DEPTH)
      throw new AppError('BAD_DOCX', `Tệp Word có cấu trúc lồng nhau quá sâu ở phần “${partName}”: không đọc.`);
    let rowNo = 0;
    let cellNo = 0;
    for (const c of e.children) {
      if (c.type !== 'el') continue;
      switch (c.name) {
        case 'w:tbl': {
          tableNo.set(c, ++tableCount);
          walk(c, { ...ctx, tbl: c, para: null }, depth + 1);
          break;
        }
        case 'w:tr':
          rowNo++;
          walk(c, { ...ctx, tr: c, row: rowNo }, depth + 1);
          break;
        case 'w:tc':
          cellNo++;
          walk(c, { ...ctx, tc: c, cell: cellNo }, depth + 1);
          break;
        case 'w:txbxContent':
          walk(c, { ...ctx, para: null, tc: null, tr: null, tbl: null, textBox: true }, depth + 1);
          break;
        case 'w:p': {
          // Paragraphs are counted outside tables and text boxes, as a reader counts them;
          // a paragraph in a table is named by its table, row and cell.
          const counted = !ctx.tbl && !ctx.textBox ? ++bodyCount : bodyCount;
          const place: Place = { partName, partLabel, paragraph: counted };
          if (ctx.tbl) Object.assign(place, { table: tableNo.get(ctx.tbl), row: ctx.row, cell: ctx.cell });
          if (ctx.textBox) place.textBox = true;
          const para: Para = { p: c, place, text: '', pieces: [], breaks: [], tc: ctx.tc, tr: ctx.tr, tbl: ctx.tbl };
          paras.push(para);
          walk(c, { ...ctx, para, container: null }, depth + 1);
          break;
        }
        case 'w:t':
        case 'w:delText':
        case 'w:instrText': {
          const para = ctx.para;
          if (!para) break;
          const text = textOf(c);
          const top = fields.at(-1);
          if (c.name === 'w:instrText') {
            if (top && top.phase === 'instr') top.instr += text;
            break;
          }
          const run = c.parent?.name === 'w:r' ? c.parent : null;
          para.pieces.push({
            t: c,
            text,
            start: para.text.length,
            run,
            kind: c.name === 'w:t' ? 'text' : 'deleted',
            inserted: ctx.inserted,
            field:
              fields
                .filter((f) => f.phase === 'result')
                .at(-1)
                ?.instr.trim() ?? null,
            container: ctx.container,
          });
          if (c.name === 'w:t') para.text += text;
          break;
        }
        case 'w:fldChar': {
          const type = attr(c, 'w:fldCharType');
          if (type === 'begin') fields.push({ instr: '', phase: 'instr' });
          else if (type === 'separate' && fields.length) fields.at(-1)!.phase = 'result';
          else if (type === 'end') fields.pop();
          if (ctx.para) ctx.para.breaks.push(ctx.para.text.length);
          break;
        }
        case 'w:ins':
        case 'w:moveTo':
          walk(c, { ...ctx, inserted: true }, depth + 1);
          break;
        default:
          if (BREAKS.has(c.name) && ctx.para) ctx.para.breaks.push(ctx.para.text.length);
          if (c.name === 'w:fldSimple') {
            fields.push({ instr: attr(c, 'w:instr') ?? '', phase: 'result' });
            walk(c, { ...ctx, container: c }, depth + 1);
            fields.pop();
          } else if (CONTAINERS.has(c.name)) walk(c, { ...ctx, container: c }, depth + 1);
          else walk(c, ctx, depth + 1);
      }
    }
  };
  walk(
    root,
    { para: null, tc: null, tr: null, tbl: null, row: 0, cell: 0, inserted: false, container: null, textBox: false },
    0,
  );
  return paras;
}

/** "đoạn 12" or "bảng 1, hàng 2, ô 3", with the part when it is not the body. */
export function describePlace(place: Place): string {
  const where =
    place.table !== undefined ? `bảng ${place.table}, hàng ${place.row}, ô ${place.cell}` : `đoạn ${place.paragraph}`;
  const box = place.textBox ? ' (trong hộp văn bản)' : '';
  return place.partLabel === 'Thân văn bản' ? `${where}${box}` : `${place.partLabel}, ${where}${box}`;
}

/** The paragraph's visible text, shortened for a message. */
export function excerpt(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
