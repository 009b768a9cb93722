// A list with one selected item shown beside it, an editor and a delete confirmation: the shape
// of Văn bản chỉ đạo, Mẫu báo cáo and Kỳ báo cáo.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNotice } from '../components/Notice';
import { useCall } from './useCall';

interface Options<Item extends { id: number }, Detail, Doomed> {
  /** Loads the list. */
  load: () => Promise<Item[]>;
  /** Loads the selected item's detail; without it nothing is selected and `detail` stays null. */
  get?: (id: number) => Promise<Detail>;
  /** Deletes one item and says so ("Đã xóa …"). */
  remove: (item: Doomed) => Promise<string>;
}

export function useListDetail<Item extends { id: number }, Detail = never, Editing = never, Doomed = Item>(
  options: Options<Item, Detail, Doomed>,
) {
  const run = useCall();
  const notice = useNotice();
  const [list, setList] = useState<Item[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<Doomed | null>(null);

  // Each screen writes its options inline: keep the latest without reloading on every render.
  const latest = useRef(options);
  latest.current = options;
  const hasDetail = options.get !== undefined;

  const reload = useCallback(
    () =>
      run(async () => {
        const l = await latest.current.load();
        setList(l);
        // Keep the selection while it is still listed, else the first item.
        if (hasDetail) setSelected((cur) => (cur !== null && l.some((x) => x.id === cur) ? cur : (l[0]?.id ?? null)));
      }),
    [run, hasDetail],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    const get = latest.current.get;
    if (!get) return;
    if (selected === null) setDetail(null);
    else void run(() => get(selected).then(setDetail));
  }, [selected, list, run]);

  /** The "Xóa" button of the confirmation: deletes, says so, reloads; the dialog closes either way. */
  const confirmDelete = async () => {
    if (deleting === null) return;
    await run(async () => {
      notice('ok', await latest.current.remove(deleting));
      void reload();
    });
    setDeleting(null);
  };

  return {
    list,
    selected,
    select: setSelected,
    detail,
    reload,
    editing,
    setEditing,
    deleting,
    setDeleting,
    confirmDelete,
  };
}
