// Workbooks for a whole period at disk speed: exceljs builds the book once, for a probe unit whose
// name and code are markers and whose values are empty; each unit's book is then that package
// with the unit stamped in. Parts no unit changes (styles, theme, cover sheet, …) are deflated
// once and copied byte for byte; the parts that carry the unit (shared strings, the input sheet's
// values and footer, the hidden sheet's unit id, layout and seal) are rewritten as exceljs would
// write them. A unit the stamp cannot express exactly (a code read as a formula, a layout longer
// than one hidden cell) gets its book built from scratch instead.
import JSZip from 'jszip';
import { computeRate } from '../../../shared/domain/rules';
import type { TemplateIndicator } from '../../../shared/model/template';
import type { ValueMap } from '../../../shared/model/report';
import { layoutSeal, looksLikeFormula } from '../../workbooks/cell-text';
import { META_CHUNK } from '../../workbooks/book-meta';
import { dosDateTime, packFolder, packPart, writeZip, type PackedPart } from '../../workbooks/zip-write';
import {
  buildCollectWorkbook,
  composeCollectWorkbook,
  type CollectBookInput,
  type CollectLayout,
  type LayoutCell,
} from './collect-book';
import { COVER_LONG_LINE, coverUnitLine } from './collect-cover';
import { inputValue } from './collect-cells';

type Unit = CollectBookInput['unit'];
export type StampCommon = Omit<CollectBookInput, 'unit' | 'values'>;

// Private-use characters: no template text, agency or period name carries them.
const CODE = '\uE000C\uE000';
const SHORT_NAME = '\uE000N\uE000';
// A name long enough that the probe's cover line gets the taller row.
const LONG_NAME = `\uE000N${'n'.repeat(COVER_LONG_LINE)}\uE000`;
const PROBE_ID = 2_147_480_001;

