// The engine: docxtemplater (with the open-source image module) over a template prepared by
// normalize.ts and group-rows.ts, with a parser that only looks names up (no expressions, no
// prototype, no functions), then the post-pass (post.ts) for paragraphs and merged cells.
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import ImageModule from 'docxtemplater-image-module-free';
import { AppError } from '../../../shared/errors';
import type { DocxPackage } from './package';
import { isolateImageTags, normalizePart } from './normalize';
import { GROUP_PREFIX, MERGE_MARK_TAG, OUTER_SCOPE, rewriteGroupRows } from './group-rows';
import { parseXml, serializeXml } from './xml';
import { mapPart } from './text-map';
import { postProcess } from './post';
import { placeCharts, placeholderPng, type ChartValue } from './charts';

/** An image value: PNG bytes and the size to show, in pixels at 96 dpi. */
export interface ImageValue {
  kind: 'image';
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

export type TemplateValue =
  string | boolean | null | ImageValue | ChartValue | TemplateValue[] | { [key: string]: TemplateValue };
export type TemplateData = { [key: string]: TemplateValue };

export interface PreparedTemplate {
  /** The normalized template, ready to be loaded once per document. */
  bytes: Uint8Array;
  /** Synthetic loops of group rows: name → the outer and inner list names. */
  groups: Map<string, { outer: string; inner: string }>;
  textParts: string[];
}

export async function prepareTemplate(pkg: DocxPackage): Promise<PreparedTemplate> {
  const groups = new Map<string, { outer: string; inner: string }>();
  const counter = { n: 0 };
  for (const part of pkg.parts) {
    const root = parseXml(part.xml, part.name);
    const { paras } = normalizePart(root, part.name, part.label);
    isolateImageTags(paras);
    for (const [k, v] of rewriteGroupRows(mapPart(root, part.name, part.label), counter)) groups.set(k, v);
    pkg.zip.file(part.name, serializeXml(root));
  }
  const bytes = await pkg.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, groups, textParts: pkg.parts.map((p) => p.name) };
}

const own = (o: unknown, k: string): boolean =>
  typeof o === 'object' && o !== null && !Array.isArray(o) && Object.prototype.hasOwnProperty.call(o, k);

interface RowItem {
  __scopes: TemplateValue[];
  [MERGE_MARK_TAG]: string;
}

/** Looks a dotted name up in one scope: own properties of plain data only. */
function lookup(scope: unknown, path: string[]): { found: boolean; value: unknown } {
  let cur: unknown = scope;
  for (const key of path) {
    if (!own(cur, key)) return { found: false, value: undefined };
    cur = (cur as Record<string, unknown>)[key];
  }
  return { found: true, value: cur };
}

export interface RenderNotes {
  /** Fields without a value in this document (left empty). */
  empty: Set<string>;
}

const isChart = (v: unknown): v is ChartValue => own(v, 'kind') && (v as ChartValue).kind === 'chart';
const isImage = (v: unknown): v is ImageValue =>
  own(v, 'kind') && (v as ImageValue).kind === 'image' && (v as ImageValue).png instanceof Uint8Array;

/** The image module expects a plain value per tag: images are handed over through a token. */
function makeParser(
  groups: PreparedTemplate['groups'],
  notes: RenderNotes,
  images: Map<string, ImageValue | ChartValue>,
) {
  return (tag: string) => {
    const name = tag.trim();
    const path = name === '.' ? [] : name.split('.');
    return {
      get(scope: unknown, context?: { scopePath?: string[] }): unknown {
        const row = own(scope, '__scopes') ? (scope as unknown as RowItem) : null;
        if (name === MERGE_MARK_TAG) return row ? row[MERGE_MARK_TAG] : undefined;
        if (name === OUTER_SCOPE) return row ? row.__scopes[0] : undefined;
        const group = groups.get(name);
        if (group && name.startsWith(GROUP_PREFIX)) return groupRows(scope, group);
        if (path.length === 0) return scope;
        // A group without inner items shows empty inner cells: only enclosing scopes are asked.
        const scopes = row ? (row.__scopes[1] === NO_ITEM ? [] : [...row.__scopes].reverse()) : [scope];
        for (const s of scopes) {
          const r = lookup(s, path);
          if (!r.found) continue;
          if (r.value === null || r.value === undefined) {
            notes.empty.add(scopedName(context?.scopePath ?? [], name, groups));
            return '';
          }
          if (isImage(r.value) || isChart(r.value)) {
            const token = `image-${images.size + 1}`;
            images.set(token, r.value);
            return token;
          }
          return r.value;
        }
        return undefined; // the engine then asks the enclosing scope
      },
    };
  };
}

