// The công văn đôn đốc: a checked document model naming the units, the plan and the new deadline.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { saveAgency } from '../../src/main/features/agency/agency';
import { importPlan } from '../../src/main/features/plans/plans';
import { createPeriod } from '../../src/main/features/periods/periods';
import { agencyInSentence, buildReminder } from '../../src/main/features/reports/reminders';
import { renderDocx } from '../../src/main/documents/docx-writer';
import { agencyInput } from '../../src/shared/contract/agency';
import { periodInput } from '../../src/shared/contract/periods';
import { AppError } from '../../src/shared/errors';
import { freshCore, tempDir } from './helpers';

let core: Core;
let dir: string;
beforeEach(async () => {
  dir = tempDir('bcnv-reminder-');
  core = await freshCore({ dir, file: 'r.db', exports: dir });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function setup(withAgency = true) {
  const ids: number[] = [];
  for (const [code, name] of [
    ['P1', 'UBND phường Xuân An'],
    ['P2', 'UBND phường Xuân Bình'],
  ] as const) {
    ids.push(
      (
        await createUnit(core.db, {
          code,
          name,
          shortName: '',
          kind: 'ubnd_phuong',
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: null,
          activeTo: null,
        })
      ).id,
    );
  }
  if (withAgency) {
    await saveAgency(
      core.db,
      agencyInput.parse({
        parentName: 'ỦY BAN NHÂN DÂN THÀNH PHỐ LONG KHÁNH',
        name: 'PHÒNG NỘI VỤ',
        abbreviation: 'PNV',
        place: 'Long Khánh',
        draftingUnit: '',
        signers: [
          {
            fullName: 'Nguyễn Văn Ánh',
            title: 'PHÓ TRƯỞNG PHÒNG',
            authorityPrefix: 'KT.',
            authorityLine: 'TRƯỞNG PHÒNG',
            isDefault: true,
          },
        ],
      }),
    );
  }
  const plan = await importPlan(
    core.db,
    'lk.json',
    new Uint8Array(
      fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'plans', 'ke-hoach-468-long-khanh-2024.json')),
    ),
  );
  const p = await createPeriod(
    core.db,
    periodInput.parse({
      type: 'half',
      year: 2024,
      templateId: 1,
      planId: plan.id,
      windowEnd: '2024-04-30',
      expected: { mode: 'kinds', kinds: ['ubnd_phuong'] },
    }),
  );
  return { ids, p };
}

describe('công văn đôn đốc', () => {
  it('names the plan, the units and the new deadline, and renders as a .docx', async () => {
    const { ids, p } = await setup();
    const m = await buildReminder(core.db, {
      periodId: p.id,
      unitIds: ids,
      newDeadline: '2024-05-17',
      date: '2024-05-13',
    });
    expect(m.type).toBe('Công văn');
    expect(m.summary).toBe('V/v đôn đốc báo cáo kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2024');
    expect(m.header).toMatchObject({
      agency: 'PHÒNG NỘI VỤ',
      number: null,
      symbol: 'PNV',
      place: 'Long Khánh',
      date: '2024-05-13',
    });
    expect(m.to).toEqual(['UBND phường Xuân An', 'UBND phường Xuân Bình']);
    const text = JSON.stringify(m.body);
    expect(text).toContain('Thực hiện Kế hoạch số 468/KH-UBND ngày 27/3/2024 của Ủy ban nhân dân thành phố Long Khánh');
    expect(text).toContain('chậm nhất ngày 10 tháng 5 năm 2024');
    expect(text).toContain('chậm nhất ngày 17 tháng 5 năm 2024');
    expect(text).toContain('Phòng Nội vụ đề nghị');
    expect(m.signature).toMatchObject({
      authorityPrefix: 'KT.',
      authorityLine: 'TRƯỞNG PHÒNG',
      fullName: 'Nguyễn Văn Ánh',
    });
    const docx = await renderDocx(m);
    expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe('PK');
  });

  it('refuses without an agency, with a past deadline, or with a unit outside the period', async () => {
    const { ids, p } = await setup(false);
    await expect(
      buildReminder(core.db, { periodId: p.id, unitIds: ids, newDeadline: '2024-05-17', date: '2024-05-13' }),
    ).rejects.toThrow(/Chưa khai báo thông tin cơ quan/);
    await saveAgency(
      core.db,
      agencyInput.parse({
        parentName: '',
        name: 'SỞ NỘI VỤ',
        abbreviation: 'SNV',
        place: 'Đồng Nai',
        draftingUnit: '',
        signers: [{ fullName: 'A', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: true }],
      }),
    );
    await expect(
      buildReminder(core.db, { periodId: p.id, unitIds: ids, newDeadline: '2024-05-01', date: '2024-05-13' }),
    ).rejects.toThrow(/Hạn nộp mới 01\/05\/2024 đã qua/);
    await expect(
      buildReminder(core.db, { periodId: p.id, unitIds: [999], newDeadline: '2024-05-20', date: '2024-05-13' }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('writes agency names the way a sentence needs them', () => {
    expect(agencyInSentence('SỞ NỘI VỤ')).toBe('Sở Nội vụ');
    expect(agencyInSentence('PHÒNG NỘI VỤ')).toBe('Phòng Nội vụ');
    expect(agencyInSentence('SỞ TƯ PHÁP')).toBe('Sở Tư pháp');
  });
});
