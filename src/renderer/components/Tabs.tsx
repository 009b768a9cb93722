// A row of tabs, the keyboard way (docs/SCREENS.md): one Tab stop for the row, ←/→/Home/End move
// between tabs and focus follows; the panel below is labelled by the selected tab.
import type { KeyboardEvent } from 'react';

export function TabList<Id extends string>({
  label,
  tabs,
  current,
  onChange,
  className,
}: {
  label: string;
  /** A screen's own look for the row, added to "tabs". */
  className?: string;
  tabs: readonly { id: Id; label: string }[];
  current: Id;
  onChange: (id: Id) => void;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.findIndex((x) => x.id === current);
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i + tabs.length - 1) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    onChange(tabs[to]!.id);
    document.getElementById(tabId(tabs[to]!.id))?.focus();
  };
  return (
    <div className={className ? `tabs ${className}` : 'tabs'} role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(t.id)}
          aria-selected={current === t.id}
          className={current === t.id ? 'tab active' : 'tab'}
          tabIndex={current === t.id ? 0 : -1}
          onClick={() => onChange(t.id)}
          onKeyDown={onKeyDown}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** The id of a tab's button, for the panel's aria-labelledby. */
export const tabId = (id: string) => `tab-${id}`;
