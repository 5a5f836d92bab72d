import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { recordCommands, workshopData, workshopRecord, WorkshopHarness } from "../../test/workshopFixture";
import { ReportStep, suggestedName } from "./ReportStep";

describe("sharing the workshop", () => {
  it("suggests a file name made from the title", () => {
    expect(suggestedName("Q3 North Star / offsite!", "pdf")).toBe("Q3-North-Star-offsite.pdf");
    expect(suggestedName("  ", "json")).toBe("workshop.json");
  });

  it("saves the workshop file where the facilitator chose", async () => {
    const calls = recordCommands((cmd) => (cmd === "choose_save_path" ? "/home/ana/offsite.json" : null));
    render(
      <WorkshopHarness data={workshopData({ workshop: workshopRecord({ id: "w1", title: "Offsite" }) })}>
        <ReportStep />
      </WorkshopHarness>,
    );
    await userEvent.click(screen.getByTestId("export-json"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "export_workshop_json")?.args).toEqual({ id: "w1", path: "/home/ana/offsite.json" }));
    expect(calls.find((c) => c.cmd === "choose_save_path")?.args).toEqual({ kind: "json", suggestedName: "Offsite.json" });
  });

  it("writes nothing when the save dialog is cancelled", async () => {
    const calls = recordCommands(() => null);
    render(
      <WorkshopHarness data={workshopData()}>
        <ReportStep />
      </WorkshopHarness>,
    );
    await userEvent.click(screen.getByTestId("export-json"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "choose_save_path")).toBe(true));
    expect(calls.some((c) => c.cmd === "export_workshop_json")).toBe(false);
  });

  it("saves the PDF report on the chosen paper", async () => {
    const calls = recordCommands((cmd) => (cmd === "choose_save_path" ? "/home/ana/offsite.pdf" : null));
    render(
      <WorkshopHarness data={workshopData({ workshop: workshopRecord({ id: "w1", title: "Offsite" }) })}>
        <ReportStep />
      </WorkshopHarness>,
    );
    await userEvent.selectOptions(screen.getByTestId("report-paper"), "letter");
    await userEvent.click(screen.getByTestId("export-pdf"));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "export_workshop_pdf")?.args).toEqual({ id: "w1", path: "/home/ana/offsite.pdf", paper: "letter" }),
    );
  });
});
