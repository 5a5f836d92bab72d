// Step 6: share the outcome. The workshop file (JSON) for another facilitator or tool, and
// the PDF report for everyone. The backend asks where (the native dialog) and writes the
// file; this page never sees or names a path it could write to.
import { useState } from "react";
import { commands, type PaperSize, type SavedFile } from "../../bindings";
import { call } from "../../api";
import { useStatus } from "../../common/status";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { useOfferToOpen } from "../../common/savedFiles";

export function ReportStep() {
  const { data } = useWorkshop();
  const { perform } = useStatus();
  const [busy, setBusy] = useState(false);
  const [paper, setPaper] = useState<PaperSize>("a4");
  const offerToOpen = useOfferToOpen();

  const save = async (what: string, work: () => Promise<SavedFile | null>) => {
    setBusy(true);
    try {
      const saved = await perform(work);
      if (saved) offerToOpen(what, saved);
    } finally {
      setBusy(false);
    }
  };
  const savePdf = () => save("the report", () => call(commands.exportWorkshopPdf(data.workshop.id, paper)));
  const saveJson = () => save("the workshop file", () => call(commands.exportWorkshopJson(data.workshop.id)));

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
