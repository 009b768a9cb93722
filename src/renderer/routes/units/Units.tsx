// Đơn vị: the register of reporting units, as a virtualised tree table. The rows are asked from the
// server a window at a time (units.page: the same units, in the same order, as units.list), so opening
// the screen or searching costs a screenful whatever the register's size.
import { useDataRefresh } from '../../hooks/useDataRefresh';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call, errorMessage } from '../../lib/api';
import { usePagedRows } from '../../hooks/usePagedRows';
import { useRecycledKeys } from '../../hooks/useRecycledKeys';
import { useRowKeys } from '../../components/useRowKeys';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Confirm } from '../../components/Modal';
import { UnitForm } from './UnitForm';
import { UnitImport } from './UnitImport';
import { UNIT_KINDS, UNIT_KIND_LABELS, type Unit, type UnitKind, type UnitListItem } from '../../../shared/model/unit';
import { formatNumber, todayIso } from '../../../shared/format';
import { ViDateInput } from '../../components/ViDateInput';
import { MergeDialog } from './MergeDialog';
import { UnitHistory } from './UnitHistory';
import { ReorganiseDialog } from './ReorganiseDialog';
import { ROW_HEIGHT, UnitHoleRow, UnitRow, rowEvents, type UnitRowActions } from './UnitRow';

/**
 * Rows asked a window at a time: as many as the window is high in rows, which covers the rows drawn (the
 * table starts below the screen's header, toolbar and column heads, more than the 3 rows of overscan): 24
 * at 1440×900, 20 at 1280×720. Each row is a whole unit (about 330 bytes of JSON); on a large register the
 * answer's size was most of what a search's call cost more (60 rows: 20 KB; 40: 13 KB; 24: 8 KB).
 */
function windowRows(): number {
  return Math.max(20, Math.ceil(window.innerHeight / ROW_HEIGHT));
}

