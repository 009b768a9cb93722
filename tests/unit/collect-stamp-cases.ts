// The stamped-workbook cases shared by the unit test (the app's reader) and the integration test
// (openpyxl): the period's common parts and units with every kind of value.
import type { Core } from '../../src/main/core/core';
import type { StampCommon } from '../../src/main/features/collect/collect-stamp';
import { getAgency } from '../../src/main/features/agency/agency';
import { getPeriod } from '../../src/main/features/periods/periods';
import { getTemplate } from '../../src/main/features/templates/templates';
import { bookSecret } from '../../src/main/features/safety/settings';
import type { ValueMap } from '../../src/shared/model/report';
import { setupCollect } from './collect-helpers';

/** One period's common parts on a fresh core. */
export async function stampCommon(core: Core): Promise<StampCommon> {
  const s = await setupCollect(core.db, 1);
  const period = await getPeriod(core.db, s.period.id);
  return {
    agency: await getAgency(core.db),
    period,
    template: await getTemplate(core.db, period.templateId),
    generatedAt: '2025-06-20T03:04:05.000Z',
    secret: await bookSecret(core.db),
  };
}

export const cases: {
  label: string;
  unit: { id: number; code: string; name: string; shortName: string };
  values: ValueMap;
}[] = [
  { label: 'empty', unit: { id: 1, code: 'X001', name: 'Xã Tam Xuân', shortName: '' }, values: {} },
  {
    label: 'filled, with a rate, yes/no, text and narrative',
    unit: { id: 42, code: 'P_07', name: 'Phường Hội An', shortName: 'Hội An' },
    values: {
      LD01: '3',
      LD04: '1',
      DC02: '0',
      DT01: '2',
      DT02: '20',
      DT03: '15',
      HC01: '1234567',
      TX05: ' Có & <b> "nháy" \'đơn\'\nxuống dòng ',
      'muc:I': 'Đã ban hành kế hoạch.',
      'muc:II.1': '=1+1 không phải công thức',
    },
  },
  {
    label: 'a long name with markup characters (taller cover row)',
    unit: {
      id: 7,
      code: 'X-9',
      name: `Xã & <Hòa> "Bình" 'Tây' ${'rất dài '.repeat(12)}`.trim(),
      shortName: '',
    },
    values: { DT02: '8', DT03: '3', HC02: '0' },
  },
  {
    label: 'a code read as a formula (built from scratch)',
    unit: { id: 8, code: '-X8', name: 'Xã Âm', shortName: '' },
    values: { LD02: '1' },
  },
];
