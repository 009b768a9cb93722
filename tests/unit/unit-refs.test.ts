// The plan editor's lead/supporting units: names from the register carry the unit's id, others stay free.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { createUnit, listUnits } from '../../src/main/features/units/units';
import { resolveUnitRef, resolveUnitRefs } from '../../src/shared/domain/unit-refs';
import type { Plan } from '../../src/shared/model/plan';
import { freshCore, tempDir } from './helpers';

const units = [
  { id: 1, code: 'SNV', name: 'Sở Nội vụ', shortName: 'SNV' },
  { id: 2, code: 'STC', name: 'Sở Tài chính', shortName: '' },
  { id: 3, code: 'PHUONG1', name: 'UBND phường Bến Nghé', shortName: 'P. Bến Nghé' },
];

describe('resolveUnitRef', () => {
  it('links a name of the register regardless of case, accents and spacing', () => {
    expect(resolveUnitRef('Sở Nội vụ', units)).toEqual({ unitId: 1, name: 'Sở Nội vụ' });
    expect(resolveUnitRef('  so  noi VU ', units)).toEqual({ unitId: 1, name: 'Sở Nội vụ' });
    expect(resolveUnitRef('P. Bến Nghé', units)).toEqual({ unitId: 3, name: 'UBND phường Bến Nghé' });
    expect(resolveUnitRef('stc', units)).toEqual({ unitId: 2, name: 'Sở Tài chính' });
  });
  it('keeps a free name as typed, and nothing for blank', () => {
    expect(resolveUnitRef('UBND các phường, xã', units)).toEqual({ unitId: null, name: 'UBND các phường, xã' });
    expect(resolveUnitRef('   ', units)).toBeNull();
  });
  it('keeps the link of a unit no longer in the active list', () => {
    const previous = [{ unitId: 9, name: 'Sở Khoa học' }];
    expect(resolveUnitRef('Sở Khoa học', units, previous)).toEqual({ unitId: 9, name: 'Sở Khoa học' });
  });
  it('splits supporting units on ";" and drops duplicates', () => {
    expect(resolveUnitRefs('Sở Nội vụ; SNV; Công an tỉnh;; công an tỉnh\nSTC', units)).toEqual([
      { unitId: 1, name: 'Sở Nội vụ' },
      { unitId: null, name: 'Công an tỉnh' },
      { unitId: 2, name: 'Sở Tài chính' },
    ]);
  });
});

describe('plans keep unit links and target unit kinds', () => {
  let core: Core;
  let dir: string;
  beforeEach(async () => {
    dir = tempDir('bcnv-unitrefs-');
    core = await freshCore({ dir, exports: dir });
  });
  afterEach(async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the register id of a picked unit and the kinds a target applies to', async () => {
    const base = {
      shortName: '',
      parentId: null,
      email: '',
      contactPerson: '',
      phone: '',
      activeFrom: null,
      activeTo: null,
    };
    await createUnit(core.db, { ...base, code: 'SNV', name: 'Sở Nội vụ', kind: 'so_nganh' });
    await createUnit(core.db, { ...base, code: 'XA1', name: 'UBND xã An Bình', kind: 'ubnd_xa' });
    const register = await listUnits(core.db, {});
    const dispatch = createDispatch(core);
    const res = await dispatch('plans.create', {
      type: 'KH',
      summary: 'Kế hoạch cải cách hành chính',
      tasks: [
        {
          text: 'Rà soát thủ tục',
          lead: resolveUnitRef('so noi vu', register),
          supporting: resolveUnitRefs('UBND xã An Bình; Công an tỉnh', register),
        },
      ],
      targets: [
        {
          text: 'Hồ sơ trực tuyến',
          comparator: 'tren',
          value: '80',
          valueUnit: '%',
          unitKinds: ['ubnd_xa', 'ubnd_phuong'],
        },
      ],
    });
    expect(res.ok).toBe(true);
    const plan = (res as { ok: true; value: Plan }).value;
    const snv = register.find((u) => u.code === 'SNV')!;
    const xa = register.find((u) => u.code === 'XA1')!;
    expect(plan.tasks[0]!.lead).toEqual({ unitId: snv.id, name: 'Sở Nội vụ' });
    expect(plan.tasks[0]!.supporting).toEqual([
      { unitId: xa.id, name: 'UBND xã An Bình' },
      { unitId: null, name: 'Công an tỉnh' },
    ]);
    expect(plan.targets[0]!.unitKinds).toEqual(['ubnd_xa', 'ubnd_phuong']);
  });
});
