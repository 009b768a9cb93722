// Copying a template under a new code and name.
import { useState } from 'react';
import { call, errorMessage } from '../../lib/api';
import { Modal } from '../../components/Modal';
import { useBusy } from '../../components/useDialog';
import { Field } from '../../components/Field';
import { type Template } from '../../../shared/model/template';
import '../../styles/reporting.css';

export function CopyDialog({
  template,
  onClose,
  onCopied,
}: {
  template: Template;
  onClose: () => void;
  onCopied: (t: Template) => void;
}) {
  const [code, setCode] = useState(`${template.code}-ban-sao`);
  const [name, setName] = useState(`${template.name} (bản sao)`);
  const [error, setError] = useState('');
  const [busy, running] = useBusy();
  return (
    <Modal title={`Sao chép mẫu “${template.name}”`} onClose={onClose} busy={busy}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void running(() =>
            call('templates.copy', { id: template.id, code, name }).then(onCopied, (err) =>
              setError(errorMessage(err)),
            ),
          );
        }}
      >
        <Field label="Mã mẫu mới" required hint="Chữ thường không dấu, số, gạch ngang.">
          <input aria-label="Mã mẫu mới" value={code} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <Field label="Tên mẫu mới" required>
          <input aria-label="Tên mẫu mới" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        {error ? <p className="form-error span-all">{error}</p> : null}
        <div className="form-actions span-all">
          <button type="button" onClick={onClose}>
            Hủy
          </button>
          <button type="submit" className="primary">
            Sao chép
          </button>
        </div>
      </form>
    </Modal>
  );
}
