// Text into cells the safe way, shared by every workbook the app writes: never a formula,
// file-name slugs every system accepts, and the checksum of a workbook's layout.
import crypto from 'node:crypto';
import type ExcelJS from 'exceljs';
import { foldDiacritics } from '../../shared/text';

export const layoutChecksum = (layoutJson: string): string =>
  crypto.createHash('sha256').update(layoutJson, 'utf8').digest('hex');

/** True when a text would be taken for a formula by a spreadsheet (CSV/formula injection). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * Writes a text so no spreadsheet ever reads it as a formula: always a string cell, and one that
 * starts like a formula also gets the Text number format, so editing it keeps it text.
 */
export function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

/** "6 tháng đầu năm 2025" → "6-thang-dau-nam-2025": for file names every system accepts. */
export function fileSlug(text: string, max = 40): string {
  const s = foldDiacritics(text)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'x';
}
