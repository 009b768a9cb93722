// Creating or editing a period: the cut-off window computed from its type (Nghị định 09/2019), the
// deadline, the template and the units expected to report.
import { useCallback, useEffect, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { useBusy } from '../../components/useDialog';
import { Field } from '../../components/Field';
import { ViDateInput } from '../../components/ViDateInput';
import { formatDateShort, todayIso } from '../../../shared/format';
import { defaultPeriodIndex } from '../../../shared/domain/periods';
import {
  PERIOD_TYPES,
  PERIOD_TYPE_LABELS,
  type Period,
  type PeriodPreview,
  type PeriodType,
} from '../../../shared/model/period';
import type { TemplateListItem } from '../../../shared/model/template';
import type { PlanListItem } from '../../../shared/model/plan';
import { planReference } from '../../../shared/model/plan';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind, type UnitListItem } from '../../../shared/model/unit';
import type { PeriodInput } from '../../../shared/contract/periods';
import '../../styles/reporting.css';

const thisYear = new Date().getFullYear();

export function PeriodForm({
  period,
  onClose,
  onSaved,
}: {
  period: Period | null;
  onClose: () => void;
  onSaved: (p: Period) => void;
}) {
  const [templates, setTemplates] = useState<TemplateListItem[]>([]);
  const [plans, setPlans] = useState<PlanListItem[]>([]);
  const [units, setUnits] = useState<UnitListItem[]>([]);
  const [d, setD] = useState({
    type: (period?.type ?? 'half') as PeriodType,
    year: period?.year ?? thisYear,
    index: period?.index ?? defaultPeriodIndex('half', thisYear, todayIso()),
    name: period?.name ?? '',
    windowStart: period?.windowStart ?? '',
    windowEnd: period?.windowEnd ?? '',
    deadline: period?.deadline ?? '',
    templateId: period?.templateId ?? 0,
    planId: period?.planId ?? null,
    mode: period?.expected.mode ?? ('kinds' as 'kinds' | 'list'),
    kinds: period?.expected.kinds ?? (['so_nganh', 'ubnd_xa', 'ubnd_phuong', 'dac_khu'] as UnitKind[]),
    unitIds: period?.expected.unitIds ?? ([] as number[]),
    note: period?.note ?? '',
  });
  // Which fields the user typed: the rest follow the computed defaults.
  const [typed, setTyped] = useState({
    index: !!period,
    name: !!period,
    windowStart: !!period,
    windowEnd: !!period,
    deadline: !!period,
  });
  const [preview, setPreview] = useState<PeriodPreview | null>(null);
  const [error, setError] = useState('');
  const set = (patch: Partial<typeof d>) => setD((cur) => ({ ...cur, ...patch }));
  // A new type or year: the month, quarter or half follows (the one due next), until the user picks one.
  const following = (patch: Partial<Pick<typeof d, 'type' | 'year'>>) =>
    setD((cur) => {
      const next = { ...cur, ...patch };
      return typed.index ? next : { ...next, index: defaultPeriodIndex(next.type, next.year, todayIso()) };
    });

  useEffect(() => {
    void Promise.all([call('templates.list'), call('plans.list'), call('units.list', { includeClosed: true })]).then(
      ([t, p, u]) => {
        setTemplates(t);
        setPlans(p);
        setUnits(u);
        if (!period) set({ templateId: t.find((x) => x.isLatest)?.id ?? 0 });
      },
    );
  }, [period]);

  const input = useCallback(
    (): PeriodInput => ({
      type: d.type,
      year: d.year,
      index: d.type === 'month' || d.type === 'quarter' || (d.type === 'half' && d.index === 2) ? d.index : null,
      name: typed.name ? d.name : '',
      windowStart: typed.windowStart && d.windowStart ? d.windowStart : null,
      windowEnd: typed.windowEnd && d.windowEnd ? d.windowEnd : null,
      deadline: typed.deadline && d.deadline ? d.deadline : null,
      templateId: d.templateId,
      planId: d.planId,
      expected: d.mode === 'kinds' ? { mode: 'kinds', kinds: d.kinds } : { mode: 'list', unitIds: d.unitIds },
      note: d.note,
    }),
    [d, typed],
  );

  // The request without the computed fields: previewing again only when something typed changes.
  const requestKey = JSON.stringify(input());
  useEffect(() => {
    const req = JSON.parse(requestKey) as PeriodInput;
    if (!req.templateId) return;
    const t = window.setTimeout(() => {
      call('periods.preview', req)
        .then((p) => {
          setPreview(p);
          setError('');
          setD((cur) => ({
            ...cur,
            name: typed.name ? cur.name : p.name,
            windowStart: typed.windowStart ? cur.windowStart : p.windowStart,
            windowEnd: typed.windowEnd ? cur.windowEnd : p.windowEnd,
            deadline: typed.deadline ? cur.deadline : p.deadline,
          }));
        })
        .catch((err) => setError(errorMessage(err)));
    }, 200);
    return () => window.clearTimeout(t);
  }, [requestKey, typed]);

  const [busy, running] = useBusy();
  const save = () =>
    running(async () => {
      try {
        onSaved(
          period
            ? await call('periods.update', { id: period.id, period: input(), expectedUpdatedAt: period.updatedAt })
            : await call('periods.create', input()),
        );
      } catch (err) {
        setError(errorMessage(err));
      }
    });

  const type = (k: keyof typeof typed, value: string) => {
    setTyped((t) => ({ ...t, [k]: true }));
    set({ [k]: value } as Partial<typeof d>);
  };

  return (
    <Modal title={period ? `Sửa kỳ “${period.name}”` : 'Tạo kỳ báo cáo'} onClose={onClose} busy={busy} wide guardEdits>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        aria-label="Kỳ báo cáo"
      >
        <Field label="Loại kỳ" required>
          <select
            aria-label="Loại kỳ"
            value={d.type}
            onChange={(e) => following({ type: e.target.value as PeriodType })}
          >
            {PERIOD_TYPES.map((t) => (
              <option key={t} value={t}>
                {PERIOD_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <div style={{ display: 'flex', gap: 10 }}>
          <Field label="Năm" required>
            <input
              aria-label="Năm"
              type="number"
              value={d.year}
              onChange={(e) => following({ year: Number(e.target.value) })}
            />
          </Field>
          {d.type === 'month' || d.type === 'quarter' ? (
            <Field label={d.type === 'month' ? 'Tháng' : 'Quý'} required>
              <select
                aria-label={d.type === 'month' ? 'Tháng' : 'Quý'}
                value={d.index}
                onChange={(e) => {
                  setTyped((t) => ({ ...t, index: true }));
                  set({ index: Number(e.target.value) });
                }}
              >
                {Array.from({ length: d.type === 'month' ? 12 : 4 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {d.type === 'month' ? `Tháng ${n}` : `Quý ${['I', 'II', 'III', 'IV'][n - 1]}`}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          {d.type === 'half' ? (
            <Field label="Nửa năm" required>
              <select
                aria-label="Nửa năm"
                value={d.index === 2 ? 2 : 1}
                onChange={(e) => {
                  setTyped((t) => ({ ...t, index: true }));
                  set({ index: Number(e.target.value) });
                }}
              >
                <option value={1}>6 tháng đầu năm</option>
                <option value={2}>6 tháng cuối năm</option>
              </select>
            </Field>
          ) : null}
        </div>
        <Field
          label="Mẫu báo cáo"
          required
          hint="Kỳ giữ đúng phiên bản mẫu đã chọn; sửa mẫu sau này sẽ tạo phiên bản mới."
        >
          <select
            aria-label="Mẫu báo cáo"
            value={d.templateId}
            onChange={(e) => set({ templateId: Number(e.target.value) })}
          >
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} — phiên bản {t.version}
                {t.isLatest ? '' : ' (cũ)'}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Theo văn bản chỉ đạo" hint="Hạn nộp lấy theo văn bản nếu văn bản có quy định cho loại kỳ này.">
          <select
            aria-label="Văn bản chỉ đạo"
            value={d.planId ?? ''}
            onChange={(e) => set({ planId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">— Không —</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {planReference(p)} — {p.summary}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Tên kỳ">
          <input aria-label="Tên kỳ" value={d.name} onChange={(e) => type('name', e.target.value)} />
        </Field>
        <div style={{ display: 'flex', gap: 10 }}>
          <Field label="Số liệu từ ngày">
            <ViDateInput label="Số liệu từ ngày" value={d.windowStart} onChange={(v) => type('windowStart', v)} />
          </Field>
          <Field label="Ngày chốt số liệu">
            <ViDateInput label="Ngày chốt số liệu" value={d.windowEnd} onChange={(v) => type('windowEnd', v)} />
          </Field>
        </div>
        <Field
          label="Hạn nộp"
          required
          hint={
            preview
              ? preview.deadlineSource === 'plan'
                ? 'Theo văn bản chỉ đạo.'
                : preview.deadlineSource === 'default'
                  ? 'Mặc định: một ngày làm việc sau ngày chốt số liệu.'
                  : 'Đã nhập tay.'
              : undefined
          }
        >
          <ViDateInput label="Hạn nộp" value={d.deadline} onChange={(v) => type('deadline', v)} />
        </Field>
        <div>
          {typed.windowStart || typed.windowEnd || typed.deadline ? (
            <button
              type="button"
              className="link"
              onClick={() => {
                setTyped((t) => ({ ...t, windowStart: false, windowEnd: false, deadline: false }));
              }}
            >
              ↺ Tính lại ngày theo Nghị định 09/2019 và văn bản chỉ đạo
            </button>
          ) : null}
        </div>
        <div className="span-all">
          <div className="field-label">Đơn vị phải báo cáo</div>
          <div className="rp-row-actions" style={{ margin: '4px 0' }}>
            <label className="check">
              <input
                type="radio"
                style={{ width: 'auto' }}
                checked={d.mode === 'kinds'}
                onChange={() => set({ mode: 'kinds' })}
              />{' '}
              Theo loại đơn vị
            </label>
            <label className="check">
              <input
                type="radio"
                style={{ width: 'auto' }}
                checked={d.mode === 'list'}
                onChange={() => set({ mode: 'list' })}
              />{' '}
              Chọn từng đơn vị
            </label>
          </div>
          {d.mode === 'kinds' ? (
            <div className="rp-row-actions" role="group" aria-label="Loại đơn vị phải báo cáo">
              {UNIT_KINDS.map((k) => (
                <label key={k} className="check">
                  <input
                    type="checkbox"
                    style={{ width: 'auto' }}
                    checked={d.kinds.includes(k)}
                    onChange={(e) =>
                      set({ kinds: e.target.checked ? [...d.kinds, k] : d.kinds.filter((x) => x !== k) })
                    }
                  />
                  {UNIT_KIND_LABELS[k]}
                </label>
              ))}
            </div>
          ) : (
            <div className="rp-unit-checks" role="group" aria-label="Đơn vị phải báo cáo">
              {units.map((u) => (
                <label key={u.id} className="check">
                  <input
                    type="checkbox"
                    style={{ width: 'auto' }}
                    checked={d.unitIds.includes(u.id)}
                    onChange={(e) =>
                      set({ unitIds: e.target.checked ? [...d.unitIds, u.id] : d.unitIds.filter((x) => x !== u.id) })
                    }
                  />
                  {u.code} — {u.name}
                  {u.isActive ? '' : ' (đã thôi hoạt động)'}
                </label>
              ))}
            </div>
          )}
        </div>
        {preview ? (
          <div className="rp-preview span-all" aria-live="polite" data-testid="period-preview">
            <strong>{preview.name}</strong>: số liệu từ {formatDateShort(preview.windowStart)} đến{' '}
            {formatDateShort(preview.windowEnd)}, hạn nộp {formatDateShort(preview.deadline)} ·{' '}
            {preview.expectedUnits.length} đơn vị phải báo cáo
            {preview.expectedUnits.length ? (
              <div className="small muted" style={{ marginTop: 4 }}>
                {preview.expectedUnits
                  .slice(0, 30)
                  .map((u) => u.name)
                  .join(' · ')}
                {preview.expectedUnits.length > 30 ? ` · … (${preview.expectedUnits.length - 30} đơn vị nữa)` : ''}
              </div>
            ) : null}
            {preview.notValidOnCutoff.length ? (
              <div className="small" data-testid="not-valid-on-cutoff">
                Không phải báo cáo (không hoạt động vào ngày chốt số liệu {formatDateShort(preview.windowEnd)}):{' '}
                {preview.notValidOnCutoff
                  .slice(0, 20)
                  .map((u) => `${u.code} — ${u.name} (${u.reason})`)
                  .join('; ')}
                {preview.notValidOnCutoff.length > 20 ? ` … (${preview.notValidOnCutoff.length - 20} đơn vị nữa)` : ''}
              </div>
            ) : (
              <div className="small muted">
                Đơn vị đã thôi hoạt động hoặc sáp nhập trước ngày chốt số liệu không phải báo cáo.
              </div>
            )}
            {preview.freezesOnCreate ? (
              <div className="small" data-testid="freezes-on-create">
                Thời gian số liệu đã kết thúc: danh sách {preview.expectedUnits.length} đơn vị này được chốt khi tạo kỳ;
                thay đổi danh mục đơn vị sau này không làm thay đổi danh sách (trừ khi cập nhật có ghi lý do).
              </div>
            ) : null}
          </div>
        ) : null}
        {preview?.problems.length ? (
          <div className="rp-problems span-all" role="alert">
            <ul>
              {preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {error ? (
          <p className="form-error span-all" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={!!preview?.problems.length}>
            {period ? 'Lưu' : 'Tạo kỳ báo cáo'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
