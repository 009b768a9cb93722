// A date typed the Vietnamese way (20/06/2025), stored as ISO. The browser's own date field
// follows the system language (often mm/dd/yyyy), which misleads; this one never does.
import { useEffect, useState } from 'react';
import { formatDateShort, parseIsoDate } from '../../shared/format';

const pad2 = (s: string) => s.padStart(2, '0');

/** "20/6/2025", "20-06-2025", "20.06.2025" or "2025-06-20" → ISO; null when not a real date. */
export function parseViDate(text: string): string | null {
  const t = text.trim();
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = vi ? `${vi[3]}-${pad2(vi[2]!)}-${pad2(vi[1]!)}` : /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
  return iso && parseIsoDate(iso) ? iso : null;
}

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
  label: string;
  disabled?: boolean;
  name?: string;
  onFocus?: () => void;
}) {
  const [text, setText] = useState(formatDateShort(value));
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(formatDateShort(value));
  }, [value, focused]);
  const invalid = text.trim() !== '' && parseViDate(text) === null;
  return (
    <span className="vi-date">
      <input
        aria-label={label}
        name={name}
        aria-invalid={invalid || undefined}
        inputMode="numeric"
        placeholder="ngày/tháng/năm"
        disabled={disabled}
        value={text}
        className={invalid ? 'invalid' : ''}
        onFocus={() => {
          setFocused(true);
          onFocus?.();
        }}
        onBlur={() => {
          setFocused(false);
          const iso = parseViDate(text);
          if (iso) setText(formatDateShort(iso));
        }}
        onChange={(e) => {
          setText(e.target.value);
          const iso = parseViDate(e.target.value);
          if (iso) onChange(iso);
          else if (e.target.value.trim() === '') onChange('');
        }}
      />
      {invalid ? <span className="field-message">Ngày ghi theo dạng ngày/tháng/năm, ví dụ 20/06/2025.</span> : null}
    </span>
  );
}
