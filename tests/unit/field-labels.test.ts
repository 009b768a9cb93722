// No internal text reaches users: every field of every contract schema has a Vietnamese label,
// and every method given bad input answers with a message that names no English key or type.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { contract } from '../../src/shared/contract';
import { FIELD_LABELS, fieldPathLabel } from '../../src/shared/field-labels';
import { freshCore, tempDir } from './helpers';

interface Def {
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  [k: string]: unknown;
}
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The object keys a schema has, at every depth (wrappers, pipes, unions, arrays, records, lazies). */
function keysOf(schema: z.ZodType, keys = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return keys;
  seen.add(schema);
  const def = defOf(schema);
  if (!def) return keys;
  for (const [k, v] of Object.entries(def.shape ?? {})) {
    keys.add(k);
    keysOf(v, keys, seen);
  }
  for (const f of ['innerType', 'in', 'out', 'element', 'valueType', 'keyType', 'schema'])
    if (def[f]) keysOf(def[f] as z.ZodType, keys, seen);
  for (const o of [...(def.options ?? []), ...(def.items ?? [])]) keysOf(o, keys, seen);
  if (def.left) keysOf(def.left, keys, seen);
  if (def.right) keysOf(def.right, keys, seen);
  if (def.getter) keysOf(def.getter(), keys, seen);
  return keys;
}

const methods = Object.entries(contract) as [string, { input: z.ZodType }][];
const allKeys = new Set<string>();
for (const [, m] of methods) keysOf(m.input, allKeys);
const ENGLISH = new Set([...allKeys, 'string', 'boolean', 'object', 'array', 'date', 'number', 'undefined', 'null']);

/** The ASCII words of a message that are a schema key or a type name: internal text. */
const internalWords = (message: string) =>
  (message.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? []).filter((w) => w.split('.').some((p) => ENGLISH.has(p)));

let core: Core;
let dir: string;
beforeAll(async () => {
  dir = tempDir('bcnv-labels-');
  core = await freshCore(dir);
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Vietnamese field labels', () => {
  it('every key of every contract schema has a label, itself free of the key', () => {
    expect([...allKeys].filter((k) => !FIELD_LABELS[k])).toEqual([]);
    for (const k of allKeys) expect(FIELD_LABELS[k]).not.toMatch(new RegExp(`\\b${k}\\b`));
    expect(fieldPathLabel(['signers', 2, 'name'])).toBe('Người ký, dòng 3, Tên');
  });

  it('every method refuses bad input with a message naming no English key or type', async () => {
    const dispatch = createDispatch(core);
    const leaks: string[] = [];
    let refused = 0;
    for (const [name, m] of methods) {
      const top = Object.keys(defOf(m.input)?.shape ?? {});
      // A wrong type for the whole argument, and for each field in turn (others left out).
      const inputs: unknown[] = [42, 'x', [], {}, ...top.map((k) => ({ [k]: [[{ x: Symbol('bad') }]] }))];
      for (const input of inputs) {
        const r = await dispatch(name as never, input);
        if (r.ok || r.error.code !== 'INVALID_ARGS') continue;
        refused++;
        const words = internalWords(r.error.message);
        if (words.length) leaks.push(`${name}: ${r.error.message} [${words.join(', ')}]`);
      }
    }
    expect(refused).toBeGreaterThan(methods.length);
    expect(leaks).toEqual([]);
  });

  it('a field left out is said to be missing, also one that may be left empty', async () => {
    const dispatch = createDispatch(core);
    const unit = { code: 'X01', name: 'UBND xã Một', shortName: '', kind: 'ubnd_xa', parentId: null, email: '' };
    const r = await dispatch('units.create', { ...unit, contactPerson: '', phone: '' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'Dữ liệu không hợp lệ (Hoạt động đến ngày): Thiếu giá trị: trường này bắt buộc phải có.',
      );
  });
});
