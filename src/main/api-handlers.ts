// The implementation of every contract method: one line each, delegating to a service.
// The type below makes a missing or mistyped method a compile error.
import type { Core } from './core';
import type { MethodArgs, MethodName, MethodOutput } from '../shared/contract';
import { getAgency, saveAgency } from './services/agency';
import { closeUnit, createUnit, getUnit, listUnits, mergeUnits, moveUnit, reopenUnit, unitHistory, updateUnit } from './services/units';
import { commitUnitImport, exportUnitWorkbook, previewUnitImport } from './services/unit-import';
import { saveExport } from './services/exports';
import { currentSchemaVersion } from './db/migrate';
import { listRegister, peekNextNumber } from './services/register';
import { exportDocument, saveSample } from './services/documents';

export type Handlers = { [M in MethodName]: (core: Core, args: MethodArgs<M>) => Promise<MethodOutput<M>> };

export const handlers: Handlers = {
  'app.info': async (core) => ({
    version: core.version,
    dbPath: core.conn.path,
    dataDir: core.dataDir,
    schemaVersion: await currentSchemaVersion(core.conn),
  }),
  'agency.get': (core) => getAgency(core.db),
  'agency.save': (core, a) => saveAgency(core.db, a),
  'units.list': (core, a) => listUnits(core.db, a),
  'units.get': (core, a) => getUnit(core.db, a.id),
  'units.create': (core, a) => createUnit(core.db, a),
  'units.update': (core, a) => updateUnit(core.db, a.id, a.unit),
  'units.close': (core, a) => closeUnit(core.db, a.id, a.date),
  'units.reopen': (core, a) => reopenUnit(core.db, a.id),
  'units.merge': (core, a) => mergeUnits(core.db, a.sourceId, a.targetId, a.date),
  'units.move': (core, a) => moveUnit(core.db, a.id, a.direction),
  'units.history': (core, a) => unitHistory(core.db, a.id),
  'units.importPreview': (core, a) => previewUnitImport(core.db, a.fileName, a.data),
  'units.importCommit': (core, a) => commitUnitImport(core.db, a.fileName, a.data),
  'units.exportXlsx': async (core) =>
    saveExport(core.platform, `danh-sach-don-vi.xlsx`, [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }], await exportUnitWorkbook(core.db)),
  'register.list': (core, a) => listRegister(core.db, a),
  'register.next': async (core, a) => ({ number: await peekNextNumber(core.db, a.documentType, a.year) }),
  'documents.export': (core, a) => exportDocument(core.db, core.platform, a.model, a.takeNumber),
  'documents.sample': (core, a) => saveSample(core.db, core.platform, a.kind, a.date),
};
