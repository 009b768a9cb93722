// The scoring round the scoring-file tests share: the agency, four units of three kinds and the
// 2025 round over the built-in criteria set; FULL is a complete self-score of 94.5 points.
import type { Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { createRound } from '../../src/main/features/scoring/rounds';
import { saveAgency } from '../../src/main/features/agency/agency';
import { roundInput } from '../../src/shared/contract/scoring';

export interface ScoringFixture {
  roundId: number;
  unitIds: Record<string, number>;
}

export async function seedScoringRound(core: Core): Promise<ScoringFixture> {
  const unitIds: Record<string, number> = {};
  await saveAgency(core.db, {
    parentName: 'UBND TỈNH QUẢNG NAM',
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
  } as never);
  const units: [string, string, 'so_nganh' | 'ubnd_xa' | 'ubnd_phuong'][] = [
    ['STP', 'Sở Tư pháp', 'so_nganh'],
    ['SYT', 'Sở Y tế', 'so_nganh'],
    ['XTB', 'UBND xã Tam Bình', 'ubnd_xa'],
    ['PAT', 'UBND phường An Tân', 'ubnd_phuong'],
  ];
  for (const [code, name, kind] of units) {
    unitIds[code] = (
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
  }
  const setId = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
  const roundId = (
    await createRound(
      core.db,
      roundInput.parse({ year: 2025, setId, selfDeadline: '2025-11-20', appraisalDeadline: '2025-12-10' }),
    )
  ).id;
  return { roundId, unitIds };
}

export const FULL: Record<string, number> = {
  '1.1': 4,
  '1.2': 3,
  '1.3': 2.5,
  '2.1': 4,
  '2.2': 3,
  '2.3': 2,
  '3.1': 8,
  '3.2': 5,
  '3.3': 6,
  '4.1': 7,
  '4.2': 6,
  '4.3': 5,
  '5.1': 6,
  '5.2': 7,
  '5.3': 6,
  '6.1': 7,
  '6.2': 5,
  '6.3': 6,
  T1: 2,
};
