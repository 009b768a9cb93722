// Adding or editing a plan: its reference, issuer and signer, report deadlines, targets and tasks
// with the units that lead and support them.
import { useEffect, useState } from 'react';
import { TargetsSection, type TargetDraft } from './TargetsSection';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { useBusy } from '../../components/useDialog';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { formatDec, parseViNumber } from '../../../shared/domain/decimal';
import { PLAN_TYPES, PLAN_TYPE_LABELS, type Plan, type PlanType } from '../../../shared/model/plan';
import { PERIOD_TYPES, PERIOD_TYPE_LABELS, type PeriodType } from '../../../shared/model/period';
import { type UnitListItem } from '../../../shared/model/unit';
import { resolveUnitRefs } from '../../../shared/domain/unit-refs';
import type { PlanInput } from '../../../shared/contract/plans';
import '../../styles/reporting.css';

interface TaskDraft {
  text: string;
  lead: string;
  supporting: string;
  deadline: string;
}

export function PlanEditor({
  plan,
  onClose,
  onSaved,
}: {
  plan: Plan | null;
  onClose: () => void;
  onSaved: (p: Plan) => void;
}) {
  const [h, setH] = useState({
    type: (plan?.type ?? 'KH') as PlanType,
    number: plan?.number ?? '',
    symbol: plan?.symbol ?? '',
    issuedDate: plan?.issuedDate ?? '',
    issuer: plan?.issuer ?? '',
    signer: plan?.signer ?? '',
    summary: plan?.summary ?? '',
    field: plan?.field ?? '',
    body: plan?.body ?? '',
  });
  const [tasks, setTasks] = useState<TaskDraft[]>(
    plan?.tasks.map((t) => ({
      text: t.text,
      // joint leads in one field, separated by ";" as the supporting units are
      lead: [...(t.lead ? [t.lead] : []), ...t.coLeads].map((l) => l.name).join('; '),
      supporting: t.supporting.map((s) => s.name).join('; '),
      deadline: t.deadline ?? '',
    })) ?? [],
  );
  const [targets, setTargets] = useState<TargetDraft[]>(
    plan?.targets.map((t) => ({
      text: t.text,
      indicatorCode: t.indicatorCode,
      comparator: t.comparator,
      value: formatDec(t.value),
      valueUnit: t.valueUnit,
      unitKinds: t.unitKinds,
      scope: t.scope,
    })) ?? [],
  );
  const [deadlines, setDeadlines] = useState<Partial<Record<PeriodType, string>>>(
    Object.fromEntries(
      plan?.deadlines.map((d) => [d.periodType, `${d.monthDay.slice(3)}/${d.monthDay.slice(0, 2)}`]) ?? [],
    ),
  );
  const [error, setError] = useState('');
  // Active units of the register, offered for lead and supporting units; typed names stay free text.
  const [units, setUnits] = useState<UnitListItem[]>([]);
  useEffect(() => {
    void call('units.list', {}).then(setUnits, () => setUnits([]));
  }, []);
  const previousRefs = plan?.tasks.flatMap((t) => [...(t.lead ? [t.lead] : []), ...t.coLeads, ...t.supporting]) ?? [];
  const setTask = (i: number, patch: Partial<TaskDraft>) =>
    setTasks(tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const addSupporting = (i: number, name: string) => {
    const t = tasks[i];
    if (!t || !name) return;
    const parts = t.supporting
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!parts.includes(name)) setTask(i, { supporting: [...parts, name].join('; ') });
  };

  const build = (): PlanInput | string => {
    const dl: PlanInput['deadlines'] = [];
    for (const [type, v] of Object.entries(deadlines) as [PeriodType, string | undefined][]) {
      if (!v?.trim()) continue;
      const m = /^(\d{1,2})\/(\d{1,2})$/.exec(v.trim());
      if (!m) return `Hạn nộp cho kỳ ${PERIOD_TYPE_LABELS[type]} phải có dạng ngày/tháng (ví dụ 10/5).`;
      dl.push({ periodType: type, monthDay: `${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` });
    }
    for (const [i, t] of targets.entries()) {
      const r = parseViNumber(t.value);
      if (!r.ok) return `Chỉ tiêu ${i + 1}: ${r.message}`;
    }
    return {
      ...h,
      issuedDate: h.issuedDate || null,
      tasks: tasks.map((t) => {
        const leads = resolveUnitRefs(t.lead, units, previousRefs);
        return {
          text: t.text,
          lead: leads[0] ?? null,
          coLeads: leads.slice(1),
          supporting: resolveUnitRefs(t.supporting, units, previousRefs),
          deadline: t.deadline || null,
        };
      }),
      targets,
      deadlines: dl,
    };
  };

  const [busy, running] = useBusy();
  const save = () =>
    running(async () => {
      const input = build();
      if (typeof input === 'string') {
        setError(input);
        return;
      }
      try {
        onSaved(
          plan
            ? await call('plans.update', { id: plan.id, plan: input, expectedUpdatedAt: plan.updatedAt })
            : await call('plans.create', input),
        );
      } catch (err) {
        setError(errorMessage(err));
      }
    });

  return (
    <Modal title={plan ? 'Sửa văn bản chỉ đạo' : 'Thêm văn bản chỉ đạo'} onClose={onClose} busy={busy} wide guardEdits>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-label="Văn bản chỉ đạo"
      >
        <div className="form-grid">
          <Field label="Loại văn bản" required>
            <select
              aria-label="Loại văn bản"
              value={h.type}
              onChange={(e) => setH({ ...h, type: e.target.value as PlanType })}
            >
              {PLAN_TYPES.map((t) => (
                <option key={t} value={t}>
                  {PLAN_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
          <div style={{ display: 'flex', gap: 10 }}>
            <Field label="Số">
              <input aria-label="Số" value={h.number} onChange={(e) => setH({ ...h, number: e.target.value })} />
            </Field>
            <Field label="Ký hiệu">
              <input
                aria-label="Ký hiệu"
                value={h.symbol}
                placeholder="KH-UBND"
                onChange={(e) => setH({ ...h, symbol: e.target.value })}
              />
            </Field>
            <Field label="Ngày ban hành">
              <ViDateInput label="Ngày ban hành" value={h.issuedDate} onChange={(v) => setH({ ...h, issuedDate: v })} />
            </Field>
          </div>
          <Field label="Trích yếu" required>
            <input aria-label="Trích yếu" value={h.summary} onChange={(e) => setH({ ...h, summary: e.target.value })} />
          </Field>
          <Field label="Cơ quan ban hành">
            <input
              aria-label="Cơ quan ban hành"
              value={h.issuer}
              onChange={(e) => setH({ ...h, issuer: e.target.value })}
            />
          </Field>
          <Field label="Người ký">
            <input aria-label="Người ký" value={h.signer} onChange={(e) => setH({ ...h, signer: e.target.value })} />
          </Field>
          <Field label="Lĩnh vực">
            <input aria-label="Lĩnh vực" value={h.field} onChange={(e) => setH({ ...h, field: e.target.value })} />
          </Field>
          <Field label="Toàn văn / ghi chú">
            <textarea
              aria-label="Toàn văn"
              rows={3}
              value={h.body}
              onChange={(e) => setH({ ...h, body: e.target.value })}
            />
          </Field>
          <div>
            <div className="field-label">Hạn nộp báo cáo của đơn vị (ngày/tháng)</div>
            <div className="rp-row-actions">
              {PERIOD_TYPES.filter((t) => t !== 'ad_hoc').map((t) => (
                <label key={t} className="small" style={{ width: 110 }}>
                  {PERIOD_TYPE_LABELS[t]}
                  <input
                    aria-label={`Hạn nộp kỳ ${PERIOD_TYPE_LABELS[t]}`}
                    placeholder="10/5"
                    value={deadlines[t] ?? ''}
                    onChange={(e) => setDeadlines({ ...deadlines, [t]: e.target.value })}
                  />
                </label>
              ))}
            </div>
          </div>
        </div>
        <TargetsSection targets={targets} setTargets={setTargets} />
        <div className="rp-section">
          <h2>Nhiệm vụ</h2>
          {tasks.map((t, i) => (
            <div key={i} className="rp-task">
              <div className="rp-row-actions" style={{ alignItems: 'flex-start' }}>
                <textarea
                  aria-label={`Nhiệm vụ ${i + 1}`}
                  style={{ flex: 1, width: 'auto' }}
                  rows={2}
                  value={t.text}
                  onChange={(e) => setTasks(tasks.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
                />
                <button
                  type="button"
                  className="icon"
                  aria-label={`Bỏ nhiệm vụ ${i + 1}`}
                  onClick={() => setTasks(tasks.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </div>
              <div className="rp-row-actions" style={{ marginTop: 4 }}>
                <span style={{ width: 260 }}>
                  <input
                    aria-label={`Chủ trì ${i + 1}`}
                    list="plan-units"
                    placeholder="Chọn trong danh bạ hoặc gõ tên (chủ trì chung: ngăn bằng ;)"
                    value={t.lead}
                    onChange={(e) => setTask(i, { lead: e.target.value })}
                  />
                  <UnitLinkHint typed={t.lead} units={units} previous={previousRefs} />
                </span>
                <span style={{ flex: 1 }}>
                  <input
                    aria-label={`Phối hợp ${i + 1}`}
                    placeholder="Đơn vị phối hợp (ngăn bằng ;)"
                    value={t.supporting}
                    onChange={(e) => setTask(i, { supporting: e.target.value })}
                  />
                  <select
                    aria-label={`Thêm đơn vị phối hợp ${i + 1}`}
                    className="small"
                    value=""
                    onChange={(e) => addSupporting(i, e.target.value)}
                  >
                    <option value="">+ Thêm đơn vị phối hợp từ danh bạ…</option>
                    {units.map((u) => (
                      <option key={u.id} value={u.name}>
                        {'\u00a0'.repeat(u.depth * 2)}
                        {u.name}
                      </option>
                    ))}
                  </select>
                </span>
                <span style={{ width: 140 }}>
                  <ViDateInput
                    label={`Hạn ${i + 1}`}
                    value={t.deadline}
                    onChange={(v) => setTasks(tasks.map((x, j) => (j === i ? { ...x, deadline: v } : x)))}
                  />
                </span>
              </div>
            </div>
          ))}
          <datalist id="plan-units">
            {units.map((u) => (
              <option key={u.id} value={u.name}>
                {u.code}
              </option>
            ))}
          </datalist>
          <button
            type="button"
            onClick={() => setTasks([...tasks, { text: '', lead: '', supporting: '', deadline: '' }])}
          >
            + Thêm nhiệm vụ
          </button>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Lưu
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Says whether a typed lead unit is linked to the register (it then follows the unit's reports). */
function UnitLinkHint({
  typed,
  units,
  previous,
}: {
  typed: string;
  units: UnitListItem[];
  previous: Plan['tasks'][number]['supporting'];
}) {
  const refs = resolveUnitRefs(typed, units, previous);
  if (!refs.length) return null;
  const linked = refs.filter((r) => r.unitId !== null).length;
  return (
    <div className="small muted">
      {refs.length === 1
        ? linked
          ? '✓ Đơn vị trong danh bạ'
          : 'Tên tự do (không có trong danh bạ)'
        : `${refs.length} đơn vị chủ trì chung, ${linked} trong danh bạ`}
    </div>
  );
}
