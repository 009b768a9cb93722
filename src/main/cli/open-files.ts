// `--open FILE` for methods whose argument carries file contents ({fileName, data}): the places
// that take a file are found in the method's own zod schema, so no method is special-cased. Files
// go in order: a single file place takes the next file, a list of files takes all that remain.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { CliFailure } from './kit';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Through optional/default/nullable wrappers and to the input side of transforms. */
function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const d = defOf(s);
    if (d.innerType && ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(d.type))
      s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

/** The shape of the contract's `fileBytes`: a file name and its bytes. */
function isFilePlace(s: z.ZodType): boolean {
  const d = defOf(unwrap(s));
  return d.type === 'object' && !!d.shape?.fileName && !!d.shape.data && defOf(unwrap(d.shape.data)).type === 'custom';
}

/** Whether a method's argument has a place for file contents (shown by `call --list`). */
export function takesFiles(schema: z.ZodType, depth = 0): boolean {
  if (depth > 8) return false;
  if (isFilePlace(schema)) return true;
  const d = defOf(unwrap(schema));
  if (d.type === 'object') return Object.values(d.shape ?? {}).some((v) => takesFiles(v, depth + 1));
  if (d.type === 'array' && d.element) return takesFiles(d.element, depth + 1);
  return false;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function readFile(file: string): { fileName: string; data: Uint8Array } {
  try {
    return { fileName: path.basename(file), data: new Uint8Array(fs.readFileSync(file)) };
  } catch {
    throw new CliFailure(`Lỗi: không đọc được tệp “${file}” (--open).`);
  }
}

/**
 * Fills the file places the arguments leave empty with the files of `open`, which it consumes.
 * Places already given in the JSON (as {"fileName", "data": {"$bytes": base64}}) are kept.
 */
export function fillFilePlaces(schema: z.ZodType, value: unknown, open: string[], depth = 0): unknown {
  if (open.length === 0 || depth > 8) return value;
  if (isFilePlace(schema)) {
    const empty = value === undefined || (isPlainObject(value) && Object.keys(value).length === 0);
    return empty ? readFile(open.shift()!) : value;
  }
  const d = defOf(unwrap(schema));
  if (d.type === 'object' && takesFiles(schema)) {
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) return value;
    const obj: Record<string, unknown> = { ...((value as Record<string, unknown> | undefined) ?? {}) };
    for (const [key, child] of Object.entries(d.shape ?? {})) {
      const filled = fillFilePlaces(child, obj[key], open, depth + 1);
      if (filled !== undefined) obj[key] = filled;
    }
    return obj;
  }
  if (d.type === 'array' && d.element && isFilePlace(d.element) && value === undefined)
    return open.splice(0).map(readFile);
  return value;
}
