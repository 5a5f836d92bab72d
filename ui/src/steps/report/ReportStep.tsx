// Step 6: share the outcome. The workshop file (JSON) for another facilitator or tool, and
// the PDF report for everyone. Files are written by Rust; this page only asks where.
import { useState } from "react";
import { call, messageOf } from "../../api";
import { commands, type FileKind } from "../../bindings";
import { useStatus } from "../../common/status";
import { useWorkshop } from "../../workshop/WorkshopContext";

/** A file name from the workshop title, as the Rust side makes it. */
export function suggestedName(title: string, kind: FileKind): string {
  const base = title
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join("-");
  return `${base || "workshop"}.${kind}`;
}

export function ReportStep() {
  const { data } = useWorkshop();
  const { perform, notify } = useStatus();
  const [busy, setBusy] = useState(false);
  const title = data.workshop.title;

  const saveJson = async () => {
    setBusy(true);
    try {
      const path = await call(commands.chooseSavePath("json", suggestedName(title, "json")));
      if (!path) return;
      const done = await perform(async () => {
        await call(commands.exportWorkshopJson(data.workshop.id, path));
        return true;
      });
      if (done) {
        notify(`Saved the workshop file to ${path}`, {
          action: { label: "Open", run: () => void call(commands.openInSystemViewer(path)).catch((e) => notify(messageOf(e), { tone: "error" })) },
        });
      }
    } catch (thrown) {
      notify(messageOf(thrown), { tone: "error" });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="share">
      <section className="share__card">
        <h3>Workshop file</h3>
        <p className="muted">
          Everything in this workshop as one JSON file that another facilitator can import and continue. It opens
          in Lodestar as a new workshop and never overwrites one.
        </p>
        <button className="button button--primary" data-testid="export-json" disabled={busy} onClick={() => void saveJson()}>
          Save workshop file (.json)
        </button>
      </section>
    </div>
  );
}
