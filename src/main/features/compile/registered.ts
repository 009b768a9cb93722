// What is emailed is what was registered: when the consolidated report takes a number, the exact
// bytes written are kept in the data folder with their SHA-256, and every later email attaches
// that copy (checked against the hash first) instead of writing the report again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { formatDateShort } from '../../../shared/format';
import { writeFileAtomic } from '../../platform/files';
import type { Executor } from '../../db/executor';
import { REGISTERED_DIR } from '../../platform/kept-files';

export { REGISTERED_DIR } from '../../platform/kept-files';

export interface Registration {
  id: number;
  number: number;
  symbol: string;
  date: string;
  /** Relative to the data folder. */
  file: string;
  sha256: string;
}

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** "số 05/BC-SNV ngày 05/06/2025": how the body of a letter cites the registered report. */
export const citeRegistration = (r: Pick<Registration, 'number' | 'symbol' | 'date'>): string =>
  `số ${String(r.number).padStart(2, '0')}/${r.symbol} ngày ${formatDateShort(r.date)}`;

/** The newest registration of a window of periods, or null. */
export async function registrationOf(db: Executor, windowKey: string): Promise<Registration | null> {
  const row = await db
    .selectFrom('compile_registrations')
    .select(['id', 'number', 'symbol', 'date', 'file', 'sha256'])
    .where('window_key', '=', windowKey)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ?? null;
}

/** Refuses a second number for the same report unless the user confirmed it. */
export async function assertMayNumber(db: Executor, windowKey: string, renumber: boolean): Promise<void> {
  const r = await registrationOf(db, windowKey);
  if (r && !renumber)
    throw new AppError(
      'ALREADY_NUMBERED',
      `Báo cáo này đã được lấy ${citeRegistration(r)}. Lấy số mới sẽ tạo thêm một văn bản khác trong sổ văn bản đi; hãy xác nhận nếu đúng là cần số mới.`,
      { field: 'renumber' },
    );
}

/** Keeps the exact registered file in the data folder and records it, in the caller's transaction. */
export async function keepRegistered(
  db: Executor,
  dataDir: string,
  entry: { windowKey: string; registerId: number; number: number; symbol: string; date: string; sourcePath: string },
  now: Date,
): Promise<Registration> {
  const bytes = new Uint8Array(fs.readFileSync(entry.sourcePath));
  const hash = sha256(bytes);
  const name = `${entry.date.slice(0, 4)}-${String(entry.number).padStart(3, '0')}-${hash.slice(0, 12)}.docx`;
  const file = path.join(REGISTERED_DIR, name);
  fs.mkdirSync(path.join(dataDir, REGISTERED_DIR), { recursive: true });
  writeFileAtomic(path.join(dataDir, file), bytes);
  const row = await db
    .insertInto('compile_registrations')
    .values({
      window_key: entry.windowKey,
      register_id: entry.registerId,
      number: entry.number,
      symbol: entry.symbol,
      date: entry.date,
      file: file.split(path.sep).join('/'),
      sha256: hash,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, number: entry.number, symbol: entry.symbol, date: entry.date, file, sha256: hash };
}

/** The registered bytes, refused when the kept copy is missing or was changed since. */
export function registeredBytes(dataDir: string, r: Registration): Uint8Array {
  const full = path.resolve(dataDir, r.file);
  if (!full.startsWith(path.resolve(dataDir, REGISTERED_DIR) + path.sep))
    throw new AppError('REGISTERED_PATH', 'Đường dẫn tệp báo cáo đã lấy số không hợp lệ.');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(full));
  } catch {
    throw new AppError(
      'REGISTERED_MISSING',
      `Không tìm thấy bản lưu của báo cáo ${citeRegistration(r)} trong thư mục dữ liệu; không gửi một bản khác thay cho văn bản đã lấy số.`,
    );
  }
  if (sha256(bytes) !== r.sha256)
    throw new AppError(
      'REGISTERED_CHANGED',
      `Bản lưu của báo cáo ${citeRegistration(r)} đã bị thay đổi sau khi lấy số; không gửi tệp này.`,
    );
  return bytes;
}
