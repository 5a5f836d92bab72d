import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { category, need, needInput, recordCommands, smart, stakeholder, workshopData, WorkshopHarness } from "../../test/workshopFixture";
import type { WorkshopData } from "../../bindings";
import { NeedsPage } from "./NeedsPage";
import { groupByMeasure } from "./AggregatedNeeds";

function show(data: WorkshopData) {
  render(
    <WorkshopHarness data={data}>
      <NeedsPage />
    </WorkshopHarness>,
  );
}

const families = category("c1", "Young families", { priority: true });
const shops = category("c2", "Small shops");

describe("the SMART needs step", () => {
  it("groups needs under their customer category", () => {
    show(workshopData({ categories: [families, shops], needs: [need("n1", "c2", "Invoices paid on time")] }));
    const section = screen.getAllByTestId("needs-category").find((s) => s.dataset.name === "Small shops");
    expect(section && within(section).getByTestId("need-card")).toHaveAttribute("data-statement", "Invoices paid on time");
  });

  it("shows which SMART letters hold and why the others do not", () => {
    const failing = need("n1", "c1", "Faster delivery", {
      smart: smart({ measurable: "Measurable needs a number in the target", specific: "“faster” is vague: say by how much" }),
      eligible: false,
    });
    show(workshopData({ categories: [families], needs: [failing] }));
    const card = screen.getByTestId("need-card");
    expect(within(card).getByTestId("smart-letter-M")).toHaveAttribute("data-holds", "false");
    expect(within(card).getByTestId("smart-letter-A")).toHaveAttribute("data-holds", "true");
    expect(within(card).getByTestId("smart-reasons")).toHaveTextContent("Measurable needs a number in the target");
    expect(card).toHaveTextContent("Not yet: fix S, M");
  });

  it("says a SMART and agreed need goes to the vote", () => {
    show(workshopData({ categories: [families], needs: [need("n1", "c1", "Orders in the slot")] }));
    expect(screen.getByTestId("need-card")).toHaveAttribute("data-eligible", "true");
    expect(screen.getByTestId("need-card")).toHaveTextContent("Goes to the vote");
  });

  it("saving the form sends the statement and every SMART part", async () => {
    const calls = recordCommands();
    show(workshopData({ categories: [families] }));
    await userEvent.click(screen.getByTestId("add-need"));
    await userEvent.type(screen.getByTestId("need-statement"), "Orders arrive in the slot");
    await userEvent.type(screen.getByTestId("need-target"), "95%");
    await userEvent.type(screen.getByTestId("need-time"), "by 2027-06-30");
    await userEvent.click(screen.getByTestId("need-achievable-confirmed"));
    await userEvent.click(screen.getByTestId("need-save"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "add_need")).toBeDefined());
    const input = calls.find((c) => c.cmd === "add_need")?.args.input as Record<string, unknown>;
    expect(input).toMatchObject({ categoryId: "c1", statement: "Orders arrive in the slot", target: "95%", timeBound: "by 2027-06-30", achievableConfirmed: true });
  });

  it("a refused save keeps what was typed and shows the message", async () => {
    recordCommands(() => {
      throw { kind: "invalid", data: { field: "statement", message: "must not be empty" } };
    });
    show(workshopData({ categories: [families] }));
    await userEvent.click(screen.getByTestId("add-need"));
    await userEvent.type(screen.getByTestId("need-measure"), "orders in slot");
    await userEvent.click(screen.getByTestId("need-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Statement must not be empty.");
    expect(screen.getByTestId("need-measure")).toHaveValue("orders in slot");
  });

  it("recording consensus sends the agreement", async () => {
    const calls = recordCommands();
    show(workshopData({ categories: [families], needs: [need("n1", "c1", "Orders in the slot", { agreement: { kind: "pending" } })] }));
    await userEvent.click(screen.getByTestId("agree-consensus"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "set_need_agreement")?.args).toEqual({ workshopId: "w1", id: "n1", agreement: { kind: "consensus" } }));
  });

  it("objections name the objecting stakeholders", async () => {
    const calls = recordCommands();
    show(workshopData({ categories: [families], stakeholders: [stakeholder("p1", "Ana"), stakeholder("p2", "Ben")], needs: [need("n1", "c1", "Orders in the slot")] }));
    await userEvent.click(screen.getByTestId("agree-objections"));
    const ben = screen.getAllByTestId("objector").find((b) => b.dataset.name === "Ben");
    if (!ben) throw new Error("Ben is listed");
    await userEvent.click(ben);
    await userEvent.type(screen.getByTestId("objection-note"), "too costly");
    await userEvent.click(screen.getByTestId("objections-save"));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "set_need_agreement")?.args.agreement).toEqual({ kind: "objections", objectorIds: ["p2"], note: "too costly" }),
    );
  });

  it("the aggregated view groups needs with the same measure across categories", async () => {
    const a = need("n1", "c1", "Families get orders in the slot", { details: { ...needInput("c1", "Families get orders in the slot"), measure: "Orders in slot" } });
    const b = need("n2", "c2", "Shops get orders in the slot", { details: { ...needInput("c2", "Shops get orders in the slot"), measure: "  orders   in slot " } });
    const c = need("n3", "c2", "Invoices paid", { details: { ...needInput("c2", "Invoices paid"), measure: "invoices paid on time" } });
    show(workshopData({ categories: [families, shops], needs: [c, a, b] }));
    await userEvent.click(screen.getByTestId("needs-view-aggregated"));
    const groups = screen.getAllByTestId("need-group");
    expect(groups[0]).toHaveTextContent("2 categories: Young families, Small shops");
    expect(groups).toHaveLength(2);
    expect(groupByMeasure([a, b, c])[0].needs.map((n) => n.id)).toEqual(["n1", "n2"]);
  });

  it("explains that categories come first when there are none", () => {
    show(workshopData());
    expect(screen.getByTestId("needs-no-categories")).toHaveTextContent("add at least one category");
  });
});
