// The form's body: the narrative sections, then the indicators table with live rates, rule
// breaches under the indicator they concern and the reason field that lets a breach be submitted.
import { useMemo, type KeyboardEvent } from 'react';
import { formatDec } from '../../../shared/domain/decimal';
import { computeRate } from '../../../shared/domain/rules';
import { reasonKey, sectionKey, type ReportForm } from '../../../shared/model/report';
import type { TemplateIndicator } from '../../../shared/model/template';
import type { LiveChecks } from './report-form';

/** Enter moves to the next entry field, as on a paper form (not inside a multi-line text). */
export function moveToNextEntry(e: KeyboardEvent<HTMLElement>): void {
  if (
    e.key !== 'Enter' ||
    e.target instanceof HTMLTextAreaElement ||
    !(e.target as HTMLElement).hasAttribute('data-entry')
  )
    return;
  e.preventDefault();
  const all = [...document.querySelectorAll<HTMLElement>('[data-entry]')].filter(
    (el) => !(el as HTMLInputElement).disabled,
  );
  const i = all.indexOf(e.target as HTMLElement);
  all[(i + 1) % all.length]?.focus();
}

export function ReportEntry({
  form,
  drafts,
  editable,
  liveChecks,
  onEdit,
  onLeave,
  onTidy,
}: {
  form: ReportForm;
  drafts: Record<string, string>;
  editable: boolean;
  liveChecks: LiveChecks;
  onEdit: (key: string, text: string) => void;
  /** Leaving a field saves what is pending. */
  onLeave: () => void;
  /** Leaving a number field also shows it the Vietnamese way. */
  onTidy: (ind: TemplateIndicator) => void;
}) {
  const { localErrors, live, checks } = liveChecks;
  const groups = useMemo(() => {
    const out: { group: string; items: TemplateIndicator[] }[] = [];
    for (const ind of form.template.indicators ?? []) {
      const last = out.at(-1);
      if (last && last.group === ind.group) last.items.push(ind);
      else out.push({ group: ind.group, items: [ind] });
    }
    return out;
  }, [form]);

  return (
    <>
      <div className="rp-narrative" aria-label="Nội dung báo cáo">
        {form.template.sections.map((s) => (
          <div key={s.number}>
            <h3 className={`lvl-${s.level}`}>
              {s.number}. {s.title}
            </h3>
            {s.hasText ? (
              <textarea
                data-entry
                aria-label={`Mục ${s.number}. ${s.title}`}
                disabled={!editable}
                value={drafts[sectionKey(s.number)] ?? ''}
                onChange={(e) => onEdit(sectionKey(s.number), e.target.value)}
                onBlur={onLeave}
                rows={Math.min(14, Math.max(3, (drafts[sectionKey(s.number)] ?? '').split('\n').length + 1))}
              />
            ) : null}
            {s.hint && s.hasText ? <div className="field-hint">{s.hint}</div> : null}
          </div>
        ))}
      </div>

      <h2 style={{ fontSize: 15, color: 'var(--brand)' }}>Phụ lục: biểu số liệu</h2>
      <div className="rp-table-wrap">
        <table className="rp-table rp-ind-table" aria-label="Biểu số liệu">
          <thead>
            <tr>
              <th>Mã</th>
              <th>Chỉ số</th>
              <th className="num">Số liệu</th>
              <th>Đơn vị tính</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => [
              g.group ? (
                <tr key={`g-${g.group}`} className="group">
                  <td colSpan={4}>{g.group}</td>
                </tr>
              ) : null,
              ...g.items.flatMap((ind) => {
                const err = localErrors[ind.code];
                const anchored = checks.filter((c) => c.anchor === ind.code && c.holds === false);
                const value = drafts[ind.code] ?? '';
                return [
                  <tr key={ind.code} data-code={ind.code} className={anchored.length ? 'has-breach' : undefined}>
                    <td className="code">{ind.code}</td>
                    <td>
                      <label htmlFor={`f-${ind.code}`}>{ind.name}</label>
                      {err ? (
                        <div className="rp-field-error" role="alert">
                          {err}
                        </div>
                      ) : null}
                    </td>
                    <td className="input">
                      {ind.rule === 'RATE' ? (
                        <div
                          className="rp-computed"
                          data-testid={`rate-${ind.code}`}
                          title={`${ind.numerator} / ${ind.denominator}`}
                        >
                          {(() => {
                            const r = computeRate(ind, live);
                            return r === null ? '—' : `${formatDec(r)}`;
                          })()}
                        </div>
                      ) : ind.type === 'yesno' ? (
                        <select
                          id={`f-${ind.code}`}
                          data-entry
                          disabled={!editable}
                          value={value === 'có' || value === 'không' ? value : value ? value : ''}
                          onChange={(e) => {
                            onEdit(ind.code, e.target.value);
                          }}
                          onBlur={onLeave}
                        >
                          <option value="">—</option>
                          <option value="có">Có</option>
                          <option value="không">Không</option>
                        </select>
                      ) : ind.type === 'text' ? (
                        <textarea
                          id={`f-${ind.code}`}
                          data-entry
                          disabled={!editable}
                          value={value}
                          onChange={(e) => onEdit(ind.code, e.target.value)}
                          onBlur={onLeave}
                        />
                      ) : (
                        <input
                          id={`f-${ind.code}`}
                          data-entry
                          inputMode="decimal"
                          autoComplete="off"
                          className={err ? 'invalid' : ''}
                          aria-invalid={err ? true : undefined}
                          disabled={!editable}
                          value={value}
                          onChange={(e) => onEdit(ind.code, e.target.value)}
                          onBlur={() => onTidy(ind)}
                        />
                      )}
                    </td>
                    <td className="unit">{ind.unit || (ind.type === 'yesno' ? 'Có/Không' : '')}</td>
                  </tr>,
                  // A breach and its reason sit in a row of their own under the value, so Tab
                  // reaches the value first and its reason next.
                  anchored.length ? (
                    <tr key={`${ind.code}-breach`} className="rp-breach-row">
                      <td />
                      <td colSpan={3}>
                        {anchored.map((c) => {
                          const rk = reasonKey(c.expression);
                          const explained = !!(drafts[rk] ?? '').trim();
                          return (
                            <div
                              key={c.expression}
                              className={`rp-breach${explained ? ' explained' : ''}`}
                              data-testid={`breach-${ind.code}`}
                            >
                              <strong>Chưa đúng quy tắc:</strong> {c.detail}
                              {c.message ? <div className="small">{c.message}</div> : null}
                              <input
                                data-entry
                                aria-label={`Lý do vi phạm ${c.expression}`}
                                placeholder="Ghi lý do để vẫn lưu và nộp số liệu này"
                                disabled={!editable}
                                value={drafts[rk] ?? ''}
                                onChange={(e) => onEdit(rk, e.target.value)}
                                onBlur={onLeave}
                              />
                            </div>
                          );
                        })}
                      </td>
                    </tr>
                  ) : null,
                ];
              }),
            ])}
          </tbody>
        </table>
      </div>
    </>
  );
}
