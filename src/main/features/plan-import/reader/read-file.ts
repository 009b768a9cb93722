// The text of an opened file: .docx through mammoth (a well-kept reader of Word's XML), .txt in
// UTF-8 or UTF-16 with a byte-order mark. Anything else is refused with a message saying why.
import mammoth from 'mammoth';
import { formatMegabytes } from '../../../../shared/format';
import JSZip from 'jszip';
import { AppError } from '../../../../shared/errors';
import { verifyZipEntries } from '../../../workbooks/zip-guard';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** A .docx may not inflate past this: a guard against zip bombs. */
export const MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

function decodeText(fileName: string, data: Uint8Array): string {
  if (data.length > MAX_TEXT_BYTES)
    throw new AppError(
      'FILE_TOO_LARGE',
      `Tệp “${fileName}” quá lớn (${formatMegabytes(data.length, MAX_TEXT_BYTES)}); tệp văn bản tối đa 8 MB.`,
      { file: fileName },
    );
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const sample = data.subarray(0, 4096);
  const nul = sample.filter((b) => b === 0).length;
  if (nul > 0) {
    throw new AppError(
      'NOT_TEXT',
      `Tệp “${fileName}” không phải tệp văn bản (có ký tự nhị phân). Hãy mở tệp gốc, chọn toàn bộ nội dung rồi dán vào ô văn bản, hoặc lưu thành .docx hay .txt (UTF-8).`,
      { file: fileName },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError(
      'NOT_UTF8',
      `Tệp “${fileName}” không dùng bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3). Hãy mở tệp bằng Notepad, chọn “Lưu thành” với bảng mã UTF-8 rồi mở lại, hoặc dán nội dung vào ô văn bản.`,
      { file: fileName },
    );
  }
}

/** The zip is checked first (every entry inflated under a cap, CRCs compared), then its parts. */
async function assertDocx(fileName: string, data: Uint8Array): Promise<void> {
  const where = { file: fileName };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data, { checkCRC32: false });
  } catch {
    throw new AppError(
      'BAD_DOCX',
      `Không đọc được tệp Word “${fileName}”: tệp bị hỏng hoặc không phải tệp .docx (tệp nén không hợp lệ). Hãy mở tệp bằng Word, lưu lại thành .docx rồi thử lại.`,
      where,
    );
  }
  verifyZipEntries(zip, fileName, MAX_DOCX_UNCOMPRESSED, 'BAD_DOCX');
  const types = await zip.file('[Content_Types].xml')?.async('string');
  const doc = await zip.file('word/document.xml')?.async('string');
  if (!types || !/wordprocessingml/.test(types) || !doc || !/<(\w+:)?document[\s>]/.test(doc))
    throw new AppError(
      'BAD_DOCX',
      `Không đọc được tệp Word “${fileName}”: tệp bị hỏng hoặc không phải tệp .docx (thiếu hoặc hỏng phần word/document.xml).`,
      where,
    );
}

async function readDocx(fileName: string, data: Uint8Array): Promise<string> {
  await assertDocx(fileName, data);
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
    return r.value;
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 160) : String(err);
    throw new AppError(
      'BAD_DOCX',
      `Không đọc được tệp Word “${fileName}”: tệp bị hỏng hoặc không phải tệp .docx (${why}). Hãy mở tệp bằng Word, lưu lại thành .docx rồi thử lại.`,
      { file: fileName },
    );
  }
}

/** The text of a plan file, before normalisation. */
export async function readPlanFile(fileName: string, data: Uint8Array): Promise<string> {
  if (data.length === 0) throw new AppError('EMPTY_FILE', `Tệp “${fileName}” rỗng.`, { file: fileName });
  if (data.length > MAX_FILE_BYTES)
    throw new AppError(
      'FILE_TOO_LARGE',
      `Tệp “${fileName}” quá lớn (${formatMegabytes(data.length, MAX_FILE_BYTES)}); tối đa 20 MB.`,
      { file: fileName },
    );
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const isZip = startsWith(data, [0x50, 0x4b, 0x03, 0x04]);
  if (ext === 'docx' || (isZip && ext !== 'txt')) {
    if (!isZip)
      throw new AppError(
        'BAD_DOCX',
        `Tệp “${fileName}” không phải tệp Word .docx (nội dung không đúng định dạng, có thể tệp bị hỏng hoặc bị đổi đuôi).`,
        { file: fileName },
      );
    return readDocx(fileName, data);
  }
  if (ext === 'doc' || startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError(
      'OLD_DOC',
      `Tệp “${fileName}” là tệp Word 97–2003 (.doc), chưa đọc được. Hãy mở bằng Word và lưu thành .docx.`,
      { file: fileName },
    );
  }
  if (ext === 'pdf' || startsWith(data, [0x25, 0x50, 0x44, 0x46])) {
    throw new AppError(
      'PDF',
      `Tệp “${fileName}” là PDF, chưa đọc trực tiếp được. Hãy mở PDF, chọn toàn bộ văn bản, sao chép rồi dán vào ô văn bản.`,
      { file: fileName },
    );
  }
  return decodeText(fileName, data);
}
