// Backups, restore, data packages, audit log and trash.
import { z } from 'zod';
import { method } from './define';
import { jobId } from './jobs';
import { emptyInput, id, isoDate, text } from './schemas';
import type { AuditPage, BackupList, DataInspection, TrashItem } from '../model/safety';

/** Long methods take the caller's job id (the job centre follows them under it). */
const jobOnly = z.object({ jobId: jobId.optional() }).strict().optional();

const token = z.string().regex(/^[a-f0-9]{32}$/, 'Mã phiên kiểm tra không hợp lệ.');

export const auditFilter = z
  .object({
    table: text(60).optional(),
    action: z.enum(['insert', 'update', 'delete']).optional(),
    search: text(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();

export const safetyContract = {
  'backups.list': method(emptyInput).returns<BackupList>(),
  'backups.setKeep': method(
    z.object({ keep: z.number().int().min(1, 'Giữ ít nhất 1 bản sao lưu.').max(365, 'Giữ tối đa 365 bản.') }).strict(),
  ).returns<BackupList>(),
  'backups.create': method(jobOnly).returns<{ saved: boolean; path: string | null }>(),
  /** Checks a backup (one of the list, or a file the user picks) before anything is replaced. */
  'backups.inspect': method(z.object({ name: text(255).optional() }).strict()).returns<DataInspection | null>(),
  'backups.restore': method(z.object({ token, jobId: jobId.optional() }).strict()).returns<{ safetyCopy: string }>(),
  'package.export': method(jobOnly).returns<{ saved: boolean; path: string | null }>(),
  'package.inspect': method(emptyInput).returns<DataInspection | null>(),
  'package.import': method(z.object({ token, jobId: jobId.optional() }).strict()).returns<{
    safetyCopy: string;
    files: number;
  }>(),
  /** Who the log names for changes made here: the name set in Cài đặt and the computer's account. */
  'audit.user': method(emptyInput).returns<{ name: string; account: string }>(),
  'audit.setUser': method(z.object({ name: text(120) }).strict()).returns<{ name: string; account: string }>(),
  'audit.list': method(auditFilter).returns<AuditPage>(),
  'audit.export': method(auditFilter).returns<{ saved: boolean; path: string | null }>(),
  'trash.list': method(emptyInput).returns<TrashItem[]>(),
  'trash.restore': method(z.object({ id }).strict()).returns<{ restored: boolean }>(),
  'trash.empty': method(z.object({ ids: z.array(id).max(10_000).optional() }).strict()).returns<{ removed: number }>(),
};
