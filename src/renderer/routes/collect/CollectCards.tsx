// The two steps of Thu biểu Excel: sending each unit its workbook, and taking the workbooks back
// (dropped, a folder, or chosen), with what was stored last.
import { useState } from 'react';
import { FilePick } from '../../components/FilePick';
import { formatDateShort, formatNumber } from '../../../shared/format';
import type { ExpectedUnit } from '../../../shared/model/period';
import type { CollectCommitResult, CollectExportResult } from '../../../shared/model/collect';
import { REPORT_STATUS_LABELS } from '../../../shared/model/report';
import { ProgressBar } from './useJob';
import { droppedFiles } from './dropped-files';
import type { JobProgress } from '../../../shared/model/job';

export function ExportCard({
  periodId,
  units,
  unitId,
  setUnitId,
  busy,
  onExport,
  progress,
  exported,
  noPeriod,
  noUnits,
}: {
  periodId: number | null;
  units: ExpectedUnit[];
  /** No period yet, or the period has no unit to report: why the button cannot be used yet. */
  noPeriod: boolean;
  noUnits: boolean;
  unitId: number | null;
  setUnitId: (id: number | null) => void;
  busy: string | null;
  onExport: () => Promise<void>;
  progress: JobProgress | null;
  exported: CollectExportResult | null;
}) {
  return (
    <div className="card cx-card" aria-label="Xuất biểu nhập liệu">
      <h2 className="card-title">1. Xuất biểu nhập liệu</h2>
      <p className="small muted">
        Mỗi đơn vị một tệp .xlsx, có trang hướng dẫn, ô nhập tô vàng (các ô khác đã khóa), kiểm tra số liệu ngay trong
        Excel. Gửi tệp cho đơn vị; đơn vị điền và gửi lại.
      </p>
      <label className="field">
        <span className="field-label">Đơn vị</span>
        <select
          aria-label="Đơn vị xuất biểu"
          value={unitId ?? ''}
          onChange={(e) => setUnitId(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">Tất cả {formatNumber(units.length)} đơn vị phải báo cáo</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.code} — {u.name}
            </option>
          ))}
        </select>
      </label>
      {noPeriod ? (
        <p className="small cx-why" role="note">
          Chưa có kỳ báo cáo. <a href="#/ky-bao-cao">Tạo kỳ báo cáo</a> trước: kỳ báo cáo cho biết đơn vị nào phải báo
          cáo và theo mẫu nào.
        </p>
      ) : noUnits ? (
        <p className="small cx-why" role="note">
          Kỳ này chưa có đơn vị nào phải báo cáo. Thêm đơn vị ở <a href="#/don-vi">Đơn vị</a>, rồi xem lại kỳ ở{' '}
          <a href="#/ky-bao-cao">Kỳ báo cáo</a>.
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={periodId === null || busy !== null || units.length === 0}
          onClick={() => void onExport()}
        >
          Xuất biểu nhập liệu…
        </button>
      </div>
      {progress ? <ProgressBar progress={progress} label="Đang xuất" /> : null}
      {exported ? (
        <p className="small" role="status">
          Đã xuất {formatNumber(exported.files.length)} tệp vào <span className="mono">{exported.folder}</span>
          {exported.files.length === 1 ? ` (${exported.files[0]!.fileName})` : ''}.
        </p>
      ) : null}
    </div>
  );
}

export function ImportCard({
  onFiles,
  busy,
  progress,
  unreadable,
  skipped,
  saved,
}: {
  onFiles: (files: File[], fromFolder: boolean) => Promise<void>;
  busy: string | null;
  progress: JobProgress | null;
  unreadable: string[];
  skipped: number;
  saved: CollectCommitResult['saved'];
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div className="card cx-card" aria-label="Nhập biểu đã nộp">
      <h2 className="card-title">2. Nhập biểu đã nộp</h2>
      <div
        className={`dropzone cx-drop${dragging ? ' dragging' : ''}`}
        data-testid="collect-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void droppedFiles(e).then(({ files, fromFolder }) => onFiles(files, fromFolder));
        }}
      >
        <p>Kéo thả các tệp .xlsx đơn vị gửi lại (hoặc cả thư mục) vào đây, hoặc</p>
        <div className="cx-pick">
          <FilePick
            inputLabel="Chọn các tệp Excel đã nộp"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onFiles={(files) => void onFiles(files, false)}
          >
            Chọn tệp…
          </FilePick>
          <FilePick
            inputLabel="Chọn thư mục chứa tệp Excel"
            multiple
            directory
            onFiles={(files) => void onFiles(files, true)}
          >
            Chọn thư mục…
          </FilePick>
        </div>
        <p className="small muted">Chưa lưu gì cho đến khi bạn xem lại và bấm “Nhập các tệp đã chọn”.</p>
      </div>
      {progress ? <ProgressBar progress={progress} label="Đang đọc" /> : null}
      {busy === 'read' && !progress ? <p className="muted small">Đang đọc tệp…</p> : null}
      {unreadable.length ? (
        <div className="import-errors" role="alert">
          <ul>
            {unreadable.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {skipped ? (
        <p className="small muted">Bỏ qua {formatNumber(skipped)} tệp không phải bảng tính trong thư mục.</p>
      ) : null}
      {saved.length ? (
        <div role="status" aria-label="Kết quả nhập">
          <p className="small">Đã nhập {formatNumber(saved.length)} tệp:</p>
          <ul className="cx-saved">
            {saved.map((x) => (
              <li key={x.index}>
                {x.unitCode} — {x.unitName}: tệp “{x.fileName}”, {x.changedCount} giá trị, lần sửa {x.revision}, báo cáo
                “{REPORT_STATUS_LABELS[x.status]}”
                {x.receivedDate ? `, nhận ngày ${formatDateShort(x.receivedDate)}` : ''}
                {x.breachCount ? (
                  <span className="cx-breach"> · {x.breachCount} vi phạm quy tắc (đã đánh dấu)</span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
