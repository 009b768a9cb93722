// After a reorganisation (issue 20), what still names an old unit is proposed for re-pointing to
// the units that took it over, changed only when the user confirms, recorded; periods that ended
// before the date keep their old units.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { createUnit } from '../../src/main/features/units/units';
import { listTemplates } from '../../src/main/features/templates/templates';
import { createPeriod } from '../../src/main/features/periods/periods';
import { createPlan } from '../../src/main/features/plans/plans';
import { createRound } from '../../src/main/features/scoring/rounds';
import { saveScores } from '../../src/main/features/scoring/unit-scoring';
import { applyReorganisation, undoReorganisation } from '../../src/main/features/reorganise/reorganise';
import { applyRepoint, repointList } from '../../src/main/features/reorganise/repoint';
import { periodInput } from '../../src/shared/contract/periods';
import { planInput } from '../../src/shared/contract/plans';
import { roundInput, saveScoresInput } from '../../src/shared/contract/scoring';
import { AppError } from '../../src/shared/errors';
import { dataFingerprint, freshCore } from './helpers';
import { mappingWorkbook, type MappingRow } from './reorganise-fixture';

let core: Core;
const ids: Record<string, number> = {};
let p2024 = 0;
let p2025 = 0;
let roundId = 0;
let actId = 0;

const row = (oldCode: string, newCode: string, newName = '', share: MappingRow['share'] = null): MappingRow => ({
  oldCode,
  oldName: '',
  newCode,
  newName,
  kind: '',
  share,
});

beforeEach(async () => {
  core = await freshCore();
  const before = new Date('2024-01-02T00:00:00Z');
  for (const c of ['X1', 'X2', 'X3', 'S', 'H'])
    ids[c] = (
      await createUnit(
        core.db,
        {
          code: c,
          name: `UBND ${c}`,
          shortName: '',
          kind: c === 'H' ? 'ubnd_huyen' : 'ubnd_xa',
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: '2020-01-01',
          activeTo: null,
        },
        before,
      )
    ).id;
  const templateId = (await listTemplates(core.db))[0]!.id;
  const list = (codes: string[]) => ({ mode: 'list', unitIds: codes.map((c) => ids[c]!) });
  const period = async (year: number, codes: string[]) =>
    (
      await createPeriod(
        core.db,
        periodInput.parse({ type: 'quarter', year, index: 3, templateId, expected: list(codes) }),
      )
    ).id;
  p2024 = await period(2024, ['X1', 'S', 'H']);
  p2025 = await period(2025, ['X1', 'X2', 'H']);
  const ref = (c: string) => ({ unitId: ids[c]!, name: `UBND ${c}` });
  await createPlan(
    core.db,
    planInput.parse({
      type: 'KH',
      number: '12',
      symbol: 'KH-UBND',
      summary: 'Kế hoạch cải cách hành chính năm 2025',
      tasks: [
        { text: 'Rà soát thủ tục hành chính', lead: ref('X1'), supporting: [ref('S')], deadline: '2025-11-30' },
        { text: 'Báo cáo quý I', lead: ref('X2'), deadline: '2025-03-31' },
        { text: 'Tổng kết năm', lead: ref('H') },
      ],
    }),
  );
  const setId = (await core.db.selectFrom('scoring_sets').select('id').executeTakeFirstOrThrow()).id;
  roundId = (
    await createRound(
      core.db,
      roundInput.parse({ year: 2025, setId, unitIds: [ids.X1!, ids.X3!] }),
      new Date('2025-06-01T00:00:00Z'),
    )
  ).id;
  // X3 has begun scoring itself: its place in the round is kept.
  const code = (
    await core.db
      .selectFrom('scoring_lines as l')
      .innerJoin('scorings as s', 's.id', 'l.scoring_id')
      .select('l.code')
      .where('s.unit_id', '=', ids.X3!)
      .where('l.kind', '=', 'criterion')
      .executeTakeFirstOrThrow()
  ).code;
  await saveScores(
    core.db,
    saveScoresInput.parse({ roundId, unitId: ids.X3!, side: 'self', lines: [{ code, score: 1 }] }),
  );
  actId = (
    await applyReorganisation(
      core.db,
      'phu-luc.xlsx',
      await mappingWorkbook([
        row('X1', 'XM', 'UBND xã Mới'),
        row('X2', 'XM'),
        row('X3', 'XM'),
        row('S', 'XP1', 'UBND xã Phú Một', '60%'),
        row('S', 'XP2', 'UBND xã Phú Hai', '40%'),
        row('H', ''),
      ]),
      '2025-07-01',
      new Date('2025-07-05T08:00:00Z'),
    )
  ).id;
});
afterEach(async () => {
  await core.close();
});

