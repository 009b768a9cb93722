// What a screen shows that a person would call broken, found in the page itself: shared by the
// screen walks (screens.e2e.ts on a full office, first-day.e2e.ts on a new user's empty app).
import os from 'node:os';
import type { Page } from 'playwright-core';

/** The computer's account is the user's own word (Nhật ký shows it as a detail), not the program's. */
export const ACCOUNT = new RegExp(`tài khoản máy: ${os.userInfo().username.replace(/\W/g, '\\$&')}`, 'giu');

/** Words that are the program's, not the user's. */
export const INTERNAL = [
  /\b[a-z]+_[a-z0-9_]+\b/,
  /\bundefined\b/,
  /\bnull\b/,
  /\bNaN\b/,
  /\[object/,
  /\broot\b/,
  /\{\{|\}\}/,
];

/** What the page shows that a person would call broken, found in the page itself. */
export async function problemsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const se = document.scrollingElement!;
    if (se.scrollWidth > se.clientWidth) out.push(`trang cuộn ngang: ${se.scrollWidth} > ${se.clientWidth}`);
    const main = document.querySelector('main.content');
    if (main && main.scrollWidth > main.clientWidth + 1)
      out.push(`vùng nội dung cuộn ngang: ${main.scrollWidth} > ${main.clientWidth}`);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const boxes = document.querySelectorAll('button, th, [role=tab], .card, .rp-card, .sidebar a, label, h1, h2');
    for (const el of boxes) {
      if (!visible(el)) continue;
      const h = el as HTMLElement;
      const style = getComputedStyle(h);
      // An inner scroller is meant to scroll; a box whose text spills or is cut off is not.
      if (style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
      if (h.scrollWidth > h.clientWidth + 1)
        out.push(`chữ tràn khỏi ${h.tagName.toLowerCase()}: "${(h.innerText || '').trim().slice(0, 60)}"`);
    }
    return out;
  });
}
