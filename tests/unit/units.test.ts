import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { moveUnit } from '../../src/main/features/units/move';
import {
  closeUnit,
  createUnit,
  listUnits,
  mergeUnits,
  reopenUnit,
  unitHistory,
  updateUnit,
  type UnitData,
} from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { freshCore } from './helpers';

let core: Core;
beforeEach(async () => {
  core = await freshCore();
});
afterEach(async () => {
  await core.close();
});

const unit = (over: Partial<UnitData>): UnitData =>
  unitInput.parse({
    code: 'X',
    name: 'Đơn vị',
    shortName: '',
    kind: 'khac',
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
    ...over,
  });

describe('unit register', () => {
  it('creates units with NFC text and orders them as a tree', async () => {
    const stp = await createUnit(core.db, unit({ code: 'STP', name: 'Sở Tư pháp'.normalize('NFD'), kind: 'so_nganh' }));
    expect(stp.name).toBe('Sở Tư pháp');
    await createUnit(core.db, unit({ code: 'SNV', name: 'Sở Nội vụ', kind: 'so_nganh' }));
    await createUnit(
      core.db,
      unit({ code: 'TGPL', name: 'Trung tâm Trợ giúp pháp lý', kind: 'su_nghiep', parentId: stp.id }),
    );
    const list = await listUnits(core.db);
    expect(list.map((u) => [u.code, u.depth])).toEqual([
      ['STP', 0],
      ['TGPL', 1],
      ['SNV', 0],
    ]);
    expect(list[1]!.parentCode).toBe('STP');
  });

  it('refuses a duplicate code and a parent that would make a cycle', async () => {
    const a = await createUnit(core.db, unit({ code: 'A', name: 'A' }));
    const b = await createUnit(core.db, unit({ code: 'B', name: 'B', parentId: a.id }));
    await expect(createUnit(core.db, unit({ code: 'A', name: 'Khác' }))).rejects.toMatchObject({
      code: 'DUPLICATE_CODE',
    });
    await expect(updateUnit(core.db, a.id, unit({ code: 'A', name: 'A', parentId: b.id }))).rejects.toMatchObject({
      code: 'TREE_CYCLE',
    });
    await expect(updateUnit(core.db, a.id, unit({ code: 'A', name: 'A', parentId: a.id }))).rejects.toMatchObject({
      code: 'TREE_CYCLE',
    });
    await expect(createUnit(core.db, unit({ code: 'C', name: 'C', parentId: 999 }))).rejects.toMatchObject({
      code: 'NO_PARENT',
    });
  });

  it('searches without diacritics, by prefix, and with đ folded', async () => {
    await createUnit(core.db, unit({ code: 'BDV', name: 'Ban Dân vận Tỉnh ủy' }));
    await createUnit(core.db, unit({ code: 'XHV', name: 'UBND xã Hòa Vang', kind: 'ubnd_xa' }));
    await createUnit(
      core.db,
      unit({ code: 'PDB', name: 'UBND phường Điện Bàn', kind: 'ubnd_phuong', email: 'dienban@quangnam.gov.vn' }),
    );
    const codes = async (q: string) => (await listUnits(core.db, { search: q })).map((u) => u.code);
    expect(await codes('dan van')).toEqual(['BDV']);
    expect(await codes('ubnd xa')).toEqual(['XHV']);
    expect(await codes('dien ban')).toEqual(['PDB']);
    expect(await codes('ĐIỆN')).toEqual(['PDB']);
    expect(await codes('ubnd')).toHaveLength(2);
    expect(await codes('quangnam')).toEqual(['PDB']);
    expect(await codes('"; DROP TABLE units; --')).toEqual([]);
    expect((await listUnits(core.db, { search: 'ubnd', kind: 'ubnd_xa' })).map((u) => u.code)).toEqual(['XHV']);
  });

  it('closes a unit: gone from the active list, kept with its history, reopenable', async () => {
    const u = await createUnit(core.db, unit({ code: 'U1', name: 'Đơn vị 1', activeFrom: '2020-01-01' }));
    await expect(closeUnit(core.db, u.id, '2019-12-31')).rejects.toMatchObject({ code: 'BAD_DATE' });
    await closeUnit(core.db, u.id, '2025-06-30');
    expect(await listUnits(core.db)).toHaveLength(0);
    const all = await listUnits(core.db, { includeClosed: true });
    expect(all[0]).toMatchObject({ code: 'U1', activeTo: '2025-06-30', isActive: false });
    await reopenUnit(core.db, u.id);
    expect(await listUnits(core.db)).toHaveLength(1);
    expect((await unitHistory(core.db, u.id)).map((e) => e.kind)).toEqual(['created', 'closed', 'reopened']);
  });

  it('merges two units: the source closes and points to the target, children move, history on both', async () => {
    const a = await createUnit(core.db, unit({ code: 'XA', name: 'UBND xã A', kind: 'ubnd_xa' }));
    const b = await createUnit(core.db, unit({ code: 'XB', name: 'UBND xã B', kind: 'ubnd_xa' }));
    const child = await createUnit(
      core.db,
      unit({ code: 'XA-TT', name: 'Trạm y tế xã A', kind: 'su_nghiep', parentId: a.id }),
    );
    await expect(mergeUnits(core.db, a.id, a.id, '2025-07-01')).rejects.toMatchObject({ code: 'MERGE_SELF' });
    await mergeUnits(core.db, a.id, b.id, '2025-07-01');
    const all = await listUnits(core.db, { includeClosed: true });
    const byCode = new Map(all.map((u) => [u.code, u]));
    expect(byCode.get('XA')).toMatchObject({ mergedIntoId: b.id, activeTo: '2025-07-01', isActive: false });
    expect(byCode.get('XA-TT')!.parentId).toBe(b.id);
    expect((await unitHistory(core.db, a.id)).at(-1)!.detail).toContain('XB');
    expect((await unitHistory(core.db, b.id)).at(-1)!.kind).toBe('merged_from');
    expect((await unitHistory(core.db, child.id)).length).toBe(1);
    await expect(mergeUnits(core.db, a.id, b.id, '2025-07-02')).rejects.toMatchObject({ code: 'ALREADY_MERGED' });
  });

  it('reorders siblings up and down and keeps the rest', async () => {
    for (const c of ['A', 'B', 'C']) await createUnit(core.db, unit({ code: c, name: `Đơn vị ${c}` }));
    let list = await moveUnit(core.db, (await listUnits(core.db)).find((u) => u.code === 'C')!.id, 'up');
    expect(list.map((u) => u.code)).toEqual(['A', 'C', 'B']);
    list = await moveUnit(core.db, list[0]!.id, 'up'); // already first: nothing moves
    expect(list.map((u) => u.code)).toEqual(['A', 'C', 'B']);
    list = await moveUnit(core.db, list[0]!.id, 'down');
    expect(list.map((u) => u.code)).toEqual(['C', 'A', 'B']);
  });

  it('records every edit with old and new values', async () => {
    const u = await createUnit(core.db, unit({ code: 'U', name: 'Tên cũ' }));
    await updateUnit(core.db, u.id, unit({ code: 'U', name: 'Tên mới', email: 'a@b.vn' }));
    const ev = (await unitHistory(core.db, u.id)).at(-1)!;
    expect(ev.kind).toBe('updated');
    expect(ev.detail).toContain('Tên: Tên cũ → Tên mới');
    expect(ev.detail).toContain('Email:  → a@b.vn');
  });
});
