import type { ReactNode } from 'react';

/** A labelled form field with its error shown under it. */
export function Field({
  label,
  error,
  hint,
  children,
  required,
}: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
  required?: boolean;
}) {
  return (
    <label className={`field${error ? ' field-error' : ''}`}>
      <span className="field-label">
        {label}
        {required ? (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </span>
      {children}
      {hint && !error ? <span className="field-hint">{hint}</span> : null}
      {error ? (
        <span className="field-message" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** Field errors keyed by path ("name", "signers.0.title") from a refused call. */
export function fieldErrors(
  details: { message: string; where?: { field?: string } }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details ?? []) {
    const key = d.where?.field ?? '';
    if (key && !out[key]) out[key] = d.message;
  }
  return out;
}
