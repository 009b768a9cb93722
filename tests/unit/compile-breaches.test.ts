// Tổng hợp's breach count and note (compile/breaches.ts) and the explained breaches of the draft:
// the rules' values are read by unit, their reasons apart. Begun reports count on the board's flag,
// only received ones without a reason are named in the note, explained ones go to Phụ lục II.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { apiOf, addUnits, sendReport, templateId, thisYear, type Api } from './workflow-helpers';
import { aggregateWindow } from '../../src/main/features/compile/aggregate-sql';
import { windowBreaches } from '../../src/main/features/compile/breaches';
import { compileWindow } from '../../src/main/features/compile/compile';
import { getDraft } from '../../src/main/features/compile/compile-draft';
import { todayIso } from '../../src/shared/format';

let core: Core;
let api: Api;
beforeEach(async () => {
  core = await freshCore();
  api = apiOf(core);
});
afterEach(async () => {
  await core.close();
});

describe('breaches in Tổng hợp', () => {
  it('counts begun and received breaches, names the unexplained received ones, lists the explained', async () => {
    const ids = await addUnits(api, 6);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const day = p.deadline;
    // 1: received, DT03 > DT02 without a reason; 2: the same with a reason; 3: begun only, breaking
    // DN03 ≤ DN01 + DN02; 4: received and within the rules; 5: received, large counts within the
    // rules; 6: nothing.
    await sendReport(api, p.id, ids[0]!, { DT02: 1, DT03: 5 }, day, true);
    await api('reports.save', {
      periodId: p.id,
      unitId: ids[1]!,
      values: [
        { key: 'DT02', input: 2 },
        { key: 'DT03', input: 7 },
      ],
      reasons: [{ expression: 'DT03 <= DT02', reason: 'Có ý kiến tồn từ kỳ trước' }],
    });
    await api('reports.submit', { periodId: p.id, unitId: ids[1]!, receivedDate: day });
    await sendReport(api, p.id, ids[2]!, { DN01: 1, DN02: 1, DN03: 3 }, null);
    await sendReport(api, p.id, ids[3]!, { DT02: 5, DT03: 5, DN01: 2, DN02: 0, DN03: 2 }, day);
    await sendReport(api, p.id, ids[4]!, { DT02: 1000000, DT03: 999999 }, day);
    const compiled = await api('compile.show', { periodIds: [p.id], compareIds: [] });
    const board = await api('dashboard.board', { periodId: p.id });
    expect(compiled.current.status.counts.withBreaches).toBe(3);
    expect(board.counts.withBreaches).toBe(3);
    const notes = compiled.current.notes.filter((n) => n.includes('chưa ghi lý do'));
    expect(notes).toEqual([expect.stringMatching(/^1 báo cáo đã nhận .*\(Xã số 1: DT03 \(5\) ≤ DT02 \(1\)\)/)]);
    // the view behind the report (the screen's copy leaves them out: tests/unit/paged-screens.test.ts)
    const draft = await getDraft(core.db, { periodIds: [p.id], compareIds: [], today: null });
    expect(draft.explainedBreaches).toEqual([
      { unitName: 'Xã số 2', rule: expect.any(String), reason: 'Có ý kiến tồn từ kỳ trước' },
    ]);
    // Within the rules again: no count, no note.
    await api('reports.return', { periodId: p.id, unitId: ids[0]!, reason: 'Sai số DT03' });
    await api('reports.save', { periodId: p.id, unitId: ids[0]!, values: [{ key: 'DT03', input: 1 }] });
    await api('reports.submit', { periodId: p.id, unitId: ids[0]!, receivedDate: day });
    const again = await api('compile.show', { periodIds: [p.id], compareIds: [] });
    expect(again.current.status.counts.withBreaches).toBe(2);
    expect(again.current.notes.filter((n) => n.includes('chưa ghi lý do'))).toEqual([]);
  });

  it('judges the same reports whether it reads the rules’ values or takes the totals’ read of every number', async () => {
    const ids = await addUnits(api, 7);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    const day = p.deadline;
    await sendReport(api, p.id, ids[0]!, { DT02: 1, DT03: 5, HC01: 4 }, day, true);
    await sendReport(api, p.id, ids[1]!, { DN01: 1, DN02: 1, DN03: 3 }, null);
    await sendReport(api, p.id, ids[2]!, { DT02: 5, DT03: 5 }, day);
    // numbers, none the rules read: no breach, as when only the rules' values are read
    await sendReport(api, p.id, ids[3]!, { HC01: 9, LD01: 2 }, day);
    await sendReport(api, p.id, ids[4]!, { HC02: 1, HC03: 4, DV01: 0, DV02: 3 }, day, true);
    await api('reports.return', { periodId: p.id, unitId: ids[4]!, reason: 'Sai số HC03' });
    await sendReport(api, p.id, ids[5]!, { DV01: 2, DV02: 7 }, day, true);
    const args = { periodIds: [p.id], compareIds: [], today: todayIso() };
    const c = await compileWindow(core.db, args);
    const last = c.loaded.at(-1)!;
    const read = await aggregateWindow(core.db, [last.agg], last.expected, todayIso(), {
      detail: false,
      lastValues: true,
    });
    // every report holding a number, counted or not (begun, returned)
    expect([...read.lastValues!.keys()].sort((a, b) => a - b)).toEqual(ids.slice(0, 6));
    const itself = await windowBreaches(core.db, last, c.current.units, null);
    const taken = await windowBreaches(core.db, last, c.current.units, read.lastValues);
    expect(taken).toEqual(itself);
    expect(itself.withBreaches).toBe(4);
    expect(itself.note).toMatch(/^2 báo cáo đã nhận /);
    expect(c.current.status.counts.withBreaches).toBe(4);
  });
});
