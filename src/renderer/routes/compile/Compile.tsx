// Tổng hợp: pick the period(s), see every indicator added up by its rule (by unit kind, by unit,
// against last year and the plan's targets), edit the draft of the report with its figures as
// visible {{placeholders}}, and export Word, Excel and the email draft.
import { useCall } from '../../hooks/useCall';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { formatDec } from '../../../shared/domain/decimal';
import { formatDateShort } from '../../../shared/format';
import { AGGREGATION_LABELS } from '../../../shared/model/template';
import { BOARD_STATE_LABELS } from '../../../shared/model/report';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import type { PeriodListItem } from '../../../shared/model/period';
import type { CompileSettings, IndicatorTotal } from '../../../shared/model/compile';
import type { DraftView, EmailDraft } from '../../../shared/contract/compile';
import './compile.css';

type Tab = 'chi-so' | 'loai' | 'don-vi' | 'tinh-hinh' | 'du-thao' | 'noi-gui';
const TABS: { id: Tab; label: string }[] = [
  { id: 'chi-so', label: 'Chỉ số' },
  { id: 'loai', label: 'Theo loại đơn vị' },
  { id: 'don-vi', label: 'Theo đơn vị' },
  { id: 'tinh-hinh', label: 'Tình hình báo cáo' },
  { id: 'du-thao', label: 'Dự thảo báo cáo' },
  { id: 'noi-gui', label: 'Nơi gửi' },
];

