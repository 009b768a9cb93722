// The one dialog of the app. Keyboard behaviour lives in useDialog: focus in, Tab wraps inside,
// Escape closes (not while `busy`, e.g. a save is running), focus back to the opener on close.
import { useId, useRef, useState, type ReactNode } from 'react';
import { useDialog } from './useDialog';

export function Modal({
  title,
  onClose,
  children,
  wide,
  busy = false,
  guardEdits = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** While true (a save or an export is running) nothing closes the dialog. */
  busy?: boolean;
  /**
   * A form people type a lot into: once something was typed, Escape, × and a click beside the
   * dialog ask before dropping it (its own Hủy button does not: that is a choice, not a slip).
   */
  guardEdits?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [edited, setEdited] = useState(false);
  const [asking, setAsking] = useState(false);
  const close = () => (guardEdits && edited ? setAsking(true) : onClose());
  useDialog(ref, close, busy);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && close()}>
      <div
        onInput={guardEdits ? () => setEdited(true) : undefined}
        className={`modal${wide ? ' modal-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        ref={ref}
      >
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="modal-close" onClick={close} disabled={busy} aria-label="Đóng">
            ×
          </button>
        </div>
        <div className="modal-body">{children}</div>
      </div>
      {asking ? (
        <Confirm
          title="Đóng mà chưa lưu?"
          message="Những gì vừa nhập trong hộp này chưa được lưu. Đóng thì bỏ hết những thay đổi đó."
          confirmLabel="Bỏ thay đổi"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            onClose();
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * Asks before a destructive action. Focus starts on the safe button (Hủy), so Enter or Escape
 * never destroys anything by accident. When `onConfirm` returns a promise, the dialog stays busy
 * (buttons off, Escape ignored) until it settles.
 */
export function Confirm({
  title,
  message,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const confirm = () => {
    const done = onConfirm();
    if (!(done instanceof Promise)) return;
    setBusy(true);
    // Setting state after the dialog closed is a no-op in React 18.
    void done.then(
      () => setBusy(false),
      () => setBusy(false),
    );
  };
  return (
    <Modal title={title} onClose={onCancel} busy={busy}>
      <div className="confirm-text">{message}</div>
      <div className="form-actions">
        <button type="button" onClick={onCancel} disabled={busy} data-autofocus>
          Hủy
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          {busy ? 'Đang thực hiện…' : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
