import type { DocumentOutput } from '../../shared/model/document';

const CHOICES = {
  docx: { format: 'docx', images: false },
  pdf: { format: 'pdf', images: false },
  'pdf-images': { format: 'pdf', images: true },
} as const satisfies Record<string, DocumentOutput>;
type Choice = keyof typeof CHOICES;

/**
 * Word, PDF to sign digitally (ký số), or a PDF copy with the signature and seal images (not signed
 * digitally; the images are set in Cài đặt → Cơ quan).
 */
export function FormatChoice({ value, onChange }: { value: DocumentOutput; onChange: (o: DocumentOutput) => void }) {
  const current: Choice = value.format === 'docx' ? 'docx' : value.images ? 'pdf-images' : 'pdf';
  return (
    <label className="inline-form">
      <span className="field-label">Định dạng</span>
      <select aria-label="Định dạng tệp" value={current} onChange={(e) => onChange(CHOICES[e.target.value as Choice])}>
        <option value="docx">Word (.docx)</option>
        <option value="pdf">PDF (.pdf, để ký số)</option>
        <option value="pdf-images">PDF kèm ảnh chữ ký, con dấu (bản không ký số)</option>
      </select>
    </label>
  );
}