const isPct = (i: Pick<IndicatorTotal, 'rule'>) => i.rule === 'RATE' || i.rule === 'SHARE';
const fig = (v: string | null, pct = false) => (v === null ? '—' : `${formatDec(v)}${pct ? '%' : ''}`);
const signed = (v: string | null) =>
  v === null ? '—' : v === '0' ? '0' : v.startsWith('-') ? `−${formatDec(v.slice(1))}` : `+${formatDec(v)}`;
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function CompileScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [periods, setPeriods] = useState<PeriodListItem[]>([]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [compare, setCompare] = useState<'auto' | 'none'>('auto');
  const [view, setView] = useState<DraftView | null>(null);
  const [tab, setTab] = useState<Tab>('chi-so');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [title, setTitle] = useState('');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState('');
  const [takeNumber, setTakeNumber] = useState(false);
  const [email, setEmail] = useState<EmailDraft | null>(null);
  const [settings, setSettings] = useState<CompileSettings | null>(null);

  useEffect(() => {
    void call('periods.list').then((ps) => {
      setPeriods(ps);
      if (ps[0]) setChosen([ps[0].id]);
    });
    void call('compile.settings').then(setSettings);
  }, []);

  const windowArgs = useCallback(
    () => ({ periodIds: chosen, compareIds: compare === 'none' ? [] : null }),
    [chosen, compare],
  );

  const accept = (v: DraftView) => {
    setView(v);
    setTitle(v.draft.title);
    setTexts(Object.fromEntries(v.draft.sections.map((s) => [s.number, s.text])));
    setDirty(false);
  };

  const run = async <T,>(label: string, fn: () => Promise<T>): Promise<T | null> => {
    setBusy(label);
    const r = await tryCall(fn);
    setBusy('');
    return r ?? null;
  };

  const compile = async () => {
    if (chosen.length === 0) return notice('error', 'Chọn ít nhất một kỳ báo cáo để tổng hợp.');
    const v = await run('Đang tổng hợp số liệu…', () => call('compile.draft', windowArgs()));
    if (v) accept(v);
  };

  // The newest period is compiled as soon as the screen opens: figures first, no extra click.
  const [autoCompiled, setAutoCompiled] = useState(false);
  useEffect(() => {
    if (autoCompiled || chosen.length === 0) return;
    setAutoCompiled(true);
    void compile();
  }, [chosen, autoCompiled]);

  const saveDraft = async () => {
    if (!view) return null;
    const v = await run('Đang lưu dự thảo…', () =>
      call('compile.saveDraft', {
        ...windowArgs(),
        title,
        sections: Object.entries(texts).map(([number, text]) => ({ number, text })),
      }),
    );
    if (v) {
      accept(v);
      notice('ok', 'Đã lưu dự thảo báo cáo.');
    }
    return v;
  };

  const refresh = async () => {
    if (dirty && !(await saveDraft())) return;
    const v = await run('Đang cập nhật số liệu…', () => call('compile.refreshDraft', windowArgs()));
    if (v) {
      accept(v);
      notice('ok', 'Đã cập nhật số liệu; phần bạn đã sửa được giữ nguyên.');
    }
  };

  const exportWord = async () => {
    if (dirty && !(await saveDraft())) return;
    const r = await run('Đang xuất tệp Word…', () => call('compile.exportWord', { ...windowArgs(), takeNumber }));
    if (r?.saved)
      notice('ok', `Đã xuất báo cáo${r.number ? ` số ${String(r.number).padStart(2, '0')}` : ''}: ${r.path}`);
  };
  const exportExcel = async () => {
    const r = await run('Đang xuất biểu Excel…', () => call('compile.exportExcel', windowArgs()));
    if (r?.saved) notice('ok', `Đã xuất biểu tổng hợp: ${r.path}`);
  };
  const makeEmail = async () => {
    if (dirty && !(await saveDraft())) return;
    const r = await run('Đang tạo tệp Word, Excel và thư nháp…', () =>
      call('compile.email', { ...windowArgs(), takeNumber }),
    );
    if (r?.saved) {
      setEmail(r);
      notice(r.opened ? 'ok' : 'error', r.opened ? 'Đã tạo thư nháp và mở bằng phần mềm thư.' : r.openError);
    }
  };
  const openFolder = async () => {
    const r = await run('', () => call('compile.openFolder'));
    if (r && !r.opened) notice('error', r.error);
  };

  const c = view?.compile;
  const cur = c?.current;
  const inds = cur?.indicators.filter((i) => i.rule !== 'TEXT' && i.rule !== 'NONE') ?? [];

  return (
    <div className="screen compile">
      <div className="screen-header">
        <div>
          <div className="breadcrumb">Tổng hợp</div>
          <h1>Tổng hợp báo cáo</h1>
        </div>
        <div className="toolbar-actions">
          <label className="check">
            <input type="checkbox" checked={takeNumber} onChange={(e) => setTakeNumber(e.target.checked)} /> Lấy số từ
            sổ văn bản đi
          </label>
          <button disabled={!view || !!busy} onClick={() => void exportWord()}>
            Xuất Word
          </button>
          <button disabled={!view || !!busy} onClick={() => void exportExcel()}>
            Xuất Excel
          </button>
          <button className="primary" disabled={!view || !!busy} onClick={() => void makeEmail()}>
            Gửi email
          </button>
        </div>
      </div>

      <div className="card cp-pick" aria-label="Chọn kỳ tổng hợp">
        <div className="cp-periods">
          {periods.length === 0 && (
            <span className="muted">Chưa có kỳ báo cáo nào. Hãy tạo kỳ ở mục "Kỳ báo cáo".</span>
          )}
          {periods.map((p) => (
            <label key={p.id} className="check cp-period">
              <input
                type="checkbox"
                name={`period-${p.id}`}
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setChosen((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))
                }
              />
              {p.name}{' '}
              <span className="muted small">
                ({p.submittedCount}/{p.expectedCount} đã nộp)
              </span>
            </label>
          ))}
        </div>
        <div className="cp-pick-actions">
          <select aria-label="So sánh" value={compare} onChange={(e) => setCompare(e.target.value as 'auto' | 'none')}>
            <option value="auto">So với cùng kỳ năm trước</option>
            <option value="none">Không so sánh</option>
          </select>
          <button className="primary" disabled={!!busy} onClick={() => void compile()}>
            Tổng hợp
          </button>
        </div>
      </div>

      {busy && (
        <div className="cp-progress" role="progressbar" aria-label={busy}>
          <span className="cp-spinner" aria-hidden="true" /> {busy}
        </div>
      )}

      {email && (
        <div className="card cp-email" aria-label="Thư nháp">
          <div className="card-title">Thư nháp gửi cấp trên</div>
          <div className="small">
            Gửi đến: {email.to.join(', ') || <em>chưa khai báo địa chỉ (xem thẻ "Nơi gửi")</em>}
            <br />
            Tệp: {email.emlPath}
            <br />
            Kèm theo: {email.docxPath}; {email.xlsxPath}
          </div>
          {!email.opened && <div className="form-error">{email.openError}</div>}
          <label className="field">
            <span className="field-label">Tiêu đề</span>
            <input readOnly value={email.subject} />
          </label>
          <label className="field">
            <span className="field-label">Nội dung (có thể sao chép để dán vào phần mềm thư)</span>
            <textarea readOnly rows={6} value={email.body} />
          </label>
          <div className="form-actions">
            <button onClick={() => void openFolder()}>Mở thư mục</button>
            <button onClick={() => setEmail(null)}>Đóng</button>
          </div>
        </div>
      )}

      {cur && c && (
        <>
          <div className="cp-summary">
            <span>
              <b>{cur.periods.map((p) => p.name).join(', ')}</b>
            </span>
            <span>
              Đã gửi <b>{cur.status.reported}</b>/{cur.status.expected} đơn vị
            </span>
            <span>Đúng hạn {cur.status.onTime}</span>
            <span className={cur.status.late ? 'cp-warn' : ''}>Nộp muộn {cur.status.late}</span>
            <span className={cur.status.missing ? 'cp-bad' : ''}>Chưa gửi {cur.status.missing}</span>
            <span className="muted">
              {c.previous ? `So với: ${c.previous.periods.map((p) => p.name).join(', ')}` : 'Không so sánh cùng kỳ'}
            </span>
          </div>
          {cur.notes.length > 0 && (
            <ul className="cp-notes">
              {cur.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <div className="tabs cp-tabs" role="tablist">
            {TABS.map((t) => (
              <button
                key={t.id}
                role="tab"
                aria-selected={tab === t.id}
                className={tab === t.id ? 'tab active' : 'tab'}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>

          {tab === 'chi-so' && (
            <div className="cp-scroll">
              <table className="rp-table" aria-label="Tổng hợp theo chỉ số">
                <thead>
                  <tr>
                    <th>Mã</th>
                    <th>Chỉ số</th>
                    <th>Cách tổng hợp</th>
                    <th className="num">Kỳ này</th>
                    <th className="num">Cùng kỳ</th>
                    <th className="num">Tăng, giảm</th>
                    <th className="num">Đã báo cáo</th>
                    <th className="num">Chưa báo cáo</th>
                    <th>Chỉ tiêu</th>
                  </tr>
                </thead>
                <tbody>
                  {inds.map((i) => {
                    const cmp = c.comparison.find((x) => x.code === i.code);
                    const ts = c.targets.filter((t) => t.indicatorCode === i.code);
                    return (
                      <tr key={i.code} data-code={i.code}>
                        <td className="mono">{i.code}</td>
                        <td>
                          {i.name}
                          {i.unit && !isPct(i) ? <span className="muted small"> ({i.unit})</span> : null}
                        </td>
                        <td className="small">
                          {i.rule === 'RATE' ? `${i.numeratorCode}/${i.denominatorCode}` : AGGREGATION_LABELS[i.rule]}
                          {i.accumulation === 'cumulative' ? ' · lũy kế (kỳ cuối)' : ''}
                          {i.rule === 'SHARE' ? ` · ${i.numerator}/${i.denominator}` : ''}
                        </td>
                        <td className="num cp-value">{fig(i.value, isPct(i))}</td>
                        <td className="num">{fig(cmp?.previous ?? null, isPct(i))}</td>
                        <td className="num">{signed(cmp?.delta ?? null)}</td>
                        <td className="num">{i.reported}</td>
                        <td className={`num ${i.missing ? 'cp-warn' : ''}`}>{i.missing}</td>
                        <td className="small">
                          {ts.map((t) => (
                            <div
                              key={t.text}
                              className={t.met === true ? 'cp-ok' : t.met === false ? 'cp-bad' : 'muted'}
                            >
                              {t.met === null
                                ? t.problem
                                : `${t.met ? 'Đạt' : 'Chưa đạt'} (${fig(t.actual, t.targetUnit === '%')} / ${t.target}${t.targetUnit === '%' ? '%' : ` ${t.targetUnit}`})`}
                            </div>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}

          {tab === 'loai' && (
            <div className="cp-scroll">
              <KindChart inds={inds} />
              <table className="rp-table" aria-label="Tổng hợp theo loại đơn vị">
                <thead>
                  <tr>
                    <th>Chỉ số</th>
                    {(inds[0]?.byKind ?? []).map((k) => (
                      <th key={k.kind} className="num">
                        {UNIT_KIND_LABELS[k.kind]}
                      </th>
                    ))}
                    <th className="num">Toàn bộ</th>
                  </tr>
                </thead>
                <tbody>
                  {inds.map((i) => (
                    <tr key={i.code}>
                      <td>
                        <span className="mono">{i.code}</span> {i.name}
                      </td>
                      {i.byKind.map((k) => (
                        <td key={k.kind} className="num">
                          {fig(k.figure.value, isPct(i))}
                        </td>
                      ))}
                      <td className="num cp-value">{fig(i.value, isPct(i))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {tab === 'don-vi' && (
            <div className="cp-scroll">
              <table className="rp-table cp-wide" aria-label="Số liệu theo đơn vị">
                <thead>
                  <tr>
                    <th>Đơn vị</th>
                    {inds.map((i) => (
                      <th key={i.code} className="num" title={i.name}>
                        {i.code}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {cur.units.map((u) => (
                    <tr key={u.unitId}>
                      <td>
                        {u.name}
                        {!u.expected && <span className="muted small"> (không thuộc danh sách)</span>}
                      </td>
                      {inds.map((i) => {
                        const v = u.values[i.code] ?? null;
                        return (
                          <td key={i.code} className="num">
                            {i.type === 'yesno'
                              ? v === null
                                ? ''
                                : v === '1'
                                  ? 'Có'
                                  : 'Không'
                              : v === null
                                ? ''
                                : fig(v, i.rule === 'RATE')}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                  <tr className="cp-total">
                    <td>Tổng cộng</td>
                    {inds.map((i) => (
                      <td key={i.code} className="num">
                        {fig(i.value, isPct(i))}
                      </td>
                    ))}
                  </tr>
                </tbody>
              </table>
            </div>
          )}

          {tab === 'tinh-hinh' && (
            <div className="cp-scroll">
              <table className="rp-table" aria-label="Tình hình gửi báo cáo">
                <thead>
                  <tr>
                    <th>Đơn vị</th>
                    <th>Loại</th>
                    <th>Tình trạng</th>
                    <th>Ngày nhận</th>
                    <th>Ghi chú</th>
                  </tr>
                </thead>
                <tbody>
                  {cur.units.map((u) => (
                    <tr key={u.unitId}>
                      <td>{u.name}</td>
                      <td>{UNIT_KIND_LABELS[u.kind]}</td>
                      <td
                        className={
                          u.state === 'muon'
                            ? 'cp-warn'
                            : u.state === 'qua_han' || u.state === 'chua_nop'
                              ? 'cp-bad'
                              : ''
                        }
                      >
                        {BOARD_STATE_LABELS[u.state]}
                      </td>
                      <td>{formatDateShort(u.receivedDate)}</td>
                      <td className="small">
                        {[
                          u.daysLate ? `Muộn ${u.daysLate} ngày` : '',
                          u.expected ? '' : 'Không thuộc danh sách phải báo cáo',
                        ]
                          .filter(Boolean)
                          .join('; ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {tab === 'du-thao' && view && (
            <div className="cp-draft" aria-label="Dự thảo báo cáo">
              <div className="cp-draft-bar">
                <span className="muted small">
                  Số liệu là các ô {'{{MÃ}}'} (ví dụ {'{{DT01}}'}, {'{{DT01.delta}}'}): giữ nguyên để số liệu tự cập
                  nhật; phần chữ bạn sửa được giữ lại khi cập nhật.
                </span>
                <button disabled={!!busy} onClick={() => void refresh()}>
                  Cập nhật số liệu
                </button>
                <button className="primary" disabled={!!busy || !dirty} onClick={() => void saveDraft()}>
                  Lưu dự thảo
                </button>
              </div>
              <label className="field">
                <span className="field-label">Trích yếu</span>
                <input
                  name="draft-title"
                  value={title}
                  onChange={(e) => {
                    setTitle(e.target.value);
                    setDirty(true);
                  }}
                />
                <span className="field-hint">Xem trước: {view.rendered.title}</span>
              </label>
              {view.draft.sections.map((s) => {
                const r = view.rendered.sections.find((x) => x.number === s.number);
                return (
                  <section
                    key={s.number || 'mo-dau'}
                    className={`cp-section level-${s.level}`}
                    data-section={s.number || 'mo-dau'}
                  >
                    <h3>{s.number ? `${s.number.split('.').pop()}. ${s.title}` : 'Mở đầu'}</h3>
                    {s.refreshNote && <div className="cp-refresh-note">{s.refreshNote}</div>}
                    {s.hasText && (
                      <div className="cp-edit">
                        <textarea
                          aria-label={`Nội dung mục ${s.number || 'mở đầu'}`}
                          name={`section-${s.number || 'mo-dau'}`}
                          rows={Math.min(14, Math.max(3, lines(texts[s.number] ?? '').length + 1))}
                          value={texts[s.number] ?? ''}
                          onChange={(e) => {
                            setTexts((t) => ({ ...t, [s.number]: e.target.value }));
                            setDirty(true);
                          }}
                        />
                        <div className="cp-preview" aria-label={`Xem trước mục ${s.number || 'mở đầu'}`}>
                          {lines(r?.text ?? '').map((l, k) => (
                            <p key={k} className={l.startsWith('- ') ? 'cp-item' : ''}>
                              {l}
                            </p>
                          ))}
                          {r && r.unknown.length > 0 && (
                            <div className="cp-bad small">
                              Không có số liệu cho: {r.unknown.map((u) => `{{${u}}}`).join(', ')}
                            </div>
                          )}
                        </div>
                      </div>
                    )}
                  </section>
                );
              })}
            </div>
          )}
        </>
      )}
      {tab === 'noi-gui' && settings && <SettingsForm settings={settings} onSaved={setSettings} />}
    </div>
  );
}

/** Bars of the main indicators by unit kind: SHARE and RATE in %, on one 0–100 scale. */
function KindChart({ inds }: { inds: IndicatorTotal[] }) {
  const shown = inds.filter((i) => isPct(i) && i.value !== null).slice(0, 6);
  if (shown.length === 0) return null;
  const kinds = shown[0]!.byKind.map((k) => k.kind);
  const w = 120;
  return (
    <figure className="cp-chart" aria-label="Biểu đồ tỷ lệ theo loại đơn vị">
      <svg width={shown.length * (w + 20) + 40} height={190} role="img">
        <line x1={30} y1={150} x2={shown.length * (w + 20) + 30} y2={150} stroke="#9aa3af" />
        {shown.map((i, n) => {
          const bars = [
            ...i.byKind.map((k) => ({ label: UNIT_KIND_LABELS[k.kind], v: k.figure.value })),
            { label: 'Toàn bộ', v: i.value },
          ];
          const bw = (w - 8) / bars.length;
          return (
            <g key={i.code} transform={`translate(${40 + n * (w + 20)},0)`}>
              {bars.map((b, k) => {
                const h = b.v === null ? 0 : (Math.min(100, Number(b.v)) / 100) * 130;
                return (
                  <g key={b.label}>
                    <rect
                      x={k * bw}
                      y={150 - h}
                      width={bw - 2}
                      height={h}
                      fill={k === bars.length - 1 ? '#1f5fa8' : '#8fb3dc'}
                    >
                      <title>{`${b.label}: ${fig(b.v, true)}`}</title>
                    </rect>
                  </g>
                );
              })}
              <text x={w / 2 - 4} y={168} textAnchor="middle" fontSize={12}>
                {i.code}
              </text>
              <text x={w / 2 - 4} y={184} textAnchor="middle" fontSize={11} fill="#555">
                {fig(i.value, true)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">
        Cột nhạt: {kinds.map((k) => UNIT_KIND_LABELS[k]).join(', ')}; cột đậm: toàn bộ.
      </figcaption>
    </figure>
  );
}

function SettingsForm({ settings, onSaved }: { settings: CompileSettings; onSaved: (s: CompileSettings) => void }) {
  const notice = useNotice();
  const tryCall = useCall();
  const [to, setTo] = useState(settings.to.join('\n'));
  const [recipients, setRecipients] = useState(settings.recipients.join('\n'));
  const [emailTo, setEmailTo] = useState(settings.emailTo.join(', '));
  const [emailCc, setEmailCc] = useState(settings.emailCc.join(', '));
  const [symbol, setSymbol] = useState(settings.symbol);
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
        <span className="field-label">Nơi nhận khác (ngoài "Như trên" và "Lưu")</span>
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
      <div className="form-actions span-all">
        <button type="submit" className="primary">
          Lưu
        </button>
      </div>
    </form>
  );
}
