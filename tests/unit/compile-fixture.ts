// A small, hand-checkable data set for Tổng hợp: five units (one late, one missing), the default
// template, the first half of 2025 and of 2024, a plan with targets, the agency and its signer.
//   DT01 (hội nghị đối thoại): 40 + 35 + 30 + 20 = 125 in 2025; 50 + 33 + 30 = 113 in 2024 → +12.
//   DT04 = (90 + 2 + 45 + 0) / (100 + 20 + 50 + 0) = 137 / 170 = 80,59 % (the average of the
//   units' rates 90 %, 10 %, 90 % would be 63,33 %).
//   DV04 "Dân vận khéo": yes for U1, U2, U4 → 3 of 5 expected = 60 % (target: trên 80 % → not met).
import type { Core } from '../../src/main/core/core';
import { saveAgency } from '../../src/main/features/agency/agency';
import { createUnit } from '../../src/main/features/units/units';
import { createPlan } from '../../src/main/features/plans/plans';
import { createPeriod } from '../../src/main/features/periods/periods';
import { listTemplates } from '../../src/main/features/templates/templates';
import { saveReportValues } from '../../src/main/features/reports/reports';
import { transitionReport } from '../../src/main/features/reports/approval';
import { saveCompileSettings } from '../../src/main/features/compile/compile';
import { agencyInput } from '../../src/shared/contract/agency';
import { planInput } from '../../src/shared/contract/plans';
import { periodInput } from '../../src/shared/contract/periods';
import { saveValuesInput, transitionInput } from '../../src/shared/contract/reports';
import { compileSettingsInput } from '../../src/shared/contract/compile';
import type { UnitKind } from '../../src/shared/model/unit';

export interface CompileFixture {
  units: Record<'U1' | 'U2' | 'U3' | 'U4' | 'U5', number>;
  period2025: number;
  period2024: number;
  planId: number;
  templateId: number;
}

type Values = Record<string, string | number | boolean | null>;

export async function report(
  core: Core,
  periodId: number,
  unitId: number,
  values: Values,
  received: string | null,
): Promise<void> {
  await saveReportValues(
    core.db,
    saveValuesInput.parse({
      periodId,
      unitId,
      actor: 'Chuyên viên',
      values: Object.entries(values).map(([key, input]) => ({ key, input })),
    }),
  );
  if (received)
    await transitionReport(
      core.db,
      transitionInput.parse({ periodId, unitId, to: 'da_nop', receivedDate: received, actor: 'Chuyên viên' }),
    );
}

export async function seedCompile(core: Core): Promise<CompileFixture> {
  await saveAgency(
    core.db,
    agencyInput.parse({
      parentName: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM',
      name: 'SỞ NỘI VỤ',
      abbreviation: 'SNV',
      place: 'Quảng Nam',
      draftingUnit: 'XDCQ',
      signers: [
        {
          fullName: 'Nguyễn Văn Ánh',
          title: 'PHÓ GIÁM ĐỐC',
          authorityPrefix: 'KT.',
          authorityLine: 'GIÁM ĐỐC',
          isDefault: true,
        },
      ],
    }),
  );
  const unit = async (code: string, name: string, kind: UnitKind) =>
    (
      await createUnit(core.db, {
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
      })
    ).id;
  const units = {
    U1: await unit('STP', 'Sở Tư pháp', 'so_nganh'),
    U2: await unit('STC', 'Sở Tài chính', 'so_nganh'),
    U3: await unit('PHA', 'UBND phường Hội An', 'ubnd_phuong'),
    U4: await unit('XDX', 'UBND xã Duy Xuyên', 'ubnd_xa'),
    U5: await unit('XQS', 'UBND xã Quế Sơn', 'ubnd_xa'),
  };
  const templateId = (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  const plan = await createPlan(
    core.db,
    planInput.parse({
      type: 'KH',
      number: '468',
      symbol: 'KH-UBND',
      issuedDate: '2025-03-27',
      issuer: 'UBND tỉnh',
      summary: 'Thực hiện công tác dân vận chính quyền năm 2025',
      targets: [
        {
          text: 'Trên 80% cơ quan, đơn vị đạt tiêu chí "Dân vận khéo"',
          indicatorCode: 'DV04',
          comparator: 'tren',
          value: '80',
          valueUnit: '%',
        },
        {
          text: '100% cơ quan, đơn vị tổ chức hội nghị đối thoại',
          indicatorCode: 'DT01',
          comparator: 'it_nhat',
          value: '100',
          valueUnit: '%',
        },
      ],
      deadlines: [{ periodType: 'half', monthDay: '06-20' }],
    }),
  );
  const expected = { mode: 'kinds', kinds: ['so_nganh', 'ubnd_phuong', 'ubnd_xa'] };
  const period2024 = (
    await createPeriod(core.db, periodInput.parse({ type: 'half', year: 2024, templateId, planId: plan.id, expected }))
  ).id;
  const period2025 = (
    await createPeriod(core.db, periodInput.parse({ type: 'half', year: 2025, templateId, planId: plan.id, expected }))
  ).id;

  await report(core, period2024, units.U1, { DT01: 50, DT02: 80, DT03: 60 }, '2024-06-18');
  await report(core, period2024, units.U2, { DT01: 33, DT02: 10, DT03: 10 }, '2024-06-18');
  await report(core, period2024, units.U3, { DT01: 30 }, '2024-06-18');

  await report(
    core,
    period2025,
    units.U1,
    {
      DT01: 40,
      DT02: 100,
      DT03: 90,
      LD04: 'có',
      DV04: 'có',
      DV01: 3,
      DV02: 2,
      'muc:II.1': 'Tổ chức đối thoại định kỳ hằng quý.\nTiếp nhận và trả lời đầy đủ các kiến nghị.',
    },
    '2025-06-18',
  );
  await report(
    core,
    period2025,
    units.U2,
    { DT01: 35, DT02: 20, DT03: 2, LD04: 'có', DV04: 'có', 'muc:III.1': 'Lãnh đạo quan tâm chỉ đạo sát sao.' },
    '2025-06-19',
  );
  await report(
    core,
    period2025,
    units.U3,
    { DT01: 30, DT02: 50, DT03: 45, LD04: 'có', DV04: 'không', 'muc:II.1': 'Đối thoại với tiểu thương chợ Hội An.' },
    '2025-06-20',
  );
  await report(core, period2025, units.U4, { DT01: 20, DT02: 0, DT03: 0, LD04: 'không', DV04: 'có' }, '2025-06-25');

  await saveCompileSettings(
    core.db,
    compileSettingsInput.parse({
      to: ['Ủy ban nhân dân tỉnh Quảng Nam', 'Bộ Nội vụ'],
      recipients: ['Ban Dân vận Tỉnh ủy'],
      emailTo: ['vanthu@quangnam.gov.vn'],
      emailCc: [],
      symbol: 'BC-SNV',
    }),
  );
  return { units, period2025, period2024, planId: plan.id, templateId };
}
