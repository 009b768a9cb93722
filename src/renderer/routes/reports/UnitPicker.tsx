// Báo cáo đơn vị's unit picker: a combobox that asks the server for the period's units matching what
// is typed (reports.unitChoices, a window at a time) instead of holding the whole board, so the screen
// costs the same for 10 units as for 1,000. The list is virtualised and pages as it scrolls.
// Keyboard (ARIA combobox): typing filters, ↓/↑ (and PageDown/PageUp) move, Enter chooses, Escape
// closes and keeps the unit shown, Tab leaves. Enter and Escape go no further than the picker.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call, errorMessage } from '../../lib/api';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useNotice } from '../../components/Notice';
import { formatNumber } from '../../../shared/format';
import type { UnitChoice } from '../../../shared/model/report';

const OPTION_HEIGHT = 34;
const LIST_ID = 'unit-picker-list';

/** The unit chosen, as the closed picker shows it. */
export const choiceText = (c: { code: string; name: string }) => `${c.code} — ${c.name}`;

export function UnitPicker({
  periodId,
  chosen,
  changes,
  onChoose,
}: {
  periodId: number | null;
  /** The unit chosen (null: none). */
  chosen: { id: number; code: string; name: string } | null;
  /** Moves when the data changed: an open list asks again. */
  changes: number;
  onChoose: (c: UnitChoice) => void;
}) {
  const notice = useNotice();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const pageOf = useCallback(
    (offset: number, limit: number) =>
      call('reports.unitChoices', { periodId: periodId!, search: typed || undefined, offset, limit }),
    // `changes`: the same question asked again after others changed data
    [periodId, typed, changes],
  );
  const { head, rows, want } = usePagedRows(open && periodId !== null ? pageOf : null, (err) =>
    notice('error', errorMessage(err)),
  );
  const total = open ? (head?.total ?? 0) : 0;

  const list = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: open ? rows.length : 0,
    getScrollElement: () => list.current,
    estimateSize: () => OPTION_HEIGHT,
    overscan: 8,
  });
  const shown = v.getVirtualItems();
  const first = shown[0]?.index ?? 0;
  const last = shown.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= first) want(first, last);
  }, [want, first, last]);
  useEffect(() => {
    if (open && active < rows.length) v.scrollToIndex(active);
  }, [open, active, rows.length, v]);

  const show = () => {
    if (open) return;
    setTyped('');
    setActive(0);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setTyped('');
  };
  const choose = (c: UnitChoice | undefined) => {
    if (!c) return;
    close();
    onChoose(c);
  };
  const moveBy = (step: number) => {
    if (!open) return show();
    setActive((a) => Math.max(0, Math.min(rows.length - 1, a + step)));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveBy(1),
      ArrowUp: () => moveBy(-1),
      PageDown: () => moveBy(8),
      PageUp: () => moveBy(-8),
      Enter: () => (open ? choose(rows[active]) : show()),
      Escape: () => close(),
    };
    const act = keys[e.key];
    if (!act || (e.key === 'Escape' && !open)) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  return (
    <div className="field unit-picker">
      <span className="field-label">Đơn vị</span>
      <input
        ref={input}
        role="combobox"
        aria-label="Đơn vị"
        aria-expanded={open}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={open && rows[active] ? `unit-option-${active}` : undefined}
        autoComplete="off"
        disabled={periodId === null}
        placeholder={open ? 'Gõ mã hoặc tên đơn vị (không dấu cũng được)' : '— Chọn đơn vị —'}
        value={open ? typed : chosen ? choiceText(chosen) : ''}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={show}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {open ? (
        // a press on the list (its scroll bar too) keeps the focus in the field
        <div className="unit-picker-pop" onMouseDown={(e) => e.preventDefault()}>
          <div className="muted small unit-picker-count" role="status">
            {head === null
              ? 'Đang tải…'
              : total === 0
                ? 'Không có đơn vị nào khớp.'
                : `${formatNumber(total)} đơn vị${typed ? ' khớp' : ''}`}
          </div>
          <div ref={list} className="unit-picker-list" id={LIST_ID} role="listbox" aria-label="Các đơn vị của kỳ">
            <div style={{ height: v.getTotalSize(), position: 'relative' }}>
              {shown.map((vi) => {
                const c = rows[vi.index];
                const style = {
                  position: 'absolute' as const,
                  top: 0,
                  left: 0,
                  right: 0,
                  height: OPTION_HEIGHT,
                  transform: `translateY(${vi.start}px)`,
                };
                return c === undefined ? (
                  <div key={`hole ${vi.index}`} className="unit-option muted" style={style}>
                    Đang tải…
                  </div>
                ) : (
                  <div
                    key={c.unitId}
                    id={`unit-option-${vi.index}`}
                    role="option"
                    aria-selected={vi.index === active}
                    data-unit={c.unitId}
                    data-code={c.unitCode}
                    className={`unit-option${vi.index === active ? ' active' : ''}${chosen?.id === c.unitId ? ' chosen' : ''}`}
                    style={style}
                    onMouseMove={() => setActive(vi.index)}
                    onClick={() => choose(c)}
                  >
                    <span className="mono">{c.unitCode}</span> {c.unitName}{' '}
                    <span className="muted small">({c.label})</span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
