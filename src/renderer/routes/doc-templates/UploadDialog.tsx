// Tải mẫu Word lên: a new template, or a new version of one; the linter's findings come back at once.
import { useEffect, useRef, useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { Field } from '../../components/Field';
import { DOC_USAGE_LABELS, DOC_USAGES, type DocTemplate, type DocUsage } from '../../../shared/contract/doc-templates';
import type { TemplateListItem } from '../../../shared/model/template';

export function UploadDialog({
  current,
  onClose,
  onSaved,
}: {
  /** A template to add a version to; null for a new one. */
  current: DocTemplate | null;
  onClose: () => void;
  onSaved: (t: DocTemplate, newVersion: boolean) => void;
}) {
  const [name, setName] = useState(current?.name ?? '');
  const [usage, setUsage] = useState<DocUsage>(current?.usage ?? 'report');
  const [reportTemplateId, setReportTemplateId] = useState<number | null>(current?.reportTemplateId ?? null);
  const [templates, setTemplates] = useState<TemplateListItem[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void call('templates.list').then(setTemplates, () => undefined);
  }, []);
  const submit = async () => {
    if (!file) return setError('Chọn tệp Word (.docx) của mẫu.');
    setBusy(true);
    setError('');
    try {
      const r = await call('docTemplates.upload', {
        id: current?.id ?? null,
        name: name || file.name.replace(/\.docx$/i, ''),
        usage,
        reportTemplateId: usage === 'report' ? reportTemplateId : null,
        fileName: file.name,
        data: new Uint8Array(await file.arrayBuffer()),
      });
      onSaved(r.template, r.newVersion);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={current ? `Phiên bản mới — ${current.name}` : 'Tải mẫu Word lên'} onClose={onClose} busy={busy}>
      <div className="form-grid">
        <Field label="Tệp mẫu (.docx)" required>
          <input
            ref={fileRef}
            type="file"
            aria-label="Tệp mẫu Word"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
        <Field label="Tên mẫu" hint="Để trống: lấy theo tên tệp.">
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </Field>
        <Field label="Dùng cho" required>
          <select value={usage} onChange={(e) => setUsage(e.target.value as DocUsage)}>
            {DOC_USAGES.map((u) => (
              <option key={u} value={u}>
                {DOC_USAGE_LABELS[u]}
              </option>
            ))}
          </select>
        </Field>
        {usage === 'report' ? (
          <Field label="Gắn với mẫu báo cáo" hint="Để trống: dùng cho mọi mẫu báo cáo.">
            <select
              value={reportTemplateId ?? ''}
              onChange={(e) => setReportTemplateId(e.target.value ? Number(e.target.value) : null)}
            >
              <option value="">(mọi mẫu báo cáo)</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} (phiên bản {t.version})
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Hủy
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
          Tải lên và kiểm tra
        </button>
      </div>
    </Modal>
  );
}