/** "indicators.total" for {total} inside {#indicators}: the name the catalogue knows. */
function scopedName(scopePath: string[], name: string, groups: PreparedTemplate['groups']): string {
  const path: string[] = [];
  for (const s of scopePath) {
    const g = groups.get(s);
    if (g) path.push(g.outer, g.inner);
    else if (s === OUTER_SCOPE) path.pop();
    else if (!s.startsWith('__')) path.push(s);
  }
  return [...path, name].join('.');
}

const NO_ITEM: TemplateValue = Object.freeze({}) as TemplateValue;

/** The rows of a group row: one per inner item, the first of each group marked "restart". */
function groupRows(scope: unknown, group: { outer: string; inner: string }): RowItem[] | undefined {
  const outer = lookup(scope, group.outer.split('.'));
  if (!outer.found) return undefined;
  if (!Array.isArray(outer.value)) return [];
  const rows: RowItem[] = [];
  for (const item of outer.value as TemplateValue[]) {
    const inner = lookup(item, group.inner.split('.'));
    const list =
      inner.found && Array.isArray(inner.value) && inner.value.length ? (inner.value as TemplateValue[]) : [NO_ITEM];
    list.forEach((x, k) => rows.push({ __scopes: [item, x], [MERGE_MARK_TAG]: k === 0 ? '\uE000R' : '\uE000C' }));
  }
  return rows;
}

export interface Rendered {
  bytes: Uint8Array;
  notes: RenderNotes;
}

/** Fills a prepared template with one document's data. */
export function renderTemplate(prepared: PreparedTemplate, data: TemplateData): Rendered {
  const notes: RenderNotes = { empty: new Set() };
  const zip = new PizZip(prepared.bytes);
  const images = new Map<string, ImageValue | ChartValue>();
  const charts: ChartValue[] = [];
  const imageOf = (token: string): ImageValue | ChartValue => {
    const v = images.get(token);
    if (!v) throw new AppError('TEMPLATE_ERROR', 'Thẻ ảnh không có ảnh tương ứng.');
    return v;
  };
  const imageModule = new ImageModule<string>({
    centered: false,
    // A chart goes in as a marked placeholder picture, swapped for the chart afterwards.
    getImage: (token) => {
      const v = imageOf(token);
      return Buffer.from(v.kind === 'chart' ? placeholderPng(charts.push(v) - 1) : v.png);
    },
    getSize: (_img, token) => [imageOf(token).widthPx, imageOf(token).heightPx],
  });
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: false,
      modules: [imageModule],
      parser: makeParser(prepared.groups, notes, images),
      nullGetter: (part) => {
        if (part.value) notes.empty.add(String(part.value));
        return '';
      },
      syntax: { changeDelimiterPrefix: null },
    });
    doc.render(data);
  } catch (err) {
    throw engineError(err);
  }
  const out = doc.getZip();
  placeCharts(out, charts);
  postProcess(out, prepared.textParts);
  return { bytes: out.generate({ type: 'uint8array', compression: 'DEFLATE' }), notes };
}

function engineError(err: unknown): AppError {
  type Props = { explanation?: string; xtag?: string };
  const e = err as { properties?: Props & { errors?: { properties?: Props }[] } };
  const first: Props | undefined = e.properties?.errors?.[0]?.properties ?? e.properties;
  const what = first?.xtag ? ` (thẻ “{${first.xtag}}”)` : '';
  return new AppError(
    'TEMPLATE_ERROR',
    `Không điền được mẫu${what}: mẫu có lỗi cú pháp thẻ. Hãy chạy kiểm tra mẫu để xem chỗ sai.`,
  );
}
