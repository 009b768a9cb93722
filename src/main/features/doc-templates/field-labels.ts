// Vietnamese words for fields the engine left empty: the warning names the tag and what it holds.
import type { FieldInfo } from '../../../shared/contract/doc-templates';
import { FIELDS } from './catalogue';

function labelOf(name: string): string | null {
  const parts = name.split('.');
  // Full paths first ("signer.fullName"), then a name inside a list ("value" of units.values).
  const walk = (fields: FieldInfo[], k: number): FieldInfo | null => {
    const f = fields.find((x) => x.name === parts[k]);
    if (!f) return null;
    if (k === parts.length - 1) return f;
    const skip = f.dynamicKey ? 1 : 0;
    return f.fields ? walk(f.fields, k + 1 + skip) : null;
  };
  const direct = walk(FIELDS, 0);
  if (direct) return direct.label;
  const stack = [...FIELDS];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.fields) {
      const inner = walk(f.fields, 0);
      if (inner) return inner.label;
      stack.push(...f.fields);
    }
  }
  return null;
}

export function describeEmpty(name: string): string {
  const label = labelOf(name);
  return `Chưa có dữ liệu cho {${name}}${label ? ` (${label.charAt(0).toLocaleLowerCase('vi')}${label.slice(1)})` : ''}: chỗ này để trống.`;
}
