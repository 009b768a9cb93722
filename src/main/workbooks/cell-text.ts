// Text into cells the safe way, shared by every workbook the app writes: never a formula,
// file-name slugs every system accepts, and the seal of a workbook's layout.
import crypto from 'node:crypto';
import type ExcelJS from 'exceljs';
import { foldDiacritics } from '../../shared/text';

/** The plain SHA-256 that books made before the keyed seal carry: anyone can compute it. */
export const layoutChecksum = (layoutJson: string): string =>
  crypto.createHash('sha256').update(layoutJson, 'utf8').digest('hex');

const KEYED = 'hmac-sha256:';

/**
 * The keyed seal of a layout: an HMAC under the database's own secret, so that only this data
 * can make a book whose unit, period and layout it will believe.
 */
export const layoutSeal = (secret: string, layoutJson: string): string =>
  KEYED + crypto.createHmac('sha256', secret).update(layoutJson, 'utf8').digest('hex');

/**
 * "keyed": sealed by this data; "unkeyed": only the public checksum matches; "foreign": a keyed
 * seal this data did not make (edited, or sealed by another data set); "broken": neither.
 */
export function checkLayoutSeal(
  secret: string,
  layoutJson: string,
  stored: string,
): 'keyed' | 'unkeyed' | 'foreign' | 'broken' {
  const same = (a: string, b: string) => {
    const x = Buffer.from(a, 'utf8');
    const y = Buffer.from(b, 'utf8');
    return x.length === y.length && crypto.timingSafeEqual(x, y);
  };
  if (stored.startsWith(KEYED)) return same(stored, layoutSeal(secret, layoutJson)) ? 'keyed' : 'foreign';
  return same(stored, layoutChecksum(layoutJson)) ? 'unkeyed' : 'broken';
}

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
    .replace(/^-/, '')
    .replace(/-$/, '')
    .slice(0, max)
    .replace(/-$/, '');
  return s || 'x';
}
