// Save status and toasts: one place that tells the facilitator an action is done (committed)
// or why it failed. A status only says "saved" after the backend has returned.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { messageOf } from "../api";

export type SaveState = "idle" | "saving" | "saved" | "failed";

export interface Toast {
  id: number;
  message: string;
  tone: "info" | "error";
  action?: { label: string; run: () => void };
}

interface StatusApi {
  saveState: SaveState;
  toasts: Toast[];
  /** Runs a backend action, tracking its save state; errors become an error toast. */
  perform: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  notify: (message: string, options?: { tone?: Toast["tone"]; action?: Toast["action"] }) => void;
  dismiss: (id: number) => void;
}

const StatusContext = createContext<StatusApi | null>(null);
/** How long a piece of news (not an error) stays on screen. */
export const INFO_TOAST_MS = 6000;

export function StatusProvider({ children }: { children: ReactNode }) {
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);

  const notify = useCallback<StatusApi["notify"]>(
    (message, options) => {
      const id = nextId.current++;
      const tone = options?.tone ?? "info";
      setToasts((all) => [...all.slice(-3), { id, message, tone, action: options?.action }]);
      // An error stays until it is dismissed: a facilitator turned to the room must still find
      // out what was not saved, and why. News goes by itself.
      if (tone !== "error") window.setTimeout(() => dismiss(id), INFO_TOAST_MS);
    },
    [dismiss],
  );

  const perform = useCallback<StatusApi["perform"]>(
    async (work) => {
      setSaveState("saving");
      try {
        const value = await work();
        setSaveState("saved");
        return value;
      } catch (thrown) {
        setSaveState("failed");
        notify(messageOf(thrown), { tone: "error" });
        return undefined;
      }
    },
    [notify],
  );

  const api = useMemo(
    () => ({ saveState, toasts, perform, notify, dismiss }),
    [saveState, toasts, perform, notify, dismiss],
  );
  return <StatusContext.Provider value={api}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusApi {
  const api = useContext(StatusContext);
  if (!api) throw new Error("useStatus must be used inside <StatusProvider>");
  return api;
}

const SAVE_TEXT: Record<SaveState, string> = {
  idle: "All changes saved",
  saving: "Saving…",
  saved: "All changes saved",
  failed: "Last change not saved",
};

export function SaveIndicator() {
  const { saveState } = useStatus();
  return (
    <span className={`save-status save-status--${saveState}`} data-testid="save-status" data-state={saveState} role="status">
      {SAVE_TEXT[saveState]}
    </span>
  );
}

export function Toasts() {
  const { toasts, dismiss } = useStatus();
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`} role={toast.tone === "error" ? "alert" : "status"}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              className="button button--ghost"
              onClick={() => {
                toast.action?.run();
                dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