export function UnitsScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<UnitKind | ''>('');
  const [includeClosed, setIncludeClosed] = useState(false);
  const [editing, setEditing] = useState<Unit | null | 'new'>(null);
  const [importing, setImporting] = useState(false);
  const [closing, setClosing] = useState<UnitListItem | null>(null);
  const [closeDate, setCloseDate] = useState(todayIso());
  const [merging, setMerging] = useState<UnitListItem | null>(null);
  const [history, setHistory] = useState<UnitListItem | null>(null);
  const [reorganising, setReorganising] = useState(false);

  // Each question (a search at each keystroke, a kind, closed units or not) asks for its first window;
  // an answer to an older question is dropped (hooks/usePagedRows).
  const pageOf = useCallback(
    (offset: number, limit: number) =>
      call('units.page', { search: search || undefined, kind: kind || undefined, includeClosed, offset, limit }).then(
        // search results show without the tree's indentation: said by the answer, so the rows shown while
        // the next answer is on its way are not drawn again for a keystroke
        (page) => ({ ...page, flat: !!search }),
      ),
    [search, kind, includeClosed],
  );
  // fixed for the screen's life: the windows already asked are numbered by it
  const [pageRows] = useState(windowRows);
  const {
    head,
    rows: units,
    question,
    want,
    refresh,
    loading: asking,
  } = usePagedRows(pageOf, (err) => notice('error', errorMessage(err)), pageRows);
  const reload = refresh;
  useDataRefresh(reload);
  /** The whole register, loaded for the dialogs that choose among it (parent, merge target) when one opens. */
  const [register, setRegister] = useState<UnitListItem[] | null>(null);
  const withRegister = (open: () => void) =>
    void tryCall(async () => {
      setRegister(await call('units.list', { includeClosed: true }));
      open();
    });

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: units.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
  });
  useRowKeys(scrollRef, units.length, (i) => virtualizer.scrollToIndex(i));
  const shown = virtualizer.getVirtualItems();
  // a new question's rows take over the elements of the rows drawn at their places
  const keyOf = useRecycledKeys(question);
  const first = shown[0]?.index ?? 0;
  const last = shown.at(-1)?.index ?? -1;
  useEffect(() => {
    if (last >= first) want(first, last);
  }, [want, first, last]);

  const run = async (action: () => Promise<unknown>, ok: string) => {
    await tryCall(async () => {
      await action();
      // The notice comes once the list shows the change (a closed unit already gone from it).
      await reload();
      notice('ok', ok);
    });
  };

  const exportXlsx = async () => {
    await tryCall(async () => {
      const r = await call('units.exportXlsx');
      if (r.saved) notice('ok', `Đã xuất danh sách đơn vị ra ${r.path}.`);
    });
  };

  const filtered = search || kind;
  const loading = head === null;
  const total = head?.total ?? 0;
  const actions: UnitRowActions = useMemo(
    () => ({
      edit: (u) => withRegister(() => setEditing(u)),
      up: (u) => void run(() => call('units.move', { id: u.id, direction: 'up' }), 'Đã đổi thứ tự.'),
      down: (u) => void run(() => call('units.move', { id: u.id, direction: 'down' }), 'Đã đổi thứ tự.'),
      merge: (u) => withRegister(() => setMerging(u)),
      close: (u) => (setCloseDate(todayIso()), setClosing(u)),
      reopen: (u) => void run(() => call('units.reopen', { id: u.id }), `Đơn vị ${u.code} hoạt động trở lại.`),
      history: (u) => setHistory(u),
    }),
    // run and withRegister only use setters, the stable call helpers and `reload`
    [reload],
  );

  return (
    <section className="screen screen-fill">
      <header className="screen-header">
        <div>
          <div className="breadcrumb">Đơn vị</div>
          <h1>Đơn vị báo cáo</h1>
          <div className="muted">
            {formatNumber(head?.active ?? 0)} đơn vị đang hoạt động · {formatNumber(head?.closed ?? 0)} đã thôi hoạt
            động hoặc sáp nhập
          </div>
        </div>
        <div className="toolbar-actions">
          <button type="button" onClick={() => setImporting(true)}>
            Nhập từ Excel…
          </button>
          <button type="button" onClick={() => setReorganising(true)}>
            Sắp xếp lại đơn vị…
          </button>
          <button type="button" onClick={() => void exportXlsx()}>
            Xuất Excel
          </button>
          <button type="button" className="primary" onClick={() => withRegister(() => setEditing('new'))}>
            + Thêm đơn vị
          </button>
        </div>
      </header>
      <div className="toolbar" role="search">
        <input
          type="search"
          className="search"
          placeholder="Tìm theo mã, tên, email… (gõ không dấu cũng được)"
          aria-label="Tìm đơn vị"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select aria-label="Lọc theo loại" value={kind} onChange={(e) => setKind(e.target.value as UnitKind | '')}>
          <option value="">Tất cả các loại</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} /> Hiện cả
          đơn vị đã thôi hoạt động
        </label>
        {/* the count of the question the rows answer: none while a new one is asked (not the last answer's) */}
        <span className="muted result-count">
          {filtered && head && !asking ? `${formatNumber(total)} kết quả` : ''}
        </span>
      </div>
      <div className="vtable" role="table" aria-label="Danh sách đơn vị" aria-rowcount={total + 1}>
        <div className="vrow vhead" role="row">
          <div role="columnheader">Mã</div>
          <div role="columnheader">Tên đơn vị</div>
          <div role="columnheader">Viết tắt</div>
          <div role="columnheader">Loại</div>
          <div role="columnheader">Email</div>
          <div role="columnheader">Người liên hệ</div>
          <div role="columnheader">Trạng thái</div>
          <div role="columnheader">Thao tác</div>
        </div>
        <div className="vbody" ref={scrollRef} {...rowEvents(units, actions)}>
          {!loading && total === 0 ? (
            <div className="empty">
              {filtered
                ? 'Không có đơn vị nào khớp với điều kiện tìm.'
                : 'Chưa có đơn vị nào. Bấm “+ Thêm đơn vị” hoặc “Nhập từ Excel…”.'}
            </div>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {shown.map((vi) => {
              const u = units[vi.index];
              return u === undefined ? (
                <UnitHoleRow key={`hole ${vi.index}`} top={vi.start} index={vi.index} />
              ) : (
                <UnitRow key={keyOf(u.id, vi.index)} u={u} index={vi.index} top={vi.start} flat={head?.flat ?? false} />
              );
            })}
          </div>
        </div>
      </div>

      {editing ? (
        <UnitForm
          unit={editing === 'new' ? null : editing}
          units={register ?? []}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setEditing(null);
            notice('ok', `Đã lưu đơn vị ${u.code} — ${u.name}.`);
            void reload();
          }}
        />
      ) : null}
      {importing ? (
        <UnitImport
          onClose={() => setImporting(false)}
          onImported={(msg) => {
            setImporting(false);
            notice('ok', msg);
            void reload();
          }}
        />
      ) : null}
      {closing ? (
        <Confirm
          title="Thôi hoạt động"
          confirmLabel="Thôi hoạt động"
          message={
            <>
              <p>
                Đơn vị <strong>{closing.name}</strong> sẽ không còn được yêu cầu báo cáo ở các kỳ mới. Các báo cáo đã có
                vẫn được giữ nguyên. Có thể mở lại sau.
              </p>
              <label className="field">
                <span className="field-label">Thôi hoạt động từ ngày</span>
                <ViDateInput label="Thôi hoạt động từ ngày" value={closeDate} onChange={setCloseDate} />
              </label>
            </>
          }
          onCancel={() => setClosing(null)}
          onConfirm={() => {
            const u = closing;
            setClosing(null);
            void run(() => call('units.close', { id: u.id, date: closeDate }), `Đơn vị ${u.code} đã thôi hoạt động.`);
          }}
        />
      ) : null}
      {merging ? (
        <MergeDialog
          source={merging}
          units={(register ?? []).filter((u) => u.isActive && u.id !== merging.id)}
          onClose={() => setMerging(null)}
          onDone={(msg) => (setMerging(null), notice('ok', msg), void reload())}
        />
      ) : null}
      {history ? <UnitHistory unit={history} onClose={() => setHistory(null)} /> : null}
      {reorganising ? (
        <ReorganiseDialog
          onClose={() => setReorganising(false)}
          onChanged={(msg) => (notice('ok', msg), void reload())}
        />
      ) : null}
    </section>
  );
}
