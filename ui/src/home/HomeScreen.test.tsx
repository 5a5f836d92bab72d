import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../App";
import { callsOf, installFakeBackend, workshop } from "../test/fakeBackend";
import { refused } from "../test/refusals";

describe("the home screen", () => {
  it("lists each workshop with its organisation, date and the step it is at", async () => {
    installFakeBackend([
      workshop({ title: "Growth offsite", organisation: "Acme", date: "2026-11-23", currentStep: "needs" }),
    ]);
    render(<App />);
    const card = await screen.findByTestId("workshop-card");
    expect(within(card).getByText("Growth offsite")).toBeInTheDocument();
    expect(within(card).getByText("Acme · 23 Nov 2026")).toBeInTheDocument();
    expect(within(card).getByTestId("card-step")).toHaveTextContent("Step 3 of 6 · SMART needs");
  });

  it("offers to create the first workshop when there is none", async () => {
    installFakeBackend([]);
    render(<App />);
    expect(await screen.findByTestId("empty-home")).toHaveTextContent("No workshops yet");
  });

  it("creates a workshop from the form and opens it", async () => {
    const backend = installFakeBackend([]);
    render(<App />);
    await userEvent.click(await screen.findByTestId("new-workshop"));
    await userEvent.type(screen.getByTestId("workshop-title-input"), "Q3 North Star");
    await userEvent.click(screen.getByTestId("workshop-form-submit"));
    expect(await screen.findByTestId("workshop-title")).toHaveTextContent("Q3 North Star");
    expect(callsOf(backend, "create_workshop")[0].args.input).toMatchObject({ title: "Q3 North Star" });
  });

  it("shows the backend's message when the title is empty, and stays on the form", async () => {
    installFakeBackend([]);
    render(<App />);
    await userEvent.click(await screen.findByTestId("new-workshop"));
    await userEvent.click(screen.getByTestId("workshop-form-submit"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Title must not be empty.");
    expect(screen.getByTestId("workshop-title-input")).toHaveAttribute("aria-invalid", "true");
  });

  it("deletes only after the facilitator confirms, then offers undo", async () => {
    const backend = installFakeBackend([workshop({ id: "w1", title: "Doomed" })]);
    render(<App />);
    await userEvent.click(await screen.findByTestId("delete-workshop"));
    expect(callsOf(backend, "delete_workshop")).toHaveLength(0);
    await userEvent.click(screen.getByTestId("confirm"));
    await waitFor(() => expect(callsOf(backend, "delete_workshop")).toHaveLength(1));
    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(() => expect(callsOf(backend, "undo")[0]?.args.scope).toEqual({ kind: "library" }));
  });

  it("renders a title as text, never as markup", async () => {
    installFakeBackend([workshop({ title: "<img src=x onerror=alert(1)>" })]);
    render(<App />);
    const card = await screen.findByTestId("workshop-card");
    expect(within(card).getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
    expect(card.querySelector("img")).toBeNull();
  });

  it("explains a database it could not open instead of showing workshops", async () => {
    installFakeBackend([], "this database was written by a newer version of Lodestar");
    render(<App />);
    expect(await screen.findByTestId("startup-error")).toHaveTextContent("newer version of Lodestar");
  });
});

describe("files and the example on the home screen", () => {
  it("opens a fresh copy of the example workshop", async () => {
    const backend = installFakeBackend([]);
    render(<App />);
    await userEvent.click(await screen.findByTestId("open-example"));
    expect(await screen.findByTestId("workshop-title")).toHaveTextContent("Harbour Foods North Star offsite");
    expect(callsOf(backend, "open_example")).toHaveLength(1);
  });

  it("imports the chosen file as a new workshop", async () => {
    const backend = installFakeBackend([]);
    render(<App />);
    await userEvent.click(await screen.findByTestId("import-workshop"));
    // The webview names no path: the backend asks and reads.
    await waitFor(() => expect(callsOf(backend, "import_workshop_json")[0]?.args).toEqual({}));
    expect(await screen.findByText("Imported “Imported offsite” as a new workshop.")).toBeInTheDocument();
  });

  it("does nothing when the open dialog is cancelled", async () => {
    const backend = installFakeBackend([]);
    backend.importCancelled = true;
    render(<App />);
    await userEvent.click(await screen.findByTestId("import-workshop"));
    await waitFor(() => expect(callsOf(backend, "import_workshop_json")).toHaveLength(1));
    expect(screen.queryByText(/Imported/)).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("names the JSON path of what is wrong in a refused file", async () => {
    const backend = installFakeBackend([]);
    backend.fail.import_workshop_json = refused("fileInvalid", "stakeholders[3].name", "must not be empty");
    render(<App />);
    await userEvent.click(await screen.findByTestId("import-workshop"));
    expect(await screen.findByRole("alert")).toHaveTextContent("This file cannot be imported: stakeholders[3].name: must not be empty");
  });

  it("says a file from a newer Lodestar needs the newer app, chosen by its code", async () => {
    const backend = installFakeBackend([]);
    backend.fail.import_workshop_json = refused("fileFromNewerVersion", "version", "this file is format version 9, written by a newer Lodestar");
    render(<App />);
    await userEvent.click(await screen.findByTestId("import-workshop"));
    expect(await screen.findByRole("alert")).toHaveTextContent("This file cannot be imported: version: this file is format version 9");
  });
});
