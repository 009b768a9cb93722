// The dialogs of one unit's score sheet (UnitsPanel): approve, reopen with a reason, take an
// evidence file off the sheet.
import { useState } from 'react';
import { call } from '../../lib/api';
import { Confirm, Modal } from '../../components/Modal';
import { useBusy } from '../../components/useDialog';
import { Field } from '../../components/Field';
import { formatPoints } from '../../../shared/domain/scoring';
import { formatDateTime } from '../../../shared/format';
import type { Evidence, UnitScoring } from '../../../shared/model/scoring';

export function ApproveConfirm({
  sheet,
  unsaved,
  onCancel,
  onConfirm,
}: {
  sheet: UnitScoring;
  unsaved: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <Confirm
      title="Duyệt kết quả chấm điểm"
      message={
        <>
          Duyệt kết quả của <strong>{sheet.unitName}</strong>:{' '}
          <strong>
            {formatPoints(sheet.final.total)} điểm — {sheet.final.classLabel}
          </strong>
          . Sau khi duyệt, điểm bị khóa; muốn sửa phải mở lại và ghi lý do.
          {unsaved ? <p className="warn-text">Có thay đổi chưa lưu: hãy lưu trước khi duyệt.</p> : null}
        </>
      }
      confirmLabel="Duyệt"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}

export function ReopenDialog({
  roundId,
  sheet,
  onClose,
  onReopened,
  fail,
}: {
  roundId: number;
  sheet: UnitScoring;
  onClose: () => void;
  onReopened: (s: UnitScoring) => void;
  fail: (err: unknown) => void;
}) {
  const [busy, running] = useBusy();
  const [reason, setReason] = useState('');
  return (
    <Modal title="Mở lại kết quả đã duyệt" onClose={onClose} busy={busy}>
      <Field label="Lý do mở lại" required>
        <textarea name="reopenReason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Hủy
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() =>
            void running(() =>
              call('scoring.unit.reopen', { roundId, unitId: sheet.unitId, reason }).then(onReopened, fail),
            )
          }
        >
          Mở lại
        </button>
      </div>
    </Modal>
  );
}

/** Taking evidence off is not undone: the file would have to be attached again. Starts on Hủy. */
export function RemoveEvidenceConfirm({
  evidence,
  unitName,
  onCancel,
  onConfirm,
}: {
  evidence: Evidence;
  unitName: string;
  onCancel: () => void;
  onConfirm: () => Promise<unknown>;
}) {
  return (
    <Confirm
      title="Bỏ minh chứng"
      message={
        <>
          Bỏ tệp <strong>“{evidence.fileName}”</strong> (đính kèm lúc {formatDateTime(evidence.addedAt)}) khỏi tiêu chí{' '}
          {evidence.itemCode} của {unitName}? Muốn dùng lại phải đính kèm lại tệp.
        </>
      }
      confirmLabel="Bỏ minh chứng"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
