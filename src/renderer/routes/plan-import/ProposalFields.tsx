// The fields of a proposal read from a plan's text: each shows where in the text it came from
// (focus highlights the source) and can be corrected before anything is saved.
import type { Dispatch, SetStateAction } from 'react';
import type { PlanImportSaveInput } from '../../../shared/contract/plan-import';
import type { PlanProposal, Span } from '../../../shared/model/plan-import';
import {
  COMPARATORS,
  COMPARATOR_LABELS,
  PLAN_TYPES,
  PLAN_TYPE_LABELS,
  type Comparator,
  type PlanType,
} from '../../../shared/model/plan';
import type { UnitListItem } from '../../../shared/model/unit';
import { UnitPhraseReview } from './UnitPhraseReview';
import { PERIOD_TYPE_LABELS } from '../../../shared/model/period';
import { ViDateInput } from '../../components/ViDateInput';

export type Form = PlanImportSaveInput;
export type SetField = <K extends keyof Form>(key: K, value: Form[K]) => void;
/** Highlights these spans of the source text (on focus of a field). */
export type Focus = (spans: Span[] | undefined) => () => void;

export function InfoFields({
  proposal,
  form,
  set,
  focus,
}: {
  proposal: PlanProposal;
  form: Form;
  set: SetField;
  focus: Focus;
}) {
  return (
    <fieldset>
      <legend>Thông tin văn bản</legend>
      <div className="pi-row">
        <label className="field">
          <span className="field-label">Loại</span>
          <select
            name="type"
            value={form.type}
            onFocus={focus(proposal.type.spans)}
            onChange={(e) => set('type', e.target.value as PlanType)}
          >
            {PLAN_TYPES.map((t) => (
              <option key={t} value={t}>
                {PLAN_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Số</span>
          <input
            name="number"
            value={form.number ?? ''}
            placeholder="(để trống)"
            onFocus={focus(proposal.number.spans)}
            onChange={(e) => set('number', e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Ký hiệu</span>
          <input
            name="symbol"
            value={form.symbol ?? ''}
            onFocus={focus(proposal.symbol.spans)}
            onChange={(e) => set('symbol', e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">Ngày ban hành</span>
          <ViDateInput
            name="issuedDate"
            label="Ngày ban hành"
            value={form.issuedDate ?? ''}
            onFocus={focus(proposal.date.spans)}
            onChange={(v) => set('issuedDate', v || null)}
          />
        </label>
        <label className="field">
          <span className="field-label">Địa danh</span>
          <input name="place" value={proposal.place.value ?? ''} readOnly onFocus={focus(proposal.place.spans)} />
        </label>
        <label className="field">
          <span className="field-label">Người ký</span>
          <input
            name="signer"
            value={form.signer ?? ''}
            onFocus={focus(proposal.signer?.spans)}
            onChange={(e) => set('signer', e.target.value)}
          />
        </label>
      </div>
      <label className="field">
        <span className="field-label">
          Cơ quan ban hành{proposal.parentIssuer.value ? ` (cấp trên: ${proposal.parentIssuer.value})` : ''}
        </span>
        <input
          name="issuer"
          value={form.issuer ?? ''}
          placeholder="(văn bản không ghi)"
          onFocus={focus([...proposal.issuer.spans, ...proposal.parentIssuer.spans])}
          onChange={(e) => set('issuer', e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">
          Trích yếu <span className="req">*</span>
        </span>
        <input
          name="summary"
          value={form.summary}
          onFocus={focus(proposal.title.spans)}
          onChange={(e) => set('summary', e.target.value)}
        />
      </label>
    </fieldset>
  );
}

export function TaskFields({
  proposal,
  form,
  units,
  set,
  focus,
}: {
  proposal: PlanProposal;
  form: Form;
  /** The unit register, to link each phrase of an assignment to a unit. */
  units: UnitListItem[];
  set: SetField;
  focus: Focus;
}) {
  return (
    <fieldset>
      <legend>Nhiệm vụ ({form.tasks?.length ?? 0})</legend>
      {(form.tasks ?? []).map((t, i) => (
        <div key={i} className="pi-item" data-task={i}>
          <textarea
            name={`task-${i}`}
            value={t.text}
            onFocus={focus(proposal.tasks[i]?.spans)}
            onChange={(e) =>
              set(
                'tasks',
                form.tasks!.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)),
              )
            }
          />
          <div className="pi-units">
            {(t.units ?? []).map((u, j) => (
              <UnitPhraseReview
                key={j}
                id={`${i}-${j}`}
                unit={u}
                found={proposal.tasks[i]?.units[j]}
                units={units}
                onFocus={focus(proposal.tasks[i]?.units[j]?.spans)}
                onChange={(patch) =>
                  set(
                    'tasks',
                    form.tasks!.map((x, k) =>
                      k === i ? { ...x, units: x.units!.map((y, m) => (m === j ? { ...y, ...patch } : y)) } : x,
                    ),
                  )
                }
              />
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}

export function TargetFields({
  proposal,
  form,
  set,
  focus,
}: {
  proposal: PlanProposal;
  form: Form;
  set: SetField;
  focus: Focus;
}) {
  return (
    <fieldset>
      <legend>Chỉ tiêu ({form.targets?.length ?? 0})</legend>
      {(form.targets ?? []).map((t, i) => (
        <div
          key={i}
          className="pi-item"
          onFocus={focus(proposal.targets[i]?.spans)}
          onClick={focus(proposal.targets[i]?.spans)}
        >
          <div className="pi-row">
            <select
              name={`target-${i}-comparator`}
              value={t.comparator}
              onChange={(e) =>
                set(
                  'targets',
                  form.targets!.map((x, k) => (k === i ? { ...x, comparator: e.target.value as Comparator } : x)),
                )
              }
            >
              {COMPARATORS.map((c) => (
                <option key={c} value={c}>
                  {COMPARATOR_LABELS[c]}
                </option>
              ))}
            </select>
            <input
              name={`target-${i}-value`}
              value={String(t.value)}
              onChange={(e) =>
                set(
                  'targets',
                  form.targets!.map((x, k) => (k === i ? { ...x, value: e.target.value } : x)),
                )
              }
            />
            <input
              name={`target-${i}-unit`}
              value={t.valueUnit ?? ''}
              onChange={(e) =>
                set(
                  'targets',
                  form.targets!.map((x, k) => (k === i ? { ...x, valueUnit: e.target.value } : x)),
                )
              }
            />
          </div>
          <textarea
            name={`target-${i}-text`}
            value={t.text}
            onChange={(e) =>
              set(
                'targets',
                form.targets!.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)),
              )
            }
          />
        </div>
      ))}
    </fieldset>
  );
}

export function PeriodFields({
  proposal,
  form,
  keep,
  setKeep,
  set,
  focus,
}: {
  proposal: PlanProposal;
  form: Form;
  keep: boolean[];
  setKeep: Dispatch<SetStateAction<boolean[]>>;
  set: SetField;
  focus: Focus;
}) {
  return (
    <fieldset>
      <legend>Kỳ báo cáo sẽ tạo ({keep.filter(Boolean).length})</legend>
      {(form.periods ?? []).length === 0 ? (
        <div className="muted">Văn bản không ghi hạn nộp báo cáo có ngày: không đề xuất kỳ báo cáo.</div>
      ) : null}
      {(form.periods ?? []).map((p, i) => (
        <div key={i} className="pi-item" onClick={focus(proposal.periods[i]?.spans)}>
          <label>
            <input
              type="checkbox"
              name={`period-${i}-keep`}
              checked={keep[i] ?? false}
              onChange={(e) => setKeep(keep.map((v, k) => (k === i ? e.target.checked : v)))}
            />{' '}
            <strong>{p.name}</strong> ({PERIOD_TYPE_LABELS[p.type]})
          </label>
          <div className="pi-row">
            <label className="field">
              <span className="field-label">Từ ngày</span>
              <ViDateInput
                name={`period-${i}-start`}
                label="Từ ngày"
                value={p.windowStart}
                onChange={(v) =>
                  set(
                    'periods',
                    form.periods!.map((x, k) => (k === i ? { ...x, windowStart: v } : x)),
                  )
                }
              />
            </label>
            <label className="field">
              <span className="field-label">Chốt số liệu</span>
              <ViDateInput
                name={`period-${i}-end`}
                label="Chốt số liệu"
                value={p.windowEnd}
                onChange={(v) =>
                  set(
                    'periods',
                    form.periods!.map((x, k) => (k === i ? { ...x, windowEnd: v } : x)),
                  )
                }
              />
            </label>
            <label className="field">
              <span className="field-label">Hạn nộp</span>
              <ViDateInput
                name={`period-${i}-deadline`}
                label="Hạn nộp"
                value={p.deadline}
                onChange={(v) =>
                  set(
                    'periods',
                    form.periods!.map((x, k) => (k === i ? { ...x, deadline: v } : x)),
                  )
                }
              />
            </label>
          </div>
          {proposal.periods[i]?.note ? <div className="muted small">{proposal.periods[i]!.note}</div> : null}
        </div>
      ))}
    </fieldset>
  );
}
