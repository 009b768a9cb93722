// The contract boundary: every argument validated, errors as typed Vietnamese data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch, type Dispatch } from '../../src/main/dispatch';
import { handlers } from '../../src/main/api-handlers';
import { contract, methodNames } from '../../src/shared/contract';
import { dataFingerprint, freshCore } from './helpers';

let core: Core;
let dispatch: Dispatch;
beforeEach(async () => {
  core = await freshCore();
  dispatch = createDispatch(core);
});
afterEach(async () => {
  await core.close();
});

const agency = {
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
    { fullName: 'Trần Thị Bình', title: 'GIÁM ĐỐC', authorityPrefix: '', authorityLine: '', isDefault: false },
  ],
};

describe('dispatch', () => {
  it('has a handler for every contract method and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    expect(methodNames.length).toBe(Object.keys(contract).length);
  });

  it('refuses unknown methods and malformed arguments for every method, changing nothing', async () => {
    const before = await dataFingerprint(core);
    expect(await dispatch('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    for (const m of methodNames) {
      for (const bad of [42, 'x', [1, 2], { unexpected: true, id: -1 }]) {
        const r = await dispatch(m, bad);
        expect(r.ok, `${m} accepted ${JSON.stringify(bad)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('INVALID_ARGS');
          expect(r.error.message).toMatch(/^Dữ liệu không hợp lệ/);
        }
      }
    }
    expect(await dataFingerprint(core)).toBe(before);
  });

  it('saves and reads back the agency with its signers', async () => {
    const saved = await dispatch('agency.save', agency);
    expect(saved.ok).toBe(true);
    const got = await dispatch('agency.get', undefined);
    expect(got).toMatchObject({
      ok: true,
      value: {
        name: 'SỞ NỘI VỤ',
        abbreviation: 'SNV',
        signers: [
          { fullName: 'Nguyễn Văn Ánh', authorityPrefix: 'KT.', isDefault: true },
          { fullName: 'Trần Thị Bình' },
        ],
      },
    });
  });

  it('requires UPPER CASE where the decree prints it, and names the field', async () => {
    const r = await dispatch('agency.save', { ...agency, name: 'Sở Nội vụ' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', where: { field: 'name' } } });
    if (!r.ok) expect(r.error.message).toContain('phải viết IN HOA');
    const s = await dispatch('agency.save', { ...agency, signers: [{ ...agency.signers[0]!, authorityLine: '' }] });
    expect(s).toMatchObject({ ok: false, error: { where: { field: 'signers.0.authorityLine' } } });
    const two = await dispatch('agency.save', {
      ...agency,
      signers: agency.signers.map((x) => ({ ...x, isDefault: true })),
    });
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.error.message).toContain('một người ký mặc định');
    const abbr = await dispatch('agency.save', { ...agency, abbreviation: 'S N V' });
    expect(abbr).toMatchObject({ ok: false, error: { where: { field: 'abbreviation' } } });
    const blank = await dispatch('agency.save', { ...agency, place: '   ' });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.message).toContain('Địa danh không được để trống');
  });

  it('turns service failures into typed errors', async () => {
    const r = await dispatch('units.get', { id: 12345 });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('saves an export through the platform, atomically', async () => {
    const r = await dispatch('units.exportXlsx', undefined);
    expect(r).toMatchObject({ ok: true, value: { saved: true } });
  });

  it('refuses a line break in a one-line agency field at once, naming the field; too long says so', async () => {
    const before = await dataFingerprint(core);
    for (const [field, value] of [
      ['name', 'SỞ NỘI VỤ\r\nTỈNH QUẢNG NAM'],
      ['parentName', 'ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM'],
      ['place', 'Quảng\u2028Nam'],
    ] as const) {
      const r = await dispatch('agency.save', { ...agency, [field]: value });
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/phải viết trên một dòng \(không có dấu xuống dòng\)/);
    }
    const signer = { ...agency.signers[0]!, fullName: 'Nguyễn\nVăn Ánh' };
    const r = await dispatch('agency.save', { ...agency, signers: [signer] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Họ và tên người ký phải viết trên một dòng');
    const long = await dispatch('agency.save', { ...agency, name: 'S'.repeat(10_000_000) });
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error.message).toContain('Tên cơ quan dài quá 200 ký tự.');
    expect(await dataFingerprint(core)).toBe(before);
  });
});
