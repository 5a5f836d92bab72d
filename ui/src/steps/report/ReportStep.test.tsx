import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { recordCommands, workshopData, workshopRecord, WorkshopHarness } from "../../test/workshopFixture";
import { refused } from "../../test/refusals";
import { ReportStep } from "./ReportStep";
import { Toasts } from "../../common/status";

const SAVED = { name: "Offsite.json", path: "/home/ana/Offsite.json", token: "t-1" };

describe("sharing the workshop", () => {
  it("asks the backend to save the workshop file, naming no path", async () => {
    const calls = recordCommands((cmd) => (cmd === "export_workshop_json" ? SAVED : null));
    render(
      <WorkshopHarness data={workshopData({ workshop: workshopRecord({ id: "w1", title: "Offsite" }) })}>
        <ReportStep />
        <Toasts />
      </WorkshopHarness>,
    );
    await userEvent.click(screen.getByTestId("export-json"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "export_workshop_json")?.args).toEqual({ id: "w1" }));
    expect(await screen.findByText("Saved the workshop file to /home/ana/Offsite.json")).toBeInTheDocument();
  });

  it("opens a saved file only by the token the backend gave for it", async () => {
    const calls = recordCommands((cmd) => (cmd === "export_workshop_json" ? SAVED : null));
    render(
      <WorkshopHarness data={workshopData({ workshop: workshopRecord({ id: "w1", title: "Offsite" }) })}>
        <ReportStep />
        <Toasts />
      </WorkshopHarness>,
    );
    await userEvent.click(screen.getByTestId("export-json"));
    await userEvent.click(await screen.findByRole("button", { name: "Open" }));
    await waitFor(() => expect(calls.find((c) => c.cmd === "open_saved_file")?.args).toEqual({ token: "t-1" }));
  });

  it("says nothing was saved when the save dialog is cancelled", async () => {
    const calls = recordCommands(() => null);
    render(
      <WorkshopHarness data={workshopData()}>
        <ReportStep />
        <Toasts />
      </WorkshopHarness>,
    );
    await userEvent.click(screen.getByTestId("export-json"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "export_workshop_json")).toBe(true));
    expect(screen.queryByText(/Saved/)).toBeNull();
  });

  it("saves the PDF report on the chosen paper", async () => {
    const calls = recordCommands((cmd) => (cmd === "export_workshop_pdf" ? { ...SAVED, name: "Offsite.pdf", path: "/home/ana/Offsite.pdf" } : null));
    render(
      <WorkshopHarness data={workshopData({ workshop: workshopRecord({ id: "w1", title: "Offsite" }) })}>
        <ReportStep />
        <Toasts />
      </WorkshopHarness>,
    );
    await userEvent.selectOptions(screen.getByTestId("report-paper"), "letter");
    await userEvent.click(screen.getByTestId("export-pdf"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "export_workshop_pdf")?.args).toEqual({ id: "w1", paper: "letter" }));
  });

  it("tells the facilitator a place that cannot be written, by the refusal's code", async () => {
    recordCommands((cmd) => {
      if (cmd === "export_workshop_pdf") throw refused("writeFailed", "", "could not write /media/usb/Offsite.pdf: read-only file system");
      return null;
    });
    render(
      <WorkshopHarness data={workshopData()}>
        <ReportStep />
        <Toasts />
      </WorkshopHarness>,
    );
    await userEvent.click(screen.getByTestId("export-pdf"));
    expect(await screen.findByText(/Could not write \/media\/usb\/Offsite.pdf: read-only file system/)).toBeInTheDocument();
  });
});
