// The same document already saved (same number, symbol, date and issuer): said when the text is
// read, or when the save was refused for it; the user may confirm saving a second copy.
import type { PlanProposal } from '../../../shared/model/plan-import';

export function DuplicateNotice({
  proposal,
  refused,
  allow,
  onAllow,
}: {
  proposal: PlanProposal;
  /** The save was refused because the document is already saved. */
  refused: boolean;
  allow: boolean;
  onAllow: (v: boolean) => void;
}) {
  const same = proposal.duplicates ?? [];
  if (!same.length && !refused) return null;
  return (
    <div className="pi-warnings" role="alert">
      {same.length ? (
        <div>
          ⚠ Văn bản này đã có trong danh sách: {same.map((x) => `mã số ${x.planId} “${x.summary}”`).join('; ')}.
        </div>
      ) : null}
      <label>
        <input type="checkbox" name="allowDuplicate" checked={allow} onChange={(e) => onAllow(e.target.checked)} /> Vẫn
        lưu thêm một bản
      </label>
    </div>
  );
}