const codeOf = async (id: number) =>
  (await core.db.selectFrom('units').select('code').where('id', '=', id).executeTakeFirstOrThrow()).code;
const listOf = async (table: 'period_units' | 'period_expected', periodId: number) =>
  Promise.all(
    (await core.db.selectFrom(table).select('unit_id').where('period_id', '=', periodId).execute()).map((r) =>
      codeOf(r.unit_id),
    ),
  ).then((c) => c.sort());

describe('re-pointing after a reorganisation', () => {
  it('proposes, for what is still to come, the units that took the old ones over — and changes nothing yet', async () => {
    const before = await dataFingerprint(core);
    const l = await repointList(core.db, actId);
    expect(await dataFingerprint(core)).toBe(before);
    const lines = l.proposals.map((p) => [
      p.area,
      p.oldUnit.code,
      p.successors.map((s) => s.code).join('+'),
      p.blocked ? 'blocked' : '',
    ]);
    expect(lines).toEqual([
      ['plan_task', 'X1', 'XM', ''],
      ['plan_task', 'S', 'XP1+XP2', ''],
      ['plan_task', 'H', '', 'blocked'],
      // The quarter's list was frozen when its window closed (today is past it): the stored list.
      ['period_expected', 'X1', 'XM', ''],
      ['period_expected', 'X2', 'XM', ''],
      ['period_expected', 'H', '', ''],
      ['scoring_round', 'X1', 'XM', ''],
      ['scoring_round', 'X3', 'XM', 'blocked'],
    ]);
    // The quarter of 2024 ended before the date: it keeps X1, S and H (its list was frozen by the act).
    expect(l.closedPeriodsKept).toBe(1);
    expect(l.proposals.find((p) => p.area === 'plan_task')!.owner).toMatch(/Kế hoạch số 12\/KH-UBND, nhiệm vụ 1/);
  });

  it('applies the confirmed proposals, records them, and leaves closed periods alone', async () => {
    const l = await repointList(core.db, actId);
    const frozen2024 = await listOf('period_expected', p2024);
    const keys = l.proposals.filter((p) => !p.blocked).map((p) => p.key);
    const r = await applyRepoint(core.db, { id: actId, keys, actor: 'Chuyên viên A' });
    expect(r.applied).toBe(6);
    expect(r.list.proposals.map((p) => p.oldUnit.code)).toEqual(['H', 'X3']);
    expect(await listOf('period_units', p2025)).toEqual(['XM']);
    expect(await listOf('period_expected', p2025)).toEqual(['XM']);
    expect(await listOf('period_units', p2024)).toEqual(['H', 'S', 'X1']);
    expect(await listOf('period_expected', p2024)).toEqual(frozen2024);
    const tasks = await core.db.selectFrom('plan_task_units').select(['unit_id', 'role', 'name']).execute();
    const named = await Promise.all(tasks.map(async (t) => [t.unit_id ? await codeOf(t.unit_id) : null, t.role]));
    expect(named.sort()).toEqual([
      ['H', 'lead'],
      ['X2', 'lead'],
      ['XM', 'lead'],
      ['XP1', 'support'],
      ['XP2', 'support'],
    ]);
    const inRound = await core.db.selectFrom('scorings').select('unit_id').where('round_id', '=', roundId).execute();
    expect((await Promise.all(inRound.map((s) => codeOf(s.unit_id)))).sort()).toEqual(['X3', 'XM']);
    const recorded = await core.db.selectFrom('reorg_repoints').selectAll().execute();
    expect(recorded).toHaveLength(6);
    expect(recorded.every((x) => x.actor === 'Chuyên viên A' && x.reorganisation_id === actId)).toBe(true);
    const events = await core.db.selectFrom('period_events').select('note').where('period_id', '=', p2025).execute();
    expect(events.map((e) => e.note)).toContain(
      'Theo lần sắp xếp đơn vị số 1 (từ ngày 01/07/2025): thay UBND X1 bằng UBND xã Mới.',
    );
    // An act whose new units are now named elsewhere is not undone.
    await expect(undoReorganisation(core.db, actId)).rejects.toMatchObject({ code: 'REORG_REPOINTED' });
  });

  it('refuses a stale or blocked proposal, changing nothing', async () => {
    const l = await repointList(core.db, actId);
    const before = await dataFingerprint(core);
    const good = l.proposals.find((p) => !p.blocked)!.key;
    const blocked = l.proposals.find((p) => p.blocked)!.key;
    const err = await applyRepoint(core.db, { id: actId, keys: [good, blocked], actor: 'A' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/Chưa thay đổi gì/);
    await expect(
      applyRepoint(core.db, { id: actId, keys: [good, 'period_list:999:1'], actor: 'A' }),
    ).rejects.toMatchObject({ code: 'STALE_REPOINT' });
    expect(await dataFingerprint(core)).toBe(before);
  });
});
