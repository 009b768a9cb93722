// One unit phrase of an assignment, as the reader read it, and what the user makes of it: a unit
// of the register, a kind of unit ("các sở, ban, ngành"), an explicitly created new unit, or
// nothing. Creating a unit is never the default; the issuing agency and people's posts are said
// to be no unit.
import type { PlanImportSaveInput } from '../../../shared/contract/plan-import';
import type { UnitMatch } from '../../../shared/model/plan-import';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind, type UnitListItem } from '../../../shared/model/unit';

type UnitInput = NonNullable<NonNullable<PlanImportSaveInput['tasks']>[number]['units']>[number];
type Mode = 'link' | 'kinds' | 'create' | 'none';

export const modeOf = (u: UnitInput): Mode =>
  u.unitId !== null && u.unitId !== undefined
    ? 'link'
    : u.createKind
      ? 'create'
      : (u.kinds?.length ?? 0) > 0
        ? 'kinds'
        : 'none';

const READ_AS: Record<UnitMatch['resolves'], string> = {
  unit: 'một đơn vị',
  group: 'một nhóm đơn vị',
  office: 'chức danh của một người, không phải đơn vị',
  issuer: 'chính cơ quan ban hành, không phải đơn vị báo cáo',
};

export function UnitPhraseReview({
  id,
  unit: u,
  found,
  units,
  onChange,
  onFocus,
}: {
  /** "i-j": the task and the phrase, for field names. */
  id: string;
  unit: UnitInput;
  found: UnitMatch | undefined;
  units: UnitListItem[];
  onChange: (patch: Partial<UnitInput>) => void;
  onFocus: () => void;
}) {
  const mode = modeOf(u);
  const setMode = (m: Mode) =>
    onChange({
      unitId: m === 'link' ? (found?.unitId ?? units[0]?.id ?? null) : null,
      createKind: m === 'create' ? (found?.suggestedKind ?? 'khac') : null,
      kinds: m === 'kinds' ? (found?.kinds.length ? found.kinds : (['so_nganh'] as UnitKind[])) : [],
    });
  const kinds = u.kinds ?? [];
  return (
    <span className={`pi-unit pi-unit-${mode}`} onClick={onFocus}>
      <strong>{u.role === 'support' ? 'Phối hợp' : 'Chủ trì'}:</strong> {u.name}
      {found ? <span className="muted small"> — đọc là {READ_AS[found.resolves]}</span> : null}
      <select
        name={`unit-${id}-mode`}
        aria-label={`Cách dùng “${u.name}”`}
        value={mode}
        onChange={(e) => setMode(e.target.value as Mode)}
      >
        <option value="none">Không gắn đơn vị</option>
        <option value="link" disabled={units.length === 0}>
          Đơn vị trong danh bạ
        </option>
        <option value="kinds">Các đơn vị theo loại</option>
        <option value="create">Tạo đơn vị mới (tên như văn bản)</option>
      </select>
      {mode === 'link' ? (
        <select
          name={`unit-${id}-link`}
          aria-label={`Đơn vị trong danh bạ cho “${u.name}”`}
          value={u.unitId ?? ''}
          onChange={(e) => onChange({ unitId: Number(e.target.value) })}
        >
          {units.map((x) => (
            <option key={x.id} value={x.id}>
              {'\u00a0'.repeat(x.depth * 2)}
              {x.name}
            </option>
          ))}
        </select>
      ) : null}
      {mode === 'kinds' ? (
        <span className="pi-kinds">
          {UNIT_KINDS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                name={`unit-${id}-kind-${k}`}
                checked={kinds.includes(k)}
                onChange={(e) =>
                  onChange({ kinds: UNIT_KINDS.filter((x) => (x === k ? e.target.checked : kinds.includes(x))) })
                }
              />{' '}
              {UNIT_KIND_LABELS[k]}
            </label>
          ))}
        </span>
      ) : null}
      {mode === 'create' ? (
        <select
          name={`unit-${id}-create`}
          aria-label={`Loại của đơn vị mới “${u.name}”`}
          value={u.createKind ?? 'khac'}
          onChange={(e) => onChange({ createKind: e.target.value as UnitKind })}
        >
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      ) : null}
    </span>
  );
}
