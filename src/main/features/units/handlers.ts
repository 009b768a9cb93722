// units: this feature's slice of the contract, one line per method delegating to its services.
import type { Handlers } from '../../core/handlers';
import { exportFileName } from '../../platform/export-names';
import { formatNumber, todayIso } from '../../../shared/format';
import { moveUnit } from './move';
import { closeUnit, createUnit, getUnit, listUnits, mergeUnits, reopenUnit, unitHistory, updateUnit } from './units';
import { commitUnitImport, exportUnitWorkbook, previewUnitImport } from './unit-import';
import { saveExport } from '../../platform/exports';
import { keptRead } from '../../core/read-cache';
import { unitPage } from './unit-page';

export const unitsHandlers = {
  'units.list': (core, a) => keptRead(core.db, `units ${JSON.stringify(a)}`, () => listUnits(core.db, a)),
  // the register in tree order is kept per day (whether a unit is active depends on it) until the data change
  'units.page': async (core, a) =>
    unitPage(
      core.db,
      await keptRead(core.db, `units register ${todayIso()}`, () => listUnits(core.db, { includeClosed: true })),
      a,
    ),
  'units.get': (core, a) => getUnit(core.db, a.id),
  'units.create': (core, a) => createUnit(core.db, a),
  'units.update': (core, a) => updateUnit(core.db, a.id, a.unit, new Date(), a.expectedUpdatedAt),
  'units.close': (core, a) => closeUnit(core.db, a.id, a.date),
  'units.reopen': (core, a) => reopenUnit(core.db, a.id),
  'units.merge': (core, a) => mergeUnits(core.db, a.sourceId, a.targetId, a.date),
  'units.move': (core, a) => moveUnit(core.db, a.id, a.direction),
  'units.history': (core, a) => unitHistory(core.db, a.id),
  'units.importPreview': (core, a) => previewUnitImport(core.db, a.fileName, a.data),
  'units.importCommit': (core, a) =>
    core.jobs.run(
      null,
      {
        kind: 'import',
        label: `Nhập danh sách đơn vị từ “${a.fileName}”`,
        outcome: (r) => ({
          summary: `Đã nhập danh sách đơn vị: ${formatNumber(r.created)} đơn vị mới, ${formatNumber(r.updated)} cập nhật.`,
        }),
      },
      () => commitUnitImport(core.db, a.fileName, a.data),
    ),
  'units.exportXlsx': async (core) =>
    saveExport(
      core.platform,
      exportFileName('unitList', [todayIso()], 'xlsx'),
      [{ name: 'Bảng tính Excel', extensions: ['xlsx'] }],
      await exportUnitWorkbook(core.db),
    ),
} satisfies Partial<Handlers>;
