import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { App } from "../App";
import { callsOf, installFakeBackend, workshop } from "../test/fakeBackend";

async function openWorkshop() {
  const backend = installFakeBackend([workshop({ id: "w1", title: "Offsite", currentStep: "categories" })]);
  render(<App />);
  await userEvent.click(await screen.findByTestId("open-workshop"));
  await screen.findByTestId("workshop-title");
  return backend;
}

describe("an open workshop", () => {
  it("highlights the step the workshop is at on the rail", async () => {
    await openWorkshop();
    expect(screen.getByTestId("step-categories")).toHaveAttribute("aria-current", "step");
    expect(screen.getByTestId("step-stakeholders")).not.toHaveAttribute("aria-current");
    expect(screen.getByTestId("current-step-title")).toHaveTextContent("Customer categories");
  });

  it("stores a move to another step through the backend", async () => {
    const backend = await openWorkshop();
    await userEvent.click(screen.getByTestId("step-vote"));
    await waitFor(() => expect(screen.getByTestId("step-vote")).toHaveAttribute("aria-current", "step"));
    expect(callsOf(backend, "set_current_step")[0].args).toEqual({ id: "w1", step: "vote" });
  });

  it("opens another step at its top, not where the previous step was scrolled to", async () => {
    await openWorkshop();
    // jsdom has no layout: the step's page starts 200 px down the document, seen from 500 px down.
    const rect = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      return { top: this.dataset.testid === "step-page" ? -300 : 0 } as DOMRect;
    });
    try {
      document.documentElement.scrollTop = 500;
      await userEvent.click(screen.getByTestId("step-vote"));
      await waitFor(() => expect(screen.getByTestId("current-step-title")).toHaveTextContent("Vote"));
      expect(document.documentElement.scrollTop).toBe(200);
    } finally {
      rect.mockRestore();
      document.documentElement.scrollTop = 0;
    }
  });

  it("undoes in the workshop's own history with Ctrl+Z", async () => {
    const backend = await openWorkshop();
    await waitFor(() => expect(screen.getByTestId("undo")).toBeEnabled());
    fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(callsOf(backend, "undo")).toHaveLength(1));
    expect(callsOf(backend, "undo")[0].args.scope).toEqual({ kind: "workshop", id: "w1" });
  });

  it("leaves Ctrl+Z to a text field being edited", async () => {
    const backend = await openWorkshop();
    await userEvent.click(screen.getByTestId("edit-details"));
    const input = screen.getByTestId("workshop-title-input");
    fireEvent.keyDown(input, { key: "z", ctrlKey: true });
    expect(callsOf(backend, "undo")).toHaveLength(0);
  });

  it("goes back to the list", async () => {
    await openWorkshop();
    await userEvent.click(screen.getByTestId("back-home"));
    expect(await screen.findByTestId("workshop-card")).toBeInTheDocument();
  });
});
