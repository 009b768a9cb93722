// Thùng rác: deleted records wait here and can be put back until the trash is emptied.
import { auditUserText } from '../../../shared/model/audit-labels';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useCall } from '../../hooks/useCall';
import { useNotice } from '../../components/Notice';
import { Confirm } from '../../components/Modal';
import type { TrashItem } from '../../../shared/model/safety';
import { formatDateTime } from '../../../shared/format';

export function TrashBin() {
  const notice = useNotice();
  const tryCall = useCall();
  const [items, setItems] = useState<TrashItem[]>([]);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const reload = useCallback(() => {
    void tryCall(() => call('trash.list').then(setItems));
  }, [tryCall]);
  useEffect(reload, [reload]);
  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Cài đặt</div>
          <h1>Thùng rác</h1>
          <div className="muted">Dữ liệu đã xóa nằm ở đây cho đến khi dọn thùng rác.</div>
        </div>
        <button type="button" className="danger" disabled={items.length === 0} onClick={() => setConfirmEmpty(true)}>
          Dọn thùng rác…
        </button>
      </header>
      <table className="data" aria-label="Thùng rác">
        <thead>
          <tr>
            <th>Dữ liệu</th>
            <th>Nội dung</th>
            <th>Xóa lúc</th>
            <th>Người xóa</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                Thùng rác trống.
              </td>
            </tr>
          ) : null}
          {items.map((t) => (
            <tr key={t.id}>
              <td>{t.tableLabel}</td>
              <td>{t.label}</td>
              <td>{formatDateTime(t.deletedAt)}</td>
              <td>{auditUserText(t.user)}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void tryCall(async () => {
                      await call('trash.restore', { id: t.id });
                      notice('ok', `Đã khôi phục “${t.label}”.`);
                      reload();
                    })
                  }
                >
                  Khôi phục
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirmEmpty ? (
        <Confirm
          title="Dọn thùng rác"
          confirmLabel="Xóa vĩnh viễn"
          message={`Xóa vĩnh viễn ${items.length} mục? Không thể hoàn tác (các bản sao lưu cũ vẫn còn).`}
          onCancel={() => setConfirmEmpty(false)}
          onConfirm={() => {
            setConfirmEmpty(false);
            void tryCall(async () => {
              const r = await call('trash.empty', {});
              notice('ok', `Đã xóa vĩnh viễn ${r.removed} mục.`);
              reload();
            });
          }}
        />
      ) : null}
    </section>
  );
}
