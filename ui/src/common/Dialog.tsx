// A modal dialog on the native <dialog> element: focus trap, Escape to close, backdrop.
import { useEffect, useRef, type ReactNode } from "react";

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

export function Dialog({ title, open, onClose, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // jsdom has no showModal; fall back to the open attribute there.
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} data-testid={testId} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      {open && (
        <>
          <h2 className="dialog__title">{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirmLabel, open, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Dialog title={title} open={open} onClose={onCancel} testId="confirm-dialog">
      <p className="dialog__message">{message}</p>
      <div className="dialog__actions">
        <button className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button className="button button--danger" data-testid="confirm" onClick={onConfirm} autoFocus>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
