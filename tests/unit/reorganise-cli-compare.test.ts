// The CLI across a reorganisation: `compile show` restates last year onto the new units and says
// so, and folds a window spanning the date into the new units; `units repoint` lists what still names an old unit and re-points it with --confirm.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';
import { createUnit } from '../../src/main/features/units/units';
import { createPeriod } from '../../src/main/features/periods/periods';
import { listTemplates } from '../../src/main/features/templates/templates';
import { periodInput } from '../../src/shared/contract/periods';
import { report } from './compile-fixture';
import { mappingWorkbook } from './reorganise-fixture';

let dir: string;
let db: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bcnv-reorg-cli2-'));
  db = path.join(dir, 'cli.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const opened = () => openCore({ dbPath: db, platform: folderPlatform(dir) });
type Opened = Awaited<ReturnType<typeof opened>>;
const period = async (core: Opened, type: string, year: number, expected: unknown, month = 9) =>
  (
    await createPeriod(
      core.db,
      periodInput.parse({
        type,
        year,
        index: type === 'month' ? month : null,
        templateId: (await listTemplates(core.db)).find((x) => x.code === 'dan-van-chinh-quyen')!.id,
        expected,
      }),
    )
  ).id;
const xa = { mode: 'kinds', kinds: ['ubnd_xa'] };

describe('CLI across a reorganisation', () => {
  it('compares on the new units and re-points an open period when confirmed', async () => {
    let core = await opened();
    const ids: Record<string, number> = {};
    for (const code of ['X1', 'X2'])
      ids[code] = (
        await createUnit(core.db, {
          code,
          name: `UBND xã ${code}`,
          shortName: '',
          kind: 'ubnd_xa',
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: '2020-01-01',
          activeTo: null,
        })
      ).id;
    const p2024 = await period(core, 'month', 2024, xa);
    await report(core, p2024, ids.X1!, { DT01: 4 }, '2024-10-05');
    await report(core, p2024, ids.X2!, { DT01: 6 }, '2024-10-05');
    // A period still to come that lists X1 and X2 by name.
    await period(core, 'year', 2030, { mode: 'list', unitIds: [ids.X1!, ids.X2!] });
    await core.close();
    const file = path.join(dir, 'phu-luc.xlsx');
    const row = (oldCode: string, newName: string) => ({
      oldCode,
      oldName: '',
      newCode: 'XM',
      newName,
      kind: '',
      share: null,
    });
    fs.writeFileSync(file, await mappingWorkbook([row('X1', 'UBND xã Hòa Bình'), row('X2', '')]));
    expect((await run('units', 'reorganise', file, '--apply')).code).toBe(0);

    core = await opened();
    const p2025 = await period(core, 'month', 2025, xa);
    const xm = (await core.db.selectFrom('units').select('id').where('code', '=', 'XM').executeTakeFirstOrThrow()).id;
    await report(core, p2025, xm, { DT01: 13 }, '2025-10-05');
    await core.close();

    const shown = await run('compile', 'show', '--period', String(p2025), '--today', '2025-10-20');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/^DT01\t13\t\(\+3\)/m);
    expect(shown.out).toMatch(
      /Lưu ý: Số liệu cùng kỳ được quy đổi theo đơn vị hành chính mới \(sắp xếp đơn vị từ ngày 01\/07\/2025\)/,
    );
    expect(shown.out).toMatch(/^Cùng kỳ quy đổi\tXM\tUBND xã Hòa Bình\t← X1, X2$/m);

    const listed = await run('units', 'repoint');
    expect(listed.out).toMatch(/2 đề xuất chuyển sang đơn vị mới/);
    expect(listed.out).toMatch(/Danh sách đơn vị của kỳ báo cáo\tKỳ báo cáo “Năm 2030”\tX1 → XM/);
    expect(listed.out).toMatch(/Chỉ xem: thêm --confirm all/);
    const done = await run('units', 'repoint', '--confirm', 'all', '--actor', 'Chuyên viên B');
    expect(done.out).toMatch(
      /^Đã chuyển 2 đề xuất theo lần sắp xếp số 1\.\nLần sắp xếp số 1 \(từ ngày 01\/07\/2025\): 0 đề xuất/,
    );
    expect((await run('units', 'reorganise-undo', '1')).err).toMatch(
      /đã chuyển văn bản chỉ đạo, kỳ báo cáo hoặc đợt chấm điểm/,
    );
  });

  it('folds a window spanning the date (June and July 2025) into the unit that took the old ones over', async () => {
    let core = await opened();
    const ids: Record<string, number> = {};
    for (const code of ['X1', 'X2'])
      ids[code] = (
        await createUnit(core.db, {
          code,
          name: `UBND xã ${code}`,
          shortName: '',
          kind: 'ubnd_xa',
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: '2020-01-01',
          activeTo: null,
        })
      ).id;
    const june = await period(core, 'month', 2025, xa, 6);
    await report(core, june, ids.X1!, { DT01: 4, DT02: 10, DT03: 5 }, '2025-07-03');
    await report(core, june, ids.X2!, { DT01: 6, DT02: 30, DT03: 10 }, '2025-07-03');
    await core.close();
    const file = path.join(dir, 'phu-luc.xlsx');
    const row = (oldCode: string) => ({
      oldCode,
      oldName: '',
      newCode: 'XM',
      newName: 'UBND xã Hòa Bình',
      kind: '',
      share: null,
    });
    fs.writeFileSync(file, await mappingWorkbook([row('X1'), row('X2')]));
    expect((await run('units', 'reorganise', file, '--apply')).code).toBe(0);
    core = await opened();
    const july = await period(core, 'month', 2025, xa, 7);
    const xm = (await core.db.selectFrom('units').select('id').where('code', '=', 'XM').executeTakeFirstOrThrow()).id;
    await report(core, july, xm, { DT01: 3, DT02: 20, DT03: 5 }, '2025-08-03');
    await core.close();

    const shown = await run(
      'compile',
      'show',
      '--period',
      String(june),
      '--period',
      String(july),
      '--today',
      '2025-08-20',
    );
    expect(shown.code).toBe(0);
    // 4 + 6 + 3; the rate (5 + 10 + 5) / (10 + 30 + 20) = 33,33 %.
    expect(shown.out).toMatch(/^DT01\t13\t/m);
    expect(shown.out).toMatch(/^DT04\t33,33%\t/m);
    expect(shown.out).toMatch(
      /Lưu ý: Số liệu kỳ này được quy đổi theo đơn vị hành chính mới \(sắp xếp đơn vị từ ngày 01\/07\/2025\): số liệu đã báo cáo trong kỳ này của 2 đơn vị cũ được cộng vào 1 đơn vị mới/,
    );
    expect(shown.out).toMatch(/^Kỳ này quy đổi\tXM\tUBND xã Hòa Bình\t← X1, X2$/m);
    // No old unit is listed as outside the list any more.
    expect(shown.out).not.toMatch(/không thuộc danh sách/);
    const json = JSON.parse(
      (
        await run(
          'compile',
          'show',
          '--period',
          String(june),
          '--period',
          String(july),
          '--today',
          '2025-08-20',
          '--json',
        )
      ).out,
    );
    expect(
      json.current.units.map((u: { code: string; values: Record<string, string> }) => [u.code, u.values.DT01]),
    ).toEqual([['XM', '13']]);
  });
});
