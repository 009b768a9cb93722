// Guided start at 1280×720: the app opens on Tổng quan, where a checklist leads from an empty app
// to the first report received (Cơ quan → Đơn vị → Văn bản → Kỳ báo cáo → Thu báo cáo). Each step
// is a link to its screen; a step is ticked only when the data shows it done; with all five done
// the checklist steps aside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { setupCollect, type CollectSetup } from '../unit/collect-helpers';
import { createPlan } from '../../src/main/features/plans/plans';
import { planInput } from '../../src/shared/contract/plans';
import { createDispatch } from '../../src/main/dispatch';

let t: E2E;
beforeAll(async () => {
  t = await openE2E('guided');
  await t.page.setViewportSize({ width: 1280, height: 720 });
});
afterAll(async () => {
  await t?.close();
});

const doneSteps = () =>
  t.page
    .locator('.setup-step')
    .evaluateAll((li) => li.map((x) => `${x.getAttribute('data-step')}:${x.getAttribute('data-done')}`));

describe('guided start', () => {
  it('opens on Tổng quan with every step to do, the first one marked next', async () => {
    const { page } = t;
    await page.goto(t.bridge.url);
    await page.waitForSelector('.setup');
    expect(await page.getAttribute('nav a:has-text("Tổng quan")', 'aria-current')).toBe('page');
    expect(await doneSteps()).toEqual(['agency:false', 'units:false', 'plans:false', 'periods:false', 'reports:false']);
    expect(await page.locator('.setup-step.is-next').getAttribute('data-step')).toBe('agency');
    expect(await page.locator('.setup-steps a').allInnerTexts()).toEqual([
      'Cơ quan',
      'Đơn vị',
      'Văn bản chỉ đạo',
      'Kỳ báo cáo',
      'Thu báo cáo',
    ]);
    await t.shot('01-fresh');
    // Each step is a link to its screen.
    await page.click('.setup-steps a:has-text("Cơ quan")');
    await page.waitForSelector('[role=tab][aria-selected=true]:has-text("Cơ quan")');
    await page.goBack();
    await page.click('.setup-steps a:has-text("Đơn vị")');
    await page.waitForSelector('h1:has-text("Đơn vị")');
    expect(t.problems).toEqual([]);
  });

  let s: CollectSetup;
  it('ticks what the data shows done and marks the next step', async () => {
    const { page } = t;
    s = await setupCollect(t.bridge.core.db, 3);
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.reload();
    await page.waitForSelector('.setup');
    expect(await doneSteps()).toEqual(['agency:true', 'units:true', 'plans:false', 'periods:true', 'reports:false']);
    expect(await page.locator('.setup-step[data-step=units]').innerText()).toContain('3 đơn vị.');
    expect(await page.locator('.setup-step.is-next').getAttribute('data-step')).toBe('plans');
    await t.shot('02-partly-done');
    await page.click('.setup-steps a:has-text("Văn bản chỉ đạo")');
    await page.waitForSelector('h1:has-text("Văn bản chỉ đạo")');
    expect(t.problems).toEqual([]);
  });

  it('steps aside once a report is received', async () => {
    const { page } = t;
    const db = t.bridge.core.db;
    await createPlan(
      db,
      planInput.parse({
        type: 'KH',
        number: '468',
        symbol: 'KH-UBND',
        issuedDate: '2025-03-27',
        issuer: 'UBND tỉnh',
        summary: 'Thực hiện công tác dân vận chính quyền năm 2025',
      }),
    );
    await page.goto(`${t.bridge.url}#/tong-quan`);
    await page.reload();
    await page.waitForSelector('.setup-step[data-step=reports].is-next');
    const dispatch = createDispatch(t.bridge.core);
    const unitId = s.units[0]!.id;
    expect(
      (await dispatch('reports.save', { periodId: s.period.id, unitId, values: [{ key: 'DT01', input: 3 }] })).ok,
    ).toBe(true);
    const submitted = await dispatch('reports.submit', { periodId: s.period.id, unitId, receivedDate: '2025-06-15' });
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    await page.reload();
    await page.waitForSelector('.rp-cards');
    expect(await page.locator('.setup').count()).toBe(0);
    await t.shot('03-complete');
    expect(t.problems).toEqual([]);
  });
});
