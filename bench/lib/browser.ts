// In-page timing for the screens benchmark: one action (a hash change, a click, a choice, typing)
// is fired inside the page and timed until the page shows what it asked for, laid out. A step
// that waits for data also waits until every contract call it started has answered.
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/harness';

export type Trigger =
  | { hash: string }
  | { click: string; text?: string }
  | { select: string; value: string }
  | { type: string; text: string };

/** Done when an element matches `selector` (and contains `text`, and there are `count` of them). */
export interface Ready {
  selector: string;
  text?: string;
  count?: number;
  /** The action starts contract calls: wait until they have all answered. */
  fetches?: boolean;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  // tsx names functions with a helper the page lacks
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  // Counts the contract calls in flight (bench only: the app is not changed for it).
  await context.addInitScript(() => {
    const w = window as unknown as { __calls: { started: number; pending: number; done: (() => void)[] } };
    w.__calls = { started: 0, pending: 0, done: [] };
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      w.__calls.started++;
      w.__calls.pending++;
      try {
        // the body is read here, so "answered" includes the transfer
        const res = await original(...args);
        return new Response(await res.text(), { status: res.status, headers: res.headers });
      } finally {
        w.__calls.pending--;
        // after the caller has read the body and React has had its turn
        setTimeout(() => w.__calls.done.forEach((f) => f()), 0);
      }
    };
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`pageerror: ${e.message}`));
  await page.goto(url);
  return page;
}

/** Fires `trigger` in the page and returns the milliseconds until `ready` holds, after layout. */
export async function timeAction(page: Page, trigger: Trigger, ready: Ready): Promise<number> {
  return page.evaluate(
    async ({ trigger, ready }) => {
      const w = window as unknown as { __calls: { started: number; pending: number; done: (() => void)[] } };
      const shows = () => {
        const els = Array.from(document.querySelectorAll(ready.selector));
        if (els.length === 0 || (ready.count !== undefined && els.length !== ready.count)) return false;
        return ready.text === undefined || els.some((e) => (e.textContent ?? '').includes(ready.text!));
      };
      if (shows()) throw new Error(`already showing before the action: ${JSON.stringify(ready)}`);
      const started = w.__calls.started;
      const settled = () => !ready.fetches || (w.__calls.started > started && w.__calls.pending === 0);
      const find = (selector: string, text?: string): HTMLElement => {
        const el = Array.from(document.querySelectorAll<HTMLElement>(selector)).find(
          (e) => text === undefined || (e.textContent ?? '').trim().startsWith(text),
        );
        if (!el) throw new Error(`not found: ${selector} ${text ?? ''}`);
        return el;
      };
      const t0 = performance.now();
      if ('hash' in trigger) window.location.hash = trigger.hash;
      else if ('click' in trigger) find(trigger.click, trigger.text).click();
      else {
        const el = find('select' in trigger ? trigger.select : trigger.type) as HTMLInputElement | HTMLSelectElement;
        const proto = 'select' in trigger ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        // React listens to the native value setter's events, not to property writes
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(
          el,
          'select' in trigger ? trigger.value : trigger.text,
        );
        el.dispatchEvent(new Event('select' in trigger ? 'change' : 'input', { bubbles: true }));
      }
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => (observer.disconnect(), reject(new Error(`never ready: ${JSON.stringify(ready)}`))),
          60_000,
        );
        const check = () => {
          if (!settled() || !shows()) return;
          observer.disconnect();
          w.__calls.done = w.__calls.done.filter((f) => f !== check);
          clearTimeout(timer);
          resolve();
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        w.__calls.done.push(check);
        check();
      });
      void document.documentElement.scrollHeight; // style and layout of what was rendered
      return performance.now() - t0;
    },
    { trigger, ready },
  );
}

/** Resolves once the page has painted twice and then gone idle (or after 500 ms of not idling). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 500 })),
        ),
      ),
  );
}

/** The first and third quartiles (nearest rank). */
export function quartiles(xs: number[]): [number, number] {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return [at(0.25), at(0.75)];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
