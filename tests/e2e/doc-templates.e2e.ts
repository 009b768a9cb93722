// Mẫu Word in a real browser: a broken template shows each finding with its place, a new version
// fixes it, the catalogue copies a tag, and "gửi từng đơn vị" writes one letter per late unit.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openE2E, type E2E } from './harness';
import { seedCompile } from '../unit/compile-fixture';
import { buildDocx, headerBlock, p, pageHeader, row, table } from '../unit/doc-templates-fixtures';

let t: E2E;
let broken: string;
let good: string;

beforeAll(async () => {
  t = await openE2E('doc-templates');
  await seedCompile(t.bridge.core);
  broken = path.join(t.dir, 'thu-hong.docx');
  good = path.join(t.dir, 'thu-don-doc.docx');
  fs.writeFileSync(
    broken,
    await buildDocx({
      body: headerBlock() + p('Kính gửi: {unit.nmae}') + p('{#unit.values}{name}'),
      header: pageHeader(),
      firstHeader: '',
    }),
  );
  fs.writeFileSync(
    good,
    await buildDocx({
      body:
        headerBlock() +
        p('Kính gửi: {unit.name}') +
        p('Đến nay đơn vị chưa gửi báo cáo {period.name} (tình trạng: {unit.state}).') +
        table([row(['Chỉ số', 'Giá trị']), row(['{#unit.values}{name}', '{value}{/unit.values}'])], [6000, 2000]),
      header: pageHeader(),
      firstHeader: '',
    }),
  );
});

afterAll(async () => {
  await t?.close();
});

describe('Mẫu Word screen', () => {
  it('checks an uploaded template, shows where it is wrong, and takes a fixed version', async () => {
    const { page } = t;
    await page.goto(`${t.bridge.url}#/mau-word`);
    await page.click('button:has-text("Tải mẫu lên…")');
    await page.setInputFiles('input[aria-label="Tệp mẫu Word"]', broken);
    await page.fill('input[maxlength="200"]', 'Thư đôn đốc từng đơn vị');
    await page.selectOption('select:near(:text("Dùng cho"))', 'reminder');
    await page.click('button:has-text("Tải lên và kiểm tra")');
    const findings = page.locator('ul[aria-label="Kết quả kiểm tra mẫu"] li');
    await expect.poll(() => findings.count()).toBeGreaterThan(1);
    const text = await page.locator('ul[aria-label="Kết quả kiểm tra mẫu"]').innerText();
    expect(text).toContain('Trường “unit.nmae” không có trong danh mục; có phải “unit.name”?');
    expect(text).toContain('đoạn 1');
    expect(text).toContain('Thẻ mở {#unit.values} không có thẻ đóng');
    expect(await page.locator('button:has-text("Điền mẫu…")').isDisabled()).toBe(true);
    await t.shot('loi');

    await page.click('button:has-text("Tải phiên bản mới…")');
    await page.setInputFiles('input[aria-label="Tệp mẫu Word"]', good);
    await page.click('button:has-text("Tải lên và kiểm tra")');
    await expect.poll(() => page.locator('.dt-verdict').innerText()).toContain('Mẫu dùng được.');
    expect(await page.locator('table[aria-label="Phiên bản của mẫu"] tbody tr').count()).toBe(2);
  });

  it('copies a tag from the catalogue', async () => {
    const { page } = t;
    await page.click('button[aria-label="Chép thẻ {agency.name}"]');
    await expect.poll(() => page.locator('body').innerText()).toContain('Đã chép {agency.name}');
  });

  it('writes one letter per late unit, with progress', async () => {
    const { page } = t;
    await page.click('button:has-text("Gửi từng đơn vị…")');
    const boxes = page.locator('div[aria-label="Đơn vị nhận văn bản"] input[type=checkbox]');
    await expect.poll(() => boxes.count()).toBe(5);
    const create = page.locator('button:has-text("văn bản")').last();
    const label = await create.innerText();
    const n = Number(/Tạo (\d+) văn bản/.exec(label)![1]);
    expect(n).toBeGreaterThan(0);
    await t.shot('gui-tung-don-vi');
    await create.click();
    await expect.poll(() => page.locator('body').innerText()).toContain(`Đã tạo ${n} văn bản`);
    const files = fs.readdirSync(path.join(t.dir, 'exports')).filter((f) => f.endsWith('.docx'));
    expect(files.length).toBe(n);
    expect(t.problems).toEqual([]);
  });
});
