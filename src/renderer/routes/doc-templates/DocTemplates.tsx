// Mẫu Word của cơ quan: the office's own .docx forms. Upload (checked at once by the linter, with
// each finding's place), versions, fill for a period or a unit, "gửi từng đơn vị", and the field
// catalogue beside, with copy buttons.
import { useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { useListKeys } from '../../components/useListKeys';
import { useListDetail } from '../../hooks/useListDetail';
import { Confirm } from '../../components/Modal';
import { formatDayOf, formatNumber } from '../../../shared/format';
import {
  DOC_USAGE_LABELS,
  type DocTemplate,
  type DocTemplateListItem,
  type LintReport,
} from '../../../shared/contract/doc-templates';
import { Findings } from './Findings';
import { FieldCatalogue } from './FieldCatalogue';
import { UploadDialog } from './UploadDialog';
import { FillDialog } from './FillDialog';
import { ImagesPanel } from './ImagesPanel';
import '../../styles/reporting.css';
import './doc-templates.css';

export function DocTemplatesScreen() {
  const notice = useNotice();
  const run = useCall();
  const {
    list,
    selected,
    select: setSelected,
    detail: template,
    reload,
    deleting,
    setDeleting,
    confirmDelete,
  } = useListDetail<DocTemplateListItem, DocTemplate, never, DocTemplate>({
    load: () => call('docTemplates.list'),
    get: (id) => call('docTemplates.get', { id }),
    remove: async (t) => {
      await call('docTemplates.delete', { id: t.id });
      return `Đã xóa mẫu “${t.name}”.`;
    },
  });
  const [upload, setUpload] = useState<'new' | 'version' | null>(null);
  const [fill, setFill] = useState<'fill' | 'merge' | null>(null);
  const [checked, setChecked] = useState<LintReport | null>(null);
  const checkRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  useListKeys(listRef);

  const checkFile = (file: File) =>
    run(async () => {
      setChecked(
        await call('docTemplates.lint', {
          fileName: file.name,
          data: new Uint8Array(await file.arrayBuffer()),
          usage: null,
        }),
      );
      setSelected(null);
    });

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <h1>Mẫu Word của cơ quan</h1>
          <div className="muted small">
            Dùng chính tệp Word của cơ quan: gõ thẻ như {'{agency.name}'} vào chỗ cần điền. Mẫu được kiểm tra ngay khi
            tải lên; mẫu còn lỗi thì chưa điền được.
          </div>
        </div>
        <div className="toolbar-actions">
          <input
            ref={checkRef}
            type="file"
            hidden
            accept=".docx"
            aria-label="Tệp cần kiểm tra"
            onChange={(e) => e.target.files?.[0] && void checkFile(e.target.files[0])}
          />
          <button type="button" onClick={() => checkRef.current?.click()}>
            Chỉ kiểm tra tệp…
          </button>
          <button type="button" className="primary" onClick={() => setUpload('new')}>
            Tải mẫu lên…
          </button>
        </div>
      </header>
      <div className="dt-layout">
        <div className="rp-list" role="listbox" aria-label="Mẫu Word" ref={listRef}>
          {list.map((t) => (
            <button
              key={t.id}
              type="button"
              role="option"
              aria-selected={t.id === selected}
              className={`rp-item${t.id === selected ? ' active' : ''}`}
              onClick={() => {
                setChecked(null);
                setSelected(t.id);
              }}
            >
              <div className="rp-item-title">{t.name}</div>
              <div className="rp-item-sub">
                {DOC_USAGE_LABELS[t.usage]} · phiên bản {t.version}
                {t.errors ? ` · ${t.errors} lỗi` : ''}
                {t.warnings ? ` · ${t.warnings} cảnh báo` : ''}
              </div>
            </button>
          ))}
          {list.length === 0 ? <div className="empty">Chưa có mẫu Word nào. Bấm “Tải mẫu lên…”.</div> : null}
        </div>
        <div className="card">
          {checked ? (
            <>
              <h2 style={{ marginTop: 0 }}>Kiểm tra tệp {checked.fileName}</h2>
              <Findings report={checked} />
            </>
          ) : template ? (
            <>
              <div className="screen-header" style={{ marginBottom: 6 }}>
                <div>
                  <h2 style={{ margin: 0 }}>{template.name}</h2>
                  <div className="small muted">
                    {DOC_USAGE_LABELS[template.usage]}
                    {template.reportTemplateName ? ` · mẫu báo cáo “${template.reportTemplateName}”` : ''} · cập nhật{' '}
                    {formatDayOf(template.updatedAt)}
                  </div>
                </div>
                <div className="rp-row-actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={!template.lint.ok}
                    onClick={() => setFill('fill')}
                  >
                    Điền mẫu…
                  </button>
                  {template.usage === 'reminder' || template.usage === 'unit_letter' ? (
                    <button type="button" disabled={!template.lint.ok} onClick={() => setFill('merge')}>
                      Gửi từng đơn vị…
                    </button>
                  ) : null}
                  <button type="button" onClick={() => setUpload('version')}>
                    Tải phiên bản mới…
                  </button>
                  <button type="button" className="link danger-text" onClick={() => setDeleting(template)}>
                    Xóa
                  </button>
                </div>
              </div>
              <Findings report={template.lint} />
              <div className="rp-section">
                <h2>Phiên bản</h2>
                <table className="rp-table" aria-label="Phiên bản của mẫu">
                  <thead>
                    <tr>
                      <th>Phiên bản</th>
                      <th>Tệp</th>
                      <th>Ngày tải lên</th>
                      <th>Kích thước</th>
                      <th>Kiểm tra</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {template.versions.map((v) => (
                      <tr key={v.version}>
                        <td>{v.version}</td>
                        <td>{v.fileName}</td>
                        <td>{formatDayOf(v.createdAt)}</td>
                        <td>{formatNumber(v.size / 1024, 0)} KB</td>
                        <td>
                          {v.errors} lỗi, {v.warnings} cảnh báo
                        </td>
                        <td>
                          <button
                            type="button"
                            className="link"
                            onClick={() =>
                              void run(async () => {
                                const r = await call('docTemplates.download', { id: template.id, version: v.version });
                                if (r.saved) notice('ok', `Đã lưu ${r.path}`);
                              })
                            }
                          >
                            Tải về
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <p className="muted">Chọn một mẫu ở bên trái, hoặc tải mẫu Word của cơ quan lên.</p>
          )}
          <ImagesPanel />
        </div>
        <FieldCatalogue />
      </div>
      {upload ? (
        <UploadDialog
          current={upload === 'version' ? template : null}
          onClose={() => setUpload(null)}
          onSaved={(t, newVersion) => {
            setUpload(null);
            setChecked(null);
            notice(
              t.lint.ok ? 'ok' : 'error',
              `Đã lưu “${t.name}” phiên bản ${t.versions[0]!.version}${newVersion ? '' : ''}: ${t.lint.counts.errors} lỗi, ${t.lint.counts.warnings} cảnh báo.`,
            );
            void reload().then(() => setSelected(t.id));
          }}
        />
      ) : null}
      {fill && template ? (
        <FillDialog template={template} merge={fill === 'merge'} onClose={() => setFill(null)} />
      ) : null}
      {deleting ? (
        <Confirm
          title="Xóa mẫu Word"
          message={`Xóa mẫu “${deleting.name}”? Các phiên bản vẫn được giữ trong dữ liệu (văn bản đã điền có thể đã dùng chúng).`}
          confirmLabel="Xóa mẫu"
          onCancel={() => setDeleting(null)}
          onConfirm={confirmDelete}
        />
      ) : null}
    </section>
  );
}
