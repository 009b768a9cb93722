// A register shaped like a province before 01/07/2025 (200 units) and the decision annex that
// reorganises it into the two-level model: many-to-one merges, one split with shares, renames,
// abolished districts, one district office left out of the annex.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/main/db/schema';
import { createUnit } from '../../src/main/features/units/units';
import type { UnitKind } from '../../src/shared/model/unit';

export const DATE = '2025-07-01';
export const DISTRICTS = 10;
export const COMMUNES_PER_DISTRICT = 18;
export const DEPARTMENTS = 8;

const base = {
  shortName: '',
  email: '',
  contactPerson: '',
  phone: '',
  activeFrom: '2020-01-01',
  activeTo: null,
};

/** 1 province + 8 departments + 10 districts + 180 communes + 1 district office = 200 units. */
export async function seedProvince(db: Kysely<DB>): Promise<void> {
  const add = (code: string, name: string, kind: UnitKind, parentId: number | null) =>
    createUnit(db, { ...base, code, name, kind, parentId }, new Date('2025-01-02T00:00:00Z'));
  const root = await add('TINH', 'UBND tỉnh', 'khac', null);
  for (let i = 1; i <= DEPARTMENTS; i++) await add(`SO${i}`, `Sở số ${i}`, 'so_nganh', root.id);
  for (let d = 1; d <= DISTRICTS; d++) {
    const district = await add(`H${d}`, `UBND huyện ${d}`, 'ubnd_huyen', root.id);
    for (let c = 1; c <= COMMUNES_PER_DISTRICT; c++)
      await add(`H${d}X${c}`, `UBND xã ${d}.${c}`, c % 6 === 0 ? 'ubnd_phuong' : 'ubnd_xa', district.id);
    if (d === 1) await add('H1PNV', 'Phòng Nội vụ huyện 1', 'phong_huyen', district.id);
  }
}

export interface MappingRow {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  kind: string;
  share: number | string | null;
}

/**
 * Each district's communes 1–15 merge five by five into three new units (the third a phường); 16
 * and 17 go one to one (17 renamed in place, 16 to a new code); 18 of district 1 splits 60/40 into
 * two of its new xã, 18 of the others merges into their third. Every district is abolished:
 * 200 units before, 60 active after.
 */
export function provinceMapping(): MappingRow[] {
  const rows: MappingRow[] = [];
  for (let d = 1; d <= DISTRICTS; d++) {
    for (let c = 1; c <= 15; c++) {
      const g = Math.ceil(c / 5);
      rows.push({
        oldCode: `H${d}X${c}`,
        oldName: `UBND xã ${d}.${c}`,
        newCode: `X${d}-${g}`,
        newName: `UBND xã Mới ${d}-${g}`,
        kind: g === 3 ? 'Phường' : 'Xã',
        share: null,
      });
    }
    rows.push({
      oldCode: `H${d}X16`,
      oldName: `UBND xã ${d}.16`,
      newCode: `X${d}-16`,
      newName: `UBND xã ${d}.16 (tên mới)`,
      kind: 'Xã',
      share: null,
    });
    rows.push({
      oldCode: `H${d}X17`,
      oldName: `UBND xã ${d}.17`,
      newCode: `H${d}X17`,
      newName: `UBND xã Đổi Tên ${d}`,
      kind: '',
      share: null,
    });
    if (d === 1) {
      rows.push({ oldCode: 'H1X18', oldName: '', newCode: 'X1-1', newName: '', kind: '', share: '60%' });
      rows.push({ oldCode: 'H1X18', oldName: '', newCode: 'X1-2', newName: '', kind: '', share: 0.4 });
    } else
      rows.push({
        oldCode: `H${d}X18`,
        oldName: `UBND xã ${d}.18`,
        newCode: `X${d}-3`,
        newName: '',
        kind: '',
        share: null,
      });
    rows.push({ oldCode: `H${d}`, oldName: `UBND huyện ${d}`, newCode: '', newName: '', kind: '', share: null });
  }
  return rows;
}

/** The annex as a province writes it: a title, then the header, extra columns the app ignores. */
export async function mappingWorkbook(rows: MappingRow[], date: string | null = '01/07/2025'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC: DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ SAU SẮP XẾP']);
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Mã đơn vị cũ',
    'Tên đơn vị cũ',
    'Mã đơn vị mới',
    'Tên đơn vị mới',
    'Loại',
    'Tỷ lệ',
    'Ngày hiệu lực',
    'Dân số',
  ]);
  rows.forEach((r, i) =>
    ws.addRow([i + 1, r.oldCode, r.oldName, r.newCode, r.newName, r.kind, r.share ?? '', date ?? '', 1000 + i]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
