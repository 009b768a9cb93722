// Saving a read plan: the plan with tasks and targets, and its periods in one transaction; units
// are created only when the user asks; group phrases stand for unit kinds; joint leads stay
// joint; the same document twice is asked about; a refused save leaves the database as it was.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch, type Dispatch } from '../../src/main/dispatch';
import type { Result } from '../../src/shared/errors';
import type { PlanProposal } from '../../src/shared/model/plan-import';
import type { PlanExportResult, PlanImportResult } from '../../src/shared/contract/plan-import';
import type { Plan } from '../../src/shared/model/plan';
import type { UnitKind } from '../../src/shared/model/unit';
import { proposalToSaveInput } from '../../src/shared/contract/plan-import-input';
import { dataFingerprint, freshCore } from './helpers';

const longKhanh = fs.readFileSync('/work/shared/seeds/ke-hoach-dan-van-chinh-quyen-long-khanh-2024.txt', 'utf8');
const fixture = (name: string) => fs.readFileSync(`${__dirname}/../fixtures/directives/${name}.txt`, 'utf8');
let core: Core;
let d: Dispatch;
const call = async <T>(m: string, a: unknown): Promise<T> => {
  const r = (await d(m, a)) as Result<T>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const addUnit = (code: string, name: string, kind: UnitKind) =>
  call<{ id: number }>('units.create', {
    code,
    name,
    shortName: '',
    kind,
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
  });

beforeEach(async () => {
  core = await freshCore();
  d = createDispatch(core);
});
afterEach(async () => core.close());

describe('planImport', () => {
  it('matches a unit of the register, creates none by itself, and expects the kinds its groups name', async () => {
    const pnv = await addUnit('PNV', 'Phòng Nội vụ thành phố Long Khánh', 'so_nganh');
    const xuanAn = await addUnit('XA', 'UBND phường Xuân An', 'ubnd_phuong');
    const ttyt = await addUnit('TTYT', 'Trung tâm Y tế thành phố', 'su_nghiep');
    const file = { fileName: 'kh-468.txt', data: new TextEncoder().encode(longKhanh) };
    const p = await call<PlanProposal>('planImport.parse', { file });
    expect(p.tasks[0]!.units[0]).toMatchObject({
      name: 'Phòng Nội vụ',
      unitId: pnv.id,
      unitName: 'Phòng Nội vụ thành phố Long Khánh',
    });
    // the group phrases resolve to kinds; nothing is offered for creation by default
    expect(p.tasks[0]!.units[1]).toMatchObject({
      name: 'UBND các phường, xã',
      resolves: 'group',
      kinds: ['ubnd_xa', 'ubnd_phuong'],
    });
    const input = proposalToSaveInput(p);
    expect(input.tasks!.flatMap((t) => t.units!.map((u) => u.createKind))).toEqual(
      input.tasks!.flatMap((t) => t.units!.map(() => null)),
    );
    const r = await call<PlanImportResult>('planImport.save', input);
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
    // "Các cơ quan, đơn vị sự nghiệp và UBND các phường, xã" lead IV.7 jointly
    expect(r.plan.tasks[6]!.lead!.name).toBe('Các cơ quan, đơn vị sự nghiệp');
    expect(r.plan.tasks[6]!.coLeads).toEqual([{ unitId: null, name: 'UBND các phường, xã' }]);
    expect(r.plan.targets.map((t) => [t.comparator, t.value, t.valueUnit])).toEqual([
      ['tren', '80', '%'],
      ['tren', '90', '%'],
      ['tren', '80', '%'],
    ]);
    expect(r.plan.deadlines).toEqual([
      { periodType: 'half', monthDay: '05-10' },
      { periodType: 'year', monthDay: '10-10' },
    ]);
    expect(r.createdUnits).toEqual([]);
    expect(
      r.periods.map((x) => [x.name, x.windowStart, x.windowEnd, x.deadline, x.planId, x.expected.unitIds]),
    ).toEqual([
      ['6 tháng đầu năm 2024', '2023-12-15', '2024-04-14', '2024-05-10', r.plan.id, [pnv.id, xuanAn.id, ttyt.id]],
      ['Năm 2024', '2023-12-15', '2024-09-14', '2024-10-10', r.plan.id, [pnv.id, xuanAn.id, ttyt.id]],
    ]);
    expect(r.periods.map((x) => x.expected.unitIds.sort())).toEqual([
      [pnv.id, xuanAn.id, ttyt.id].sort(),
      [pnv.id, xuanAn.id, ttyt.id].sort(),
    ]);
  });

  it('creates a unit only when the user chose to, once for a name named twice', async () => {
    await addUnit('X1', 'UBND xã Một', 'ubnd_xa');
    const p = await call<PlanProposal>('planImport.parse', { text: longKhanh });
    const input = proposalToSaveInput(p);
    for (const t of input.tasks!)
      for (const u of t.units!) if (u.name === 'Ban Dân vận Thành ủy') u.createKind = 'khac';
    const r = await call<PlanImportResult>('planImport.save', input);
    expect(r.createdUnits.map((u) => [u.name, u.kind])).toEqual([['Ban Dân vận Thành ủy', 'khac']]);
    const refs = r.plan.tasks.flatMap((t) => t.supporting).filter((s) => s.name === 'Ban Dân vận Thành ủy');
    expect(refs.map((s) => s.unitId)).toEqual([r.createdUnits[0]!.id, r.createdUnits[0]!.id]);
  });

  it('keeps joint leads through the plan editor', async () => {
    await addUnit('X1', 'UBND xã Một', 'ubnd_xa');
    const stp = await addUnit('STP', 'Sở Tư pháp', 'so_nganh');
    const p = await call<PlanProposal>('planImport.parse', { text: fixture('01-ubnd-tinh-ke-hoach') });
    const r = await call<PlanImportResult>('planImport.save', proposalToSaveInput(p));
    const joint = r.plan.tasks[1]!;
    expect([joint.lead, joint.coLeads, joint.supporting]).toEqual([
      { unitId: stp.id, name: 'Sở Tư pháp' },
      [{ unitId: null, name: 'Thanh tra tỉnh' }],
      [],
    ]);
    const plan = await call<Plan>('plans.get', { id: r.plan.id });
    const { id: _id, createdAt: _c, updatedAt: _u, ...content } = plan;
    await call('plans.update', {
      id: plan.id,
      plan: {
        ...content,
        tasks: plan.tasks.map(({ id: _t, ...t }) => t),
        targets: plan.targets.map(({ id: _g, ...g }) => g),
      },
    });
    expect((await call<Plan>('plans.get', { id: plan.id })).tasks[1]!.coLeads).toEqual([
      { unitId: null, name: 'Thanh tra tỉnh' },
    ]);
  });

  it('asks before saving the same document twice, and says so when reading it', async () => {
    await addUnit('X1', 'UBND xã Một', 'ubnd_xa');
    const text = fixture('01-ubnd-tinh-ke-hoach');
    const first = await call<PlanImportResult>(
      'planImport.save',
      proposalToSaveInput(await call<PlanProposal>('planImport.parse', { text })),
    );
    const again = await call<PlanProposal>('planImport.parse', { text: text.replace(/\n/g, '\r\n') });
    expect(again.duplicates).toEqual([
      { planId: first.plan.id, summary: 'Thực hiện công tác dân vận chính quyền năm 2025' },
    ]);
    const before = await dataFingerprint(core);
    const r = (await d('planImport.save', proposalToSaveInput(again))) as Result<unknown>;
    expect(!r.ok && r.error.code).toBe('DUPLICATE_PLAN');
    expect(!r.ok && r.error.message).toContain('đã có trong danh sách (mã số');
    expect(await dataFingerprint(core)).toBe(before);
    // Saved twice on purpose: its periods exist already, so they are named and not made again.
    const second = await call<PlanImportResult>('planImport.save', {
      ...proposalToSaveInput(again),
      allowDuplicate: true,
    });
    expect(second.plan.id).not.toBe(first.plan.id);
    expect(second.periods).toEqual([]);
    expect(second.existingPeriods.map((p) => p.id)).toEqual(first.periods.map((p) => p.id));
    expect(second.existingPeriods.every((p) => p.planId === first.plan.id)).toBe(true);
  });

  it("never offers the issuing agency or a person's post as a unit", async () => {
    const p = await call<PlanProposal>('planImport.parse', { text: fixture('03-ubnd-xa-ke-hoach') });
    const units = p.tasks.flatMap((t) => t.units);
    expect(units.filter((u) => u.resolves === 'office').map((u) => u.name)).toEqual([
      'Công chức Văn hóa - Xã hội',
      'Trưởng các thôn',
    ]);
    const issued = await call<PlanProposal>('planImport.parse', {
      text: 'SỞ NỘI VỤ\nSố: 5/KH-SNV\nHuế, ngày 02 tháng 01 năm 2025\nKẾ HOẠCH\nKiểm tra\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: Chủ trì kiểm tra.\n2. Chủ tịch UBND các xã, phường: Tự kiểm tra.',
    });
    expect(issued.tasks.flatMap((t) => t.units.map((u) => [u.name, u.resolves, u.kinds]))).toEqual([
      ['Sở Nội vụ', 'issuer', []],
      ['Chủ tịch UBND các xã, phường', 'group', ['ubnd_xa', 'ubnd_phuong']],
    ]);
  });

  it('is all or nothing: a refused period leaves no plan, unit or period behind', async () => {
    await addUnit('X1', 'UBND xã Một', 'ubnd_xa');
    const p = await call<PlanProposal>('planImport.parse', { text: longKhanh });
    const input = proposalToSaveInput(p);
    input.periods![1]!.windowEnd = '2024-12-14'; // after its deadline of 10/10: refused
    const before = await dataFingerprint(core);
    const r = (await d('planImport.save', input)) as Result<unknown>;
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^Kỳ báo cáo “Năm 2024”: Hạn nộp 10\/10\/2024 không sau ngày chốt số liệu 14\/12\/2024.*Chưa lưu gì\.$/,
      );
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('refuses an empty paste and a corrupt file in Vietnamese', async () => {
    const a = (await d('planImport.parse', { text: '   ' })) as Result<unknown>;
    expect(!a.ok && a.error.message).toBe('Chưa có văn bản: hãy dán nội dung văn bản hoặc chọn tệp.');
    const b = (await d('planImport.parse', {
      file: { fileName: 'x.docx', data: new Uint8Array([0x50, 0x4b, 3, 4, 0]) },
    })) as Result<unknown>;
    expect(!b.ok && b.error.message).toMatch(/^Không đọc được tệp Word “x\.docx”/);
  });

  it('exports a saved plan again and reads it back the same', async () => {
    await addUnit('X1', 'UBND xã Một', 'ubnd_xa');
    const p = await call<PlanProposal>('planImport.parse', { text: fixture('01-ubnd-tinh-ke-hoach') });
    const r = await call<PlanImportResult>('planImport.save', proposalToSaveInput(p));
    const saved = await call<PlanExportResult>('planImport.exportDocx', { planId: r.plan.id });
    expect([saved.saved, saved.warnings]).toEqual([true, []]);
    const bytes = fs.readFileSync(saved.path!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const back = await call<PlanProposal>('planImport.parse', {
      file: { fileName: 'back.docx', data: new Uint8Array(bytes) },
    });
    expect([back.system, back.number.value, back.symbol.value, back.issuer.value, back.title.value]).toEqual([
      'state',
      '85',
      'KH-UBND',
      'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      'Thực hiện công tác dân vận chính quyền năm 2025',
    ]);
    expect(back.sections.map((s) => s.label)).toEqual(['I', 'II', 'III']);
    expect(back.tasks.map((t) => t.units.map((u) => u.name))).toEqual(p.tasks.map((t) => t.units.map((u) => u.name)));
    expect(back.signer).toMatchObject({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Văn Hùng',
    });
  });

  it('refuses to export a plan whose source has no issuing agency, saying what is missing', async () => {
    await addUnit('X1', 'UBND xã Một', 'ubnd_xa');
    const p = await call<PlanProposal>('planImport.parse', { text: longKhanh });
    const r = await call<PlanImportResult>('planImport.save', proposalToSaveInput(p));
    const x = (await d('planImport.exportDocx', { planId: r.plan.id })) as Result<unknown>;
    expect(!x.ok && x.error.message).toBe(
      `Văn bản chỉ đạo mã số ${r.plan.id} chưa có cơ quan ban hành nên chưa xuất được thể thức chính thức. Hãy bổ sung ở màn hình Văn bản chỉ đạo rồi xuất lại.`,
    );
  });
});
