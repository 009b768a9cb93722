// Reads a returned self-scoring workbook (self-score-book.ts writes it): checks the hidden sheet's
// round, unit, set version and checksum, then each score cell, naming sheet and cell in Vietnamese.
import { AppError } from '../../../shared/errors';
import type { CriteriaSet } from '../../../shared/model/scoring';
import { formatPoints, parsePoints, scoreItems, toCenti } from '../../../shared/domain/scoring';
import { cleanText } from '../../../shared/text';
import { openWorkbook } from '../../workbooks/xlsx-input';
import { parseAddress, rawCellText } from '../../workbooks/cell-values';
import { readBookMeta } from '../../workbooks/book-meta';
import type { ScoringBookLayout } from './self-score-book';
import { SCORING_META_SHEET, SCORING_BOOK_FORMAT, SCORING_BOOK_VERSION, MAX_NOTE } from './self-score-book';

export interface ReadScoringBook {
  layout: ScoringBookLayout;
  lines: { code: string; score: number | null; note: string }[];
  /** Where each code sits, for messages. */
  cellOf: Map<string, string>;
}

/**
 * Reads a returned self-scoring book. Every problem names the file, sheet and cell; a book with
 * any problem is refused whole. There is no review step for these books, so a book without this
 * data's seal is refused too (it can only be an old export or a remade one: export it again).
 */
