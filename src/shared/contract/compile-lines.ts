// The unit lines of Tổng hợp's tabs on the wire (compile.units, compile.draft's `lines`): one array
// per line holding only what a tab shows, its values in the order of the page's `codes` instead of
// keyed by code. A screenful of 1,000 units' lines is then a third of its keyed size (the answer's
// transfer and parse grow less with the register); decodeUnitLines gives the keyed lines back.
import type { UnitLine } from '../model/compile';
import type { Timeliness } from '../model/report';
import type { UnitKind } from '../model/unit';

/** A unit line as the tabs use it: the status tab's standing and the by-unit tab's values. */
export type ScreenUnitLine = Pick<
  UnitLine,
  'unitId' | 'code' | 'name' | 'kind' | 'expected' | 'timeliness' | 'daysLate' | 'receivedDate' | 'label' | 'values'
>;

/** One indicator's value: a canonical decimal, null (no value), or 0: the line has no such indicator. */
export type WireValue = string | null | 0;

/** [unitId, code, name, kind, expected, timeliness, daysLate, receivedDate, label, values (in `codes` order)]. */
export type WireUnitLine = [
  unitId: number,
  code: string,
  name: string,
  kind: UnitKind,
  expected: boolean,
  timeliness: Timeliness | null,
  daysLate: number | null,
  receivedDate: string | null,
  label: string,
  /** Trailing indicators the line has not are left off (a unit without a report: []). */
  values: WireValue[],
];

/** A window of the compiled window's unit lines, in the register's order. */
export interface UnitLinesPage {
  total: number;
  offset: number;
  /** The indicators' codes, in the order of every row's values. */
  codes: string[];
  rows: WireUnitLine[];
}

/** The same window decoded: what the tabs draw. */
export interface ScreenLinesPage {
  total: number;
  offset: number;
  rows: ScreenUnitLine[];
}

const ABSENT = 0;

/** The wire form of a window of lines: the fields no tab shows (status, overdue, periodsCounted) stay home. */
export function encodeUnitLines(total: number, offset: number, lines: readonly UnitLine[]): UnitLinesPage {
  // every code of the window's lines, in the order they come (the aggregation's indicator order)
  const place = new Map<string, number>();
  for (const l of lines) for (const code in l.values) if (!place.has(code)) place.set(code, place.size);
  const codes = [...place.keys()];
  const rows = lines.map((l): WireUnitLine => {
    const values: WireValue[] = [];
    for (const code in l.values) values[place.get(code)!] = l.values[code]!;
    // an indicator the line has not, before one it has: 0 (JSON has no hole)
    for (let k = 0; k < values.length; k++) if (values[k] === undefined) values[k] = ABSENT;
    return [l.unitId, l.code, l.name, l.kind, l.expected, l.timeliness, l.daysLate, l.receivedDate, l.label, values];
  });
  return { total, offset, codes, rows };
}

/** The lines of a wire page, keyed by code again (the renderer's one place to read compile.units). */
export function decodeUnitLines(page: UnitLinesPage): ScreenLinesPage {
  const { codes } = page;
  const rows = page.rows.map(
    ([unitId, code, name, kind, expected, timeliness, daysLate, receivedDate, label, wire]): ScreenUnitLine => {
      const entries: [string, string | null][] = [];
      for (let k = 0; k < wire.length; k++) if (wire[k] !== ABSENT) entries.push([codes[k]!, wire[k] as string | null]);
      // own properties whatever the code (as JSON.parse makes them), never a prototype set by a key
      const values = Object.fromEntries(entries);
      return { unitId, code, name, kind, expected, timeliness, daysLate, receivedDate, label, values };
    },
  );
  return { total: page.total, offset: page.offset, rows };
}
