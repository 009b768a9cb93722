// What migration 0130 keeps: each report's count of rules broken, written with its values and
// the revision it was counted on, so the board counts "có vi phạm quy tắc" without reading
// every report's values. A count not made on the report's own revision (older data) is not used:
// the board judges that report's values itself, with the same result.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core/core';
import { freshCore } from './helpers';
import { addUnits, apiOf, sendReport, templateId, thisYear } from './workflow-helpers';
import { addDays } from '../../src/shared/domain/periods';
import { periodBoard } from '../../src/main/features/reports/board';
import { breachCounter } from '../../src/main/features/reports/rule-checks';
import { getTemplate } from '../../src/main/features/templates/templates';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('breach counts kept with the values', () => {
  it('are written with each save, equal the rules judged, and the board counts the same without them', async () => {
    core = await freshCore();
    const api = apiOf(core);
    const ids = await addUnits(api, 9);
    const p = await api('periods.create', {
      type: 'half',
      year: thisYear - 1,
      templateId: await templateId(core),
      expected: { mode: 'kinds', kinds: ['ubnd_xa'] },
    });
    for (const [k, id] of ids.entries()) {
      // DT03 9 over DT02 1 breaks a rule of the default template; some are saved twice (the second save counts)
      const broken = { DT01: 1, DT02: 1, DT03: 9 };
      const fine = { DT01: 9, DT02: 5, DT03: 2 };
      if (k % 3 === 0) await sendReport(api, p.id, id, broken, addDays(p.deadline, -1), true);
      else if (k % 3 === 1) {
        await api('reports.save', {
          periodId: p.id,
          unitId: id,
          values: Object.entries(broken).map(([key, input]) => ({ key, input })),
        });
        await sendReport(api, p.id, id, fine, addDays(p.deadline, 1));
      } else if (k !== 8)
        await api('reports.save', {
          periodId: p.id,
          unitId: id,
          values: Object.entries(broken).map(([key, input]) => ({ key, input })),
        });
    }
    const counter = breachCounter(await getTemplate(core.db, p.templateId));
    const reports = await core.db.selectFrom('reports').selectAll().where('period_id', '=', p.id).execute();
    expect(reports).toHaveLength(8);
    for (const r of reports) {
      const form = await api('reports.form', { periodId: p.id, unitId: r.unit_id });
      const values = Object.fromEntries(Object.entries(form.values).filter(([, v]) => v !== null)) as Record<
        string,
        string
      >;
      expect(r.breach_revision).toBe(r.revision);
      expect(r.breach_count).toBe(counter.count(values));
      expect(r.breach_count).toBe(form.checks.filter((c) => c.holds === false).length);
    }
    const kept = await periodBoard(core.db, p.id);
    // three submitted with a breach, two being typed with one; those fixed before sending have none
    expect(kept.counts.withBreaches).toBe(5);
    // as older data: counts not made on the report's revision are not used, the board judges the values
    await core.db.updateTable('reports').set({ breach_revision: null }).where('period_id', '=', p.id).execute();
    expect(await periodBoard(core.db, p.id)).toEqual(kept);
    await core.db
      .updateTable('reports')
      .set({ breach_count: 0, breach_revision: 99 })
      .where('period_id', '=', p.id)
      .execute();
    expect(await periodBoard(core.db, p.id)).toEqual(kept);
  });
});
