// The signature and seal images templates may show ({%signature}, {%seal}): transparent PNGs
// uploaded once, checked (a real PNG, sane size) and shown at their real size when the file
// says it (pHYs), otherwise at a size that fits the signature block of Nghị định 30.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../../shared/errors';
import type { ImageKey, StoredImageInfo } from '../../../shared/contract/doc-templates';
import type { ImageValue } from './engine';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_SIDE_PX = 6000;
/** Default width when the PNG does not say its resolution, in mm. */
const DEFAULT_WIDTH_MM: Record<ImageKey, number> = { signature: 40, seal: 36 };

export interface PngInfo {
  widthPx: number;
  heightPx: number;
  /** Pixels per metre when the file says it. */
  ppm: number | null;
}

/** Reads a PNG's header (IHDR, pHYs); refuses anything that is not a PNG. */
export function readPng(bytes: Uint8Array, fileName: string): PngInfo {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 33 || sig.some((b, i) => bytes[i] !== b))
    throw new AppError(
      'NOT_PNG',
      `Tệp “${fileName}” không phải ảnh PNG: chữ ký và con dấu cần ảnh PNG nền trong suốt.`,
      { file: fileName },
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (type(12) !== 'IHDR')
    throw new AppError('NOT_PNG', `Tệp “${fileName}” là ảnh PNG hỏng (thiếu phần IHDR).`, { file: fileName });
  const widthPx = view.getUint32(16);
  const heightPx = view.getUint32(20);
  if (widthPx < 1 || heightPx < 1 || widthPx > MAX_SIDE_PX || heightPx > MAX_SIDE_PX)
    throw new AppError(
      'BAD_PNG',
      `Ảnh “${fileName}” có kích thước ${widthPx} × ${heightPx} điểm ảnh: cần từ 1 đến ${MAX_SIDE_PX} điểm ảnh mỗi chiều.`,
      { file: fileName },
    );
  let ppm: number | null = null;
  // Chunks up to the first IDAT; pHYs must come before it.
  for (let at = 8; at + 12 <= bytes.length;) {
    const len = view.getUint32(at);
    const t = type(at + 4);
    if (t === 'pHYs' && len === 9 && at + 17 <= bytes.length && bytes[at + 16] === 1) ppm = view.getUint32(at + 8);
    if (t === 'IDAT' || t === 'IEND') break;
    at += 12 + len;
  }
  return { widthPx, heightPx, ppm: ppm && ppm > 0 ? ppm : null };
}

/** The size to show, in tenths of a millimetre. */
export function displaySize(info: PngInfo, key: ImageKey): { widthDmm: number; heightDmm: number } {
  let widthMm = info.ppm ? (info.widthPx / info.ppm) * 1000 : DEFAULT_WIDTH_MM[key];
  if (widthMm < 10 || widthMm > 80) widthMm = DEFAULT_WIDTH_MM[key];
  const heightMm = (widthMm * info.heightPx) / info.widthPx;
  return { widthDmm: Math.max(1, Math.round(widthMm * 10)), heightDmm: Math.max(1, Math.round(heightMm * 10)) };
}

const toInfo = (r: {
  key: string;
  file_name: string;
  width_px: number;
  height_px: number;
  width_dmm: number;
  height_dmm: number;
  updated_at: string;
}): StoredImageInfo => ({
  key: r.key as ImageKey,
  fileName: r.file_name,
  widthPx: r.width_px,
  heightPx: r.height_px,
  widthMm: r.width_dmm / 10,
  heightMm: r.height_dmm / 10,
  updatedAt: r.updated_at,
});

export async function listImages(db: Kysely<DB>): Promise<StoredImageInfo[]> {
  const rows = await db
    .selectFrom('doc_images')
    .select(['key', 'file_name', 'width_px', 'height_px', 'width_dmm', 'height_dmm', 'updated_at'])
    .orderBy('key')
    .execute();
  return rows.map(toInfo);
}

export async function saveImage(
  db: Kysely<DB>,
  key: ImageKey,
  fileName: string,
  data: Uint8Array,
  now = new Date(),
): Promise<StoredImageInfo> {
  if (data.length > MAX_IMAGE_BYTES)
    throw new AppError('TOO_LARGE', `Ảnh “${fileName}” lớn quá ${MAX_IMAGE_BYTES / 1048576} MB.`, { file: fileName });
  const info = readPng(data, fileName);
  const size = displaySize(info, key);
  const row = {
    file_name: fileName,
    content: data,
    width_px: info.widthPx,
    height_px: info.heightPx,
    width_dmm: size.widthDmm,
    height_dmm: size.heightDmm,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('doc_images')
    .values({ key, ...row })
    .onConflict((oc) => oc.column('key').doUpdateSet(row))
    .execute();
  return (await listImages(db)).find((i) => i.key === key)!;
}

export async function deleteImage(db: Kysely<DB>, key: ImageKey): Promise<{ deleted: true }> {
  await db.deleteFrom('doc_images').where('key', '=', key).execute();
  return { deleted: true };
}

/** The stored images as engine values (size in pixels at 96 dpi). */
export async function imageValues(db: Kysely<DB>): Promise<Partial<Record<ImageKey, ImageValue>>> {
  const rows = await db.selectFrom('doc_images').selectAll().execute();
  const out: Partial<Record<ImageKey, ImageValue>> = {};
  for (const r of rows) {
    out[r.key as ImageKey] = {
      kind: 'image',
      png: new Uint8Array(r.content),
      widthPx: Math.round((r.width_dmm / 254) * 96),
      heightPx: Math.round((r.height_dmm / 254) * 96),
    };
  }
  return out;
}
