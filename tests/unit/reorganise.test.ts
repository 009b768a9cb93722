// A reorganisation as one act (issue 20): 200 units into 60 from a decision annex, every mapping
// recorded, undone exactly; bad annexes refused by row and column, changing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import {
  applyReorganisation,
  listReorganisations,
  previewReorganisation,
  undoReorganisation,
  unitLineage,
} from '../../src/main/features/reorganise/reorganise';
import { listUnits } from '../../src/main/features/units/units';
import { sql } from 'kysely';
import { dataFingerprint, freshCore } from './helpers';
import { DATE, mappingWorkbook, provinceMapping, seedProvince, type MappingRow } from './reorganise-fixture';

let core: Core;
beforeEach(async () => {
  core = await freshCore();
  await seedProvince(core.db);
});
afterEach(async () => {
  await core.close();
});

/** Every row and column of the register, and the units' search index and history. */
/** The register as stored: units, their events and the engine's search index of them. */
async function registerFingerprint(): Promise<string> {
  const rows = async (q: ReturnType<typeof sql>) => (await q.execute(core.db)).rows;
  return JSON.stringify([
    await rows(sql`SELECT * FROM units ORDER BY id`),
    await rows(sql`SELECT * FROM unit_events ORDER BY id`),
    await rows(
      core.database.engine.kind === 'sqlite'
        ? sql`SELECT rowid, folded FROM units_fts ORDER BY rowid`
        : sql`SELECT unit_id, folded FROM units_search ORDER BY unit_id`,
    ),
  ]);
}

const active = async () => (await listUnits(core.db, {})).filter((u) => u.isActive);

