// Tổng quan's trend chart with eight periods in its 340 px (the benchmarks' data set: ten periods,
// “Năm 2016”… and “6 tháng đầu năm …” names): at 1280×720 and 1440×900 every period's label is
// drawn inside the chart, beside its bars, and no two labels overlap (they used to run together:
// “Năm 2016Năm 2019…”). Each label carries the period's full name as its tooltip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { bulkSeed } from '../../bench/lib/bulk-seed';

const CHART = 'svg[aria-label="Biểu đồ tỷ lệ báo cáo các kỳ gần đây"]';

let t: E2E;
beforeAll(async () => {
  t = await openE2E('trend-chart');
  await bulkSeed(t.bridge.core, 12);
});
afterAll(async () => {
  await t?.close();
});

interface Box {
  name: string;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

describe('Tổng quan: the trend chart', () => {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    it(`labels every period without overlap at ${width}×${height}`, async () => {
      const { page } = t;
      await page.setViewportSize({ width, height });
      await page.goto(`${t.bridge.url}#/tong-quan`);
      await page.waitForSelector(`${CHART} rect`);
      const { svg, labels } = await page.locator(CHART).evaluate((el) => {
        const box = el.getBoundingClientRect();
        // The label of a period is the text holding its tspans (the rate below it has none).
        const texts = Array.from(el.querySelectorAll('text')).filter((x) => x.querySelector('tspan'));
        return {
          svg: { left: box.left, right: box.right, bottom: box.bottom },
          labels: texts.map((x) => {
            const r = x.getBoundingClientRect();
            return {
              name: x.querySelector('title')?.textContent ?? '',
              text: Array.from(x.querySelectorAll('tspan'))
                .map((s) => s.textContent)
                .join(' '),
              left: r.left,
              right: r.right,
              top: r.top,
              bottom: r.bottom,
            };
          }),
        };
      });
      const periods = await t.bridge.core.db.selectFrom('periods').select('name').execute();
      expect(labels.length).toBe(Math.min(8, periods.length));
      for (const l of labels as Box[]) {
        expect(periods.map((p) => p.name)).toContain(l.name);
        expect(l.text.length).toBeGreaterThan(0);
        expect(l.left).toBeGreaterThanOrEqual(svg.left);
        expect(l.right).toBeLessThanOrEqual(svg.right);
        expect(l.bottom).toBeLessThanOrEqual(svg.bottom);
      }
      const byX = [...(labels as Box[])].sort((a, b) => a.left - b.left);
      for (let i = 1; i < byX.length; i++) expect(byX[i]!.left, byX[i]!.text).toBeGreaterThanOrEqual(byX[i - 1]!.right);
      await t.shot(`trend-${width}x${height}`);
    });
  }
});
