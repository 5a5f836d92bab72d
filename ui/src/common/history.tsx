// Undo/redo controls and shortcuts. The history lives in the store; this only asks for it.
import { useCallback, useEffect } from "react";
import { call } from "../api";
import { commands, type HistoryScope, type HistoryState } from "../bindings";
import { useDataChanged } from "./events";
import { useStatus } from "./status";
import { useResource } from "./useResource";

const EMPTY: HistoryState = { undoLabel: null, redoLabel: null };

/** True when the key press belongs to a text field, whose own undo should win. */
function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function useHistory(scope: HistoryScope) {
  const { perform, notify } = useStatus();
  const scopeKey = scope.kind === "library" ? "library" : `workshop:${scope.id}`;
  // scopeKey identifies the scope; the object itself changes on every render.
  const history = useResource(() => call(commands.historyState(scope)), [scopeKey]);
  const state: HistoryState = history.data ?? EMPTY;
  useDataChanged(() => void history.reload());

  const undo = useCallback(async () => {
    const outcome = await perform(() => call(commands.undo(scope)));
    if (outcome) notify(`Undid: ${outcome.label}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scopeKey, perform, notify]);

  const redo = useCallback(async () => {
    const outcome = await perform(() => call(commands.redo(scope)));
    if (outcome) notify(`Redid: ${outcome.label}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scopeKey, perform, notify]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isEditingText(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        if (state.undoLabel) void undo();
      } else if ((key === "z" && event.shiftKey) || key === "y") {
        event.preventDefault();
        if (state.redoLabel) void redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [state, undo, redo]);

  return { state, undo, redo };
}

export function UndoRedoButtons({ scope }: { scope: HistoryScope }) {
  const { state, undo, redo } = useHistory(scope);
  return (
    <div className="button-group" role="group" aria-label="History">
      <button
        className="button button--ghost"
        data-testid="undo"
        disabled={!state.undoLabel}
        title={state.undoLabel ? `Undo ${state.undoLabel} (Ctrl+Z)` : "Nothing to undo"}
        onClick={() => void undo()}
      >
        ↶ Undo
      </button>
      <button
        className="button button--ghost"
        data-testid="redo"
        disabled={!state.redoLabel}
        title={state.redoLabel ? `Redo ${state.redoLabel} (Ctrl+Shift+Z)` : "Nothing to redo"}
        onClick={() => void redo()}
      >
        ↷ Redo
      </button>
    </div>
  );
}