describe('reorganising the register from the decision annex', () => {
  it('previews 200 units into 60 without touching anything', async () => {
    const before = await dataFingerprint(core);
    const p = await previewReorganisation(core.db, 'phu-luc.xlsx', await mappingWorkbook(provinceMapping()), DATE);
    expect(p.errors).toEqual([]);
    expect(p.effectiveDate).toBe(DATE);
    expect(p.counts).toEqual({
      oldUnits: 190,
      created: 40,
      closed: 180,
      merges: 30,
      splits: 1,
      renames: 20,
      abolished: 10,
    });
    // The extra "Dân số" column is ignored with a warning; the office outside the annex moves up.
    expect(p.warnings.map((w) => w.message).join('\n')).toMatch(/Cột I “Dân số”/);
    expect(p.warnings.map((w) => w.message).join('\n')).toMatch(/H1PNV/);
    expect(p.targets.find((t) => t.code === 'X1-3')).toMatchObject({
      name: 'UBND xã Mới 1-3',
      kind: 'ubnd_phuong',
      parentCode: 'TINH',
      action: 'create',
      fromCodes: ['H1X11', 'H1X12', 'H1X13', 'H1X14', 'H1X15'],
    });
    expect(p.targets.find((t) => t.code === 'H3X17')).toMatchObject({ action: 'continue', name: 'UBND xã Đổi Tên 3' });
    expect(p.rows.filter((r) => r.oldCode === 'H1X18')).toMatchObject([
      { newCode: 'X1-1', change: 'split', share: 0.6 },
      { newCode: 'X1-2', change: 'split', share: 0.4 },
    ]);
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('applies as one act and is undone exactly', async () => {
    const before = await registerFingerprint();
    expect((await active()).length).toBe(200);
    const r = await applyReorganisation(core.db, 'phu-luc.xlsx', await mappingWorkbook(provinceMapping()), DATE);
    expect(r.summary).toMatch(/tạo 40, thôi hoạt động 180/);

    const after = await active();
    expect(after.length).toBe(60);
    const byCode = new Map((await listUnits(core.db, { includeClosed: true })).map((u) => [u.code, u]));
    const x13 = byCode.get('X1-3')!;
    expect(x13).toMatchObject({ activeFrom: DATE, activeTo: null, kind: 'ubnd_phuong', parentCode: 'TINH' });
    expect(byCode.get('H1X11')).toMatchObject({ activeTo: DATE, mergedIntoId: x13.id });
    expect(byCode.get('H1')).toMatchObject({ activeTo: DATE, mergedIntoId: null });
    expect(byCode.get('H1X18')).toMatchObject({ activeTo: DATE, mergedIntoId: null });
    expect(byCode.get('H3X17')).toMatchObject({ name: 'UBND xã Đổi Tên 3', activeTo: null, parentCode: 'TINH' });
    expect(byCode.get('H1PNV')).toMatchObject({ activeTo: null, parentCode: 'TINH' });

    const merged = await unitLineage(core.db, 'X1-3');
    expect(merged.formedFrom.map((l) => [l.unit?.code, l.change])).toEqual([
      ['H1X11', 'merge'],
      ['H1X12', 'merge'],
      ['H1X13', 'merge'],
      ['H1X14', 'merge'],
      ['H1X15', 'merge'],
    ]);
    const split = await unitLineage(core.db, 'h1x18');
    expect(split.wentInto.map((l) => [l.unit?.code, l.change, l.share])).toEqual([
      ['X1-1', 'split', 0.6],
      ['X1-2', 'split', 0.4],
    ]);
    expect((await unitLineage(core.db, 'H2')).wentInto).toMatchObject([{ change: 'abolish', unit: null }]);
    expect((await unitLineage(core.db, 'X4-16')).formedFrom).toMatchObject([
      { change: 'rename', unit: { code: 'H4X16' } },
    ]);

    // A second apply of the same annex is refused: its old units are closed now.
    await expect(
      applyReorganisation(core.db, 'phu-luc.xlsx', await mappingWorkbook(provinceMapping()), DATE),
    ).rejects.toMatchObject({ code: 'REORG_ROWS' });

    expect(await undoReorganisation(core.db, r.id)).toEqual({ restored: 191, removed: 40 });
    expect(await registerFingerprint()).toBe(before);
    expect((await unitLineage(core.db, 'H1X11')).wentInto).toEqual([]);
    expect((await listReorganisations(core.db))[0]!.undoneAt).not.toBeNull();
    await expect(undoReorganisation(core.db, r.id)).rejects.toMatchObject({ code: 'ALREADY_UNDONE' });
  });

  it('refuses to undo once a new unit has been used', async () => {
    const r = await applyReorganisation(core.db, 'phu-luc.xlsx', await mappingWorkbook(provinceMapping()), DATE);
    const x = (await listUnits(core.db, {})).find((u) => u.code === 'X2-1')!;
    await sql`INSERT INTO unit_events (unit_id, kind, at, detail) VALUES (${x.id}, 'updated', 'x', '')`.execute(
      core.db,
    );
    const { id } = await core.db
      .insertInto('units')
      .values({
        code: 'CON',
        name: 'Đơn vị con',
        short_name: '',
        kind: 'khac',
        parent_id: x.id,
        email: '',
        contact_person: '',
        phone: '',
        sort_order: 10,
        code_key: 'con',
        created_at: 'x',
        updated_at: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(id).toBeGreaterThan(0);
    const before = await dataFingerprint(core);
    await expect(undoReorganisation(core.db, r.id)).rejects.toMatchObject({ code: 'REORG_USED' });
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('names every bad row and column and changes nothing', async () => {
    const rows: MappingRow[] = provinceMapping();
    const bad = (i: number, over: Partial<MappingRow>) => (rows[i] = { ...rows[i]!, ...over });
    bad(0, { oldCode: 'KHONGCO' });
    bad(1, { newName: 'Tên khác hẳn' });
    bad(2, { kind: 'Tỉnh lỵ' });
    const split = rows.findIndex((r) => r.oldCode === 'H1X18');
    bad(split, { share: '70%' });
    bad(30, { newCode: 'X 2' });
    const before = await dataFingerprint(core);
    const data = await mappingWorkbook(rows);
    const p = await previewReorganisation(core.db, 'phu-luc.xlsx', data, DATE);
    const messages = p.errors.map((e) => e.message);
    expect(messages).toContain('Dòng 4, cột B “Mã đơn vị cũ”: không có đơn vị mã “KHONGCO” trong danh sách đơn vị.');
    expect(messages.find((m) => m.startsWith('Dòng 7, cột E “Tên đơn vị mới”'))).toMatch(
      /khác giá trị “Tên khác hẳn” đã ghi ở dòng 5/,
    );
    expect(messages).toContain('Dòng 6, cột F “Loại”: loại “Tỉnh lỵ” không hợp lệ.');
    expect(messages.find((m) => m.includes('tổng tỷ lệ'))).toMatch(/cột G “Tỷ lệ”.*110%, phải bằng 100%/);
    expect(messages.find((m) => m.startsWith('Dòng 34, cột D'))).toMatch(/chỉ được gồm chữ, số/);
    await expect(applyReorganisation(core.db, 'phu-luc.xlsx', data, DATE)).rejects.toMatchObject({
      code: 'REORG_ROWS',
    });
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('takes the date from the file, and refuses a file whose dates disagree with the command', async () => {
    const data = await mappingWorkbook(provinceMapping());
    expect((await previewReorganisation(core.db, 'a.xlsx', data, null)).effectiveDate).toBe(DATE);
    const other = await previewReorganisation(core.db, 'a.xlsx', data, '2025-08-01');
    expect(other.errors[0]!.message).toMatch(
      /cột H “Ngày hiệu lực”: ngày 01\/07\/2025 khác ngày hiệu lực 01\/08\/2025/,
    );
    const none = await previewReorganisation(core.db, 'a.xlsx', await mappingWorkbook(provinceMapping(), null), null);
    expect(none.errors.map((e) => e.message)).toContain(
      'Chưa có ngày hiệu lực: ghi cột “Ngày hiệu lực” trong tệp hoặc chọn ngày.',
    );
  });
});
