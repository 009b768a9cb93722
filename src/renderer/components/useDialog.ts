// What every dialog of the app does with the keyboard, in one place (docs/SCREENS.md, "Bàn phím"):
// focus goes in (the first field, or the element marked data-autofocus), Tab and Shift+Tab wrap
// inside, Escape closes unless a save is running, and on close focus returns to the control that
// opened the dialog. Dialogs may open over dialogs (a confirmation over a form): only the top one
// listens, so Escape closes one layer at a time.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

interface Layer {
  element: () => HTMLElement | null;
  close: () => void;
  busy: () => boolean;
}

const layers: Layer[] = [];

/**
 * The last control that had focus. A dialog opened after a call (a check, an export refused until
 * confirmed) finds focus on the page's body: the button that started it was disabled while the
 * call ran. That button is the dialog's opener all the same, and gets focus back on close.
 */
let lastFocused: HTMLElement | null = null;
if (typeof document !== 'undefined')
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLElement && e.target !== document.body) lastFocused = e.target;
  });

const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type=hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
  'summary',
].join(',');

/** The controls Tab visits inside `root`, in document order (visible ones only). */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]'),
  );
}

/** Where focus starts: a marked element, else the first field, else the first button but the ×. */
function firstFocus(root: HTMLElement): HTMLElement | null {
  const marked = root.querySelector<HTMLElement>('[data-autofocus]');
  if (marked && tabbables(root).includes(marked)) return marked;
  const all = tabbables(root);
  return (
    all.find((el) => el.matches('input, select, textarea')) ??
    all.find((el) => el.matches('button') && !el.classList.contains('modal-close')) ??
    all[0] ??
    null
  );
}

/**
 * Enter in a one-line field of a dialog that has no form runs the dialog's main button (a form
 * already submits on Enter). A confirmation has none marked primary: Enter there stays on Hủy.
 */
function enterDefault(e: KeyboardEvent, root: HTMLElement): void {
  const field = e.target;
  if (e.defaultPrevented || e.isComposing || e.shiftKey || e.ctrlKey || e.altKey) return;
  if (!(field instanceof HTMLInputElement) || field.form || !root.contains(field)) return;
  if (['checkbox', 'radio', 'file', 'button', 'submit', 'reset'].includes(field.type)) return;
  const main = [...root.querySelectorAll<HTMLButtonElement>('.form-actions button.primary')].at(-1);
  if (!main || main.disabled) return;
  e.preventDefault();
  main.click();
}

function onKeyDown(e: KeyboardEvent): void {
  const top = layers[layers.length - 1];
  const root = top?.element();
  if (!top || !root) return;
  if (e.key === 'Escape') {
    if (e.defaultPrevented || e.isComposing) return;
    e.preventDefault();
    if (!top.busy()) top.close();
    return;
  }
  if (e.key === 'Enter') {
    enterDefault(e, root);
    return;
  }
  if (e.key !== 'Tab') return;
  const all = tabbables(root);
  if (all.length === 0) {
    e.preventDefault();
    return;
  }
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && root.contains(active);
  if (!inside || (e.shiftKey && active === first) || (!e.shiftKey && active === last)) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

/**
 * Makes `ref` a dialog layer: focus in on open, trapped while open, returned on close.
 * `onClose` and `busy` may change on every render; the layer reads the latest.
 */
export function useDialog(ref: RefObject<HTMLElement | null>, onClose: () => void, busy = false): void {
  const latest = useRef({ onClose, busy });
  latest.current = { onClose, busy };
  useEffect(() => {
    const active = document.activeElement;
    const opener =
      active instanceof HTMLElement && active !== document.body
        ? active
        : lastFocused?.isConnected
          ? lastFocused
          : null;
    const layer: Layer = {
      element: () => ref.current,
      close: () => latest.current.onClose(),
      busy: () => latest.current.busy,
    };
    layers.push(layer);
    if (layers.length === 1) window.addEventListener('keydown', onKeyDown);
    const root = ref.current;
    if (root) firstFocus(root)?.focus();
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      if (layers.length === 0) window.removeEventListener('keydown', onKeyDown);
      // After React has removed the dialog: back to the opener if it is still there; if it went
      // (a deleted row's button), to the layer below or the screen, so focus is never lost.
      window.setTimeout(() => {
        if (opener?.isConnected && !opener.closest('[inert]')) {
          opener.focus();
          return;
        }
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        const below = layers[layers.length - 1]?.element();
        const target = below ? firstFocus(below) : document.querySelector<HTMLElement>('main h1, main');
        if (target && !target.matches(TABBABLE)) target.tabIndex = -1;
        target?.focus();
      }, 0);
    };
    // The layer lives as long as the dialog: mount and unmount only.
  }, []);
}

/**
 * A save running inside a dialog: `busy` while `run(work)` is pending, so the dialog does not close
 * under it (Escape, ×, backdrop) and a second Enter does not send it twice.
 */
export function useBusy(): [boolean, (work: () => Promise<unknown>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return [busy, run];
}
