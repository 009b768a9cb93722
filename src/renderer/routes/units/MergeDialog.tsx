// Merging a unit into another (both kept in the history), and the history of a unit's changes.
import { useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Confirm, Modal } from '../../components/Modal';
import { type UnitEvent, type UnitListItem } from '../../../shared/model/unit';
import { formatDateShort, todayIso } from '../../../shared/format';
import { ViDateInput } from '../../components/ViDateInput';

export const EVENT_LABEL: Record<UnitEvent['kind'], string> = {
  created: 'Tạo mới',
  updated: 'Sửa',
  closed: 'Thôi hoạt động',
  reopened: 'Hoạt động trở lại',
  merged_into: 'Sáp nhập vào đơn vị khác',
  merged_from: 'Nhận sáp nhập',
  imported: 'Nhập từ Excel',
  reorganised: 'Sắp xếp lại đơn vị',
};

export function MergeDialog({
  source,
  units,
  onClose,
  onDone,
}: {
  source: UnitListItem;
  units: UnitListItem[];
  onClose: () => void;
  onDone: (msg: string) => void;
}) {
  const [targetId, setTargetId] = useState<number | ''>('');
  const [date, setDate] = useState(todayIso());
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState(false);
  const target = units.find((u) => u.id === targetId);
  const submit = async () => {
    if (!target) return;
    try {
      await call('units.merge', { sourceId: source.id, targetId: target.id, date });
      onDone(`Đã sáp nhập ${source.code} vào ${target.code}.`);
    } catch (err) {
      setConfirming(false);
      setError(errorMessage(err));
    }
  };
  return (
    <Modal title={`Sáp nhập ${source.code} — ${source.name}`} onClose={onClose}>
      <p>
        Đơn vị này sẽ thôi hoạt động từ ngày chọn; các đơn vị cấp dưới đang hoạt động chuyển sang đơn vị nhận. Báo cáo
        các kỳ trước vẫn giữ tên đơn vị cũ.
      </p>
      <label className="field">
        <span className="field-label">Sáp nhập vào</span>
        <select
          aria-label="Đơn vị nhận sáp nhập"
          value={targetId}
          onChange={(e) => setTargetId(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">— Chọn đơn vị —</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.code} — {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Từ ngày</span>
        <ViDateInput label="Sáp nhập từ ngày" value={date} onChange={setDate} />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Hủy
        </button>
        <button type="button" className="danger" disabled={!target} onClick={() => setConfirming(true)}>
          Sáp nhập…
        </button>
      </div>
      {confirming && target ? (
        <Confirm
          title="Xác nhận sáp nhập"
          confirmLabel="Sáp nhập"
          message={`Sáp nhập “${source.name}” vào “${target.name}” từ ngày ${formatDateShort(date)}?`}
          onCancel={() => setConfirming(false)}
          onConfirm={submit}
        />
      ) : null}
    </Modal>
  );
}
