// Import a unit list: choose or drop a workbook, see the preview and every row error, then
// import all rows or none.
import { useState } from 'react';
import { Modal } from '../../components/Modal';
import { FilePick } from '../../components/FilePick';
import { call, errorMessage } from '../../lib/api';
import { UNIT_KIND_LABELS, type UnitImportPreview } from '../../../shared/model/unit';
import { formatNumber } from '../../../shared/format';

const ACTION_LABEL = { create: 'Thêm mới', update: 'Cập nhật', unchanged: 'Không đổi' } as const;

export function UnitImport({ onClose, onImported }: { onClose: () => void; onImported: (msg: string) => void }) {
  const [file, setFile] = useState<{ fileName: string; data: Uint8Array<ArrayBuffer> } | null>(null);
  const [preview, setPreview] = useState<UnitImportPreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const load = async (f: File) => {
    setError('');
    setPreview(null);
    setBusy(true);
    try {
      const data = new Uint8Array(await f.arrayBuffer());
      const picked = { fileName: f.name, data };
      setFile(picked);
      setPreview(await call('units.importPreview', picked));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('units.importCommit', file);
      onImported(`Đã nhập ${r.created} đơn vị mới, cập nhật ${r.updated} đơn vị từ tệp ${file.fileName}.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const errorRows = new Set(preview?.errors.map((e) => e.row) ?? []);
  const canImport =
    preview !== null && preview.errors.length === 0 && preview.counts.create + preview.counts.update > 0;

  return (
    <Modal title="Nhập danh sách đơn vị từ Excel" onClose={onClose} busy={busy} wide>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer.files[0];
          if (f) void load(f);
        }}
      >
        <p>Kéo thả tệp .xlsx vào đây, hoặc</p>
        <FilePick
          inputLabel="Chọn tệp Excel"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFiles={(files) => void load(files[0]!)}
        >
          Chọn tệp…
        </FilePick>
        <p className="muted small">
          Các cột: Mã, Tên đơn vị, Tên viết tắt, Loại, Mã đơn vị cấp trên, Email, Người liên hệ, Điện thoại, Thứ tự,
          Hoạt động từ, Hoạt động đến. Dòng 1 là dòng tiêu đề.
        </p>
      </div>
      {busy ? (
        <p className="muted" role="status">
          Đang đọc tệp…
        </p>
      ) : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {preview ? (
        <div className="import-preview">
          <p>
            Tệp <strong>{preview.fileName}</strong>: đọc được {formatNumber(preview.rows.length)} dòng —{' '}
            {preview.counts.create} thêm mới, {preview.counts.update} cập nhật, {preview.counts.unchanged} không đổi
            {preview.errors.length > 0 ? `; ${formatNumber(preview.errors.length)} lỗi` : ''}.
          </p>
          {preview.errors.length > 0 ? (
            <div className="import-errors" role="alert">
              <strong>{preview.errors.length} lỗi — chưa nhập dòng nào. Sửa tệp rồi chọn lại:</strong>
              <ul>
                {preview.errors.slice(0, 200).map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="table-scroll">
            <table className="data">
              <thead>
                <tr>
                  <th>Dòng</th>
                  <th>Mã</th>
                  <th>Tên đơn vị</th>
                  <th>Loại</th>
                  <th>Cấp trên</th>
                  <th>Thao tác</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, 500).map((r) => (
                  <tr key={r.row} className={errorRows.has(r.row) ? 'row-error' : undefined}>
                    <td>{r.row}</td>
                    <td>{r.code}</td>
                    <td>{r.name}</td>
                    <td>{UNIT_KIND_LABELS[r.kind]}</td>
                    <td>{r.parentCode}</td>
                    <td>{ACTION_LABEL[r.action]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Đóng
        </button>
        <button type="button" className="primary" disabled={!canImport || busy} onClick={() => void commit()}>
          Nhập tất cả
        </button>
      </div>
    </Modal>
  );
}
