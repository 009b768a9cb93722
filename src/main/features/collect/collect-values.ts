// A returned workbook's cells read as report values: the template's signature, each cell's content
// parsed as the report service parses typed input (problems name file, sheet and cell), and the
// empty review item a file starts as.
import crypto from 'node:crypto';
import { type ErrorLocation } from '../../../shared/errors';
import { cleanText } from '../../../shared/text';
import { SECTION_KEY_PREFIX } from '../../../shared/model/report';
import type { Template, TemplateIndicator } from '../../../shared/model/template';
import type { ReviewItem, ReviewMessage } from '../../../shared/model/collect';
import { type CollectLayout, type LayoutCell } from './collect-book';
import { type CellContent, type ReadBook } from './collect-reader';
import { parseIndicatorInput, valueText } from '../../../shared/domain/report-values';

export interface ParsedValue {
  key: string;
  type: LayoutCell['type'];
  /** Canonical stored text, or null for an empty cell. */
  value: string | null;
}

export const sha256 = (data: Uint8Array): string => crypto.createHash('sha256').update(data).digest('hex');

/** The list of values a template expects from a workbook: narrative sections and typed indicators. */
export function signature(template: Template): string {
  const parts = [
    ...template.sections.filter((s) => s.hasText).map((s) => `${SECTION_KEY_PREFIX}${s.number}:section`),
    ...template.indicators.map((i) => `${i.code}:${i.type}:${i.rule === 'RATE' ? 'computed' : 'input'}`),
  ];
  return parts.sort().join('|');
}

export function layoutSignature(layout: CollectLayout): string {
  return layout.cells
    .map((c) => (c.kind === 'section' ? `${c.key}:section` : `${c.key}:${c.type}:${c.computed ? 'computed' : 'input'}`))
    .sort()
    .join('|');
}

/** As the form shows it, long texts cut for the review list. */
export function displayValue(ind: TemplateIndicator | null, value: string | null): string {
  const shown = valueText(ind, value);
  return shown.length > 300 ? `${shown.slice(0, 300)}…` : shown;
}

/** Excel keeps 15 significant digits: 0.1 + 0.2 comes back as 0.30000000000000004, read as 0.3. */
const excelNumber = (n: number): number => Number(n.toPrecision(15));

/** One cell's content as the input the report service parses. */
function cellInput(
  cell: LayoutCell,
  ind: TemplateIndicator | null,
  content: CellContent,
): string | number | boolean | null | { error: string } {
  switch (content.kind) {
    case 'empty':
      return null;
    case 'number': {
      const n = excelNumber(content.value);
      if (!ind || ind.type === 'text') return String(n).replace('.', ',');
      if (ind.type === 'yesno') return n === 1 ? true : n === 0 ? false : String(n);
      return n;
    }
    case 'text':
      return content.value;
    case 'bool':
      return ind && ind.type !== 'yesno' && ind.type !== 'text'
        ? { error: `ô chứa giá trị ${content.value ? 'TRUE' : 'FALSE'}, không phải số` }
        : ind?.type === 'text' || !ind
          ? content.value
            ? 'TRUE'
            : 'FALSE'
          : content.value;
    case 'date':
      return cell.kind === 'section' || ind?.type === 'text'
        ? content.value
        : {
            error: `ô chứa ngày tháng (${content.value}), không phải ${ind?.type === 'yesno' ? '“Có”/“Không”' : 'số'}`,
          };
    case 'error':
      return { error: `ô có lỗi công thức ${content.value}` };
  }
}

function canonicalOf(parsed: { int: number } | { dec: string } | { text: string }): string {
  return 'int' in parsed ? String(parsed.int) : 'dec' in parsed ? parsed.dec : parsed.text;
}

/** Parses every input cell against the target template; problems name file, sheet and cell. */
export function parseValues(
  book: ReadBook,
  template: Template,
  fileName: string,
): { values: ParsedValue[]; problems: ReviewMessage[] } {
  const indicators = new Map(template.indicators.map((i) => [i.code, i]));
  const values: ParsedValue[] = [];
  const problems: ReviewMessage[] = [];
  for (const rc of book.cells) {
    const where: ErrorLocation = { file: fileName, sheet: book.sheet, cell: rc.address };
    const prefix = `Tệp “${fileName}”, trang “${book.sheet}”, ô ${rc.address}`;
    const ind = rc.cell.kind === 'indicator' ? (indicators.get(rc.cell.key) ?? null) : null;
    const input = cellInput(rc.cell, ind, rc.content);
    if (input !== null && typeof input === 'object') {
      problems.push({ message: `${prefix} (${rc.cell.label}): ${input.error}.`, where });
      continue;
    }
    if (rc.cell.kind === 'section') {
      const text = input === null ? '' : cleanText(String(input));
      values.push({ key: rc.cell.key, type: 'section', value: text || null });
      continue;
    }
    if (!ind) continue; // guarded by the signature check
    const parsed = parseIndicatorInput(ind, input);
    if (typeof parsed === 'string') {
      problems.push({ message: `${prefix}: ${parsed}`, where });
      continue;
    }
    values.push({ key: ind.code, type: ind.type, value: parsed === null ? null : canonicalOf(parsed) });
  }
  return { values, problems };
}

export function emptyItem(index: number, fileName: string, data: Uint8Array, hash: string): ReviewItem {
  return {
    index,
    fileName,
    sha256: hash,
    size: data.length,
    unit: null,
    sourcePeriod: null,
    status: 'problem',
    changedCount: 0,
    changes: [],
    problems: [],
    notes: [],
    warnings: [],
    breaches: [],
    reportStatus: null,
    mappable: false,
    conflictGroup: null,
    duplicateOf: null,
    previouslyImported: null,
    acceptable: false,
    suggested: false,
    willSubmit: false,
  };
}
