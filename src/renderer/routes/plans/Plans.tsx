// Văn bản chỉ đạo: plans and directives with their tasks (who leads, who supports, by when), their
// targets ("trên 80%…") and the report deadlines they set for units.
import { useCall } from '../../hooks/useCall';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { Confirm, Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { formatDateShort } from '../../../shared/format';
import { formatDec, parseViNumber } from '../../../shared/domain/decimal';
import {
  COMPARATORS,
  COMPARATOR_LABELS,
  PLAN_TYPES,
  PLAN_TYPE_LABELS,
  planReference,
  type Comparator,
  type Plan,
  type PlanListItem,
  type PlanType,
} from '../../../shared/model/plan';
import { PERIOD_TYPES, PERIOD_TYPE_LABELS, type PeriodType } from '../../../shared/model/period';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitListItem } from '../../../shared/model/unit';
import { resolveUnitRef, resolveUnitRefs } from '../../../shared/domain/unit-refs';
import type { PlanInput } from '../../../shared/contract/plans';
import '../../styles/reporting.css';

export function PlansScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [list, setList] = useState<PlanListItem[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Plan | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    await tryCall(async () => {
      const l = await call('plans.list');
      setList(l);
      setSelected((cur) => (cur !== null && l.some((p) => p.id === cur) ? cur : (l[0]?.id ?? null)));
    });
  }, [tryCall]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (selected === null) setPlan(null);
    else void tryCall(() => call('plans.get', { id: selected }).then(setPlan));
  }, [selected, list, tryCall]);

  const importFile = async (file: File) => {
    await tryCall(async () => {
      const p = await call('plans.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      notice('ok', `Đã nhập ${planReference(p)}.`);
      await reload();
      setSelected(p.id);
    });
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Văn bản chỉ đạo</div>
          <h1>Văn bản chỉ đạo</h1>
          <div className="muted small">
            Kế hoạch, chỉ thị, nghị quyết… với nhiệm vụ, chỉ tiêu và hạn nộp báo cáo của đơn vị.
          </div>
        </div>
        <div className="toolbar-actions">
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
          <a className="button" href="#/nhap-van-ban">
            Nhập văn bản (dán, .docx)…
          </a>
          <button type="button" onClick={() => fileRef.current?.click()}>
            Nhập từ tệp JSON…
          </button>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            + Thêm văn bản
          </button>
        </div>
      </header>
      <div className="rp-split">
        <div className="rp-list" role="listbox" aria-label="Văn bản chỉ đạo">
          {list.map((p) => (
            <button
              key={p.id}
              type="button"
              role="option"
              aria-selected={p.id === selected}
              className={`rp-item${p.id === selected ? ' active' : ''}`}
              onClick={() => setSelected(p.id)}
            >
              <div className="rp-item-title">{p.summary}</div>
              <div className="rp-item-sub">
                {planReference(p)} · {p.taskCount} nhiệm vụ · {p.targetCount} chỉ tiêu
              </div>
            </button>
          ))}
          {list.length === 0 ? (
            <div className="empty">Chưa có văn bản chỉ đạo. Bấm “Thêm văn bản” hoặc nhập từ tệp.</div>
          ) : null}
        </div>
        {plan ? (
          <div className="card">
            <div className="screen-header" style={{ marginBottom: 6 }}>
              <div>
                <div className="small muted">{planReference(plan)}</div>
                <h2 style={{ margin: '2px 0 0' }}>{plan.summary}</h2>
              </div>
              <div className="rp-row-actions">
                <button type="button" onClick={() => setEditing(plan)}>
                  Sửa
                </button>
                <button type="button" className="link danger-text" onClick={() => setDeleting(plan)}>
                  Xóa
                </button>
              </div>
            </div>
            <dl className="rp-kv">
              <dt>Loại văn bản</dt>
              <dd>{PLAN_TYPE_LABELS[plan.type]}</dd>
              <dt>Cơ quan ban hành</dt>
              <dd>{plan.issuer}</dd>
              <dt>Người ký</dt>
              <dd>{plan.signer}</dd>
              <dt>Lĩnh vực</dt>
              <dd>{plan.field}</dd>
              <dt>Hạn nộp báo cáo</dt>
              <dd>
                {plan.deadlines.length
                  ? plan.deadlines
                      .map(
                        (d) =>
                          `${PERIOD_TYPE_LABELS[d.periodType]}: trước ngày ${Number(d.monthDay.slice(3))}/${Number(d.monthDay.slice(0, 2))}`,
                      )
                      .join(' · ')
                  : '—'}
              </dd>
            </dl>
            <div className="rp-section">
              <h2>Chỉ tiêu ({plan.targets.length})</h2>
              <table className="rp-table" aria-label="Chỉ tiêu">
                <thead>
                  <tr>
                    <th>Chỉ tiêu</th>
                    <th>Mức</th>
                    <th>Chỉ số đo</th>
                    <th>Áp dụng cho</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.targets.map((t, i) => (
                    <tr key={i}>
                      <td>{t.text}</td>
                      <td style={{ whiteSpace: 'nowrap' }}>
                        {COMPARATOR_LABELS[t.comparator]} {formatDec(t.value)}
                        {t.valueUnit}
                      </td>
                      <td className="mono">{t.indicatorCode || '—'}</td>
                      <td className="small">{t.unitKinds.map((k) => UNIT_KIND_LABELS[k]).join(', ') || 'Tất cả'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="rp-section">
              <h2>Nhiệm vụ ({plan.tasks.length})</h2>
              {plan.tasks.map((t, i) => (
                <div key={i} className="rp-task">
                  <div>
                    <strong>{i + 1}.</strong> {t.text}
                  </div>
                  <div className="small muted">
                    {t.lead ? `Chủ trì: ${t.lead.name}` : ''}
                    {t.supporting.length ? ` · Phối hợp: ${t.supporting.map((s) => s.name).join(', ')}` : ''}
                    {t.deadline ? ` · Hạn: ${formatDateShort(t.deadline)}` : ''}
                  </div>
                </div>
              ))}
            </div>
            {plan.body ? (
              <div className="rp-section">
                <h2>Toàn văn / ghi chú</h2>
                <p className="small" style={{ whiteSpace: 'pre-wrap' }}>
                  {plan.body}
                </p>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      {editing ? (
        <PlanEditor
          plan={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            notice('ok', `Đã lưu ${planReference(p)}.`);
            void reload().then(() => setSelected(p.id));
          }}
        />
      ) : null}
      {deleting ? (
        <Confirm
          title="Xóa văn bản chỉ đạo"
          message={`Xóa “${deleting.summary}”? Văn bản có kỳ báo cáo đi theo thì không xóa được.`}
          confirmLabel="Xóa"
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await tryCall(async () => {
              await call('plans.delete', { id: deleting.id });
              notice('ok', 'Đã xóa văn bản.');
              void reload();
            });
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}

interface TaskDraft {
  text: string;
  lead: string;
  supporting: string;
  deadline: string;
}
interface TargetDraft {
  text: string;
  indicatorCode: string;
  comparator: Comparator;
  value: string;
  valueUnit: string;
  unitKinds: Plan['targets'][number]['unitKinds'];
}

function PlanEditor({
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
      lead: t.lead?.name ?? '',
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
  const previousRefs = plan?.tasks.flatMap((t) => [...(t.lead ? [t.lead] : []), ...t.supporting]) ?? [];
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
      tasks: tasks.map((t) => ({
        text: t.text,
        lead: resolveUnitRef(t.lead, units, previousRefs),
        supporting: resolveUnitRefs(t.supporting, units, previousRefs),
        deadline: t.deadline || null,
      })),
      targets,
      deadlines: dl,
    };
  };

  const save = async () => {
    const input = build();
    if (typeof input === 'string') {
      setError(input);
      return;
    }
    try {
      onSaved(plan ? await call('plans.update', { id: plan.id, plan: input }) : await call('plans.create', input));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal title={plan ? 'Sửa văn bản chỉ đạo' : 'Thêm văn bản chỉ đạo'} onClose={onClose} wide>
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
              <input
                aria-label={`Mã chỉ số ${i + 1}`}
                style={{ width: 70 }}
                placeholder="DV04"
                value={t.indicatorCode}
                onChange={(e) =>
                  setTargets(
                    targets.map((x, j) => (j === i ? { ...x, indicatorCode: e.target.value.toUpperCase() } : x)),
                  )
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
                { text: '', indicatorCode: '', comparator: 'tren', value: '', valueUnit: '%', unitKinds: [] },
              ])
            }
          >
            + Thêm chỉ tiêu
          </button>
        </div>
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
                    placeholder="Chọn trong danh bạ hoặc gõ tên"
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
  const ref = resolveUnitRef(typed, units, previous);
  if (!ref) return null;
  return (
    <div className="small muted">
      {ref.unitId !== null ? '✓ Đơn vị trong danh bạ' : 'Tên tự do (không có trong danh bạ)'}
    </div>
  );
}
