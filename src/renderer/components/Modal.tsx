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
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** While true (a save or an export is running) nothing closes the dialog. */
  busy?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useDialog(ref, onClose, busy);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <div
        className={`modal${wide ? ' modal-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        ref={ref}
      >
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="modal-close" onClick={onClose} disabled={busy} aria-label="Đóng">
            ×
          </button>
        </div>
        <div className="modal-body">{children}</div>
      </div>
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