export async function readScoringBook(data: Uint8Array, fileName: string, secret: string): Promise<ReadScoringBook> {
  const book = await openWorkbook(data, fileName);
  const meta = await readBookMeta(
    book,
    { sheet: SCORING_META_SHEET, format: SCORING_BOOK_FORMAT, label: 'phiếu tự chấm điểm' },
    secret,
  );
  if (meta.formatVersion !== SCORING_BOOK_VERSION)
    throw new AppError(
      'BOOK_VERSION',
      `Tệp “${fileName}” được tạo theo định dạng phiên bản ${String(meta.formatVersion).slice(0, 10)}, phiên bản ứng dụng này đọc định dạng ${SCORING_BOOK_VERSION}. Hãy xuất lại tệp.`,
      meta.where,
    );
  if (meta.seal !== 'keyed')
    throw new AppError(
      'BOOK_UNSEALED',
      `Tệp “${fileName}” không mang dấu xác thực của dữ liệu này (phiếu xuất từ phiên bản cũ, từ máy khác, hoặc thông tin ẩn đã được làm lại), nên phần mềm không xác nhận được phiếu thuộc đơn vị, đợt nào. Hãy xuất lại phiếu tự chấm cho đơn vị.`,
      meta.where,
    );
  const layout = meta.layout as ScoringBookLayout;
  if (
    !layout ||
    typeof layout.sheet !== 'string' ||
    !Array.isArray(layout.cells) ||
    !layout.cells.every(
      (c) =>
        c &&
        typeof c.code === 'string' &&
        Number.isInteger(c.maxC) &&
        [c.codeAddress, c.scoreAddress, c.noteAddress].every((a) => typeof a === 'string' && parseAddress(a)),
    )
  )
    throw new AppError('BOOK_TAMPERED', `Tệp “${fileName}”: thông tin nhận dạng ẩn không đúng định dạng.`, meta.where);
  const sheet = book.parts.sheets.find((x) => x.name === layout.sheet);
  if (!sheet)
    throw new AppError(
      'MISSING_SHEET',
      `Tệp “${fileName}” thiếu trang tính “${layout.sheet}” (đã bị xóa hoặc đổi tên).`,
      { file: fileName, sheet: layout.sheet },
    );
  const cells = await book.cells(sheet);
  const date1904 = book.parts.date1904;
  const problems: { message: string; where: { file: string; sheet: string; cell: string } }[] = [];
  const at = (cell: string) => ({ file: fileName, sheet: layout.sheet, cell });
  // The unit shown on the sheet is the unit of the hidden layout (metadata copied from another
  // unit's book shows here).
  const shown = cleanText(rawCellText(cells.get('A3'), date1904));
  const unitLine = `Đơn vị: ${cleanText(layout.unitName)} (mã ${cleanText(layout.unitCode)})`;
  if (!shown.startsWith(unitLine))
    problems.push({
      message: `Tệp “${fileName}”, trang tính “${layout.sheet}”, ô A3: ghi “${shown.slice(0, 120)}” nhưng thông tin nhận dạng ẩn của phiếu là đơn vị ${cleanText(layout.unitName)} (mã ${cleanText(layout.unitCode)}). Thông tin ẩn có thể đã được chép từ phiếu của đơn vị khác.`,
      where: at('A3'),
    });
  const lines: ReadScoringBook['lines'] = [];
  const cellOf = new Map<string, string>();
  for (const c of layout.cells) {
    cellOf.set(c.code, c.scoreAddress);
    const codeText = cleanText(rawCellText(cells.get(c.codeAddress), date1904));
    if (codeText !== c.code) {
      problems.push({
        message: `Tệp “${fileName}”, trang tính “${layout.sheet}”, ô ${c.codeAddress}: phải là mã “${c.code}” nhưng là “${codeText.slice(0, 60)}” (bố cục phiếu đã bị thay đổi).`,
        where: at(c.codeAddress),
      });
      continue;
    }
    const v = cells.get(c.scoreAddress);
    let score: number | null = null;
    const bad = (why: string) =>
      problems.push({
        message: `Tệp “${fileName}”, trang tính “${layout.sheet}”, ô ${c.scoreAddress} (${c.code}): ${why}`,
        where: at(c.scoreAddress),
      });
    if (v && !(v.kind === 'text' && v.value.trim() === '')) {
      if (v.formula !== null) {
        bad('có công thức; hãy nhập trực tiếp số điểm.');
        continue;
      }
      if (v.kind === 'error') {
        bad(`ô có giá trị lỗi ${v.value.slice(0, 20)}; hãy nhập số điểm.`);
        continue;
      }
      if (v.kind === 'number' && !v.date) {
        if (toCenti(v.value) === null) {
          bad(`điểm ${String(v.value).replace('.', ',')} có quá hai chữ số thập phân.`);
          continue;
        }
        score = v.value;
      } else {
        const p = parsePoints(cleanText(rawCellText(v, date1904)).slice(0, 100));
        if (!p.ok) {
          bad(p.message);
          continue;
        }
        score = p.value;
      }
      if (score !== null) {
        const sc = toCenti(score)!;
        if (sc < 0) {
          bad(`điểm không được âm (${formatPoints(score)}).`);
          continue;
        }
        if (sc > c.maxC) {
          bad(`điểm ${formatPoints(score)} vượt điểm tối đa ${formatPoints(c.maxC / 100)}.`);
          continue;
        }
      }
    }
    const rawNote = rawCellText(cells.get(c.noteAddress), date1904);
    // Capped before any cleaning: a ten-million-character note is refused, not normalised first.
    const note = rawNote.length > MAX_NOTE * 4 ? rawNote : cleanText(rawNote);
    if (note.length > MAX_NOTE) {
      problems.push({
        message: `Tệp “${fileName}”, trang tính “${layout.sheet}”, ô ${c.noteAddress}: ghi chú dài ${note.length.toLocaleString('vi-VN')} ký tự, quá ${MAX_NOTE.toLocaleString('vi-VN')} ký tự.`,
        where: at(c.noteAddress),
      });
      continue;
    }
    lines.push({ code: c.code, score, note });
  }
  if (problems.length > 0) {
    throw new AppError(
      'INVALID_BOOK',
      problems.length === 1
        ? problems[0]!.message
        : `${problems[0]!.message} (và ${problems.length - 1} lỗi khác). Chưa nhập điểm nào.`,
      problems[0]!.where,
      problems,
    );
  }
  return { layout, lines, cellOf };
}

/** All item codes of a set, for checking that a book matches the set it claims. */
export const setItemCodes = (set: CriteriaSet): string[] => scoreItems(set).map((i) => i.code);
