// Who the audit log names: the name typed here is written with every change made on this computer;
// the computer's account stays beside it as a detail. The one home of the user's name: the report
// screen's "Người nhập" is this name (hooks/useUserName), changed through this same form.
import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useCall } from '../../hooks/useCall';
import { useNotice } from '../../components/Notice';
import { auditUser } from '../../../shared/model/audit-labels';
import { announceUserName } from '../../hooks/useUserName';

/** `onSaved`: the form shown inside another screen's dialog closes it after saving. */
export function UserName({ onSaved }: { onSaved?: () => void } = {}) {
  const tryCall = useCall();
  const notice = useNotice();
  const [name, setName] = useState('');
  const [account, setAccount] = useState('');
  useEffect(() => {
    void tryCall(() =>
      call('audit.user').then((u) => {
        setName(u.name);
        setAccount(u.account);
      }),
    );
  }, [tryCall]);
  return (
    <form
      className="audit-user"
      aria-label="Người sử dụng máy này"
      onSubmit={(e) => {
        e.preventDefault();
        void tryCall(async () => {
          const u = await call('audit.setUser', { name });
          setName(u.name);
          announceUserName(u);
          onSaved?.();
          notice('ok', u.name ? `Nhật ký sẽ ghi tên “${u.name}” cho các thay đổi từ nay.` : 'Đã bỏ tên người dùng.');
        });
      }}
    >
      <label className="field">
        <span className="field-label">Tên người sử dụng máy này (ghi vào nhật ký)</span>
        <input
          name="userName"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          placeholder="Họ và tên"
        />
      </label>
      <button type="submit">Lưu tên</button>
      <span className="small muted">{account ? `Tài khoản máy: ${account}` : ''}</span>
    </form>
  );
}

export function WhoCell({ stored }: { stored: string }) {
  const u = auditUser(stored);
  return (
    <>
      {u.name || <span className="muted">Chưa đặt tên</span>}
      {u.account ? <div className="small muted">tài khoản máy: {u.account}</div> : null}
    </>
  );
}
