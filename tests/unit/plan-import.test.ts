// Saving a read plan: new units, the plan with tasks and targets, and its periods in one
// transaction; a refused period leaves the database exactly as it was.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch, type Dispatch } from '../../src/main/dispatch';
import type { Result } from '../../src/shared/errors';
import type { PlanProposal } from '../../src/shared/model/plan-import';
import type { PlanImportResult } from '../../src/shared/contract/plan-import';
import type { SavedDocument } from '../../src/shared/contract/documents';
import { proposalToSaveInput } from '../../src/shared/contract/plan-import-input';
import { databaseFingerprint, freshCore } from './helpers';

const longKhanh = fs.readFileSync('/work/shared/seeds/ke-hoach-dan-van-chinh-quyen-long-khanh-2024.txt', 'utf8');
let core: Core;
let d: Dispatch;
const call = async <T>(m: string, a: unknown): Promise<T> => {
  const r = (await d(m, a)) as Result<T>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

beforeEach(async () => {
  core = await freshCore();
  d = createDispatch(core);
});
afterEach(async () => core.close());

describe('planImport', () => {
  it('matches a unit already in the register and saves everything in one step', async () => {
    const pnv = await call<{ id: number }>('units.create', {
      code: 'PNV',
      name: 'Phòng Nội vụ thành phố Long Khánh',
      shortName: '',
      kind: 'so_nganh',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    });
    const file = { fileName: 'kh-468.txt', data: new TextEncoder().encode(longKhanh) };
    const p = await call<PlanProposal>('planImport.parse', { file });
    expect(p.tasks[0]!.units[0]).toMatchObject({
      name: 'Phòng Nội vụ',
      unitId: pnv.id,
      unitName: 'Phòng Nội vụ thành phố Long Khánh',
    });
    const r = await call<PlanImportResult>('planImport.save', proposalToSaveInput(p));
    expect(r.plan).toMatchObject({
      type: 'KH',
      number: '468',
      symbol: 'KH-UBND',
      issuedDate: '2024-03-27',
      summary: 'Thực hiện công tác dân vận chính quyền năm 2024',
      signer: 'Bùi Quốc Thế',
    });
    expect(r.plan.tasks).toHaveLength(7);
    expect(r.plan.tasks[0]!.lead).toEqual({ unitId: pnv.id, name: 'Phòng Nội vụ' });
    expect(r.plan.targets.map((t) => [t.comparator, t.value, t.valueUnit])).toEqual([
      ['tren', '80', '%'],
      ['tren', '90', '%'],
      ['tren', '80', '%'],
    ]);
    expect(r.plan.deadlines).toEqual([
      { periodType: 'half', monthDay: '05-10' },
      { periodType: 'year', monthDay: '10-10' },
    ]);
    // Phòng Nội vụ was matched; the eight other names became units
    expect(r.createdUnits.map((u) => u.name)).toEqual([
      'UBND các phường, xã',
      'Ban Dân vận Thành ủy',
      'Phòng Dân tộc',
      'Thanh tra thành phố',
      'Phòng Lao động Thương binh và Xã hội',
      'Phòng Kinh tế',
      'Trung tâm Văn hóa, Thông tin và thể thao thành phố',
      'Các cơ quan, đơn vị sự nghiệp',
    ]);
    expect(
      r.periods.map((x) => [x.name, x.windowStart, x.windowEnd, x.deadline, x.planId, x.expected.unitIds.length]),
    ).toEqual([
      ['6 tháng đầu năm 2024', '2023-12-15', '2024-04-14', '2024-05-10', r.plan.id, 9],
      ['Năm 2024', '2023-12-15', '2024-09-14', '2024-10-10', r.plan.id, 9],
    ]);
  });

  it('is all or nothing: a refused period leaves no plan, unit or period behind', async () => {
    const p = await call<PlanProposal>('planImport.parse', { text: longKhanh });
    const input = proposalToSaveInput(p);
    input.periods![1]!.windowEnd = '2024-12-14'; // after its deadline of 10/10: refused
    const before = databaseFingerprint(core);
    const r = (await d('planImport.save', input)) as Result<unknown>;
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^Kỳ báo cáo "Năm 2024": Hạn nộp 10\/10\/2024 không sau ngày chốt số liệu 14\/12\/2024.*Chưa lưu gì\.$/,
      );
    expect(databaseFingerprint(core)).toBe(before);
  });

  it('refuses an empty paste and a corrupt file in Vietnamese', async () => {
    const a = (await d('planImport.parse', { text: '   ' })) as Result<unknown>;
    expect(!a.ok && a.error.message).toBe('Chưa có văn bản: hãy dán nội dung văn bản hoặc chọn tệp.');
    const b = (await d('planImport.parse', {
      file: { fileName: 'x.docx', data: new Uint8Array([0x50, 0x4b, 3, 4, 0]) },
    })) as Result<unknown>;
    expect(!b.ok && b.error.message).toMatch(/^Không đọc được tệp Word "x\.docx"/);
  });

  it('exports the saved plan again as an official-format .docx', async () => {
    const p = await call<PlanProposal>('planImport.parse', { text: longKhanh });
    const r = await call<PlanImportResult>('planImport.save', proposalToSaveInput(p));
    const saved = await call<SavedDocument>('planImport.exportDocx', { planId: r.plan.id });
    expect(saved.saved).toBe(true);
    const bytes = fs.readFileSync(saved.path!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // read back through the same reader: the header and tree survive the round trip
    const back = await call<PlanProposal>('planImport.parse', {
      file: { fileName: 'back.docx', data: new Uint8Array(bytes) },
    });
    expect(back.number.value).toBe('468');
    expect(back.symbol.value).toBe('KH-UBND');
    expect(back.title.value.toLocaleLowerCase('vi')).toBe('thực hiện công tác dân vận chính quyền năm 2024');
    expect(back.sections.map((s) => s.label)).toEqual(['I', 'III', 'IV']);
    expect(back.tasks.map((t) => t.units[0]!.name)).toEqual(p.tasks.map((t) => t.units[0]!.name));
    expect(back.signer).toMatchObject({ title: 'PHÓ CHỦ TỊCH', name: 'Bùi Quốc Thế' });
  });
});
