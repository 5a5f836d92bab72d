// Step 6: share the outcome. The workshop file (JSON) for another facilitator or tool, and
// the PDF report for everyone. Files are written by Rust; this page only asks where.
import { useState } from "react";
import { call, messageOf } from "../../api";
import { commands, type FileKind, type PaperSize } from "../../bindings";
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
  const [paper, setPaper] = useState<PaperSize>("a4");
  const title = data.workshop.title;

  const offerToOpen = (what: string, path: string) =>
    notify(`Saved ${what} to ${path}`, {
      action: {
        label: "Open",
        run: () => void call(commands.openInSystemViewer(path)).catch((e) => notify(messageOf(e), { tone: "error" })),
      },
    });

  const savePdf = async () => {
    setBusy(true);
    try {
      const path = await call(commands.chooseSavePath("pdf", suggestedName(title, "pdf")));
      if (!path) return;
      const done = await perform(async () => {
        await call(commands.exportWorkshopPdf(data.workshop.id, path, paper));
        return true;
      });
      if (done) offerToOpen("the report", path);
    } catch (thrown) {
      notify(messageOf(thrown), { tone: "error" });
    } finally {
      setBusy(false);
    }
  };

  const saveJson = async () => {
    setBusy(true);
    try {
      const path = await call(commands.chooseSavePath("json", suggestedName(title, "json")));
      if (!path) return;
      const done = await perform(async () => {
        await call(commands.exportWorkshopJson(data.workshop.id, path));
        return true;
      });
      if (done) offerToOpen("the workshop file", path);
    } catch (thrown) {
      notify(messageOf(thrown), { tone: "error" });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="share">
      <section className="share__card">
        <h3>PDF report</h3>
        <p className="muted">
          For everyone who was in the room and everyone who was not: the people, the customer categories, the SMART
          needs, the vote and its tally, the focus need, and what comes next.
        </p>
        <label className="field share__paper">
          <span className="field__label">Paper</span>
          <select data-testid="report-paper" value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
            <option value="a4">A4</option>
            <option value="letter">US Letter</option>
          </select>
        </label>
        <button className="button button--primary" data-testid="export-pdf" disabled={busy} onClick={() => void savePdf()}>
          Save PDF report
        </button>
      </section>
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
