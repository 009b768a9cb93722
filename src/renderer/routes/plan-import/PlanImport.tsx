// Nhập văn bản: paste a plan or open a .txt/.docx, see what the reader proposes beside the text
// with the source passages highlighted, correct anything, then save everything in one step.
import { InfoFields, PeriodFields, TargetFields, TaskFields, type Form } from './ProposalFields';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, call, errorMessage } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import type { PlanImportResult } from '../../../shared/contract/plan-import';
import type { PlanProposal, Span } from '../../../shared/model/plan-import';
import { proposalToSaveInput } from '../../../shared/contract/plan-import-input';
import './plan-import.css';
import { Highlighted } from './Highlighted';
import { DuplicateNotice } from './DuplicateNotice';
import type { UnitListItem } from '../../../shared/model/unit';

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
  // the save was refused because the same document is already saved: the user may confirm
  const [duplicate, setDuplicate] = useState(false);
  // the unit register, to link each phrase of an assignment to a unit
  const [units, setUnits] = useState<UnitListItem[]>([]);
  useEffect(() => {
    void call('units.list', {}).then(setUnits, () => setUnits([]));
  }, []);
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
    setDuplicate(false);
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
      setError(`Tệp “${file.name}” quá lớn (tối đa 20 MB).`);
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
      setDuplicate(false);
      notice(
        'ok',
        `Đã lưu văn bản “${r.plan.summary}”: ${r.plan.tasks.length} nhiệm vụ, ${r.plan.targets.length} chỉ tiêu, ${r.periods.length} kỳ báo cáo${r.createdUnits.length ? `, ${r.createdUnits.length} đơn vị mới` : ''}.${r.existingPeriods.length ? ` Đã có sẵn, không tạo lại: ${r.existingPeriods.map((p) => `kỳ “${p.name}” (mã số ${p.id})`).join(', ')}.` : ''}`,
      );
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.data.code === 'DUPLICATE_PLAN') setDuplicate(true);
    } finally {
      setBusy(false);
    }
  };

  const exportDocx = async (format: 'docx' | 'pdf') => {
    if (!saved) return;
    await tryCall(async () => {
      const r = await call('planImport.exportDocx', { planId: saved.plan.id, format });
      if (r.saved)
        notice('ok', `Đã xuất văn bản: ${r.path}${r.warnings.length ? `. Lưu ý: ${r.warnings.join(' ')}` : ''}`);
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
            {proposal.system === 'party' ? (
              <div className="muted small">
                Thể thức văn bản Đảng (Hướng dẫn 36-HD/VPTW): xuất lại đúng thể thức này.
              </div>
            ) : null}
            <DuplicateNotice
              proposal={proposal}
              refused={duplicate}
              allow={form.allowDuplicate ?? false}
              onAllow={(v) => set('allowDuplicate', v)}
            />
            {proposal.warnings.length ? (
              <div className="pi-warnings">
                {proposal.warnings.map((w) => (
                  <div key={w}>⚠ {w}</div>
                ))}
              </div>
            ) : null}
            <InfoFields proposal={proposal} form={form} set={set} focus={focus} />

            <fieldset>
              <legend>Căn cứ ({proposal.legalBases.length})</legend>
              {proposal.legalBases.map((b, i) => (
                <div key={i} className="pi-item pi-clickable" onClick={focus(b.spans)}>
                  {b.text}
                </div>
              ))}
            </fieldset>

            <TaskFields proposal={proposal} form={form} units={units} set={set} focus={focus} />

            <TargetFields proposal={proposal} form={form} set={set} focus={focus} />

            <PeriodFields proposal={proposal} form={form} keep={keep} setKeep={setKeep} set={set} focus={focus} />

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
                  <button type="button" onClick={() => void exportDocx('docx')}>
                    Xuất văn bản (.docx)
                  </button>
                  <button type="button" onClick={() => void exportDocx('pdf')}>
                    Xuất PDF (ký số)
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
