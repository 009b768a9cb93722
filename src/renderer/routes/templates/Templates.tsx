// Mẫu báo cáo: report templates and their versions. A template a period uses is frozen: saving
// edits makes a new version; copying makes a new template. Problems (unknown codes in rules,
// cycles, rates without numerator) are shown while editing, with the same checks as the service.
import { useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { useListKeys } from '../../components/useListKeys';
import { useListDetail } from '../../hooks/useListDetail';
import { Confirm } from '../../components/Modal';
import { formatRule, parseRule } from '../../../shared/domain/rules';
import { formatDayOf } from '../../../shared/format';
import {
  AGGREGATION_LABELS,
  INDICATOR_TYPE_LABELS,
  type Template,
  type TemplateListItem,
} from '../../../shared/model/template';
import '../../styles/reporting.css';
import { CopyDialog } from './CopyDialog';
import { TemplateEditor } from './TemplateEditor';

export function TemplatesScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const {
    list,
    selected,
    select: setSelected,
    detail: template,
    reload,
    editing,
    setEditing,
    deleting,
    setDeleting,
    confirmDelete,
  } = useListDetail<TemplateListItem, Template, Template, Template>({
    load: () => call('templates.list'),
    get: (id) => call('templates.get', { id }),
    remove: async (t) => {
      await call('templates.delete', { id: t.id });
      return 'Đã xóa mẫu.';
    },
  });
  const [copying, setCopying] = useState<Template | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useListKeys(listRef);

  const importFile = async (file: File) => {
    await tryCall(async () => {
      const r = await call('templates.import', { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      notice(
        'ok',
        `Đã nhập mẫu ${r.template.name}, phiên bản ${r.template.version}${r.newVersion ? ' (phiên bản mới vì bản trước đã được dùng)' : ''}.`,
      );
      await reload();
      setSelected(r.template.id);
    });
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">
            <a href="#/ky-bao-cao">Kỳ báo cáo</a> › Mẫu báo cáo
          </div>
          <h1>Mẫu báo cáo</h1>
          <div className="muted small">
            Mẫu đã dùng cho một kỳ báo cáo thì được khóa: sửa sẽ tạo phiên bản mới, các kỳ cũ giữ nguyên mẫu của mình.
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
          <button type="button" onClick={() => fileRef.current?.click()}>
            Nhập từ tệp JSON…
          </button>
        </div>
      </header>
      <div className="rp-split">
        <div className="rp-list" role="listbox" aria-label="Mẫu báo cáo" ref={listRef}>
          {list.map((t) => (
            <button
              key={t.id}
              type="button"
              role="option"
              aria-selected={t.id === selected}
              className={`rp-item${t.id === selected ? ' active' : ''}`}
              onClick={() => setSelected(t.id)}
            >
              <div className="rp-item-title">{t.name}</div>
              <div className="rp-item-sub">
                {t.code} · phiên bản {t.version}
                {t.isLatest ? ' (mới nhất)' : ''} · {t.sectionCount} mục, {t.indicatorCount} chỉ số
                {t.frozen ? ` · đã khóa, dùng cho ${t.periodCount} kỳ` : ''}
              </div>
            </button>
          ))}
          {list.length === 0 ? <div className="empty">Chưa có mẫu báo cáo.</div> : null}
        </div>
        {template ? (
          <div className="card">
            <div className="screen-header" style={{ marginBottom: 6 }}>
              <div>
                <h2 style={{ margin: 0 }}>{template.name}</h2>
                <div className="small muted">
                  {template.code} · phiên bản {template.version} · cập nhật {formatDayOf(template.updatedAt)}
                  {template.frozen ? ' · đã khóa (đang được dùng)' : ''}
                </div>
              </div>
              <div className="rp-row-actions">
                <button type="button" className="primary" onClick={() => setEditing(template)}>
                  {template.frozen ? 'Sửa (tạo phiên bản mới)' : 'Sửa'}
                </button>
                <button type="button" onClick={() => setCopying(template)}>
                  Sao chép
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void tryCall(() =>
                      call('templates.export', { id: template.id }).then(
                        (r) => r.saved && notice('ok', `Đã xuất mẫu ra ${r.path}.`),
                      ),
                    )
                  }
                >
                  Xuất JSON
                </button>
                <button type="button" className="link danger-text" onClick={() => setDeleting(template)}>
                  Xóa
                </button>
              </div>
            </div>
            {template.description ? <p className="small">{template.description}</p> : null}
            <div className="rp-section">
              <h2>Đề cương</h2>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {template.sections.map((s) => (
                  <li key={s.number} style={{ marginLeft: (s.level - 1) * 16 }}>
                    <strong>{s.number}.</strong> {s.title}
                  </li>
                ))}
              </ul>
            </div>
            <div className="rp-section">
              <h2>Chỉ số ({template.indicators.length})</h2>
              <div className="rp-table-wrap" style={{ maxHeight: 360 }}>
                <table className="rp-table" aria-label="Chỉ số của mẫu">
                  <thead>
                    <tr>
                      <th>Mã</th>
                      <th>Tên</th>
                      <th>Đơn vị tính</th>
                      <th>Kiểu</th>
                      <th>Tổng hợp</th>
                      <th>Theo kỳ</th>
                    </tr>
                  </thead>
                  <tbody>
                    {template.indicators.map((i) => (
                      <tr key={i.code}>
                        <td className="mono">{i.code}</td>
                        <td>{i.name}</td>
                        <td>{i.unit}</td>
                        <td>{INDICATOR_TYPE_LABELS[i.type]}</td>
                        <td>
                          {i.rule === 'RATE' ? `Tỷ lệ = ${i.numerator}/${i.denominator}` : AGGREGATION_LABELS[i.rule]}
                        </td>
                        <td>{i.accumulation === 'cumulative' ? 'Lũy kế từ đầu năm' : 'Trong kỳ'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            <div className="rp-section">
              <h2>Quy tắc kiểm tra</h2>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {template.rules.map((r) => {
                  const p = parseRule(r.expression);
                  return (
                    <li key={r.expression}>
                      <span className="mono">{p.ok ? formatRule(p.rule) : r.expression}</span>{' '}
                      {r.message ? <span className="muted small">— {r.message}</span> : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        ) : null}
      </div>
      {editing ? (
        <TemplateEditor
          template={editing}
          onClose={() => setEditing(null)}
          onSaved={(t, newVersion) => {
            setEditing(null);
            notice(
              'ok',
              newVersion
                ? `Mẫu đang được dùng nên đã lưu thành phiên bản mới (${t.version}).`
                : `Đã lưu mẫu “${t.name}”.`,
            );
            void reload().then(() => setSelected(t.id));
          }}
        />
      ) : null}
      {copying ? (
        <CopyDialog
          template={copying}
          onClose={() => setCopying(null)}
          onCopied={(t) => {
            setCopying(null);
            notice('ok', `Đã sao chép thành mẫu “${t.name}”.`);
            void reload().then(() => setSelected(t.id));
          }}
        />
      ) : null}
      {deleting ? (
        <Confirm
          title="Xóa mẫu báo cáo"
          message={`Xóa mẫu “${deleting.name}” (phiên bản ${deleting.version})? Mẫu đang được dùng cho kỳ báo cáo thì không xóa được.`}
          confirmLabel="Xóa"
          onCancel={() => setDeleting(null)}
          onConfirm={confirmDelete}
        />
      ) : null}
    </section>
  );
}
