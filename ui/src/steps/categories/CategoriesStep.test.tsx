import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WorkshopData } from "../../bindings";
import { Toasts } from "../../common/status";
import { category, recordCommands, workshopData, WorkshopHarness } from "../../test/workshopFixture";
import { CategoriesStep } from "./CategoriesStep";
import { refused } from "../../test/refusals";

function renderPage(data: WorkshopData) {
  return render(
    <WorkshopHarness data={data}>
      <CategoriesStep />
      <Toasts />
    </WorkshopHarness>,
  );
}

const callsTo = (calls: { cmd: string; args: Record<string, unknown> }[], cmd: string) => calls.filter((c) => c.cmd === cmd);

describe("the customer categories page", () => {
  it("adds a category on Enter, clears the line and keeps focus for the next one", async () => {
    const calls = recordCommands();
    renderPage(workshopData());
    const input = screen.getByTestId("category-name-input");
    await userEvent.type(input, "Young families{Enter}");
    await waitFor(() => expect(callsTo(calls, "add_category")).toHaveLength(1));
    expect(callsTo(calls, "add_category")[0].args).toEqual({
      workshopId: "w1",
      input: { name: "Young families", description: "", whyBest: "", reasons: [], size: "", value: "", priority: false },
    });
    expect(input).toHaveValue("");
    expect(input).toHaveFocus();
  });

  it("shows the backend's message when the name is empty", async () => {
    recordCommands((cmd) => {
      if (cmd === "add_category") throw refused("empty", "name", "must not be empty");
      return null;
    });
    renderPage(workshopData());
    await userEvent.type(screen.getByTestId("category-name-input"), "{Enter}");
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Name must not be empty.");
  });

  it("says at least one category is needed when there is none", () => {
    recordCommands();
    renderPage(workshopData());
    expect(screen.getByTestId("categories-empty")).toHaveTextContent("At least one is needed to go on");
    expect(screen.queryAllByTestId("category-row")).toHaveLength(0);
  });

  it("shows a category's description, why, reasons and figures, as text", () => {
    recordCommands();
    renderPage(workshopData({
      categories: [category("c1", "<i>Families</i>", { description: "Weekly shoppers", whyBest: "They stay for years", reasons: ["loyalty", "value"], size: "400k", value: "60% of revenue" })],
    }));
    const card = screen.getByTestId("category-row");
    expect(card).toHaveAttribute("data-name", "<i>Families</i>");
    expect(within(card).getByRole("heading")).toHaveTextContent("<i>Families</i>");
    expect(card.querySelector("i")).toBeNull();
    expect(card).toHaveTextContent("Weekly shoppers");
    expect(card).toHaveTextContent("They stay for years");
    expect(within(card).getByRole("list", { name: "Reasons" })).toHaveTextContent("ValueLoyalty");
    expect(card).toHaveTextContent("400k");
    expect(card).toHaveTextContent("60% of revenue");
  });

  it("gently asks why when a category is starred as best customers without a why", () => {
    recordCommands();
    renderPage(workshopData({
      categories: [category("c1", "Families", { priority: true }), category("c2", "Students", { priority: true, reasons: ["growth"] }), category("c3", "Retirees")],
    }));
    const [families, students, retirees] = screen.getAllByTestId("category-row");
    expect(within(families).getByTestId("category-why-hint")).toHaveTextContent("say why");
    expect(within(students).queryByTestId("category-why-hint")).toBeNull();
    expect(within(retirees).queryByTestId("category-why-hint")).toBeNull();
  });

  it("stars a category straight from its card", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ categories: [category("c1", "Families", { whyBest: "Loyal" })] }));
    await userEvent.click(screen.getByTestId("category-priority"));
    await waitFor(() => expect(callsTo(calls, "update_category")).toHaveLength(1));
    expect(callsTo(calls, "update_category")[0].args).toMatchObject({ id: "c1", input: { name: "Families", whyBest: "Loyal", priority: true } });
  });

  it("saves the why, reason toggles, figures and star from the edit form", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ categories: [category("c1", "Families")] }));
    await userEvent.click(screen.getByTestId("category-edit"));
    expect(screen.getByTestId("category-description-input")).toHaveFocus();
    await userEvent.type(screen.getByTestId("category-description-input"), "Weekly shoppers");
    await userEvent.type(screen.getByTestId("category-why-input"), "They stay for years");
    await userEvent.click(screen.getByTestId("category-reason-strategic_fit"));
    await userEvent.click(screen.getByTestId("category-reason-loyalty"));
    await userEvent.click(screen.getByTestId("category-reason-value"));
    await userEvent.click(screen.getByTestId("category-reason-value"));
    expect(screen.getByTestId("category-reason-loyalty")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("category-reason-value")).toHaveAttribute("aria-pressed", "false");
    await userEvent.type(screen.getByTestId("category-size-input"), "400k");
    await userEvent.type(screen.getByTestId("category-value-input"), "60%");
    await userEvent.click(screen.getByTestId("category-priority"));
    await userEvent.click(screen.getByTestId("category-save"));
    await waitFor(() => expect(callsTo(calls, "update_category")).toHaveLength(1));
    expect(callsTo(calls, "update_category")[0].args).toEqual({
      workshopId: "w1",
      id: "c1",
      input: { name: "Families", description: "Weekly shoppers", whyBest: "They stay for years", reasons: ["loyalty", "strategic_fit"], size: "400k", value: "60%", priority: true },
    });
    await waitFor(() => expect(screen.queryByTestId("category-save")).toBeNull());
    expect(screen.getByTestId("category-edit")).toHaveFocus();
  });

  it("shows a refused edit beside its field and keeps the form open", async () => {
    recordCommands((cmd) => {
      if (cmd === "update_category") throw refused("tooLong", "whyBest", "is 2001 characters long; the limit is 2000");
      return null;
    });
    renderPage(workshopData({ categories: [category("c1", "Families")] }));
    await userEvent.click(screen.getByTestId("category-edit"));
    await userEvent.type(screen.getByTestId("category-why-input"), "x");
    await userEvent.click(screen.getByTestId("category-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Why is 2001 characters long; the limit is 2000.");
    expect(screen.getByTestId("category-why-input")).toHaveAttribute("aria-invalid", "true");
  });

  it("moves a category up, sending the new order", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ categories: [category("c1", "Families"), category("c2", "Students"), category("c3", "Retirees")] }));
    const rows = screen.getAllByTestId("category-row");
    expect(within(rows[2]).getByTestId("category-down")).toBeDisabled();
    await userEvent.click(within(rows[2]).getByTestId("category-up"));
    await waitFor(() => expect(callsTo(calls, "reorder_categories")).toHaveLength(1));
    expect(callsTo(calls, "reorder_categories")[0].args).toEqual({ workshopId: "w1", ids: ["c1", "c3", "c2"] });
  });

  it("removes a category at once and says so, pointing at undo", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ categories: [category("c1", "Families")] }));
    await userEvent.click(screen.getByTestId("category-remove"));
    await waitFor(() => expect(callsTo(calls, "remove_category")[0]?.args).toEqual({ workshopId: "w1", id: "c1" }));
    expect(await screen.findByText("Removed “Families”. Press Ctrl+Z to undo.")).toBeInTheDocument();
  });
});
