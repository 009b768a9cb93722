// The criteria groups of a scoring set being edited: each group with its criteria and their
// sub-items, points checked as typed against the group's maximum.
import type { ReactNode } from 'react';
import { formatPoints } from '../../../shared/domain/scoring';
import { sum, type Draft, type DraftCriterion } from './set-draft';

/** What the set editor lends its parts: the draft, a way to change it, and its field helpers. */
export interface FieldKit {
  draft: Draft;
  edit: (fn: (d: Draft) => void) => void;
  input: (
    field: string,
    value: string,
    onChange: (v: string) => void,
    opts?: { label: string; className?: string; placeholder?: string; disabled?: boolean },
  ) => ReactNode;
  remove: (label: string, fn: () => void) => ReactNode;
  err: (field: string) => string | undefined;
}

export function groupFields({ draft, edit, input, remove, err }: FieldKit) {
  return draft.groups.map((g, gi) => {
    const gf = `groups[${gi}]`;
    const cs = sum(g.criteria.map((c) => c.maxPoints));
    return (
      <div key={gi} className="se-group" data-group={g.code}>
        <div className="se-group-head">
          {input(`${gf}.code`, g.code, (v) => edit((d) => void (d.groups[gi]!.code = v)), {
            label: `Mã nhóm ${gi + 1}`,
            className: 'se-code',
          })}
          {input(`${gf}.title`, g.title, (v) => edit((d) => void (d.groups[gi]!.title = v)), {
            label: `Tên nhóm ${gi + 1}`,
            className: 'se-title',
          })}
          <span className="small muted">tối đa</span>
          {input(`${gf}.maxPoints`, g.maxPoints, (v) => edit((d) => void (d.groups[gi]!.maxPoints = v)), {
            label: `Điểm tối đa nhóm ${g.code}`,
            className: 'se-num',
          })}
          <span className={`small ${err(`${gf}.maxPoints`) ? 'danger-text' : 'muted'}`}>
            tổng tiêu chí {formatPoints(cs)}
          </span>
          {remove(`Xóa nhóm ${g.code}`, () => edit((d) => void d.groups.splice(gi, 1)))}
        </div>
        {err(`${gf}.maxPoints`) ? <div className="danger-text small">{err(`${gf}.maxPoints`)}</div> : null}
        {err(`${gf}.criteria`) ? <div className="danger-text small">{err(`${gf}.criteria`)}</div> : null}
        <table className="data se-table">
          <tbody>
            {g.criteria.map((c, ci) => {
              const cf = `${gf}.criteria[${ci}]`;
              const change = (fn: (x: DraftCriterion) => void) => edit((d) => fn(d.groups[gi]!.criteria[ci]!));
              const detailErr =
                err(`${cf}.subCriteria`) ??
                c.subCriteria
                  .map((_, si) => err(`${cf}.subCriteria[${si}].title`) ?? err(`${cf}.subCriteria[${si}].maxPoints`))
                  .find(Boolean);
              return (
                <tr key={ci} data-code={c.code}>
                  <td>
                    {input(`${cf}.code`, c.code, (v) => change((x) => void (x.code = v)), {
                      label: `Mã tiêu chí ${gi + 1}.${ci + 1}`,
                      className: 'se-code',
                    })}
                  </td>
                  <td className="se-wide">
                    {input(`${cf}.title`, c.title, (v) => change((x) => void (x.title = v)), {
                      label: `Tên tiêu chí ${c.code}`,
                    })}
                    <details className="se-details" open={detailErr ? true : undefined}>
                      <summary className="small">
                        Hướng dẫn, minh chứng
                        {c.subCriteria.length ? `, ${c.subCriteria.length} nội dung con` : ', nội dung con'}
                      </summary>
                      <label className="se-label">
                        Hướng dẫn chấm
                        <textarea
                          name={`${cf}.guidance`}
                          rows={2}
                          value={c.guidance}
                          onChange={(e) => change((x) => void (x.guidance = e.target.value))}
                        />
                      </label>
                      <label className="se-label">
                        Tài liệu kiểm chứng
                        <textarea
                          name={`${cf}.evidence`}
                          rows={2}
                          value={c.evidence}
                          onChange={(e) => change((x) => void (x.evidence = e.target.value))}
                        />
                      </label>
                      {c.subCriteria.map((s, si) => (
                        <div key={si} className="se-sub">
                          {input(
                            `${cf}.subCriteria[${si}].title`,
                            s.title,
                            (v) => change((x) => void (x.subCriteria[si]!.title = v)),
                            { label: `Nội dung con ${si + 1} của ${c.code}`, className: 'se-title' },
                          )}
                          {input(
                            `${cf}.subCriteria[${si}].maxPoints`,
                            s.maxPoints,
                            (v) => change((x) => void (x.subCriteria[si]!.maxPoints = v)),
                            {
                              label: `Điểm nội dung con ${si + 1} của ${c.code}`,
                              className: 'se-num',
                              placeholder: 'điểm',
                            },
                          )}
                          {remove(`Xóa nội dung con ${si + 1} của ${c.code}`, () =>
                            change((x) => void x.subCriteria.splice(si, 1)),
                          )}
                        </div>
                      ))}
                      {detailErr ? <div className="danger-text small">{detailErr}</div> : null}
                      <button
                        type="button"
                        className="link"
                        onClick={() => change((x) => void x.subCriteria.push({ title: '', maxPoints: '' }))}
                      >
                        + Nội dung con
                      </button>
                    </details>
                  </td>
                  <td className="se-num-cell">
                    {input(`${cf}.maxPoints`, c.maxPoints, (v) => change((x) => void (x.maxPoints = v)), {
                      label: `Điểm tối đa ${c.code}`,
                      className: 'se-num',
                    })}
                    {err(`${cf}.maxPoints`) ? <div className="danger-text small">{err(`${cf}.maxPoints`)}</div> : null}
                  </td>
                  <td>
                    {remove(`Xóa tiêu chí ${c.code}`, () => edit((d) => void d.groups[gi]!.criteria.splice(ci, 1)))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          type="button"
          className="link"
          onClick={() =>
            edit(
              (d) =>
                void d.groups[gi]!.criteria.push({
                  code: '',
                  title: '',
                  maxPoints: '',
                  guidance: '',
                  evidence: '',
                  subCriteria: [],
                }),
            )
          }
        >
          + Tiêu chí
        </button>
      </div>
    );
  });
}
