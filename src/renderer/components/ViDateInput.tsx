// The one date field of the app: typed the Vietnamese way (20/06/2025, also 20/6/2025,
// 20-06-2025, 20.06.2025, 20062025 or "hôm nay"), shown as dd/mm/yyyy, handed over as ISO.
// The browser's own date field follows the system language (often mm/dd/yyyy); this one never does.
// Keys: ↑/↓ a day later/earlier, PageUp/PageDown a month (from today when blank).
// Text that is not a date keeps its form from being sent and says why, naming the field.
import { useEffect, useId, useRef, useState } from 'react';
import { formatDateShort, todayIso } from '../../shared/format';
import { addDays, addMonths, parseViDate } from '../../shared/vi-date';

export function ViDateInput({
  value,
  onChange,
  label,
  disabled,
  name,
  onFocus,
}: {
  value: string;
  onChange: (iso: string) => void;
  /** Names the field for screen readers and in its message ("Ngày ban hành: …"). */
  label: string;
  disabled?: boolean;
  name?: string;
  onFocus?: () => void;
}) {
  const [text, setText] = useState(formatDateShort(value));
  const [focused, setFocused] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const messageId = useId();
  // Only a change made outside (another record shown, a reset) replaces what is typed: text that
  // is not a date stays as typed, with its message, until the user fixes it.
  const emitted = useRef(value);
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(formatDateShort(value));
  }, [value]);
  const parsed = parseViDate(text, label);
  const message = parsed.ok ? '' : parsed.message;

  // A form holding this field does not submit while the text is not a date: the old value would
  // be saved silently. The listener sits on the form itself, so it runs before React's onSubmit; it
  // reads the message of the last render, so a text just fixed is never refused by a stale check.
  const latest = useRef(message);
  latest.current = message;
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const guard = (e: Event) => {
      if (!latest.current) return;
      e.preventDefault();
      e.stopPropagation();
      setAttempted(true);
      input.current?.focus();
    };
    form.addEventListener('submit', guard);
    return () => form.removeEventListener('submit', guard);
  }, []);

  const set = (next: string) => {
    setText(next);
    const r = parseViDate(next, label);
    if (!r.ok) return;
    emitted.current = r.iso;
    onChange(r.iso);
  };
  const step = (move: (iso: string) => string) => {
    const base = parsed.ok && parsed.iso ? parsed.iso : todayIso();
    const iso = parsed.ok && parsed.iso ? move(base) : base;
    setText(formatDateShort(iso));
    emitted.current = iso;
    onChange(iso);
  };
  const shown = message && (!focused || attempted);
  return (
    <span className="vi-date">
      <input
        ref={input}
        aria-label={label}
        name={name}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? messageId : undefined}
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        title="Ngày/tháng/năm. ↑/↓: ngày sau/trước; PageUp/PageDown: tháng sau/trước; gõ “nay”: hôm nay."
        disabled={disabled}
        value={text}
        className={shown ? 'invalid' : ''}
        onFocus={() => {
          setFocused(true);
          onFocus?.();
        }}
        onBlur={() => {
          setFocused(false);
          if (parsed.ok) setText(formatDateShort(parsed.iso));
        }}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          const move =
            e.key === 'ArrowUp'
              ? (iso: string) => addDays(iso, 1)
              : e.key === 'ArrowDown'
                ? (iso: string) => addDays(iso, -1)
                : e.key === 'PageUp'
                  ? (iso: string) => addMonths(iso, 1)
                  : e.key === 'PageDown'
                    ? (iso: string) => addMonths(iso, -1)
                    : null;
          if (!move || (!parsed.ok && text.trim() !== '')) return;
          e.preventDefault();
          step(move);
        }}
        onChange={(e) => set(e.target.value)}
      />
      {shown ? (
        <span className="field-message" id={messageId} role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}
