// One row of the Đơn vị table (virtualised: placed at `top` inside the scrolled body) and its actions.
import { memo } from 'react';
import { UNIT_KIND_LABELS, type UnitListItem } from '../../../shared/model/unit';
import { formatDateShort } from '../../../shared/format';

export const ROW_HEIGHT = 38;

export interface UnitRowActions {
  edit(u: UnitListItem): void;
  up(u: UnitListItem): void;
  down(u: UnitListItem): void;
  merge(u: UnitListItem): void;
  close(u: UnitListItem): void;
  reopen(u: UnitListItem): void;
  history(u: UnitListItem): void;
}

/**
 * The rows' clicks and Enter, handled once for the whole body (event delegation): a row carries no
 * handlers of its own, so drawing a screenful of new rows (a search) sets their text and labels only.
 * A button names its action (`data-act`); its row's `data-index` is the unit's place in `rows`.
 */
export function rowEvents(rows: readonly (UnitListItem | undefined)[], on: UnitRowActions) {
  const unitOf = (el: Element | null) => {
    const row = el?.closest<HTMLElement>('[data-index]');
    return row ? rows[Number(row.dataset.index)] : undefined;
  };
  return {
    onClick(e: React.MouseEvent) {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-act]');
      const u = unitOf(button);
      if (button && u) on[button.dataset.act as keyof UnitRowActions](u);
    },
    onKeyDown(e: React.KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (e.key !== 'Enter' || !target.matches('[data-index]')) return;
      const u = unitOf(target);
      if (!u) return;
      e.preventDefault();
      on.edit(u);
    },
  };
}

/** A row not loaded yet (the table asks for its window as it shows). */
export function UnitHoleRow({ top, index }: { top: number; index: number }) {
  return (
    <div
      role="row"
      data-index={index}
      className="vrow v-loading"
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <div role="cell" className="muted">
        Đang tải…
      </div>
    </div>
  );
}

export const UnitRow = memo(function UnitRow({
  u,
  index,
  top,
  flat,
}: {
  u: UnitListItem;
  /** Its place in the list: the table's keys (components/useRowKeys) move by it. */
  index: number;
  top: number;
  /** Search results: no tree indentation (a match's parent may not be among them). */
  flat: boolean;
}) {
  return (
    <div
      role="row"
      className={`vrow${u.isActive ? '' : ' closed'}`}
      data-code={u.code}
      data-index={index}
      aria-label={`${u.code} ${u.name}`}
      title="Enter: sửa đơn vị; →/←: các nút của dòng; ↑/↓: sang đơn vị khác"
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${top}px)`,
      }}
    >
      <div role="cell" className="mono">
        {u.code}
      </div>
      <div role="cell" className="name" style={{ paddingLeft: 8 + (flat ? 0 : u.depth * 20) }} title={u.name}>
        {!flat && u.depth > 0 ? <span className="tree-mark">└</span> : null}
        {u.name}
      </div>
      <div role="cell">{u.shortName}</div>
      <div role="cell" title={UNIT_KIND_LABELS[u.kind]}>
        {UNIT_KIND_LABELS[u.kind]}
      </div>
      <div role="cell" title={u.email}>
        {u.email}
      </div>
      <div role="cell">{u.contactPerson}</div>
      <div role="cell">
        {u.isActive ? (
          <span className="badge ok">Hoạt động</span>
        ) : (
          <span className="badge muted-badge">
            {u.mergedIntoId ? 'Đã sáp nhập' : `Thôi từ ${formatDateShort(u.activeTo)}`}
          </span>
        )}
      </div>
      <div role="cell" className="row-actions">
        <button type="button" className="icon" title="Sửa" aria-label={`Sửa ${u.code}`} data-act="edit">
          ✎
        </button>
        <button type="button" className="icon" title="Lên trên" aria-label={`Đưa ${u.code} lên`} data-act="up">
          ↑
        </button>
        <button type="button" className="icon" title="Xuống dưới" aria-label={`Đưa ${u.code} xuống`} data-act="down">
          ↓
        </button>
        {u.isActive ? (
          <>
            <button
              type="button"
              className="icon"
              title="Sáp nhập vào đơn vị khác"
              aria-label={`Sáp nhập ${u.code}`}
              data-act="merge"
            >
              ⇥
            </button>
            <button
              type="button"
              className="icon"
              title="Thôi hoạt động"
              aria-label={`Thôi hoạt động ${u.code}`}
              data-act="close"
            >
              ⊘
            </button>
          </>
        ) : (
          <button
            type="button"
            className="icon"
            title="Hoạt động trở lại"
            aria-label={`Mở lại ${u.code}`}
            data-act="reopen"
          >
            ↺
          </button>
        )}
        <button type="button" className="icon" title="Lịch sử" aria-label={`Lịch sử ${u.code}`} data-act="history">
          ≡
        </button>
      </div>
    </div>
  );
});
