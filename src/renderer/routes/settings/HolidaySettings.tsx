// Ngày nghỉ lễ: holidays on dates that move every year (Tết Nguyên đán, Giỗ Tổ Hùng Vương, the extra day
// of Quốc khánh…). Default deadlines of report periods skip them, as they skip weekends and 1/1, 30/4, 1/5, 2/9.
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useCall } from '../../hooks/useCall';
import { useNotice } from '../../components/Notice';
import { ViDateInput } from '../../components/ViDateInput';
import { formatDateShort } from '../../../shared/format';
import { MAX_HOLIDAYS, type Holiday } from '../../../shared/model/period';
import '../../styles/reporting.css';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '';

export function HolidaySettings() {
  const notice = useNotice();
  const tryCall = useCall();
  const [list, setList] = useState<Holiday[] | null>(null);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    void tryCall(() => call('periods.holidays').then(setList));
  }, [tryCall]);

  if (!list)
    return (
      <section className="screen">
        <p className="muted">Đang tải…</p>
      </section>
    );

  const add = () => {
    if (!date) return setError('Nhập ngày nghỉ theo dạng ngày/tháng/năm, ví dụ 17/02/2026.');
    if (list.some((h) => h.date === date)) return setError(`Ngày ${formatDateShort(date)} đã có trong danh sách.`);
    if (list.length >= MAX_HOLIDAYS)
      return setError(`Chỉ lưu được tối đa ${MAX_HOLIDAYS} ngày nghỉ lễ; hãy bỏ bớt các năm đã qua.`);
    setList([...list, { date, name: name.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    setDate('');
    setName('');
    setError('');
    setDirty(true);
  };

  const save = async () => {
    try {
      setList(await call('periods.saveHolidays', { holidays: list }));
      setDirty(false);
      setError('');
      notice('ok', 'Đã lưu ngày nghỉ lễ.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const years = [...new Set(list.map((h) => h.date.slice(0, 4)))];

  return (
    <section className="screen" aria-label="Ngày nghỉ lễ">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Cài đặt</div>
          <h1>Ngày nghỉ lễ theo năm</h1>
          <div className="muted small">
            Hạn nộp mặc định của kỳ báo cáo là ngày làm việc đầu tiên sau ngày chốt số liệu: đã bỏ qua thứ Bảy, Chủ nhật
            và các ngày lễ cố định (1/1, 30/4, 1/5, 2/9). Nhập thêm ở đây các ngày nghỉ thay đổi theo từng năm: Tết
            Nguyên đán, Giỗ Tổ Hùng Vương (10/3 âm lịch), ngày nghỉ thêm dịp Quốc khánh, ngày nghỉ bù…
          </div>
        </div>
      </header>
      <div className="rp-row-actions" style={{ alignItems: 'flex-end', marginBottom: 10 }}>
        <label className="small" style={{ width: 160 }}>
          Ngày nghỉ
          <ViDateInput label="Ngày nghỉ" value={date} onChange={setDate} />
        </label>
        <label className="small" style={{ width: 280 }}>
          Tên ngày lễ
          <input
            aria-label="Tên ngày lễ"
            placeholder="Tết Nguyên đán"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="button" onClick={add}>
          + Thêm ngày
        </button>
      </div>
      {list.length === 0 ? <p className="empty">Chưa có ngày nghỉ lễ nào ngoài các ngày lễ cố định.</p> : null}
      {years.map((y) => (
        <div key={y} style={{ marginBottom: 10 }}>
          <h3 style={{ margin: '6px 0' }}>Năm {y}</h3>
          <table className="rp-table" aria-label={`Ngày nghỉ lễ năm ${y}`}>
            <tbody>
              {list
                .filter((h) => h.date.startsWith(y))
                .map((h) => (
                  <tr key={h.date}>
                    <td style={{ width: 110 }}>{formatDateShort(h.date)}</td>
                    <td style={{ width: 90 }} className="muted small">
                      {weekday(h.date)}
                    </td>
                    <td>{h.name || '—'}</td>
                    <td style={{ width: 40 }}>
                      <button
                        type="button"
                        className="icon"
                        aria-label={`Bỏ ngày ${formatDateShort(h.date)}`}
                        onClick={() => {
                          setList(list.filter((x) => x.date !== h.date));
                          setDirty(true);
                        }}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="primary" disabled={!dirty} onClick={() => void save()}>
          Lưu ngày nghỉ lễ
        </button>
        {dirty ? <span className="small muted">Có thay đổi chưa lưu.</span> : null}
      </div>
    </section>
  );
}
