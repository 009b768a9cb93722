// Shared set-up for browser tests: Debian's chromium via playwright-core, the loopback bridge
// on a fresh database, and screenshots under test-output/e2e/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBridge, type Bridge } from '../bridge/server';

export const OUTPUT_DIR = path.resolve('test-output/e2e');

export interface E2E {
  browser: Browser;
  page: Page;
  bridge: Bridge;
  dir: string;
  shot(name: string): Promise<string>;
  /** Page errors and console errors seen so far: a test fails on any. */
  problems: string[];
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function openE2E(name: string, opts: { dbPath?: string } = {}): Promise<E2E> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bcnv-e2e-${name}-`));
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  const bridge = await startBridge({
    dbPath: opts.dbPath ?? path.join(dir, 'data.db'),
    exportDir: path.join(dir, 'exports'),
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'vi-VN',
    acceptDownloads: false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(bridge.url);
  return {
    browser,
    page,
    bridge,
    dir,
    problems,
    async shot(shotName) {
      const file = path.join(OUTPUT_DIR, `${name}-${shotName}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      await bridge.close();
    },
  };
}

/** Adds a unit through the Đơn vị screen, as a user would, and waits for its row. */
export async function addUnitViaUi(t: E2E, code: string, name: string): Promise<void> {
  const { page } = t;
  await page.goto(`${t.bridge.url}#/don-vi`);
  await page.click('button:has-text("+ Thêm đơn vị")');
  await page.fill('form[aria-label="Thông tin đơn vị"] input[name=code]', code);
  await page.fill('form[aria-label="Thông tin đơn vị"] input[name=name]', name);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.vrow[data-code="${code}"]`);
}

/**
 * Báo cáo đơn vị: chooses a unit as a user does: opens the unit picker, types `typed` (part of its code
 * or name; nothing: the list of all), clicks the unit in the list the server answered.
 */
export async function chooseUnit(page: Page, id: number, typed = ''): Promise<void> {
  const box = page.locator('input[role=combobox][aria-label="Đơn vị"]');
  await box.click();
  if (typed) await box.fill(typed);
  await page.locator(`[role=listbox] [role=option][data-unit="${id}"]`).click();
}
