// The keyboard rules of docs/SCREENS.md as one check a dialog test runs: opened with Enter on its
// opener, focus goes in (to what \`first\` says), Tab and Shift+Tab go round inside, Escape closes
// and focus comes back to the opener. Shared by keyboard.e2e.ts and keyboard-dialogs.e2e.ts.
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import type { E2E } from './harness';

/** How long a poll waits for the page to catch up on a loaded machine (a wait, not a speed limit). */
export const WAIT = 20_000;

/** `get` gives the test's browser once it is open (the kit is made before beforeAll runs). */
export function keyboardKit(get: () => E2E) {
  const dialogCount = () => get().page.locator('[role=dialog]').count();
  /** Where focus is: inside the top dialog or not, and a short description of the element. */
  const focusState = () =>
    get().page.evaluate(() => {
      const top = [...document.querySelectorAll('[role=dialog]')].at(-1);
      const a = document.activeElement as HTMLElement | null;
      return {
        inside: !!(top && a && top.contains(a)),
        what: a
          ? `${a.tagName.toLowerCase()}|${a.getAttribute('aria-label') ?? a.getAttribute('name') ?? a.textContent?.trim().slice(0, 30)}`
          : '',
        start: a?.hasAttribute('data-e2e-start') ?? false,
      };
    });

  /**
   * Opens a dialog from `opener` with the keyboard and checks the rules; `first` is what focus must
   * start on. Leaves the dialog open when `keepOpen`, else closes it with Escape.
   */
  async function checkDialog(name: string, opener: Locator, first: RegExp, keepOpen = false): Promise<void> {
    const { page } = get();
    const before = await dialogCount();
    await opener.focus();
    await page.keyboard.press('Enter');
    await expect.poll(dialogCount, { timeout: WAIT }).toBe(before + 1);
    await expect
      .poll(async () => (await focusState()).inside, { message: `${name}: focus goes in`, timeout: WAIT })
      .toBe(true);
    expect((await focusState()).what, `${name}: first focus`).toMatch(first);
    await page.evaluate(() => document.activeElement?.setAttribute('data-e2e-start', ''));
    // Tab goes round the dialog and comes back to the start without ever leaving it.
    let steps = 0;
    for (;;) {
      await page.keyboard.press('Tab');
      steps++;
      const f = await focusState();
      expect(f.inside, `${name}: Tab step ${steps} stays inside (${f.what})`).toBe(true);
      if (f.start) break;
      expect(steps, `${name}: Tab comes back round`).toBeLessThan(1000);
    }
    // Shift+Tab from the start goes to the last control, still inside; Tab brings it back.
    await page.keyboard.press('Shift+Tab');
    const last = await focusState();
    expect(last.inside && (steps === 1 || !last.start), `${name}: Shift+Tab wraps to the end`).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focusState()).start, `${name}: Tab from the end wraps to the start`).toBe(true);
    await page.evaluate(() => document.activeElement?.removeAttribute('data-e2e-start'));
    await get().shot(`dialog-${name}`);
    if (keepOpen) return;
    await page.keyboard.press('Escape');
    await expect.poll(dialogCount, { message: `${name}: Escape closes`, timeout: WAIT }).toBe(before);
    await expect
      .poll(() => opener.evaluate((el) => el === document.activeElement), {
        message: `${name}: focus back on the opener`,
        timeout: WAIT,
      })
      .toBe(true);
  }

  return { dialogCount, focusState, checkDialog };
}
