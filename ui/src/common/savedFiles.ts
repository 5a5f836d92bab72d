// After a save: say where the file went and offer to open it. Only the token the backend
// returned for that file can open it; the webview never hands a path to the system.
import { useCallback } from "react";
import { commands, type SavedFile } from "../bindings";
import { call, messageOf } from "../api";
import { useStatus } from "./status";

export function useOfferToOpen(): (what: string, saved: SavedFile) => void {
  const { notify } = useStatus();
  return useCallback(
    (what: string, saved: SavedFile) =>
      notify(`Saved ${what} to ${saved.path}`, {
        action: {
          label: "Open",
          run: () => void call(commands.openSavedFile(saved.token)).catch((e) => notify(messageOf(e), { tone: "error" })),
        },
      }),
    [notify],
  );
}
