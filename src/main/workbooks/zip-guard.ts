// Inflates every entry of a zip once, before any parser sees it, with a hard cap on the output:
// a zip bomb that lies about its sizes stops at the cap, and a corrupt or tampered entry (bad
// deflate data, wrong CRC or size) is refused here instead of confusing a parser later.
import zlib from 'node:zlib';
import type JSZip from 'jszip';
import { AppError } from '../../shared/errors';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Node's own CRC-32 (20.15+) when present: about 20× faster than the table below. */
const nativeCrc32 = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface CompressedObject {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string } | null;
  compressedContent: Uint8Array;
}

type Inflate = (data: Uint8Array, maxOutputLength: number, declared: number) => Uint8Array | Promise<Uint8Array>;
type Step = { data: Uint8Array; budget: number; declared: number };
/** Receives each entry's checked bytes (a reader keeps those it will read, instead of inflating them again). */
export type KeepEntry = (name: string, bytes: Uint8Array) => void;

const inflateOnPool = (data: Uint8Array, maxOutputLength: number) =>
  new Promise<Uint8Array>((resolve, reject) =>
    zlib.inflateRaw(data, { maxOutputLength }, (err, out) => (err ? reject(err) : resolve(out))),
  );

/** An entry that inflates to at most this much is inflated at once: under a few ms, less than the trip to the pool. */
export const SMALL_ENTRY_BYTES = 1024 * 1024;

const tooLarge = (err: unknown) =>
  err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';

/**
 * Small entries (declared and compressed sizes both small) inflated in place under a small cap;
 * an entry that turns out larger than its cap is inflated again on the pool under the whole
 * budget, so its outcome (and message) is the one the pool alone would give.
 */
const inflateAsync = (data: Uint8Array, budget: number, declared: number): Uint8Array | Promise<Uint8Array> => {
  if (declared > SMALL_ENTRY_BYTES || data.length > SMALL_ENTRY_BYTES) return inflateOnPool(data, budget);
  const cap = Math.min(budget, SMALL_ENTRY_BYTES);
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: cap });
  } catch (err) {
    if (tooLarge(err) && cap < budget) return inflateOnPool(data, budget);
    throw err;
  }
};

/**
 * The checks, whatever the way of inflating: a generator that yields each entry's inflation and
 * receives its result, so that the same code serves the synchronous and the asynchronous caller.
 */
function* verifySteps(
  zip: JSZip,
  fileName: string,
  maxTotalBytes: number,
  corruptCode: string,
  keep?: KeepEntry,
): Generator<Step, number, Uint8Array> {
  let total = 0;
  const bomb = () =>
    new AppError(
      'ZIP_BOMB',
      `Tệp “${fileName}” khi giải nén vượt quá ${Math.round(maxTotalBytes / 1048576)} MB: có thể là tệp độc hại nên không đọc.`,
      { file: fileName },
    );
  for (const entry of Object.values(zip.files)) {
    const name = entry.name;
    if (
      name.startsWith('/') ||
      name.includes('\\') ||
      name.split('/').includes('..') ||
      /^[a-zA-Z]:/.test(name) ||
      // eslint-disable-next-line no-control-regex -- control characters in a name are exactly what is refused
      /[\u0000-\u001f]/.test(name)
    )
      throw new AppError(
        corruptCode,
        `Tệp “${fileName}” chứa đường dẫn nguy hiểm “${name.slice(0, 120)}”: không đọc.`,
        { file: fileName },
      );
    if (entry.dir) continue;
    const data = (entry as unknown as { _data?: CompressedObject })._data;
    if (!data?.compressedContent) continue; // added in memory, not read from bytes
    const budget = maxTotalBytes - total;
    let out: Uint8Array;
    const magic = data.compression?.magic;
    if (magic === '\x00\x00') out = data.compressedContent;
    else if (magic === '\x08\x00') {
      try {
        out = yield { data: data.compressedContent, budget: Math.max(1, budget), declared: data.uncompressedSize };
      } catch (err) {
        if (tooLarge(err)) throw bomb();
        throw new AppError(corruptCode, `Tệp “${fileName}” bị hỏng: không giải nén được phần “${entry.name}”.`, {
          file: fileName,
        });
      }
    } else
      throw new AppError(corruptCode, `Tệp “${fileName}”: phần “${entry.name}” dùng kiểu nén không hỗ trợ.`, {
        file: fileName,
      });
    if (out.length > budget) throw bomb();
    if (out.length !== data.uncompressedSize || crc32(out) !== data.crc32 >>> 0)
      throw new AppError(
        corruptCode,
        `Tệp “${fileName}” bị hỏng hoặc bị sửa: phần “${entry.name}” không khớp mã kiểm tra.`,
        { file: fileName },
      );
    total += out.length;
    keep?.(name, out);
  }
  return total;
}

function drive(steps: Generator<Step, number, Uint8Array>, inflate: Inflate) {
  const sync = (): number => {
    let next = steps.next();
    while (!next.done) {
      let out: Uint8Array;
      try {
        out = inflate(next.value.data, next.value.budget, next.value.declared) as Uint8Array;
      } catch (err) {
        next = steps.throw(err);
        continue;
      }
      next = steps.next(out);
    }
    return next.value;
  };
  const async = async (): Promise<number> => {
    let next = steps.next();
    while (!next.done) {
      let out: Uint8Array;
      try {
        out = await inflate(next.value.data, next.value.budget, next.value.declared);
      } catch (err) {
        next = steps.throw(err);
        continue;
      }
      next = steps.next(out);
    }
    return next.value;
  };
  return { sync, async };
}

/** Throws CORRUPT_ZIP-kind or ZIP_BOMB AppErrors with the given codes; returns the total size. */
export function verifyZipEntries(
  zip: JSZip,
  fileName: string,
  maxTotalBytes: number,
  corruptCode = 'CORRUPT_XLSX',
): number {
  return drive(verifySteps(zip, fileName, maxTotalBytes, corruptCode), (d, max) =>
    zlib.inflateRawSync(d, { maxOutputLength: max }),
  ).sync();
}

/**
 * The same checks with every entry but the small ones inflated on Node's thread pool: a package
 * that inflates to hundreds of megabytes never stalls the window while it is checked.
 */
export function verifyZipEntriesAsync(
  zip: JSZip,
  fileName: string,
  maxTotalBytes: number,
  corruptCode = 'CORRUPT_XLSX',
  keep?: KeepEntry,
): Promise<number> {
  return drive(verifySteps(zip, fileName, maxTotalBytes, corruptCode, keep), inflateAsync).async();
}
