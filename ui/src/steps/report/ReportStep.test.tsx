import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { recordCommands, workshopData, workshopRecord, WorkshopHarness } from "../../test/workshopFixture";
import { refused } from "../../test/refusals";
import { ReportStep } from "./ReportStep";
import { Toasts } from "../../common/status";

/** The Report step with its toasts, for a workshop called `title` (id "w1") or the default one. */
function renderReport(title?: string) {
  const data = title ? workshopData({ workshop: workshopRecord({ id: "w1", title }) }) : workshopData();
  render(
    <WorkshopHarness data={data}>
      <ReportStep />
      <Toasts />
    </WorkshopHarness>,
  );
}

const SAVED = { name: "Offsite.json", path: "/home/ana/Offsite.json", token: "t-1" };

describe("sharing the workshop", () => {
  it("asks the backend to save the workshop file, naming no path", async () => {
    const calls = recordCommands((cmd) => (cmd === "export_workshop_json" ? SAVED : null));
    renderReport("Offsite");
    await userEvent.click(screen.getByTestId("export-json"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "export_workshop_json")?.args).toEqual({ id: "w1" }));
    expect(await screen.findByText("Saved the workshop file to /home/ana/Offsite.json")).toBeInTheDocument();
  });

  it("opens a saved file only by the token the backend gave for it", async () => {
    const calls = recordCommands((cmd) => (cmd === "export_workshop_json" ? SAVED : null));
    renderReport("Offsite");
    await userEvent.click(screen.getByTestId("export-json"));
    await userEvent.click(await screen.findByRole("button", { name: "Open" }));
    await waitFor(() => expect(calls.find((c) => c.cmd === "open_saved_file")?.args).toEqual({ token: "t-1" }));
  });

  it("says nothing was saved when the save dialog is cancelled", async () => {
    const calls = recordCommands(() => null);
    renderReport();
    await userEvent.click(screen.getByTestId("export-json"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "export_workshop_json")).toBe(true));
    expect(screen.queryByText(/Saved/)).toBeNull();
  });

  it("saves the PDF report on the chosen paper", async () => {
    const calls = recordCommands((cmd) => (cmd === "export_workshop_pdf" ? { ...SAVED, name: "Offsite.pdf", path: "/home/ana/Offsite.pdf" } : null));
    renderReport("Offsite");
    await userEvent.selectOptions(screen.getByTestId("report-paper"), "letter");
    await userEvent.click(screen.getByTestId("export-pdf"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "export_workshop_pdf")?.args).toEqual({ id: "w1", paper: "letter" }));
  });

  it("tells the facilitator a place that cannot be written, by the refusal's code", async () => {
    recordCommands((cmd) => {
      if (cmd === "export_workshop_pdf") throw refused("writeFailed", "", "could not write /media/usb/Offsite.pdf: read-only file system");
      return null;
    });
    renderReport();
    await userEvent.click(screen.getByTestId("export-pdf"));
    expect(await screen.findByText(/Could not write \/media\/usb\/Offsite.pdf: read-only file system/)).toBeInTheDocument();
  });
});
