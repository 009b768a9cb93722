// Add or edit a unit. Enter saves, Escape cancels; errors appear beside their field.
import { useState, type FormEvent } from 'react';
import { Modal } from '../../components/Modal';
import { Field, fieldErrors } from '../../components/Field';
import { call, ApiError, errorMessage } from '../../lib/api';
import { UNIT_KINDS, UNIT_KIND_LABELS, type Unit, type UnitKind, type UnitListItem } from '../../../shared/model/unit';
import { ViDateInput } from '../../components/ViDateInput';

export function UnitForm({
  unit,
  units,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  units: UnitListItem[];
  onClose: () => void;
  onSaved: (u: Unit) => void;
}) {
  const [d, setD] = useState({
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    kind: (unit?.kind ?? 'so_nganh') as UnitKind,
    parentId: unit?.parentId ?? null,
    email: unit?.email ?? '',
    contactPerson: unit?.contactPerson ?? '',
    phone: unit?.phone ?? '',
    // A new unit reports from today unless another day is typed; empty: in every period, older ones too.
    // blank: a unit added to the register has usually been there all along (the hint says so); a
    // date of today would leave it out of every period whose data cut-off has passed, without a word
    activeFrom: unit?.activeFrom ?? '',
    activeTo: unit?.activeTo ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<typeof d>) => setD({ ...d, ...patch });

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (!d.code.trim()) e.code = 'Nhập mã đơn vị.';
    if (!d.name.trim()) e.name = 'Nhập tên đơn vị.';
    setErrors(e);
    if (Object.keys(e).length) return;
    const data = { ...d, activeFrom: d.activeFrom || null, activeTo: d.activeTo || null };
    setSaving(true);
    try {
      const saved = unit
        ? await call('units.update', { id: unit.id, unit: data, expectedUpdatedAt: unit.updatedAt })
        : await call('units.create', data);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = fieldErrors(err.data.details);
        const key = err.data.where?.field;
        if (key && !fe[key]) fe[key] = err.data.message;
        setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => [k.replace(/^unit\./, ''), v])));
      }
      setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  // A unit cannot sit under itself or one of its descendants.
  const excluded = new Set<number>();
  if (unit) {
    excluded.add(unit.id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const u of units) {
        if (u.parentId !== null && excluded.has(u.parentId) && !excluded.has(u.id)) {
          excluded.add(u.id);
          grew = true;
        }
      }
    }
  }

  return (
    <Modal title={unit ? `Sửa đơn vị ${unit.code}` : 'Thêm đơn vị'} onClose={onClose} busy={saving} guardEdits>
      <form className="form-grid" onSubmit={submit} noValidate aria-label="Thông tin đơn vị">
        <Field label="Mã đơn vị" required error={errors.code}>
          <input name="code" value={d.code} onChange={(e) => set({ code: e.target.value })} />
        </Field>
        <Field label="Loại" required error={errors.kind}>
          <select name="kind" value={d.kind} onChange={(e) => set({ kind: e.target.value as UnitKind })}>
            {UNIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Tên đơn vị" required error={errors.name}>
          <input name="name" value={d.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field label="Tên viết tắt" error={errors.shortName}>
          <input name="shortName" value={d.shortName} onChange={(e) => set({ shortName: e.target.value })} />
        </Field>
        <Field label="Đơn vị cấp trên" error={errors.parentId}>
          <select
            name="parentId"
            value={d.parentId ?? ''}
            onChange={(e) => set({ parentId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">— Không có (cấp cao nhất) —</option>
            {units
              .filter((u) => !excluded.has(u.id))
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {'\u00a0\u00a0'.repeat(u.depth)}
                  {u.code} — {u.name}
                </option>
              ))}
          </select>
        </Field>
        <Field label="Email" error={errors.email}>
          <input name="email" type="email" value={d.email} onChange={(e) => set({ email: e.target.value })} />
        </Field>
        <Field label="Người liên hệ" error={errors.contactPerson}>
          <input
            name="contactPerson"
            value={d.contactPerson}
            onChange={(e) => set({ contactPerson: e.target.value })}
          />
        </Field>
        <Field label="Điện thoại" error={errors.phone}>
          <input name="phone" value={d.phone} onChange={(e) => set({ phone: e.target.value })} />
        </Field>
        <Field
          label="Hoạt động từ ngày"
          error={errors.activeFrom}
          hint="Phải báo cáo các kỳ có ngày chốt số liệu từ ngày này; để trống nếu đơn vị có từ trước (mọi kỳ)."
        >
          <ViDateInput
            name="activeFrom"
            label="Hoạt động từ ngày"
            value={d.activeFrom}
            onChange={(v) => set({ activeFrom: v })}
          />
        </Field>
        <Field label="Thôi hoạt động từ ngày" error={errors.activeTo}>
          <ViDateInput
            name="activeTo"
            label="Thôi hoạt động từ ngày"
            value={d.activeTo}
            onChange={(v) => set({ activeTo: v })}
          />
        </Field>
        {formError ? (
          <p className="form-error span-all" role="alert">
            {formError}
          </p>
        ) : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Đang lưu…' : 'Lưu'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
