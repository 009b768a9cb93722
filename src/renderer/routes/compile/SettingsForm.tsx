// Nơi gửi: who the consolidated report goes to and the email it is sent with.
import { useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import type { CompileSettings } from '../../../shared/model/compile';
import './compile.css';

export function SettingsForm({
  settings,
  onSaved,
}: {
  settings: CompileSettings;
  onSaved: (s: CompileSettings) => void;
}) {
  const notice = useNotice();
  const tryCall = useCall();
  const [to, setTo] = useState(settings.to.join('\n'));
  const [recipients, setRecipients] = useState(settings.recipients.join('\n'));
  const [emailTo, setEmailTo] = useState(settings.emailTo.join(', '));
  const [emailCc, setEmailCc] = useState(settings.emailCc.join(', '));
  const [symbol, setSymbol] = useState(settings.symbol);
  const [maxPoints, setMaxPoints] = useState(String(settings.maxPoints));
  const [unitTextAnnex, setUnitTextAnnex] = useState(settings.unitTextAnnex);
  const split = (s: string, sep: RegExp) =>
    s
      .split(sep)
      .map((x) => x.trim())
      .filter(Boolean);
  const save = async () => {
    await tryCall(async () => {
      const s = await call('compile.saveSettings', {
        to: split(to, /\n/),
        recipients: split(recipients, /\n/),
        emailTo: split(emailTo, /[,;\s]+/),
        emailCc: split(emailCc, /[,;\s]+/),
        symbol,
        maxPoints: Number(maxPoints),
        unitTextAnnex,
      });
      onSaved(s);
      notice('ok', 'Đã lưu nơi gửi báo cáo.');
    });
  };
  return (
    <form
      className="card form-grid cp-settings"
      aria-label="Nơi gửi báo cáo"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span className="field-label">Kính gửi (mỗi dòng một cơ quan)</span>
        <textarea name="to" rows={3} value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Nơi nhận khác (ngoài “Như trên” và “Lưu”)</span>
        <textarea name="recipients" rows={3} value={recipients} onChange={(e) => setRecipients(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Email cơ quan cấp trên</span>
        <input
          name="emailTo"
          value={emailTo}
          onChange={(e) => setEmailTo(e.target.value)}
          placeholder="vanthu@…gov.vn"
        />
      </label>
      <label className="field">
        <span className="field-label">Đồng gửi (CC)</span>
        <input name="emailCc" value={emailCc} onChange={(e) => setEmailCc(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Ký hiệu báo cáo</span>
        <input name="symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} placeholder="BC-SNV" />
      </label>
      <label className="field">
        <span className="field-label">Số ý chính mỗi mục (tổng hợp ý kiến đơn vị)</span>
        <input
          name="maxPoints"
          inputMode="numeric"
          value={maxPoints}
          onChange={(e) => setMaxPoints(e.target.value.replace(/\D/g, '').slice(0, 2))}
        />
        <span className="field-hint">Từ 1 đến 20; các ý còn lại được đếm và nằm ở phụ lục.</span>
      </label>
      <label className="check">
        <input
          type="checkbox"
          name="unitTextAnnex"
          checked={unitTextAnnex}
          onChange={(e) => setUnitTextAnnex(e.target.checked)}
        />{' '}
        Đưa toàn văn ý kiến của từng đơn vị vào Phụ lục IV
      </label>
      <div className="form-actions span-all">
        <button type="submit" className="primary">
          Lưu
        </button>
      </div>
    </form>
  );
}
