// Thể thức văn bản: the decree's ranges the user chooses, sample documents, and the register
// of outgoing documents (sổ văn bản đi).
import { useEffect, useState, type FormEvent } from 'react';
import { call, ApiError, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Field, fieldErrors } from '../../components/Field';
import type { DocumentOutput, RegisterEntry, SampleKind } from '../../../shared/model/document';
import { FormatChoice } from '../../components/FormatChoice';
import { formatDateShort } from '../../../shared/format';

const SAMPLES: { kind: SampleKind; label: string }[] = [
  { kind: 'bao-cao', label: 'Báo cáo' },
  { kind: 'ke-hoach', label: 'Kế hoạch' },
  { kind: 'cong-van', label: 'Công văn' },
  { kind: 'phu-luc', label: 'Văn bản có phụ lục ngang' },
];

interface Draft {
  top: string;
  bottom: string;
  left: string;
  right: string;
  bodySize: '13' | '14';
  lineSpacing: string;
  tableSize: string;
}

const num = (v: string) => Number(v.replace(',', '.'));

export function DocumentSettings() {
  const notice = useNotice();
  const tryCall = useCall();
  const [d, setD] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [register, setRegister] = useState<RegisterEntry[]>([]);
  const [year, setYear] = useState(new Date().getFullYear());
  const [sampleOutput, setSampleOutput] = useState<DocumentOutput>({ format: 'docx', images: false });

  useEffect(() => {
    tryCall(() =>
      call('documents.settings').then((s) =>
        setD({
          top: String(s.margins.top),
          bottom: String(s.margins.bottom),
          left: String(s.margins.left),
          right: String(s.margins.right),
          bodySize: String(s.bodySize) as '13' | '14',
          lineSpacing: String(s.lineSpacing).replace('.', ','),
          tableSize: String(s.tableSize),
        }),
      ),
    );
  }, [tryCall]);
  useEffect(() => {
    tryCall(() => call('register.list', { year }).then(setRegister));
  }, [year, tryCall]);

  if (!d)
    return (
      <section className="screen">
        <p className="muted">Đang tải…</p>
      </section>
    );
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await call('documents.saveSettings', {
        margins: { top: num(d.top), bottom: num(d.bottom), left: num(d.left), right: num(d.right) },
        bodySize: d.bodySize === '13' ? 13 : 14,
        lineSpacing: num(d.lineSpacing),
        tableSize: num(d.tableSize),
      });
      setErrors({});
      notice('ok', 'Đã lưu thể thức văn bản.');
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrors(err.data.details));
      notice('error', errorMessage(err));
    }
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Cài đặt</div>
          <h1>Thể thức văn bản</h1>
          <div className="muted">
            Theo Nghị định 30/2020/NĐ-CP: khổ A4, phông Times New Roman; các giá trị dưới đây trong phạm vi Nghị định
            cho phép.
          </div>
        </div>
      </header>
      <form className="card form-grid" onSubmit={submit} noValidate aria-label="Thể thức văn bản">
        <Field label="Lề trên (mm)" hint="20–25" error={errors['margins.top']}>
          <input name="top" inputMode="decimal" value={d.top} onChange={(e) => set({ top: e.target.value })} />
        </Field>
        <Field label="Lề dưới (mm)" hint="20–25" error={errors['margins.bottom']}>
          <input name="bottom" inputMode="decimal" value={d.bottom} onChange={(e) => set({ bottom: e.target.value })} />
        </Field>
        <Field label="Lề trái (mm)" hint="30–35" error={errors['margins.left']}>
          <input name="left" inputMode="decimal" value={d.left} onChange={(e) => set({ left: e.target.value })} />
        </Field>
        <Field label="Lề phải (mm)" hint="15–20" error={errors['margins.right']}>
          <input name="right" inputMode="decimal" value={d.right} onChange={(e) => set({ right: e.target.value })} />
        </Field>
        <Field label="Cỡ chữ nội dung" error={errors.bodySize}>
          <select name="bodySize" value={d.bodySize} onChange={(e) => set({ bodySize: e.target.value as '13' | '14' })}>
            <option value="13">13</option>
            <option value="14">14</option>
          </select>
        </Field>
        <Field label="Giãn dòng" hint="Từ 1 (đơn) đến 1,5" error={errors.lineSpacing}>
          <input
            name="lineSpacing"
            inputMode="decimal"
            value={d.lineSpacing}
            onChange={(e) => set({ lineSpacing: e.target.value })}
          />
        </Field>
        <Field label="Cỡ chữ trong bảng" hint="10–14" error={errors.tableSize}>
          <input
            name="tableSize"
            inputMode="numeric"
            value={d.tableSize}
            onChange={(e) => set({ tableSize: e.target.value })}
          />
        </Field>
        <div className="form-actions span-all">
          <button type="submit" className="primary">
            Lưu
          </button>
        </div>
      </form>
      <div className="card stack" style={{ marginTop: 16 }}>
        <h2 className="card-title">Văn bản mẫu để kiểm tra thể thức</h2>
        <FormatChoice value={sampleOutput} onChange={setSampleOutput} />
        <div className="toolbar-actions">
          {SAMPLES.map((s) => (
            <button
              key={s.kind}
              type="button"
              onClick={() =>
                void tryCall(() =>
                  call('documents.sample', { kind: s.kind, ...sampleOutput }).then(
                    (r) => r.saved && notice('ok', `Đã xuất văn bản mẫu: ${r.path}`),
                  ),
                )
              }
            >
              {s.label}
            </button>
          ))}
        </div>
      </div>
      <div className="card stack">
        <h2 className="card-title">Sổ văn bản đi</h2>
        <label className="inline-form">
          <span className="field-label">Năm</span>
          <input
            type="number"
            aria-label="Năm của sổ"
            value={year}
            min={2000}
            max={2999}
            onChange={(e) => setYear(Number(e.target.value) || new Date().getFullYear())}
            style={{ width: 100 }}
          />
        </label>
        <table className="data" aria-label="Sổ văn bản đi">
          <thead>
            <tr>
              <th>Số, ký hiệu</th>
              <th>Ngày</th>
              <th>Loại</th>
              <th>Trích yếu</th>
              <th>Người ký</th>
              <th>Tệp</th>
            </tr>
          </thead>
          <tbody>
            {register.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  Chưa có văn bản nào trong năm {year}.
                </td>
              </tr>
            ) : null}
            {register.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  {r.number === null ? `(để trống)/${r.symbol}` : `${String(r.number).padStart(2, '0')}/${r.symbol}`}
                </td>
                <td>{formatDateShort(r.date)}</td>
                <td>{r.documentType}</td>
                <td>{r.summary}</td>
                <td>{r.signerName}</td>
                <td className="small mono">{r.filePath.split(/[\\/]/).pop()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
