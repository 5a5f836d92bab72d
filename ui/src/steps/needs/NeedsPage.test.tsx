import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { need, recordCommands, workshopData } from "../../test/workshopFixture";
import { families, shops, showNeeds } from "./testKit";

const section = (name: string) => {
  const found = screen.getAllByTestId("needs-category").find((s) => s.dataset.name === name);
  if (!found) throw new Error(`no section for ${name}`);
  return found;
};

describe("the SMART needs page", () => {
  it("explains that categories come first when there are none", () => {
    showNeeds(workshopData());
    expect(screen.getByTestId("needs-no-categories")).toHaveTextContent("add at least one category in step 2 first");
    expect(screen.queryByTestId("add-need")).toBeNull();
  });

  it("shows each need in the section of its customer category", () => {
    showNeeds(workshopData({ categories: [families, shops], needs: [need("n1", "c2", "Invoices paid on time")] }));
    expect(within(section("Small shops")).getByTestId("need-card")).toHaveAttribute("data-statement", "Invoices paid on time");
    expect(within(section("Young families")).queryByTestId("need-card")).toBeNull();
  });

  it("lists the best customer categories first", () => {
    showNeeds(workshopData({ categories: [families, shops] }));
    expect(screen.getAllByTestId("needs-category").map((s) => s.dataset.name)).toEqual(["Small shops", "Young families"]);
  });

  it("counts the needs that go to the vote", () => {
    const notYet = need("n2", "c1", "Fresh bread", { eligible: false, agreement: { kind: "pending" } });
    showNeeds(workshopData({ categories: [families], needs: [need("n1", "c1", "Orders in the slot"), notYet] }));
    expect(screen.getByTestId("needs-summary")).toHaveTextContent("2 needs · 1 goes to the vote");
  });

  it("Add need opens the form for that section's category", async () => {
    showNeeds(workshopData({ categories: [families, shops] }));
    await userEvent.click(within(section("Young families")).getByTestId("add-need"));
    expect(screen.getByTestId("need-form")).toHaveAccessibleName("New need · Young families");
    expect(screen.getByTestId("need-category")).toHaveValue("c1");
    expect(screen.getByTestId("need-statement")).toHaveFocus();
  });

  it("closing the form gives the focus back to the button that opened it", async () => {
    showNeeds(workshopData({ categories: [families] }));
    await userEvent.click(screen.getByTestId("add-need"));
    await userEvent.click(screen.getByTestId("need-cancel"));
    expect(screen.queryByTestId("need-form")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("add-need")).toHaveFocus());
  });

  it("removing a need sends it to the backend at once and says Ctrl+Z undoes it", async () => {
    const calls = recordCommands();
    showNeeds(workshopData({ categories: [families], needs: [need("n1", "c1", "Orders in the slot")] }));
    await userEvent.click(screen.getByTestId("need-remove"));
    await waitFor(() => expect(calls).toContainEqual({ cmd: "remove_need", args: { workshopId: "w1", id: "n1" } }));
    expect(await screen.findByText("Removed “Orders in the slot”. Press Ctrl+Z to undo.")).toBeInTheDocument();
  });
});
