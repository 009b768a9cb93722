// Two people saving the same unit at the same moment on the server (issue 19): the edits of one
// record go one after the other (core/stale-edit.ts), so exactly one is kept and the other is
// refused naming who saved first, whichever order the server runs them in. Ten rounds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createDispatch } from '../../src/main/dispatch';
import { freshCore, tempDir } from './helpers';
import { apiOf, CallError, type Api } from './workflow-helpers';

let core: Core;
let other: Core;
let lan: Api;
let binh: Api;
beforeEach(async () => {
  const dir = tempDir();
  core = await freshCore({ dir });
  other = await freshCore({ dir });
  expect((await createDispatch(core)('audit.setUser', { name: 'Nguyễn Thị Lan' })).ok).toBe(true);
  expect((await createDispatch(other)('audit.setUser', { name: 'Trần Văn Bình' })).ok).toBe(true);
  lan = apiOf(core);
  binh = apiOf(other);
});
afterEach(async () => {
  await other.close();
  await core.close();
});

const UNIT = {
  code: 'XQS',
  name: 'UBND xã Quế Sơn',
  shortName: '',
  kind: 'ubnd_xa' as const,
  parentId: null,
  email: '',
  contactPerson: '',
  phone: '',
  activeFrom: null,
  activeTo: null,
};

describe('two saves of one unit racing on the server', () => {
  it('keep exactly one, and refuse the other with who saved', async () => {
    const created = await lan('units.create', UNIT);
    for (let round = 0; round < 10; round++) {
      const shown = await lan('units.get', { id: created.id });
      const results = await Promise.allSettled([
        lan('units.update', {
          id: shown.id,
          unit: { ...UNIT, contactPerson: `Lan lần ${round}` },
          expectedUpdatedAt: shown.updatedAt,
        }),
        binh('units.update', {
          id: shown.id,
          unit: { ...UNIT, email: `binh${round}@x.vn` },
          expectedUpdatedAt: shown.updatedAt,
        }),
      ]);
      const kept = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(kept).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]!.reason).toBeInstanceOf(CallError);
      const winner = results[0]!.status === 'fulfilled' ? 'Nguyễn Thị Lan' : 'Trần Văn Bình';
      expect((refused[0]!.reason as CallError).data.message).toContain(`Đơn vị này đã được ${winner} sửa lúc`);
      const now = await lan('units.get', { id: created.id });
      // the unit is the winner's version, whole: nothing of the refused save got in
      if (winner === 'Nguyễn Thị Lan') expect(now).toMatchObject({ contactPerson: `Lan lần ${round}`, email: '' });
      else expect(now).toMatchObject({ contactPerson: '', email: `binh${round}@x.vn` });
    }
  });
});
