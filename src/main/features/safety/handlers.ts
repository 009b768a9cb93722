// safety: this feature's slice of the contract, one line per method delegating to its services.
import path from 'node:path';
import { exportFileName } from '../../platform/export-names';
import { todayIso } from '../../../shared/format';
import type { Handlers } from '../../core/handlers';
import { saveExport } from '../../platform/exports';
import { inspectBackup, listBackups, manualBackup, restoreBackup, setBackupKeep } from './backups';
import { exportPackage, importPackage, inspectPackage } from './package';
import { auditWorkbook, listAudit } from './audit-log';
import { localUserName, saveLocalUserName } from '../../core/user-name';
import { currentUser } from '../../core/core';
import { AUDIT_USER_SEPARATOR, auditUserOf } from '../../../shared/model/audit-labels';
import { emptyTrash, listTrash, restoreFromTrash } from './trash';

/** A saved file's job ends with its name, shown in its folder; a closed dialog leaves no job. */
const savedFile =
  (done: string) =>
  (r: { saved: boolean; path: string | null }): { summary: string; reveal: string } | null =>
    r.saved && r.path ? { summary: `${done} ${path.basename(r.path)}.`, reveal: r.path } : null;

export const safetyHandlers = {
  'backups.list': (core) => listBackups(core),
  'backups.setKeep': (core, a) => setBackupKeep(core, a.keep),
  'backups.create': (core, a) =>
    core.jobs.run(a?.jobId, { kind: 'backup', label: 'Sao lưu dữ liệu', outcome: savedFile('Đã sao lưu vào') }, () =>
      manualBackup(core),
    ),
  'backups.inspect': (core, a) => inspectBackup(core, a.name),
  'backups.restore': (core, a) =>
    core.jobs.run(
      a.jobId,
      {
        kind: 'backup',
        label: 'Khôi phục dữ liệu',
        outcome: (r) => ({
          summary: `Đã khôi phục dữ liệu; bản an toàn trước khi khôi phục: ${path.basename(r.safetyCopy)}.`,
        }),
      },
      () => restoreBackup(core, a.token),
    ),
  'package.export': (core, a) =>
    core.jobs.run(
      a?.jobId,
      { kind: 'export', label: 'Xuất gói dữ liệu', cancellable: true, outcome: savedFile('Đã xuất gói dữ liệu') },
      (job) => exportPackage(core, job),
    ),
  'package.inspect': (core) => inspectPackage(core),
  'package.import': (core, a) =>
    core.jobs.run(
      a.jobId,
      {
        kind: 'import',
        label: 'Nhập gói dữ liệu',
        outcome: (r) => ({ summary: `Đã nhập gói dữ liệu (${r.files} tệp kèm theo).` }),
      },
      () => importPackage(core, a.token),
    ),
  'audit.user': async (core) => ({
    name: await localUserName(core.database, core.dataDir),
    account: currentUser(),
  }),
  'audit.setUser': async (core, a) => {
    const name = a.name.replace(new RegExp(AUDIT_USER_SEPARATOR, 'g'), '').trim();
    saveLocalUserName(core.dataDir, name);
    await core.database.setAuditUser(auditUserOf(name, currentUser()));
    return { name, account: currentUser() };
  },
  'audit.list': (core, a) => listAudit(core.db, a),
  'audit.export': async (core, a) =>
    saveExport(
      core.platform,
      exportFileName('auditLog', [todayIso()], 'xlsx'),
      [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }],
      await auditWorkbook(core.db, a),
    ),
  'trash.list': (core) => listTrash(core.db),
  'trash.restore': (core, a) => restoreFromTrash(core.db, a.id),
  'trash.empty': (core, a) => emptyTrash(core.db, a.ids),
} satisfies Partial<Handlers>;
