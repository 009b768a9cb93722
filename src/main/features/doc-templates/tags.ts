// Tags in the text of a template: {name}, {#list}…{/list}, {^list}…{/list}, {%image}. One
// linear scan per paragraph; a tag is the text between "{" and the next "}". Nothing in a tag is
// ever evaluated: a tag names a field of the catalogue, with dots between the levels.
import type { Para } from './text-map';

export type TagKind = 'value' | 'open' | 'inverted' | 'close' | 'image' | 'forbidden';

export interface Tag {
  para: Para;
  /** Offsets in the paragraph's text: "{" and one past "}". */
  start: number;
  end: number;
  /** Between the braces, as written. */
  raw: string;
  kind: TagKind;
  /** The field name without the prefix, trimmed ("" for a bare {/}). */
  name: string;
}

/** A brace without its partner: "{" never closed in the paragraph, or "}" never opened. */
export interface StrayBrace {
  para: Para;
  at: number;
  brace: '{' | '}';
}

/** A field name: letters, digits and "_", levels joined by ".", or "." for the item itself. */
export const FIELD_NAME = /^(?:\.|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)$/;
export const MAX_TAG_LENGTH = 200;

const PREFIX: Record<string, TagKind> = {
  '#': 'open',
  '^': 'inverted',
  '/': 'close',
  '%': 'image',
  '@': 'forbidden',
  '=': 'forbidden',
  '~': 'forbidden',
  ':': 'forbidden',
  $: 'forbidden',
  '>': 'forbidden',
  '?': 'forbidden',
};

export function scanTags(paras: Para[]): { tags: Tag[]; strays: StrayBrace[] } {
  const tags: Tag[] = [];
  const strays: StrayBrace[] = [];
  for (const para of paras) {
    const s = para.text;
    let open = -1;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch === '{') {
        if (open !== -1) strays.push({ para, at: open, brace: '{' });
        open = i;
      } else if (ch === '}') {
        if (open === -1) {
          strays.push({ para, at: i, brace: '}' });
          continue;
        }
        tags.push(makeTag(para, open, i + 1, s.slice(open + 1, i)));
        open = -1;
      }
    }
    if (open !== -1) strays.push({ para, at: open, brace: '{' });
  }
  return { tags, strays };
}

function makeTag(para: Para, start: number, end: number, raw: string): Tag {
  const body = raw.trim();
  const kind = PREFIX[body[0] ?? ''] ?? 'value';
  const name = kind === 'value' ? body : body.slice(1).trim();
  return { para, start, end, raw, kind, name };
}

/** Why a tag's name is not acceptable, or null. */
export function nameProblem(tag: Tag): string | null {
  if (tag.kind === 'forbidden')
    return `thẻ “{${tag.raw}}” dùng cú pháp không được hỗ trợ (chỉ dùng {tên}, {#tên}, {^tên}, {/tên}, {%tên})`;
  if (tag.raw.length > MAX_TAG_LENGTH) return `thẻ dài quá ${MAX_TAG_LENGTH} ký tự`;
  if (tag.kind === 'close' && tag.name === '') return null;
  if (!tag.name) return `thẻ “{${tag.raw}}” không có tên trường`;
  if (!FIELD_NAME.test(tag.name)) {
    return /[\s()+\-*/|&=<>!?'"[\]]/.test(tag.name)
      ? `thẻ “{${tag.raw}}” chứa biểu thức hoặc khoảng trắng; mẫu chỉ dùng tên trường (không tính toán, không chạy mã)`
      : `tên trường “${tag.name}” có ký tự không hợp lệ (chỉ dùng chữ không dấu, số, “_” và dấu chấm)`;
  }
  return null;
}

/** The w:t pieces of the paragraph that carry part of [start, end). */
export function piecesOf(tag: Pick<Tag, 'para' | 'start' | 'end'>) {
  return tag.para.pieces.filter((p) => p.kind === 'text' && p.start < tag.end && p.start + p.text.length > tag.start);
}
