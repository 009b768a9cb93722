// safety: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { saveExport } from '../../platform/exports';
import { inspectBackup, listBackups, manualBackup, restoreBackup, setBackupKeep } from './backups';
import { exportPackage, importPackage, inspectPackage } from './package';
import { auditWorkbook, listAudit } from './audit-log';
import { emptyTrash, listTrash, restoreFromTrash } from './trash';

export const safetyHandlers = {
  'backups.list': (core) => listBackups(core),
  'backups.setKeep': (core, a) => setBackupKeep(core, a.keep),
  'backups.create': (core) => manualBackup(core),
  'backups.inspect': (core, a) => inspectBackup(core, a.name),
  'backups.restore': (core, a) => restoreBackup(core, a.token),
  'package.export': (core) => exportPackage(core),
  'package.inspect': (core) => inspectPackage(core),
  'package.import': (core, a) => importPackage(core, a.token),
  'audit.list': (core, a) => listAudit(core.db, a),
  'audit.export': async (core, a) =>
    saveExport(
      core.platform,
      'nhat-ky-thay-doi.xlsx',
      [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }],
      await auditWorkbook(core.db, a),
    ),
  'trash.list': (core) => listTrash(core.db),
  'trash.restore': (core, a) => restoreFromTrash(core.db, a.id),
  'trash.empty': (core, a) => emptyTrash(core.db, a.ids),
} satisfies Partial<Handlers>;
