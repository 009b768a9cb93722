// Field names against the catalogue: each tag is resolved in the scopes its loops open (a loop
// over a list sees the item's fields, then everything outside), its kind must suit the tag, and
// an unknown name gets the nearest known one.
import { foldDiacritics } from '../../../shared/text';
import {
  USAGE_SOURCES,
  type DocUsage,
  type FieldInfo,
  FIELD_SOURCE_LABELS,
  DOC_USAGE_LABELS,
} from '../../../shared/contract/doc-templates';
import { FIELDS, topNames } from './catalogue';
import type { Tag } from './tags';

export interface FieldProblem {
  tag: Tag;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

interface Scope {
  fields: FieldInfo[];
  /** The dotted name of the list or object that opened it ("" at the top). */
  path: string;
}

const SCALAR = new Set(['text', 'number', 'date', 'multiline']);

/** A dotted name inside a list of fields: the field it ends on, or null. */
function resolvePath(fields: FieldInfo[], parts: string[]): FieldInfo | null {
  let list = fields;
  let found: FieldInfo | null = null;
  for (let k = 0; k < parts.length; k++) {
    const f = list.find((x) => x.name === parts[k]);
    if (!f) return null;
    found = f;
    if (k === parts.length - 1) break;
    if (f.kind !== 'object' || !f.fields) return null;
    if (f.dynamicKey) {
      // {indicator.DT01.total}: the next part is a key chosen by the data.
      if (!/^[A-Za-z0-9_]+$/.test(parts[k + 1]!)) return null;
      k++;
      if (k === parts.length - 1) return { ...f, dynamicKey: undefined, name: parts.slice(0, k + 1).join('.') };
    }
    list = f.fields;
  }
  return found;
}

function resolve(name: string, stack: Scope[]): { field: FieldInfo; full: string } | null {
  if (name === '.') return { field: { name: '.', kind: 'text', label: '', example: '', source: 'common' }, full: '.' };
  const parts = name.split('.');
  for (let k = stack.length - 1; k >= 0; k--) {
    const f = resolvePath(stack[k]!.fields, parts);
    if (f) return { field: f, full: stack[k]!.path ? `${stack[k]!.path}.${name}` : name };
  }
  return null;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known name closest to an unknown one (case and diacritics ignored), if close enough. */
export function nearestName(name: string, candidates: string[]): string | null {
  const key = (s: string) => foldDiacritics(s).toLowerCase();
  const target = key(name);
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = key(c) === target ? 0 : distance(target, key(c));
    const last = key(c.split('.').at(-1)!);
    const dLast = last === target ? 0.5 : Infinity;
    const score = Math.min(d, dLast);
    if (score < bestD) {
      bestD = score;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** Checks the names and kinds of well-nested tags (the structure check runs first). */
export function checkFields(tags: Tag[], usage: DocUsage | null): { problems: FieldProblem[]; used: string[] } {
  const problems: FieldProblem[] = [];
  const used = new Set<string>();
  const stack: Scope[] = [{ fields: FIELDS, path: '' }];
  const opened: Scope[][] = [];
  const candidates = () => [...new Set([...stack.slice(1).flatMap((s) => s.fields.map((f) => f.name)), ...topNames()])];
  const fail = (tag: Tag, code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ tag, code, severity, message });

  for (const tag of tags) {
    if (tag.kind === 'forbidden') continue;
    if (tag.kind === 'close') {
      const pushed = opened.pop();
      if (pushed) stack.splice(stack.length - pushed.length, pushed.length);
      continue;
    }
    const r = resolve(tag.name, stack);
    const push: Scope[] = [];
    if (!r) {
      const near = nearestName(tag.name, candidates());
      fail(
        tag,
        'UNKNOWN_FIELD',
        `Trường “${tag.name}” không có trong danh mục${near ? `; có phải “${near}”?` : '.'} Xem danh mục trường (docs fields).`,
      );
    } else {
      used.add(r.full);
      const k = r.field.kind;
      if (usage && r.field.name !== '.' && !USAGE_SOURCES[usage].includes(r.field.source)) {
        fail(
          tag,
          'FIELD_NOT_IN_USAGE',
          `Trường “${tag.name}” thuộc nhóm “${FIELD_SOURCE_LABELS[r.field.source]}”, không có khi dùng mẫu cho “${DOC_USAGE_LABELS[usage]}”: chỗ này sẽ để trống.`,
          'warning',
        );
      }
      if (tag.kind === 'value' && !SCALAR.has(k)) {
        const hint =
          k === 'list'
            ? `là danh sách: dùng {#${tag.name}}…{/${tag.name}}`
            : k === 'object'
              ? `là một nhóm trường: dùng {${tag.name}.<tên>}, ví dụ {${tag.name}.${r.field.fields?.[0]?.name ?? 'name'}}`
              : k === 'image'
                ? `là ảnh: dùng {%${tag.name}}`
                : `là điều kiện đúng/sai: dùng {#${tag.name}}…{/${tag.name}}`;
        fail(tag, 'WRONG_KIND', `Thẻ {${tag.raw}}: trường “${tag.name}” ${hint}.`);
      }
      if (tag.kind === 'image' && k !== 'image')
        fail(
          tag,
          'WRONG_KIND',
          `Thẻ {${tag.raw}}: trường “${tag.name}” không phải ảnh; thẻ ảnh chỉ dùng cho ${FIELDS.filter(
            (x) => x.kind === 'image',
          )
            .map((x) => `{%${x.name}}`)
            .join(', ')}.`,
        );
      if ((tag.kind === 'open' || tag.kind === 'inverted') && k === 'image')
        fail(tag, 'WRONG_KIND', `Thẻ {${tag.raw}}: không lặp hoặc đặt điều kiện theo ảnh; dùng {%${tag.name}}.`);
      if (tag.kind === 'open' && (k === 'list' || k === 'object') && r.field.fields)
        push.push({ fields: r.field.fields, path: r.full });
    }
    if (tag.kind === 'open' || tag.kind === 'inverted') {
      stack.push(...push);
      opened.push(push);
    }
  }
  return { problems, used: [...used].sort() };
}
