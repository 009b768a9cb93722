import type { DocumentFormat } from '../../shared/model/document';

/** Word or PDF for an exported document; PDF is the one to sign digitally (ký số). */
export function FormatChoice({ value, onChange }: { value: DocumentFormat; onChange: (f: DocumentFormat) => void }) {
  return (
    <label className="inline-form">
      <span className="field-label">Định dạng</span>
      <select aria-label="Định dạng tệp" value={value} onChange={(e) => onChange(e.target.value as DocumentFormat)}>
        <option value="docx">Word (.docx)</option>
        <option value="pdf">PDF (.pdf, để ký số)</option>
      </select>
    </label>
  );
}
