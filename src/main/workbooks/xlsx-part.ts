// The text of one part of a checked package. The part is inflated as a stream and its bytes are
// decoded by one streaming decoder (TextDecoder with `stream: true`): a multi-byte character cut
// where one chunk ends and the next begins comes out whole, never as two "�". Bytes that are not
// valid UTF-8 (or UTF-16 with a byte-order mark) refuse the file instead of being guessed.
import zlib from 'node:zlib';
import { TextDecoder } from 'node:util';
import type JSZip from 'jszip';
import { AppError, type ErrorLocation } from '../../shared/errors';
import { scanXmlYielding, XmlError, type XmlHandler } from './xml-scan';

export interface XlsxPackage {
  fileName: string;
  zip: JSZip;
  /** Bytes per inflated chunk; tests use zlib's smallest (64) so characters straddle every boundary. */
  chunkSize?: number;
  /** Parts already inflated and checked by the zip guard (xlsx-input.ts), read from here instead of inflated again. */
  inflated?: Map<string, Uint8Array>;
}

export const PART_CHUNK = 64 * 1024;

interface CompressedEntry {
  compression: { magic: string } | null;
  compressedContent?: Uint8Array;
}

/** The part's bytes as they come out of the inflater (or the zip guard's copy), chunk by chunk. */
async function* partChunks(
  entry: JSZip.JSZipObject,
  chunkSize: number,
  inflated: Uint8Array | undefined,
): AsyncGenerator<Uint8Array> {
  if (inflated) {
    for (let i = 0; i < inflated.length; i += chunkSize) yield inflated.subarray(i, i + chunkSize);
    return;
  }
  const raw = (entry as unknown as { _data?: CompressedEntry })._data;
  const content = raw?.compressedContent;
  if (!content) {
    // a part added in memory (tests): sliced the same way
    const all = await entry.async('uint8array');
    for (let i = 0; i < all.length; i += chunkSize) yield all.subarray(i, i + chunkSize);
    return;
  }
  if (raw.compression?.magic === '\x00\x00') {
    for (let i = 0; i < content.length; i += chunkSize) yield content.subarray(i, i + chunkSize);
    return;
  }
  const inflater = zlib.createInflateRaw({ chunkSize });
  inflater.end(content);
  for await (const chunk of inflater as AsyncIterable<Buffer>) yield chunk;
}

function badText(pkg: XlsxPackage, part: string, why: string): AppError {
  return new AppError('CORRUPT_XLSX', `Tệp “${pkg.fileName}” bị hỏng: phần “${part}” ${why}.`, {
    file: pkg.fileName,
  });
}

/** The decoded text of a part, or null when the package has no such part. */
export async function readPartText(pkg: XlsxPackage, part: string): Promise<string | null> {
  const entry = pkg.zip.file(part);
  if (!entry) return null;
  let decoder: TextDecoder | null = null;
  const pieces: string[] = [];
  try {
    for await (const chunk of partChunks(entry, pkg.chunkSize ?? PART_CHUNK, pkg.inflated?.get(part))) {
      if (!decoder) {
        // A byte-order mark says UTF-16; otherwise XML without a declaration of its own is UTF-8.
        const utf16 =
          chunk[0] === 0xff && chunk[1] === 0xfe
            ? 'utf-16le'
            : chunk[0] === 0xfe && chunk[1] === 0xff
              ? 'utf-16be'
              : null;
        decoder = new TextDecoder(utf16 ?? 'utf-8', { fatal: true });
      }
      pieces.push(decoder.decode(chunk, { stream: true }));
    }
    if (decoder) pieces.push(decoder.decode());
  } catch (err) {
    if (err instanceof TypeError) throw badText(pkg, part, 'không phải văn bản UTF-8 hợp lệ');
    throw badText(pkg, part, 'không giải nén được');
  }
  const text = pieces.join('');
  // A declaration naming another encoding (windows-1258, TCVN3…) would be read wrongly: refused.
  const decl = text.startsWith('<?xml') ? text.slice(0, text.indexOf('?>') + 1 || 200) : '';
  const enc = /encoding\s*=\s*["']([^"']{0,40})["']/.exec(decl.slice(0, 200))?.[1]?.toLowerCase();
  if (enc && !['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be'].includes(enc))
    throw badText(pkg, part, `dùng bảng mã “${enc}” không được hỗ trợ (cần UTF-8)`);
  return text;
}

/**
 * Scans a part's XML. A well-formedness error becomes an AppError naming the file, the part and,
 * through `where`, the place the reader had reached (a sheet and cell).
 */
export async function scanPart(
  pkg: XlsxPackage,
  part: string,
  xml: string,
  handler: XmlHandler,
  where: () => { label: string; at: ErrorLocation } | null = () => null,
): Promise<void> {
  try {
    await scanXmlYielding(xml, handler);
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    const place = where();
    throw new AppError(
      'CORRUPT_XLSX',
      `Tệp “${pkg.fileName}” bị hỏng: ${place ? `${place.label} (phần “${part}”)` : `phần “${part}”`} không phải XML hợp lệ — ${err.message}.`,
      { file: pkg.fileName, ...(place?.at ?? {}) },
    );
  }
}
