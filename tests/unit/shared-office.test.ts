// Several people on one database (issue 19), on SQLite and, in the `postgres` project, on the
// server: the audit log's search finds the same rows on both engines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { listAudit } from '../../src/main/features/safety/audit-log';
import { createUnit } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';
import { DEFAULT_ENGINE, freshCore } from './helpers';

let core: Core;
beforeEach(async () => {
  core = await freshCore();
});
afterEach(async () => {
  await core.close();
});

const unit = (code: string, name: string) =>
  unitInput.parse({
    code,
    name,
    shortName: '',
    kind: 'khac',
    parentId: null,
    email: '',
    contactPerson: '',
    phone: '',
    activeFrom: null,
    activeTo: null,
  });

describe(`audit search (${DEFAULT_ENGINE})`, () => {
  it('is blind to A–Z case on both engines alike, and only to it', async () => {
    await createUnit(core.db, unit('PNV01', 'Phòng Nội vụ Đông Anh'));
    await createUnit(core.db, unit('xa02', 'UBND xã Quế Sơn'));
    const found = async (search: string) =>
      (await listAudit(core.db, { table: 'units', search })).rows.map((r) => r.rowId);
    const [pnv, xa] = (await core.db.selectFrom('units').select('id').orderBy('id').execute()).map((u) => u.id);
    expect(await found('pnv01')).toEqual([pnv]);
    expect(await found('XA02')).toEqual([xa]);
    expect(await found('phòng nội')).toEqual([pnv]);
    expect(await found('ubnd XÃ')).toEqual([]);
    expect(await found('Đông anh')).toEqual([pnv]);
    expect(await found('đông anh')).toEqual([]);
    expect(await found('%')).toEqual([xa, pnv]);
  });
});
