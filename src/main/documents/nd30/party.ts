// The Party's format (Hướng dẫn 36-HD/VPTW, 2018; docs/PARTY-FORMAT.md) where it differs from the
// decree's: the header block (the Party's heading instead of the Quốc hiệu, the star under the
// issuing body, "Số 09-CT/TU"), the size of the type name, the authority prefixes with a slash and
// the distribution list (underlined label, entries ending with ","). Everything else is shared.
import { formatDateLine } from '../../../shared/format';
import type { DocumentModel } from '../../../shared/contract/document-model';
import { textWidthTwips } from './metrics';
import { ptToTwips, type CellContent, type Table } from './plan';
import { pad2, splitLine } from './text';
import type { Planner } from './blocks';

export const PARTY_HEADING = 'ĐẢNG CỘNG SẢN VIỆT NAM';
/** Sizes of Phụ lục 3 of the guide: heading 15 bold, agency 14, number 14, type 15–16. */
export const PARTY_SIZES = {
  heading: 15,
  agency: 14,
  number: 14,
  type: 16,
  summary: 14,
  recipientsLabel: 14,
  recipients: 12,
};

/** "Số 09-CT/TU", or "Số      -CT/TU" for the clerk to fill in. */
export function partyNumberLine(number: number | null, symbol: string): string {
  return number === null ? `Số${'\u00A0'.repeat(6)}-${symbol}` : `Số ${pad2(number)}-${symbol}`;
}

/** The state's prefixes written the Party's way: TM. → T/M, KT. → K/T, TL. → T/L, TUQ. → T/UQ. */
export function partyPrefix(prefix: string): string {
  return ({ 'TM.': 'T/M', 'KT.': 'K/T', 'TL.': 'T/L', 'TUQ.': 'T/UQ' } as Record<string, string>)[prefix] ?? prefix;
}

/** Header block: issuing body with its star and the number on the left, the Party's heading and the date on the right. */
export function partyHeaderTable(p: Planner, model: DocumentModel, textWidth: number): Table {
  const h = model.header;
  const cellPad = 60;
  const dateLine = `${h.place}, ${formatDateLine(h.date)}`;
  // wide enough for the heading and for the place-date line on one line, never more than 62%
  const rightWidth = Math.min(
    Math.round(textWidth * 0.62),
    Math.max(
      Math.round(textWidth * 0.5),
      textWidthTwips(PARTY_HEADING, PARTY_SIZES.heading, true) + 2 * cellPad + 200,
      textWidthTwips(dateLine, PARTY_SIZES.agency, false) + 2 * cellPad + 300,
    ),
  );
  const leftWidth = textWidth - rightWidth;
  const leftInner = leftWidth - 2 * cellPad;
  const rightInner = rightWidth - 2 * cellPad;
  const size = PARTY_SIZES.agency;
  const leftTop: CellContent[] = [
    ...(h.parentAgency ? splitLine(h.parentAgency, leftInner, size, false).map((l) => p.centred(l, { size })) : []),
    ...splitLine(h.agency, leftInner, size, true).map((l) => p.centred(l, { size, bold: true })),
    p.centred('*', { size }),
  ];
  const rightTop: CellContent[] = [
    p.centred(PARTY_HEADING, { size: PARTY_SIZES.heading, bold: true }),
    p.rule(textWidthTwips(PARTY_HEADING, PARTY_SIZES.heading, true), rightInner),
  ];
  const leftBottom: CellContent[] = [
    p.centred(partyNumberLine(h.number, h.symbol), { size: PARTY_SIZES.number }, 0, ptToTwips(2)),
  ];
  if (model.type === 'Công văn') leftBottom.push(p.centred(model.summary, { size: 12, italic: true }, 0, ptToTwips(4)));
  const rightBottom = [p.centred(dateLine, { size, italic: true }, 0, ptToTwips(6))];
  return p.headerGrid([leftWidth, rightWidth], cellPad, [leftTop, rightTop], [leftBottom, rightBottom]);
}
