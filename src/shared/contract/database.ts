// Cài đặt → Cơ sở dữ liệu: which database this computer works on, the connection test, copying
// the data across, and the change marker the screens poll to refresh when others change data.
import { z } from 'zod';
import { method } from './define';
import { jobId } from './jobs';
import { emptyInput, requiredText, text } from './schemas';
import type { DatabaseCheck, DatabaseState } from '../model/database';

/**
 * A database to test, choose or copy into. A SQLite file is never named by the screen: `picked` is
 * the file last chosen in the dialog of `database.pickFile` (asked again when none was), `default`
 * the app's own file in the user's data folder.
 */
export const databaseTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sqlite'), file: z.enum(['picked', 'default']) }).strict(),
  z
    .object({
      kind: z.literal('postgres'),
      host: requiredText('Máy chủ', 255).refine(
        (v) => /^[A-Za-z0-9._:[\]-]+$/.test(v),
        'Tên máy chủ chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang.',
      ),
      port: z.number().int().min(1, 'Cổng từ 1 đến 65535.').max(65535, 'Cổng từ 1 đến 65535.'),
      database: requiredText('Tên cơ sở dữ liệu', 63),
      user: requiredText('Người dùng', 63),
      /** Empty: none typed (the operating system's kept one, or the pgpass file, is used). */
      password: text(200),
    })
    .strict(),
]);

export const databaseContract = {
  'database.current': method(emptyInput).returns<DatabaseState>(),
  /** Asks for a SQLite file (an existing one, or a new one to copy into); its path is kept for the calls that follow. */
  'database.pickFile': method(z.object({ purpose: z.enum(['open', 'new']) }).strict()).returns<{
    file: string | null;
  }>(),
  /** Connects, reads the versions, says whether the app's steps are pending and whether it is empty. Changes nothing. */
  'database.check': method(z.object({ target: databaseTarget }).strict()).returns<DatabaseCheck>(),
  /** The database the next start opens (takes effect on restart); the password kept only if the system can protect it. */
  'database.choose': method(
    z.object({ target: databaseTarget, rememberPassword: z.boolean().optional() }).strict(),
  ).returns<DatabaseState & { passwordKept: boolean }>(),
  /** Copies all the data of the open database into the empty target, checked table by table (a job). */
  'database.copyTo': method(z.object({ target: databaseTarget, jobId: jobId.optional() }).strict()).returns<{
    location: string;
    tables: number;
    rows: number;
    units: number;
  }>(),
  /** Moves whenever anyone changes data: screens re-read only when it moved. */
  'database.marker': method(emptyInput).returns<{ marker: string }>(),
};
