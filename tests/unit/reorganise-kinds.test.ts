// The kinds of the two-level local government (issue 20): xã, phường, đặc khu under the province
// and the commune-level specialist offices are register kinds, read from the annex's "Loại"
// column; the district kinds stay for the history of the units closed on the date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createUnit, listUnits } from '../../src/main/features/units/units';
import { applyReorganisation } from '../../src/main/features/reorganise/reorganise';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../src/shared/model/unit';
import { freshCore } from './helpers';
import { mappingWorkbook, type MappingRow } from './reorganise-fixture';

let core: Core;
beforeAll(async () => {
  core = await freshCore();
  const add = async (code: string, name: string, kind: UnitKind, parentId: number | null = null) =>
    (
      await createUnit(core.db, {
        code,
        name,
        shortName: '',
        kind,
        parentId,
        email: '',
        contactPerson: '',
        phone: '',
        activeFrom: '2020-01-01',
        activeTo: null,
      })
    ).id;
  const tinh = await add('TINH', 'UBND tỉnh', 'khac');
  const h = await add('HLS', 'UBND huyện Lý Sơn', 'ubnd_huyen', tinh);
  await add('PNV', 'Phòng Nội vụ huyện Lý Sơn', 'phong_huyen', h);
  await add('XAV', 'UBND xã An Vĩnh', 'ubnd_xa', h);
  await add('XAH', 'UBND xã An Hải', 'ubnd_xa', h);
  const row = (oldCode: string, newCode: string, newName: string, kind: string): MappingRow => ({
    oldCode,
    oldName: '',
    newCode,
    newName,
    kind,
    share: null,
  });
  await applyReorganisation(
    core.db,
    'phu-luc.xlsx',
    await mappingWorkbook([
      row('XAV', 'DKLS', 'Đặc khu Lý Sơn', 'Đặc khu'),
      row('XAH', 'DKLS', '', ''),
      row('PNV', 'PVH', 'Phòng Văn hóa - Xã hội đặc khu Lý Sơn', 'Phòng chuyên môn cấp xã'),
      row('HLS', '', '', ''),
    ]),
    '2025-07-01',
    new Date('2025-07-02'),
  );
}, 30_000);
afterAll(async () => {
  await core.close();
});

describe('unit kinds of the new model', () => {
  it('are default register kinds, the district kinds kept and labelled as old', () => {
    for (const k of ['ubnd_xa', 'ubnd_phuong', 'dac_khu', 'phong_xa'] as const) expect(UNIT_KINDS).toContain(k);
    expect(UNIT_KIND_LABELS.dac_khu).toBe('Đặc khu');
    expect(UNIT_KIND_LABELS.phong_xa).toBe('Phòng chuyên môn cấp xã');
    expect(UNIT_KIND_LABELS.ubnd_huyen).toBe('UBND cấp huyện (cũ)');
    expect(UNIT_KIND_LABELS.phong_huyen).toBe('Phòng chuyên môn cấp huyện (cũ)');
  });

  it('are read from the annex; the new units sit under the province, the old keep their kinds', async () => {
    const units = new Map((await listUnits(core.db, { includeClosed: true })).map((u) => [u.code, u]));
    expect(units.get('DKLS')).toMatchObject({ kind: 'dac_khu', parentCode: 'TINH', isActive: true });
    expect(units.get('PVH')).toMatchObject({ kind: 'phong_xa', isActive: true });
    expect(units.get('HLS')).toMatchObject({ kind: 'ubnd_huyen', activeTo: '2025-07-01', isActive: false });
    expect(units.get('PNV')).toMatchObject({ kind: 'phong_huyen', activeTo: '2025-07-01', isActive: false });
  });
});
