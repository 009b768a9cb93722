// The history of one report: every revision with who changed what, and two revisions side by side.
import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../../shared/format';
import { valueKeyLabel, valueText } from '../../../shared/domain/report-values';
import {
  REASON_KEY_PREFIX,
  REPORT_STATUS_LABELS,
  sectionKey,
  type ReportForm,
  type ReportHistory,
  type ValueMap,
} from '../../../shared/model/report';
import type { Template } from '../../../shared/model/template';
import '../../styles/reporting.css';

/** A stored value as the form shows it. */
const displayValue = (template: Template, key: string, value: string | null | undefined): string =>
  valueText(
    template.indicators.find((i) => i.code === key),
    value,
  );

/** "23/11/2025 14:05" in local time. */
export const whenText = (isoTime: string): string => formatDateTime(isoTime);

/** Every revision (who, when, what changed) and two of them side by side. */
export function HistoryDialog({ form, onClose }: { form: ReportForm; onClose: () => void }) {
  const [history, setHistory] = useState<ReportHistory | null>(null);
  const [a, setA] = useState(0);
  const [b, setB] = useState(0);
  const [snapA, setSnapA] = useState<ValueMap>({});
  const [snapB, setSnapB] = useState<ValueMap>({});
  const [onlyChanged, setOnlyChanged] = useState(true);
  const ref = { periodId: form.period.id, unitId: form.unit.id };
  useEffect(() => {
    void call('reports.history', ref).then((h) => {
      setHistory(h);
      const last = h.revisions.at(-1)?.number ?? 0;
      setB(last);
      setA(Math.max(0, last - 1));
    });
  }, []);
  useEffect(() => {
    void call('reports.snapshot', { ...ref, revision: a }).then(setSnapA);
  }, [a]);
  useEffect(() => {
    void call('reports.snapshot', { ...ref, revision: b }).then(setSnapB);
  }, [b]);
  const t = form.template;
  const order = [
    ...t.sections.map((s) => sectionKey(s.number)),
    ...t.indicators.map((i) => i.code),
    ...t.rules.map((r) => REASON_KEY_PREFIX + r.expression),
  ];
  const keys = order.filter((k) => (k in snapA || k in snapB) && (!onlyChanged || snapA[k] !== snapB[k]));
  const revOptions = [0, ...(history?.revisions.map((r) => r.number) ?? [])];
  const revLabel = (n: number) => {
    if (n === 0) return 'Trước lần nhập đầu';
    const r = history?.revisions.find((x) => x.number === n);
    return r ? `Lần ${n} — ${r.actor}, ${whenText(r.at)}` : `Lần ${n}`;
  };
  return (
    <Modal title={`Lịch sử báo cáo của ${form.unit.name}`} onClose={onClose} wide>
      {!history ? (
        <p>Đang tải…</p>
      ) : (
        <>
          <div className="rp-history-list">
            <table className="rp-table" aria-label="Các lần sửa">
              <thead>
                <tr>
                  <th>Lần</th>
                  <th>Người sửa</th>
                  <th>Thời điểm</th>
                  <th>Thay đổi</th>
                </tr>
              </thead>
              <tbody>
                {[
                  ...history.revisions.map((r) => ({ at: r.at, kind: 'rev' as const, r })),
                  ...history.events.map((e) => ({ at: e.at, kind: 'event' as const, e })),
                ]
                  .sort((x, y) => x.at.localeCompare(y.at) || (x.kind === y.kind ? 0 : x.kind === 'rev' ? -1 : 1))
                  .map((item, i) =>
                    item.kind === 'rev' ? (
                      <tr key={`r${item.r.number}`}>
                        <td className="num">{item.r.number}</td>
                        <td>{item.r.actor}</td>
                        <td>{whenText(item.r.at)}</td>
                        <td className="small">
                          {item.r.changes
                            .map(
                              (c) =>
                                `${c.key.startsWith('muc:') || c.key.startsWith(REASON_KEY_PREFIX) ? valueKeyLabel(t, c.key) : c.key}: ${displayValue(t, c.key, c.oldValue) || '∅'} → ${displayValue(t, c.key, c.newValue) || '∅'}`,
                            )
                            .join(' · ')
                            .slice(0, 400)}
                        </td>
                      </tr>
                    ) : (
                      <tr key={`e${i}`} className="muted">
                        <td>—</td>
                        <td>{item.e.actor}</td>
                        <td>{whenText(item.e.at)}</td>
                        <td className="small">
                          Trạng thái: {REPORT_STATUS_LABELS[item.e.from]} → {REPORT_STATUS_LABELS[item.e.to]}
                          {item.e.note ? ` (${item.e.note})` : ''}
                        </td>
                      </tr>
                    ),
                  )}
              </tbody>
            </table>
          </div>
          <div className="rp-form-top" style={{ marginTop: 12 }}>
            <Field label="So sánh bản">
              <select aria-label="Bản A" value={a} onChange={(e) => setA(Number(e.target.value))}>
                {revOptions.map((n) => (
                  <option key={n} value={n}>
                    {revLabel(n)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="với bản">
              <select aria-label="Bản B" value={b} onChange={(e) => setB(Number(e.target.value))}>
                {revOptions.map((n) => (
                  <option key={n} value={n}>
                    {revLabel(n)}
                  </option>
                ))}
              </select>
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={onlyChanged}
                onChange={(e) => setOnlyChanged(e.target.checked)}
                style={{ width: 'auto' }}
              />{' '}
              Chỉ hiện chỗ khác nhau
            </label>
          </div>
          <div className="rp-table-wrap" style={{ maxHeight: 360 }}>
            <table className="rp-table rp-compare" aria-label="So sánh hai lần sửa">
              <thead>
                <tr>
                  <th>Trường</th>
                  <th>Lần {a}</th>
                  <th>Lần {b}</th>
                </tr>
              </thead>
              <tbody>
                {keys.length === 0 ? (
                  <tr>
                    <td colSpan={3} className="muted">
                      Hai bản giống nhau.
                    </td>
                  </tr>
                ) : null}
                {keys.map((k) => {
                  const changed = snapA[k] !== snapB[k];
                  return (
                    <tr key={k}>
                      <td>{valueKeyLabel(t, k)}</td>
                      <td className={changed ? 'changed old' : ''}>{displayValue(t, k, snapA[k])}</td>
                      <td className={changed ? 'changed' : ''}>{displayValue(t, k, snapB[k])}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Modal>
  );
}
