// Nhập văn bản: paste a plan or open a .txt/.docx, see what the reader proposes beside the text
// with the source passages highlighted, correct anything, then save everything in one step.
import { useCall } from '../../hooks/useCall';
import { useEffect, useMemo, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import type { PlanImportResult, PlanImportSaveInput } from '../../../shared/contract/plan-import';
import type { PlanProposal, Span } from '../../../shared/model/plan-import';
import {
  COMPARATORS,
  COMPARATOR_LABELS,
  PLAN_TYPES,
  PLAN_TYPE_LABELS,
  type Comparator,
  type PlanType,
} from '../../../shared/model/plan';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../shared/model/unit';
import { PERIOD_TYPE_LABELS } from '../../../shared/model/period';
import { proposalToSaveInput } from '../../../shared/contract/plan-import-input';
import './plan-import.css';
import { ViDateInput } from '../../components/ViDateInput';
import { Highlighted } from './Highlighted';

type Form = PlanImportSaveInput;

export function PlanImportScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [source, setSource] = useState('');
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<PlanProposal | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [keep, setKeep] = useState<boolean[]>([]);
  const [active, setActive] = useState<Span[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState<PlanImportResult | null>(null);
  const sourceRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    sourceRef.current?.querySelector('mark.active')?.scrollIntoView({ block: 'center' });
  }, [active]);

  const show = (p: PlanProposal) => {
    setProposal(p);
    setForm(proposalToSaveInput(p));
    setKeep(p.periods.map(() => true));
    setActive([]);
    setSaved(null);
    setError('');
  };

  const parse = async (args: { text: string } | { file: { fileName: string; data: Uint8Array<ArrayBuffer> } }) => {
    setBusy(true);
    setError('');
    try {
      show(await call('planImport.parse', args));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const openFile = async (file: File) => {
    if (file.size > 20 * 1024 * 1024) {
      setError(`Tệp "${file.name}" quá lớn (tối đa 20 MB).`);
      return;
    }
    await parse({ file: { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) } });
  };

  const save = async () => {
    if (!form) return;
    setBusy(true);
    setError('');
    try {
      const r = await call('planImport.save', { ...form, periods: (form.periods ?? []).filter((_p, i) => keep[i]) });
      setSaved(r);
      notice(
        'ok',
        `Đã lưu văn bản "${r.plan.summary}": ${r.plan.tasks.length} nhiệm vụ, ${r.plan.targets.length} chỉ tiêu, ${r.periods.length} kỳ báo cáo${r.createdUnits.length ? `, ${r.createdUnits.length} đơn vị mới` : ''}.`,
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const exportDocx = async () => {
    if (!saved) return;
    await tryCall(async () => {
      const r = await call('planImport.exportDocx', { planId: saved.plan.id });
      if (r.saved) notice('ok', `Đã xuất văn bản: ${r.path}`);
    });
  };

  const allSpans = useMemo(() => {
    if (!proposal) return [];
    const out: Span[] = [];
    const walk = (o: unknown) => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        for (const [k, v] of Object.entries(o)) {
          if (k === 'spans') out.push(...(v as Span[]));
          else if (k !== 'sections' && k !== 'text') walk(v);
        }
      }
    };
    walk(proposal);
    return out;
  }, [proposal]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));
  const focus = (spans: Span[] | undefined) => () => setActive(spans ?? []);

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">
            <a href="#/van-ban">Văn bản chỉ đạo</a> › Nhập văn bản
          </div>
          <h1>Nhập văn bản</h1>
          <div className="muted small">
            Dán nội dung kế hoạch, chỉ thị… hoặc mở tệp .txt, .docx: ứng dụng đề xuất các trường, nhiệm vụ, chỉ tiêu và
            hạn nộp để anh/chị kiểm tra trước khi lưu.
          </div>
        </div>
        <div className="toolbar-actions">
          {proposal ? (
            <button
              type="button"
              onClick={() => {
                setProposal(null);
                setForm(null);
                setSaved(null);
              }}
            >
              ← Nhập văn bản khác
            </button>
          ) : null}
        </div>
      </header>

      {error ? (
        <div className="card field-error" role="alert">
          <span className="field-message">{error}</span>
        </div>
      ) : null}

      {!proposal || !form ? (
        <div className="card pi-input">
          <label className="field">
            <span className="field-label">Nội dung văn bản</span>
            <textarea
              name="source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              placeholder="Dán toàn bộ văn bản vào đây (cả phần đầu, Nơi nhận và chữ ký)…"
            />
          </label>
          <div className="toolbar" style={{ marginTop: 10 }}>
            <button
              type="button"
              className="primary"
              disabled={busy || !source.trim()}
              onClick={() => void parse({ text: source })}
            >
              Đọc văn bản
            </button>
            <input
              ref={fileRef}
              type="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              hidden
              onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])}
            />
            <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
              Mở tệp .txt, .docx…
            </button>
            {busy ? <span className="muted">Đang đọc…</span> : null}
          </div>
        </div>
      ) : (
        <div className="pi-grid">
          <div className="card pi-source" ref={sourceRef} aria-label="Văn bản nguồn">
            <Highlighted text={proposal.text} spans={allSpans} active={active} />
          </div>
          <form
            className="pi-form"
            aria-label="Đề xuất từ văn bản"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            {proposal.warnings.length ? (
              <div className="pi-warnings">
                {proposal.warnings.map((w) => (
                  <div key={w}>⚠ {w}</div>
                ))}
              </div>
            ) : null}
            <fieldset>
              <legend>Thông tin văn bản</legend>
              <div className="pi-row">
                <label className="field">
                  <span className="field-label">Loại</span>
                  <select
                    name="type"
                    value={form.type}
                    onFocus={focus(proposal.type.spans)}
                    onChange={(e) => set('type', e.target.value as PlanType)}
                  >
                    {PLAN_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {PLAN_TYPE_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field-label">Số</span>
                  <input
                    name="number"
                    value={form.number ?? ''}
                    placeholder="(để trống)"
                    onFocus={focus(proposal.number.spans)}
                    onChange={(e) => set('number', e.target.value)}
                  />
                </label>
                <label className="field">
                  <span className="field-label">Ký hiệu</span>
                  <input
                    name="symbol"
                    value={form.symbol ?? ''}
                    onFocus={focus(proposal.symbol.spans)}
                    onChange={(e) => set('symbol', e.target.value)}
                  />
                </label>
                <label className="field">
                  <span className="field-label">Ngày ban hành</span>
                  <ViDateInput
                    name="issuedDate"
                    label="Ngày ban hành"
                    value={form.issuedDate ?? ''}
                    onFocus={focus(proposal.date.spans)}
                    onChange={(v) => set('issuedDate', v || null)}
                  />
                </label>
                <label className="field">
                  <span className="field-label">Địa danh</span>
                  <input
                    name="place"
                    value={proposal.place.value ?? ''}
                    readOnly
                    onFocus={focus(proposal.place.spans)}
                  />
                </label>
                <label className="field">
                  <span className="field-label">Người ký</span>
                  <input
                    name="signer"
                    value={form.signer ?? ''}
                    onFocus={focus(proposal.signer?.spans)}
                    onChange={(e) => set('signer', e.target.value)}
                  />
                </label>
              </div>
              <label className="field">
                <span className="field-label">
                  Cơ quan ban hành{proposal.parentIssuer.value ? ` (cấp trên: ${proposal.parentIssuer.value})` : ''}
                </span>
                <input
                  name="issuer"
                  value={form.issuer ?? ''}
                  placeholder="(văn bản không ghi)"
                  onFocus={focus([...proposal.issuer.spans, ...proposal.parentIssuer.spans])}
                  onChange={(e) => set('issuer', e.target.value)}
                />
              </label>
              <label className="field">
                <span className="field-label">
                  Trích yếu <span className="req">*</span>
                </span>
                <input
                  name="summary"
                  value={form.summary}
                  onFocus={focus(proposal.title.spans)}
                  onChange={(e) => set('summary', e.target.value)}
                />
              </label>
            </fieldset>

            <fieldset>
              <legend>Căn cứ ({proposal.legalBases.length})</legend>
              {proposal.legalBases.map((b, i) => (
                <div key={i} className="pi-item pi-clickable" onClick={focus(b.spans)}>
                  {b.text}
                </div>
              ))}
            </fieldset>

            <fieldset>
              <legend>Nhiệm vụ ({form.tasks?.length ?? 0})</legend>
              {(form.tasks ?? []).map((t, i) => (
                <div key={i} className="pi-item" data-task={i}>
                  <textarea
                    name={`task-${i}`}
                    value={t.text}
                    onFocus={focus(proposal.tasks[i]?.spans)}
                    onChange={(e) =>
                      set(
                        'tasks',
                        form.tasks!.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)),
                      )
                    }
                  />
                  <div className="pi-units">
                    {(t.units ?? []).map((u, j) => {
                      const found = proposal.tasks[i]?.units[j];
                      const matched = u.unitId !== null && u.unitId !== undefined;
                      const update = (patch: Partial<typeof u>) =>
                        set(
                          'tasks',
                          form.tasks!.map((x, k) =>
                            k === i ? { ...x, units: x.units!.map((y, m) => (m === j ? { ...y, ...patch } : y)) } : x,
                          ),
                        );
                      return (
                        <span
                          key={j}
                          className={`pi-unit ${matched ? 'matched' : 'new'}`}
                          onClick={focus(found?.spans)}
                        >
                          <strong>{u.role === 'support' ? 'Phối hợp' : 'Chủ trì'}:</strong> {u.name}
                          {matched ? (
                            <span className="muted">✓ {found?.unitName ?? 'có trong danh sách'}</span>
                          ) : (
                            <label>
                              <input
                                type="checkbox"
                                name={`new-unit-${i}-${j}`}
                                checked={u.createKind !== null && u.createKind !== undefined}
                                onChange={(e) =>
                                  update({ createKind: e.target.checked ? (found?.suggestedKind ?? 'khac') : null })
                                }
                              />{' '}
                              thêm đơn vị mới
                              {u.createKind ? (
                                <select
                                  value={u.createKind}
                                  onChange={(e) => update({ createKind: e.target.value as UnitKind })}
                                >
                                  {UNIT_KINDS.map((k) => (
                                    <option key={k} value={k}>
                                      {UNIT_KIND_LABELS[k]}
                                    </option>
                                  ))}
                                </select>
                              ) : null}
                            </label>
                          )}
                        </span>
                      );
                    })}
                  </div>
                </div>
              ))}
            </fieldset>

            <fieldset>
              <legend>Chỉ tiêu ({form.targets?.length ?? 0})</legend>
              {(form.targets ?? []).map((t, i) => (
                <div
                  key={i}
                  className="pi-item"
                  onFocus={focus(proposal.targets[i]?.spans)}
                  onClick={focus(proposal.targets[i]?.spans)}
                >
                  <div className="pi-row">
                    <select
                      name={`target-${i}-comparator`}
                      value={t.comparator}
                      onChange={(e) =>
                        set(
                          'targets',
                          form.targets!.map((x, k) =>
                            k === i ? { ...x, comparator: e.target.value as Comparator } : x,
                          ),
                        )
                      }
                    >
                      {COMPARATORS.map((c) => (
                        <option key={c} value={c}>
                          {COMPARATOR_LABELS[c]}
                        </option>
                      ))}
                    </select>
                    <input
                      name={`target-${i}-value`}
                      value={String(t.value)}
                      onChange={(e) =>
                        set(
                          'targets',
                          form.targets!.map((x, k) => (k === i ? { ...x, value: e.target.value } : x)),
                        )
                      }
                    />
                    <input
                      name={`target-${i}-unit`}
                      value={t.valueUnit ?? ''}
                      onChange={(e) =>
                        set(
                          'targets',
                          form.targets!.map((x, k) => (k === i ? { ...x, valueUnit: e.target.value } : x)),
                        )
                      }
                    />
                  </div>
                  <textarea
                    name={`target-${i}-text`}
                    value={t.text}
                    onChange={(e) =>
                      set(
                        'targets',
                        form.targets!.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)),
                      )
                    }
                  />
                </div>
              ))}
            </fieldset>

            <fieldset>
              <legend>Kỳ báo cáo sẽ tạo ({keep.filter(Boolean).length})</legend>
              {(form.periods ?? []).length === 0 ? (
                <div className="muted">Văn bản không ghi hạn nộp báo cáo có ngày: không đề xuất kỳ báo cáo.</div>
              ) : null}
              {(form.periods ?? []).map((p, i) => (
                <div key={i} className="pi-item" onClick={focus(proposal.periods[i]?.spans)}>
                  <label>
                    <input
                      type="checkbox"
                      name={`period-${i}-keep`}
                      checked={keep[i] ?? false}
                      onChange={(e) => setKeep(keep.map((v, k) => (k === i ? e.target.checked : v)))}
                    />{' '}
                    <strong>{p.name}</strong> ({PERIOD_TYPE_LABELS[p.type]})
                  </label>
                  <div className="pi-row">
                    <label className="field">
                      <span className="field-label">Từ ngày</span>
                      <ViDateInput
                        name={`period-${i}-start`}
                        label="Từ ngày"
                        value={p.windowStart}
                        onChange={(v) =>
                          set(
                            'periods',
                            form.periods!.map((x, k) => (k === i ? { ...x, windowStart: v } : x)),
                          )
                        }
                      />
                    </label>
                    <label className="field">
                      <span className="field-label">Chốt số liệu</span>
                      <ViDateInput
                        name={`period-${i}-end`}
                        label="Chốt số liệu"
                        value={p.windowEnd}
                        onChange={(v) =>
                          set(
                            'periods',
                            form.periods!.map((x, k) => (k === i ? { ...x, windowEnd: v } : x)),
                          )
                        }
                      />
                    </label>
                    <label className="field">
                      <span className="field-label">Hạn nộp</span>
                      <ViDateInput
                        name={`period-${i}-deadline`}
                        label="Hạn nộp"
                        value={p.deadline}
                        onChange={(v) =>
                          set(
                            'periods',
                            form.periods!.map((x, k) => (k === i ? { ...x, deadline: v } : x)),
                          )
                        }
                      />
                    </label>
                  </div>
                  {proposal.periods[i]?.note ? <div className="muted small">{proposal.periods[i]!.note}</div> : null}
                </div>
              ))}
            </fieldset>

            <fieldset>
              <legend>Nơi nhận ({proposal.recipients.length})</legend>
              {proposal.recipients.map((r, i) => (
                <div key={i} className="pi-clickable" onClick={focus(r.spans)}>
                  - {r.text}
                </div>
              ))}
            </fieldset>

            <div className="toolbar">
              {saved ? (
                <div className="pi-done">
                  <span className="badge ok">Đã lưu</span>
                  <a href="#/van-ban">Xem trong Văn bản chỉ đạo</a>
                  <button type="button" onClick={() => void exportDocx()}>
                    Xuất văn bản (.docx)
                  </button>
                </div>
              ) : (
                <button type="submit" className="primary" disabled={busy}>
                  Lưu văn bản, nhiệm vụ và kỳ báo cáo
                </button>
              )}
            </div>
          </form>
        </div>
      )}
    </section>
  );
}
