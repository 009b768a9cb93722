// The linter's findings: errors first, each with its place and the text there.
import type { LintReport } from '../../../shared/contract/doc-templates';

const WORD = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Ghi chú' } as const;

export function Findings({ report }: { report: LintReport }) {
  const c = report.counts;
  return (
    <div className="dt-findings">
      <p className={`dt-verdict ${report.ok ? 'ok' : 'bad'}`} role="status">
        {report.ok ? 'Mẫu dùng được.' : 'Mẫu có lỗi: chưa điền được cho đến khi sửa.'} {c.errors} lỗi, {c.warnings} cảnh
        báo, {c.infos} ghi chú; {c.tags} thẻ.
      </p>
      {report.findings.length ? (
        <ul aria-label="Kết quả kiểm tra mẫu">
          {report.findings.map((f, k) => (
            <li key={k} className={`dt-finding ${f.severity}`}>
              <span className="dt-sev">{WORD[f.severity]}</span>
              {f.where ? <span className="dt-where">{f.where}</span> : null}
              <span className="dt-msg">{f.message}</span>
              {f.text ? <span className="dt-text">«{f.text}»</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
