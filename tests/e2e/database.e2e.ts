// Several people on one database (issue 19) in the real UI: a screen re-reads its data when another
// client changed it (here a second core on the same file, as the command line or another window
// would), and Cài đặt → Cơ sở dữ liệu shows the database in use, copies it into a new file as a
// job, keeps the choice for the next start, and says why a server cannot be reached.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { openCore } from '../../src/main/app';
import { folderPlatform } from '../../src/main/platform/platform';
import { createUnit } from '../../src/main/features/units/units';
import { unitInput } from '../../src/shared/contract/units';

let t: E2E;
beforeAll(async () => {
  t = await openE2E('database');
  // The screens look every 300 ms instead of every 5 s, so the test does not wait long.
  await t.page.addInitScript(() => {
    (window as { __BCNV_REFRESH_MS?: number }).__BCNV_REFRESH_MS = 300;
  });
  await t.page.reload();
});
afterAll(async () => {
  await t?.close();
});

describe('a shared database in chromium', () => {
  it('the unit list shows a unit another client added, without any click', async () => {
    await t.page.goto(`${t.bridge.url}#/don-vi`);
    await t.page.waitForSelector('button:has-text("+ Thêm đơn vị")');
    const file = t.bridge.core.database.file!;
    const other = await openCore({
      dbPath: file,
      platform: folderPlatform(path.join(t.dir, 'other')),
      version: 'test',
    });
    try {
      await createUnit(
        other.db,
        unitInput.parse({
          code: 'MAYKHAC',
          name: 'Đơn vị do máy khác thêm',
          shortName: '',
          kind: 'khac',
          parentId: null,
          email: '',
          contactPerson: '',
          phone: '',
          activeFrom: null,
          activeTo: null,
        }),
      );
    } finally {
      await other.close();
    }
    await t.page.waitForSelector('.vrow[data-code="MAYKHAC"]');
    await t.shot('01-units-refreshed');
  });

  it('Cơ sở dữ liệu: shows the file in use, copies it into a new file as a job, chooses it for the next start', async () => {
    await t.page.setViewportSize({ width: 1280, height: 900 });
    await t.page.goto(`${t.bridge.url}#/cai-dat`);
    await t.page.click('[role=tab]:has-text("Cơ sở dữ liệu")');
    const inUse = t.page.locator('[aria-label="Đang dùng"]');
    await expect.poll(() => inUse.innerText()).toContain(t.bridge.core.database.file!);
    await t.page.click('label:has-text("Tệp dữ liệu trên máy này") input');
    await t.page.click('button:has-text("Tệp mới (để chép dữ liệu sang)")');
    const target = path.join(t.bridge.exportDir, 'bao-cao-noi-vu.db');
    await t.page.waitForSelector(`code:has-text("${target}")`);
    await t.page.click('button:text-is("Chép dữ liệu sang…")');
    await t.page.waitForSelector('.job-panel [data-state=done]:has-text("Đã chép")');
    expect(fs.existsSync(target)).toBe(true);
    await t.page.click('button:has-text("Kiểm tra kết nối")');
    await expect
      .poll(() => t.page.locator('[aria-label="Kết quả kiểm tra"]').innerText())
      .toMatch(/^Kết nối được \(SQLite [\d.]+\)\. Có dữ liệu của ứng dụng: 1 đơn vị; đã ở phiên bản hiện tại\.$/);
    await t.page.click('button:has-text("Dùng cơ sở dữ liệu này từ lần mở sau")');
    await t.page.waitForSelector('[role=status]:has-text("Lần mở ứng dụng sau sẽ dùng tệp")');
    await t.shot('02-sqlite-copied-chosen');
  });

  it('Cơ sở dữ liệu: a server that does not answer is said in Vietnamese, without the password', async () => {
    await t.page.click('label:has-text("Máy chủ PostgreSQL dùng chung") input');
    await t.page.fill('input[aria-label="Máy chủ"]', '127.0.0.1');
    await t.page.fill('input[aria-label="Cổng"]', '1');
    await t.page.fill('input[aria-label="Mật khẩu"]', 'bi-mat-123');
    await t.page.click('button:has-text("Kiểm tra kết nối")');
    const error = t.page.locator('.notice-error:has-text("Không kết nối được tới máy chủ PostgreSQL")');
    await error.waitFor();
    expect(await error.innerText()).toContain('postgres://bcnv@127.0.0.1:1/bcnv');
    expect(await error.innerText()).not.toContain('bi-mat-123');
    await t.shot('03-server-form');
    expect(t.problems).toEqual([]);
  });
});
