// Each signer's signature image (Cài đặt → Cơ quan) and the agency's seal (kept once with the
// Word templates' images), placed on copies that are not signed digitally: only at the user's
// request, and never under a name whose own signature is not on file.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { DocumentModel } from '../../../shared/contract/document-model';
import { AppError } from '../../../shared/errors';

const MAX_BYTES = 2 * 1024 * 1024;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The size of a PNG, refused with the file's name when it is not one. */
function pngSize(data: Uint8Array, fileName: string): { widthPx: number; heightPx: number } {
  const ihdr = data.length >= 24 && String.fromCharCode(...data.subarray(12, 16)) === 'IHDR';
  if (!ihdr || PNG.some((b, i) => data[i] !== b))
    throw new AppError('NOT_PNG', `Tệp “${fileName}” không phải ảnh PNG: chữ ký cần ảnh PNG nền trong suốt.`, {
      file: fileName,
    });
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const widthPx = v.getUint32(16);
  const heightPx = v.getUint32(20);
  if (widthPx < 1 || heightPx < 1 || widthPx > 6000 || heightPx > 6000)
    throw new AppError(
      'BAD_PNG',
      `Ảnh “${fileName}” có kích thước ${widthPx} × ${heightPx} điểm ảnh: cần từ 1 đến 6000.`,
      {
        file: fileName,
      },
    );
  return { widthPx, heightPx };
}

export async function saveSignature(
  db: Kysely<DB>,
  fullName: string,
  fileName: string,
  data: Uint8Array,
  now = new Date(),
): Promise<{ fullName: string; fileName: string; widthPx: number; heightPx: number }> {
  if (data.length > MAX_BYTES)
    throw new AppError('TOO_LARGE', `Ảnh chữ ký “${fileName}” lớn quá 2 MB.`, { file: fileName });
  const info = pngSize(data, fileName);
  const row = { file_name: fileName, content: data, width_px: info.widthPx, height_px: info.heightPx };
  await db
    .insertInto('signer_signatures')
    .values({ full_name: fullName, ...row, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('full_name').doUpdateSet({ ...row, updated_at: now.toISOString() }))
    .execute();
  return { fullName, fileName, widthPx: info.widthPx, heightPx: info.heightPx };
}

export async function deleteSignature(db: Kysely<DB>, fullName: string): Promise<{ deleted: boolean }> {
  const r = await db.deleteFrom('signer_signatures').where('full_name', '=', fullName).executeTakeFirst();
  return { deleted: Number(r.numDeletedRows) > 0 };
}

const base64 = (data: Uint8Array): string =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');

/**
 * The model with its signer's signature and the agency's seal placed. Refused, naming what is
 * missing, when either image is not on file: a copy must not show someone else's signature.
 */
export async function withSignatureImages(db: Kysely<DB>, model: DocumentModel): Promise<DocumentModel> {
  const name = model.signature.fullName;
  const [signature, seal] = await Promise.all([
    db.selectFrom('signer_signatures').select('content').where('full_name', '=', name).executeTakeFirst(),
    db.selectFrom('doc_images').select('content').where('key', '=', 'seal').executeTakeFirst(),
  ]);
  if (!signature)
    throw new AppError(
      'NO_SIGNATURE_IMAGE',
      `Chưa có ảnh chữ ký của ${name}: hãy chọn ảnh PNG trong Cài đặt → Cơ quan (người ký), hoặc xuất bản không kèm ảnh.`,
    );
  if (!seal)
    throw new AppError(
      'NO_SEAL_IMAGE',
      'Chưa có ảnh con dấu của cơ quan: hãy chọn ảnh PNG trong Cài đặt → Cơ quan, hoặc xuất bản không kèm ảnh.',
    );
  return {
    ...model,
    signature: {
      ...model.signature,
      signatureImage: base64(new Uint8Array(signature.content)),
      sealImage: base64(new Uint8Array(seal.content)),
    },
  };
}
