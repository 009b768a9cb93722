// Văn bản chỉ đạo: plans and directives with their tasks (who leads, who supports, by when), their
// targets ("trên 80%…") and the report deadlines they set for units.
import { useRef } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { useListKeys } from '../../components/useListKeys';
import { useListDetail } from '../../hooks/useListDetail';
import { Confirm } from '../../components/Modal';
import { formatDateShort } from '../../../shared/format';
import { formatDec } from '../../../shared/domain/decimal';
import {
  COMPARATOR_LABELS,
  PLAN_TYPE_LABELS,
  planReference,
  type Plan,
  type PlanListItem,
} from '../../../shared/model/plan';
import { PERIOD_TYPE_LABELS } from '../../../shared/model/period';
import { UNIT_KIND_LABELS } from '../../../shared/model/unit';
import '../../styles/reporting.css';
import { PlanEditor } from './PlanEditor';

export function PlansScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const {
    list,
    selected,
    select: setSelected,
    detail: plan,
    reload,
    editing,
    setEditing,
    deleting,
    setDeleting,
    confirmDelete,
  } = useListDetail<PlanListItem, Plan, Plan | 'new', Plan>({
    load: () => call('plans.list'),
    get: (id) => call('plans.get', { id }),
    remove: async (p) => {
      await call('plans.delete', { id: p.id });
      return 'Đã xóa văn bản.';
    },
  });
  const fileRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useListKeys(listRef);

  // the plan written back as Word, in its source's format; what it leaves empty is said
  const exportPlan = async (planId: number) => {
    await tryCall(async () => {
      const r = await call('planImport.exportDocx', { planId, format: 'docx' });
      if (r.saved)
        notice('ok', `Đã xuất văn bản: ${r.path}${r.warnings.length ? `. Lưu ý: ${r.warnings.join(' ')}` : ''}`);
    });
  };

  const importFile = async (file: File) => {
    await tryCall(async () => {
      const p = await call('plans.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      notice('ok', `Đã nhập ${planReference(p)}.`);
      await reload();
      setSelected(p.id);
    });
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Văn bản chỉ đạo</div>
          <h1>Văn bản chỉ đạo</h1>
          <div className="muted small">
            Kế hoạch, chỉ thị, nghị quyết… với nhiệm vụ, chỉ tiêu và hạn nộp báo cáo của đơn vị.
          </div>
        </div>
        <div className="toolbar-actions">
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            hidden
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
          <a className="button" href="#/nhap-van-ban">
            Nhập văn bản (dán, .docx)…
          </a>
          <button type="button" onClick={() => fileRef.current?.click()}>
            Nhập từ tệp JSON…
          </button>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            + Thêm văn bản
          </button>
        </div>
      </header>
      <div className="rp-split">
        <div className="rp-list" role="listbox" aria-label="Văn bản chỉ đạo" ref={listRef}>
          {list.map((p) => (
            <button
              key={p.id}
              type="button"
              role="option"
              aria-selected={p.id === selected}
              className={`rp-item${p.id === selected ? ' active' : ''}`}
              onClick={() => setSelected(p.id)}
            >
              <div className="rp-item-title">{p.summary}</div>
              <div className="rp-item-sub">
                {planReference(p)} · {p.taskCount} nhiệm vụ · {p.targetCount} chỉ tiêu
              </div>
            </button>
          ))}
          {list.length === 0 ? (
            <div className="empty">Chưa có văn bản chỉ đạo. Bấm “Thêm văn bản” hoặc nhập từ tệp.</div>
          ) : null}
        </div>
        {plan ? (
          <div className="card">
            <div className="screen-header" style={{ marginBottom: 6 }}>
              <div>
                <div className="small muted">{planReference(plan)}</div>
                <h2 style={{ margin: '2px 0 0' }}>{plan.summary}</h2>
              </div>
              <div className="rp-row-actions">
                <button type="button" onClick={() => void exportPlan(plan.id)}>
                  Xuất văn bản (.docx)
                </button>
                <button type="button" onClick={() => setEditing(plan)}>
                  Sửa
                </button>
                <button type="button" className="link danger-text" onClick={() => setDeleting(plan)}>
                  Xóa
                </button>
              </div>
            </div>
            <dl className="rp-kv">
              <dt>Loại văn bản</dt>
              <dd>{PLAN_TYPE_LABELS[plan.type]}</dd>
              <dt>Cơ quan ban hành</dt>
              <dd>{plan.issuer}</dd>
              <dt>Người ký</dt>
              <dd>{plan.signer}</dd>
              <dt>Lĩnh vực</dt>
              <dd>{plan.field}</dd>
              <dt>Hạn nộp báo cáo</dt>
              <dd>
                {plan.deadlines.length
                  ? plan.deadlines
                      .map(
                        (d) =>
                          `${PERIOD_TYPE_LABELS[d.periodType]}: trước ngày ${Number(d.monthDay.slice(3))}/${Number(d.monthDay.slice(0, 2))}`,
                      )
                      .join(' · ')
                  : '—'}
              </dd>
            </dl>
            <div className="rp-section">
              <h2>Chỉ tiêu ({plan.targets.length})</h2>
              <table className="rp-table" aria-label="Chỉ tiêu">
                <thead>
                  <tr>
                    <th>Chỉ tiêu</th>
                    <th>Mức</th>
                    <th>Chỉ số đo</th>
                    <th>Áp dụng cho</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.targets.map((t, i) => (
                    <tr key={i}>
                      <td>{t.text}</td>
                      <td style={{ whiteSpace: 'nowrap' }}>
                        {COMPARATOR_LABELS[t.comparator]} {formatDec(t.value)}
                        {t.valueUnit}
                      </td>
                      <td className="mono">{t.indicatorCode || '—'}</td>
                      <td className="small">{t.unitKinds.map((k) => UNIT_KIND_LABELS[k]).join(', ') || 'Tất cả'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="rp-section">
              <h2>Nhiệm vụ ({plan.tasks.length})</h2>
              {plan.tasks.map((t, i) => (
                <div key={i} className="rp-task">
                  <div>
                    <strong>{i + 1}.</strong> {t.text}
                  </div>
                  <div className="small muted">
                    {[
                      t.lead ? `Chủ trì: ${[t.lead, ...t.coLeads].map((l) => l.name).join(', ')}` : '',
                      t.supporting.length ? `Phối hợp: ${t.supporting.map((s) => s.name).join(', ')}` : '',
                      t.deadline ? `Hạn: ${formatDateShort(t.deadline)}` : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                </div>
              ))}
            </div>
            {plan.body ? (
              <div className="rp-section">
                <h2>Toàn văn / ghi chú</h2>
                <p className="small" style={{ whiteSpace: 'pre-wrap' }}>
                  {plan.body}
                </p>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      {editing ? (
        <PlanEditor
          plan={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            notice('ok', `Đã lưu ${planReference(p)}.`);
            void reload().then(() => setSelected(p.id));
          }}
        />
      ) : null}
      {deleting ? (
        <Confirm
          title="Xóa văn bản chỉ đạo"
          message={`Xóa “${deleting.summary}”? Văn bản có kỳ báo cáo đi theo thì không xóa được.`}
          confirmLabel="Xóa"
          onCancel={() => setDeleting(null)}
          onConfirm={confirmDelete}
        />
      ) : null}
    </section>
  );
}
