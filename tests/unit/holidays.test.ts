// Holidays kept in the settings (Tết, Giỗ Tổ…) move default deadlines past them.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { listTemplates } from '../../src/main/features/templates/templates';
import { previewPeriod, createPeriod } from '../../src/main/features/periods/periods';
import { getHolidays, HOLIDAYS_KEY } from '../../src/main/features/periods/holidays';
import { setSetting } from '../../src/main/features/safety/settings';
import { periodInput } from '../../src/shared/contract/periods';
import { createUnit } from '../../src/main/features/units/units';
import { freshCore, tempDir } from './helpers';
import { blankUnit } from './refusals';

let core: Core;
let dir: string;
beforeEach(async () => {
  dir = tempDir('bcnv-holidays-');
  core = await freshCore({ dir, exports: dir });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function tetPeriod() {
  const templateId = (await listTemplates(core.db)).find((t) => t.code === 'dan-van-chinh-quyen')!.id;
  // Cut-off on Friday 13/02/2026; Tết Bính Ngọ falls on Tuesday 17/02/2026.
  return periodInput.parse({
    type: 'ad_hoc',
    year: 2026,
    windowStart: '2026-01-15',
    windowEnd: '2026-02-13',
    templateId,
    expected: { mode: 'kinds', kinds: ['so_nganh'] },
  });
}

describe('holidays in the settings', () => {
  it('a default deadline skips the configured holidays', async () => {
    await createUnit(core.db, blankUnit('SNV', { name: 'Sở Nội vụ' }));
    const input = await tetPeriod();
    expect((await previewPeriod(core.db, input)).deadline).toBe('2026-02-16');

    const dispatch = createDispatch(core);
    const tet = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
      date,
      name: 'Tết Nguyên đán',
    }));
    const saved = await dispatch('periods.saveHolidays', {
      holidays: [{ date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương' }, ...tet, tet[0]],
    });
    expect(saved.ok).toBe(true);
    const listed = await dispatch('periods.holidays', {});
    expect(listed).toEqual({ ok: true, value: [...tet, { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương' }] });

    const pv = await previewPeriod(core.db, input);
    expect(pv.deadline).toBe('2026-02-23');
    expect(pv.deadlineSource).toBe('default');
    expect((await createPeriod(core.db, input)).deadline).toBe('2026-02-23');
    // A typed deadline is kept as typed, holiday or not.
    expect((await previewPeriod(core.db, { ...input, deadline: '2026-02-17' })).deadline).toBe('2026-02-17');
  });

  it('refuses dates that are not ISO or not real, and more than 100 days, saving nothing', async () => {
    const dispatch = createDispatch(core);
    const bad = await dispatch('periods.saveHolidays', { holidays: [{ date: '17/02/2026', name: 'Tết' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/YYYY-MM-DD/);
    const unreal = await dispatch('periods.saveHolidays', { holidays: [{ date: '2026-02-30', name: '' }] });
    expect(unreal.ok).toBe(false);
    if (!unreal.ok) expect(unreal.error.message).toMatch(/không có thật/);
    const many = Array.from({ length: 101 }, (_, i) => ({
      date: `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      name: '',
    }));
    const tooMany = await dispatch('periods.saveHolidays', { holidays: many });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.error.message).toMatch(/tối đa 100/);
    expect(await getHolidays(core.db)).toEqual([]);
  });

  it('reads a damaged setting as no holidays', async () => {
    await setSetting(core.db, HOLIDAYS_KEY, { not: 'a list' });
    expect(await getHolidays(core.db)).toEqual([]);
    await setSetting(core.db, HOLIDAYS_KEY, [{ date: '2026-04-26', name: 'Giỗ Tổ' }, { date: 42 }, null]);
    expect(await getHolidays(core.db)).toEqual([{ date: '2026-04-26', name: 'Giỗ Tổ' }]);
  });
});
