import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { category, need, workshopData } from "../../test/workshopFixture";
import { groupByMeasure, normaliseMeasure } from "./model";
import { families, measured, shops, showNeeds } from "./testKit";

const cafes = category("c3", "Cafés");

describe("the aggregated view", () => {
  it("the aggregated view groups needs with the same measure across categories", async () => {
    const a = measured("n1", "c1", "Families get orders in the slot", "Orders in slot");
    const b = measured("n2", "c2", "Shops get orders in the slot", "  orders   IN slot ");
    showNeeds(workshopData({ categories: [families, shops], needs: [a, b] }));
    await userEvent.click(screen.getByTestId("needs-view-aggregated"));
    const [group, ...rest] = screen.getAllByTestId("need-group");
    expect(rest).toEqual([]);
    expect(group).toHaveAttribute("data-measure", "Orders in slot");
    expect(group).toHaveTextContent("2 categories: Young families, Small shops");
    expect(within(group).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      expect.stringContaining("Families get orders in the slot"),
      expect.stringContaining("Shops get orders in the slot"),
    ]);
  });

  it("lists the measures shared by the most categories first", async () => {
    const needs = [
      measured("n1", "c1", "Invoices paid", "invoices paid on time"),
      measured("n2", "c1", "Fresh bread", "fresh at 7:00"),
      measured("n3", "c2", "Fresh rolls", "Fresh at 7:00"),
      measured("n4", "c3", "Fresh croissants", "fresh at 7:00"),
    ];
    showNeeds(workshopData({ categories: [families, shops, cafes], needs }));
    await userEvent.click(screen.getByTestId("needs-view-aggregated"));
    expect(screen.getAllByTestId("need-group").map((g) => [g.dataset.measure, g.dataset.categories])).toEqual([
      ["fresh at 7:00", "3"],
      ["invoices paid on time", "1"],
    ]);
  });

  it("says how many needs have no measure to compare yet", async () => {
    showNeeds(workshopData({ categories: [families], needs: [need("n1", "c1", "Be nicer")] }));
    await userEvent.click(screen.getByTestId("needs-view-aggregated"));
    expect(screen.getByTestId("needs-aggregated")).toHaveTextContent("1 need has no measure yet");
    expect(screen.getByTestId("need-groups-empty")).toBeInTheDocument();
  });

  it("the toggle goes back to the needs by category", async () => {
    showNeeds(workshopData({ categories: [families] }));
    const toggle = screen.getByTestId("needs-view-aggregated");
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(screen.queryByTestId("needs-category")).toBeNull();
    await userEvent.click(toggle);
    expect(screen.getByTestId("needs-category")).toBeInTheDocument();
  });

  it("normalises a measure by trimming, lowercasing and collapsing spaces", () => {
    expect(normaliseMeasure("  Orders\t in   SLOT ")).toBe("orders in slot");
    expect(groupByMeasure([measured("n1", "c1", "x", "   ")])).toEqual([]);
  });
});