/** exceljs's own escaping (utils.xmlEncode): five entities, and control characters dropped. */
export function xmlEncode(text: string): string {
  // eslint-disable-next-line no-control-regex -- exceljs drops these characters, so the stamp must too
  return text.replace(/["&'<>\x7f\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) =>
    c === '"' ? '&quot;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '',
  );
}

const xmlDecode = (xml: string): string =>
  xml.replace(/&(quot|amp|apos|lt|gt);/g, (_, e: string) =>
    e === 'quot' ? '"' : e === 'amp' ? '&' : e === 'apos' ? "'" : e === 'lt' ? '<' : '>',
  );

/** A shared string as exceljs writes one (text-xform: whitespace kept when it would be lost). */
const sharedString = (text: string): string =>
  `<si><t${/^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${xmlEncode(text)}</t></si>`;

interface StampUnit {
  unit: Unit;
  values: ValueMap;
  layoutJson: string;
  /** Shared strings this unit adds (its text values), after the template's. */
  added: string[];
  base: number;
}

type Piece = string | ((u: StampUnit) => string);

/** One value cell of the input sheet: its address, its empty form, and what fills it. */
interface CellSlot {
  cell: LayoutCell;
  indicator: TemplateIndicator | null;
  /** The cell as exceljs wrote it for the empty probe. */
  empty: string;
}

function valueCell(slot: CellSlot, u: StampUnit): string {
  const { cell, indicator, empty } = slot;
  if (cell.computed) {
    const rate = indicator ? computeRate(indicator, u.values) : null;
    if (rate === null) return empty; // the formula with an empty text result, as for the probe
    return empty.replace(' t="str"', '').replace('<v></v>', `<v>${String(Number(rate))}</v>`);
  }
  const stored = u.values[cell.key];
  const value = indicator ? inputValue(indicator, stored) : stored ? stored : null;
  if (value === null || value === undefined) return empty;
  const open = empty.slice(0, -2); // '<c r="D12" s="22"' of '<c r="D12" s="22"/>'
  if (typeof value === 'number') return `${open}><v>${String(value)}</v></c>`;
  u.added.push(String(value));
  return `${open} t="s"><v>${u.base + u.added.length - 1}</v></c>`;
}

const unitText = (u: StampUnit, marker: string): string =>
  marker === CODE ? u.unit.code : marker === SHORT_NAME || marker === LONG_NAME ? u.unit.name : marker;

/** Splits a text at the markers into literal pieces and the unit's (escaped) name and code. */
function splitMarkers(text: string, encode: (s: string) => string): Piece[] {
  const pieces: Piece[] = [];
  for (const part of text.split(/(\uE000[^\uE000]*\uE000)/)) {
    if (!part) continue;
    if (part.startsWith('\uE000')) {
      if (part !== CODE && part !== SHORT_NAME && part !== LONG_NAME) throw new Error(`stamp: unknown marker`);
      pieces.push((u) => encode(unitText(u, part)));
    } else pieces.push(part);
  }
  return pieces;
}

interface Variant {
  /** Every part in the package's order: packed once, or pieces stamped per unit. */
  parts: { name: string; packed: PackedPart | null; pieces: Piece[] }[];
  layout: CollectLayout;
  /** Shared strings of the template, and their references. */
  sstUnique: number;
}

async function buildVariant(common: StampCommon, longCover: boolean): Promise<Variant> {
  const probe: Unit = { id: PROBE_ID, code: CODE, name: longCover ? LONG_NAME : SHORT_NAME, shortName: '' };
  const { wb, layout, inputSheetId, metaSheetId } = await composeCollectWorkbook({
    ...common,
    unit: probe,
    values: {},
  });
  const probeJson = JSON.stringify(layout);
  if (probeJson.length > META_CHUNK) throw new Error('stamp: layout longer than one cell');
  const probeSeal = layoutSeal(common.secret, probeJson);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const indicators = new Map(common.template.indicators.map((i) => [i.code, i]));
  const inputPart = `xl/worksheets/sheet${inputSheetId}.xml`;
  const metaPart = `xl/worksheets/sheet${metaSheetId}.xml`;
  let sstUnique = -1;
  const parts: Variant['parts'] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) {
      parts.push({ name, packed: packFolder(name), pieces: [] });
      continue;
    }
    const text = await entry.async('string');
    let pieces: Piece[];
    if (name === 'xl/sharedStrings.xml') {
      const head = /^([\s\S]*?<sst\b[^>]*?) count="(\d+)" uniqueCount="(\d+)">/.exec(text);
      if (!head || !text.endsWith('</sst>')) throw new Error('stamp: unexpected shared strings');
      const count = Number(head[2]);
      sstUnique = Number(head[3]);
      pieces = [
        (u) => `${head[1]} count="${count + u.added.length}" uniqueCount="${sstUnique + u.added.length}">` as string,
      ];
      const body = text.slice(head[0].length, -'</sst>'.length);
      const items = body.split('</si>').slice(0, -1);
      if (items.length !== sstUnique) throw new Error('stamp: shared string count');
      for (const item of items) {
        const m = /^<si><t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(item);
        if (!m) {
          if (item.includes('\uE000')) throw new Error('stamp: marker in rich text');
          pieces.push(`${item}</si>`);
          continue;
        }
        const decoded = xmlDecode(m[1]!);
        if (decoded === probeJson) pieces.push((u) => sharedString(u.layoutJson));
        else if (decoded === probeSeal) pieces.push((u) => sharedString(layoutSeal(common.secret, u.layoutJson)));
        else if (decoded.includes('\uE000')) {
          const inner = splitMarkers(decoded, (s) => s);
          pieces.push((u) => sharedString(inner.map((p) => (typeof p === 'string' ? p : p(u))).join('')));
        } else pieces.push(`${item}</si>`);
      }
      pieces.push((u) => u.added.map(sharedString).join('') + '</sst>');
    } else {
      // Cuts: value cells of the input sheet, the unit id of the hidden sheet.
      const cuts: { at: number; end: number; piece: Piece }[] = [];
      if (name === inputPart) {
        for (const cell of layout.cells) {
          const at = text.indexOf(`<c r="${cell.address}"`);
          if (at < 0 || text.indexOf(`<c r="${cell.address}"`, at + 1) >= 0) throw new Error('stamp: cell not found');
          const close = text.indexOf('>', at);
          const end = text[close - 1] === '/' ? close + 1 : text.indexOf('</c>', at) + 4;
          const slot: CellSlot = {
            cell,
            indicator: cell.kind === 'indicator' ? (indicators.get(cell.key) ?? null) : null,
            empty: text.slice(at, end),
          };
          if (!cell.computed && !slot.empty.endsWith('/>')) throw new Error('stamp: probe cell not empty');
          cuts.push({ at, end, piece: (u) => valueCell(slot, u) });
        }
      }
      if (name === metaPart) {
        const idCell = `<v>${PROBE_ID}</v>`;
        const at = text.indexOf(idCell);
        if (at < 0) throw new Error('stamp: unit id not found');
        cuts.push({ at, end: at + idCell.length, piece: (u) => `<v>${u.unit.id}</v>` });
      }
      cuts.sort((a, b) => a.at - b.at);
      pieces = [];
      let o = 0;
      for (const c of cuts) {
        pieces.push(...splitMarkers(text.slice(o, c.at), xmlEncode), c.piece);
        o = c.end;
      }
      pieces.push(...splitMarkers(text.slice(o), xmlEncode));
      if (text.includes(String(PROBE_ID)) && name !== metaPart) throw new Error('stamp: probe id left');
    }
    const fixed = pieces.every((p) => typeof p === 'string');
    parts.push({ name, packed: fixed ? packPart(name, pieces.join('')) : null, pieces });
  }
  if (sstUnique < 0) throw new Error('stamp: no shared strings');
  return { parts, layout, sstUnique };
}

/** Makes the books of one period and template: `book(unit, values)` gives one unit's .xlsx. */
export async function collectStamper(common: StampCommon): Promise<{
  book: (unit: Unit, values: ValueMap) => Promise<Uint8Array>;
}> {
  const variants = new Map<boolean, Promise<Variant>>();
  const variant = (long: boolean) => {
    let v = variants.get(long);
    if (!v) variants.set(long, (v = buildVariant(common, long)));
    return v;
  };
  const at = dosDateTime(new Date(common.generatedAt));
  return {
    async book(unit, values) {
      const scratch = () => buildCollectWorkbook({ ...common, unit, values });
      if (looksLikeFormula(unit.code)) return scratch(); // its hidden cell gets the Text format
      const v = await variant(coverUnitLine(unit).length > COVER_LONG_LINE);
      const layoutJson = JSON.stringify({ ...v.layout, unitId: unit.id, unitCode: unit.code, unitName: unit.name });
      if (layoutJson.length > META_CHUNK) return scratch(); // more than one hidden cell
      const u: StampUnit = { unit, values, layoutJson, added: [], base: v.sstUnique };
      // The sheets before the shared strings: their cells number the strings this unit adds.
      const texts = new Map<string, string>();
      for (const p of v.parts)
        if (!p.packed && p.name !== 'xl/sharedStrings.xml')
          texts.set(p.name, p.pieces.map((x) => (typeof x === 'string' ? x : x(u))).join(''));
      const packed = v.parts.map(
        (p) =>
          p.packed ??
          packPart(p.name, texts.get(p.name) ?? p.pieces.map((x) => (typeof x === 'string' ? x : x(u))).join('')),
      );
      return new Uint8Array(writeZip(packed, at));
    },
  };
}
