// The targets of a plan being edited ("trên 80% … đơn vị"): the text, the comparison, the value and
// its unit, the indicator that measures it and the unit kinds it applies to.
import {
  COMPARATORS,
  COMPARATOR_LABELS,
  TARGET_SCOPES,
  TARGET_SCOPE_LABELS,
  type Comparator,
  type Plan,
  type TargetScope,
} from '../../../shared/model/plan';
import { UNIT_KINDS, UNIT_KIND_LABELS } from '../../../shared/model/unit';
import type { Dispatch, SetStateAction } from 'react';

export interface TargetDraft {
  text: string;
  indicatorCode: string;
  comparator: Comparator;
  value: string;
  valueUnit: string;
  unitKinds: Plan['targets'][number]['unitKinds'];
  /** Total, rate, or each unit ("mỗi đơn vị…": judged unit by unit). */
  scope: TargetScope;
}

export function TargetsSection({
  targets,
  setTargets,
}: {
  targets: TargetDraft[];
  setTargets: Dispatch<SetStateAction<TargetDraft[]>>;
}) {
  return (
    <div className="rp-section">
      <h2>Chỉ tiêu</h2>
      {targets.map((t, i) => (
        <div key={i} className="rp-row-actions" style={{ marginBottom: 4, alignItems: 'center' }}>
          <input
            aria-label={`Chỉ tiêu ${i + 1}`}
            style={{ flex: 1, width: 'auto' }}
            value={t.text}
            onChange={(e) => setTargets(targets.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
          />
          <select
            aria-label={`So sánh ${i + 1}`}
            style={{ width: 100 }}
            value={t.comparator}
            onChange={(e) =>
              setTargets(targets.map((x, j) => (j === i ? { ...x, comparator: e.target.value as Comparator } : x)))
            }
          >
            {COMPARATORS.map((c) => (
              <option key={c} value={c}>
                {COMPARATOR_LABELS[c]}
              </option>
            ))}
          </select>
          <input
            aria-label={`Giá trị ${i + 1}`}
            style={{ width: 70 }}
            value={t.value}
            onChange={(e) => setTargets(targets.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
          />
          <input
            aria-label={`Đơn vị ${i + 1}`}
            style={{ width: 50 }}
            value={t.valueUnit}
            onChange={(e) => setTargets(targets.map((x, j) => (j === i ? { ...x, valueUnit: e.target.value } : x)))}
          />
          <select
            aria-label={`Phạm vi ${i + 1}`}
            title="Chỉ tiêu về tổng toàn địa bàn, một tỷ lệ, hay từng đơn vị (mỗi đơn vị…)"
            style={{ width: 140 }}
            value={t.scope}
            onChange={(e) =>
              setTargets(targets.map((x, j) => (j === i ? { ...x, scope: e.target.value as TargetScope } : x)))
            }
          >
            {TARGET_SCOPES.map((s) => (
              <option key={s} value={s}>
                {TARGET_SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
          <input
            aria-label={`Mã chỉ số ${i + 1}`}
            style={{ width: 70 }}
            placeholder="DV04"
            value={t.indicatorCode}
            onChange={(e) =>
              setTargets(targets.map((x, j) => (j === i ? { ...x, indicatorCode: e.target.value.toUpperCase() } : x)))
            }
          />
          <button
            type="button"
            className="icon"
            aria-label={`Bỏ chỉ tiêu ${i + 1}`}
            onClick={() => setTargets(targets.filter((_, j) => j !== i))}
          >
            ×
          </button>
          <fieldset className="rp-kinds small" aria-label={`Áp dụng cho chỉ tiêu ${i + 1}`}>
            <span className="muted">Áp dụng cho (bỏ trống là tất cả):</span>
            {UNIT_KINDS.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  aria-label={`${UNIT_KIND_LABELS[k]} (chỉ tiêu ${i + 1})`}
                  checked={t.unitKinds.includes(k)}
                  onChange={(e) =>
                    setTargets(
                      targets.map((x, j) =>
                        j === i
                          ? {
                              ...x,
                              unitKinds: e.target.checked
                                ? UNIT_KINDS.filter((u) => u === k || x.unitKinds.includes(u))
                                : x.unitKinds.filter((u) => u !== k),
                            }
                          : x,
                      ),
                    )
                  }
                />{' '}
                {UNIT_KIND_LABELS[k]}
              </label>
            ))}
          </fieldset>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          setTargets([
            ...targets,
            {
              text: '',
              indicatorCode: '',
              comparator: 'tren',
              value: '',
              valueUnit: '%',
              unitKinds: [],
              scope: 'rate',
            },
          ])
        }
      >
        + Thêm chỉ tiêu
      </button>
    </div>
  );
}
