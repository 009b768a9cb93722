// Đơn vị: the register of reporting units, as a virtualised tree table.
import { useDataRefresh } from '../../hooks/useDataRefresh';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { call } from '../../lib/api';
import { useNotice } from '../../components/Notice';
import { useCall } from '../../hooks/useCall';
import { Confirm } from '../../components/Modal';
import { UnitForm } from './UnitForm';
import { UnitImport } from './UnitImport';
import { UNIT_KINDS, UNIT_KIND_LABELS, type Unit, type UnitKind, type UnitListItem } from '../../../shared/model/unit';
import { formatDateShort, formatNumber, todayIso } from '../../../shared/format';
import { ViDateInput } from '../../components/ViDateInput';
import { MergeDialog } from './MergeDialog';
import { UnitHistory } from './UnitHistory';
import { ReorganiseDialog } from './ReorganiseDialog';

const ROW_HEIGHT = 38;

export function UnitsScreen() {
  const notice = useNotice();
  const tryCall = useCall();
  /** The server's answer to a search or a kind filter (null: none asked, the register shows). */
  const [found, setFound] = useState<UnitListItem[] | null>(null);
  const [allUnits, setAllUnits] = useState<UnitListItem[]>([]);
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
  const [loading, setLoading] = useState(true);

  // The register is loaded once (and after each change); a search or a kind asks the server for
  // its matches at each keystroke, and an answer that comes after a newer question is dropped.
  const asked = useRef(0);
  const loadFound = useCallback(async () => {
    const n = ++asked.current;
    if (!search && !kind) return setFound(null);
    const list = await tryCall(() =>
      call('units.list', { search: search || undefined, kind: kind || undefined, includeClosed }),
    );
    if (list && n === asked.current) setFound(list);
  }, [search, kind, includeClosed, tryCall]);
  const loadAll = useCallback(async () => {
    const all = await tryCall(() => call('units.list', { includeClosed: true }));
    if (all) setAllUnits(all);
    setLoading(false);
  }, [tryCall]);
  const reload = useCallback(() => Promise.all([loadAll(), loadFound()]), [loadAll, loadFound]);
  useDataRefresh(reload);

  useEffect(() => void loadAll(), [loadAll]);
  useEffect(() => void loadFound(), [loadFound]);
  const units = useMemo(
    () => found ?? (includeClosed ? allUnits : allUnits.filter((u) => u.isActive)),
    [found, allUnits, includeClosed],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: units.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

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

  const activeCount = allUnits.filter((u) => u.isActive).length;
  const filtered = search || kind;

  return (
    <section className="screen screen-fill">
      <header className="screen-header">
        <div>
          <h1>Đơn vị báo cáo</h1>
          <div className="muted">
            {formatNumber(activeCount)} đơn vị đang hoạt động · {formatNumber(allUnits.length - activeCount)} đã thôi
            hoạt động hoặc sáp nhập
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
          <button type="button" className="primary" onClick={() => setEditing('new')}>
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
        <span className="muted">{filtered ? `${formatNumber(units.length)} kết quả` : ''}</span>
      </div>
      <div className="vtable" role="table" aria-label="Danh sách đơn vị" aria-rowcount={units.length + 1}>
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
        <div className="vbody" ref={scrollRef}>
          {!loading && units.length === 0 ? (
            <div className="empty">
              {filtered
                ? 'Không có đơn vị nào khớp với điều kiện tìm.'
                : 'Chưa có đơn vị nào. Bấm “+ Thêm đơn vị” hoặc “Nhập từ Excel…”.'}
            </div>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((vi) => {
              const u = units[vi.index]!;
              return (
                <div
                  key={u.id}
                  role="row"
                  className={`vrow${u.isActive ? '' : ' closed'}`}
                  data-code={u.code}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${vi.start}px)`,
                  }}
                >
                  <div role="cell" className="mono">
                    {u.code}
                  </div>
                  <div
                    role="cell"
                    className="name"
                    style={{ paddingLeft: 8 + (search ? 0 : u.depth * 20) }}
                    title={u.name}
                  >
                    {!search && u.depth > 0 ? <span className="tree-mark">└</span> : null}
                    {u.name}
                  </div>
                  <div role="cell">{u.shortName}</div>
                  <div role="cell">{UNIT_KIND_LABELS[u.kind]}</div>
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
                    <button
                      type="button"
                      className="icon"
                      title="Sửa"
                      aria-label={`Sửa ${u.code}`}
                      onClick={() => setEditing(u)}
                    >
                      ✎
                    </button>
                    <button
                      type="button"
                      className="icon"
                      title="Lên trên"
                      aria-label={`Đưa ${u.code} lên`}
                      onClick={() =>
                        void run(() => call('units.move', { id: u.id, direction: 'up' }), 'Đã đổi thứ tự.')
                      }
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon"
                      title="Xuống dưới"
                      aria-label={`Đưa ${u.code} xuống`}
                      onClick={() =>
                        void run(() => call('units.move', { id: u.id, direction: 'down' }), 'Đã đổi thứ tự.')
                      }
                    >
                      ↓
                    </button>
                    {u.isActive ? (
                      <>
                        <button
                          type="button"
                          className="icon"
                          title="Sáp nhập vào đơn vị khác"
                          aria-label={`Sáp nhập ${u.code}`}
                          onClick={() => setMerging(u)}
                        >
                          ⇥
                        </button>
                        <button
                          type="button"
                          className="icon"
                          title="Thôi hoạt động"
                          aria-label={`Thôi hoạt động ${u.code}`}
                          onClick={() => (setCloseDate(todayIso()), setClosing(u))}
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
                        onClick={() =>
                          void run(() => call('units.reopen', { id: u.id }), `Đơn vị ${u.code} hoạt động trở lại.`)
                        }
                      >
                        ↺
                      </button>
                    )}
                    <button
                      type="button"
                      className="icon"
                      title="Lịch sử"
                      aria-label={`Lịch sử ${u.code}`}
                      onClick={() => setHistory(u)}
                    >
                      ≡
                    </button>
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>

      {editing ? (
        <UnitForm
          unit={editing === 'new' ? null : editing}
          units={allUnits}
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
          units={allUnits.filter((u) => u.isActive && u.id !== merging.id)}
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
