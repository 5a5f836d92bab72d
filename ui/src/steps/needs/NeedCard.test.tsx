import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Need } from "../../bindings";
import { need, recordCommands, smart, workshopData } from "../../test/workshopFixture";
import { ana, ben, families, showNeeds } from "./testKit";

function showCard(one: Need) {
  showNeeds(workshopData({ categories: [families], stakeholders: [ana, ben], needs: [one] }));
  return screen.getByTestId("need-card");
}

const agreementSent = (calls: ReturnType<typeof recordCommands>) =>
  calls.filter((c) => c.cmd === "set_need_agreement").map((c) => c.args.agreement);

describe("a need's card", () => {
  it("the badge shows which letters hold", () => {
    const card = showCard(need("n1", "c1", "Faster delivery", { smart: smart({ measurable: "No target.", timeBound: "No date." }), eligible: false }));
    const holds = ["S", "M", "A", "R", "T"].map((l) => within(card).getByTestId(`smart-letter-${l}`).dataset.holds);
    expect(holds).toEqual(["true", "false", "true", "true", "false"]);
  });

  it("a failing Measurable part shows its reason on the card", () => {
    const card = showCard(need("n1", "c1", "Faster delivery", { smart: smart({ measurable: "The target needs a number." }), eligible: false }));
    expect(within(card).getByTestId("smart-reasons")).toHaveTextContent("Measurable: The target needs a number.");
  });

  it("a need whose five parts hold lists no reasons", () => {
    const card = showCard(need("n1", "c1", "Orders in the slot"));
    expect(within(card).queryByTestId("smart-reasons")).toBeNull();
  });

  it("a need that is SMART and agreed says it goes to the vote", () => {
    const card = showCard(need("n1", "c1", "Orders in the slot"));
    expect(card).toHaveAttribute("data-eligible", "true");
    expect(card).toHaveTextContent("Goes to the vote");
  });

  it("a need not ready yet says which letters to fix and that it needs agreement", () => {
    const card = showCard(need("n1", "c1", "Faster delivery", { smart: smart({ specific: "Vague.", measurable: "No target." }), agreement: { kind: "pending" }, eligible: false }));
    expect(card).toHaveAttribute("data-eligible", "false");
    expect(within(card).getByTestId("vote-readiness")).toHaveTextContent("Not yet: fix S, M · needs agreement");
  });

  it("recording consensus sends the agreement", async () => {
    const calls = recordCommands();
    showCard(need("n1", "c1", "Orders in the slot", { agreement: { kind: "pending" } }));
    await userEvent.click(screen.getByTestId("agree-consensus"));
    await waitFor(() => expect(calls).toContainEqual({ cmd: "set_need_agreement", args: { workshopId: "w1", id: "n1", agreement: { kind: "consensus" } } }));
  });

  it("recording objections sends the objecting stakeholders and the note", async () => {
    const calls = recordCommands();
    showCard(need("n1", "c1", "Orders in the slot", { agreement: { kind: "pending" } }));
    await userEvent.click(screen.getByTestId("agree-objections"));
    const benBox = screen.getAllByTestId("objector").find((b) => b.dataset.name === "Ben");
    if (!benBox) throw new Error("Ben is listed");
    await userEvent.click(benBox);
    await userEvent.type(screen.getByTestId("objection-note"), "too costly{Enter}");
    await waitFor(() => expect(agreementSent(calls)).toEqual([{ kind: "objections", objectorIds: ["p2"], note: "too costly" }]));
    expect(screen.queryByTestId("objection-note")).toBeNull();
  });

  it("objections name the objecting stakeholders on the card", () => {
    const card = showCard(need("n1", "c1", "Orders in the slot", { agreement: { kind: "objections", objectorIds: ["p1", "p2"], note: "not this year" }, eligible: false }));
    expect(within(card).getByTestId("agreement-status")).toHaveTextContent("Objections from Ana, Ben: not this year");
    expect(within(card).getByTestId("vote-readiness")).toHaveTextContent("objections to resolve");
  });

  it("Escape closes the objections form without recording anything", async () => {
    const calls = recordCommands();
    showCard(need("n1", "c1", "Orders in the slot"));
    await userEvent.click(screen.getByTestId("agree-objections"));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByTestId("objection-note")).toBeNull();
    expect(screen.getByTestId("agree-objections")).toHaveFocus();
    expect(agreementSent(calls)).toEqual([]);
  });

  it("Reject records the rejection at once, and the room's reason can follow", async () => {
    const calls = recordCommands();
    showCard(need("n1", "c1", "Orders in the slot"));
    await userEvent.click(screen.getByTestId("agree-reject"));
    await waitFor(() => expect(agreementSent(calls)).toEqual([{ kind: "rejected", note: "" }]));
    await userEvent.type(screen.getByTestId("reject-note"), "duplicate{Enter}");
    await waitFor(() => expect(agreementSent(calls)).toEqual([{ kind: "rejected", note: "" }, { kind: "rejected", note: "duplicate" }]));
  });

  it("Pending puts a decided need back to pending", async () => {
    const calls = recordCommands();
    const card = showCard(need("n1", "c1", "Orders in the slot", { agreement: { kind: "rejected", note: "later" }, eligible: false }));
    expect(within(card).getByTestId("agreement-status")).toHaveTextContent("Rejected: later");
    await userEvent.click(within(card).getByTestId("agree-pending"));
    await waitFor(() => expect(agreementSent(calls)).toEqual([{ kind: "pending" }]));
  });

  it("the current agreement is shown pressed", () => {
    const card = showCard(need("n1", "c1", "Orders in the slot"));
    expect(within(card).getByTestId("agree-consensus")).toHaveAttribute("aria-pressed", "true");
    expect(within(card).getByTestId("agree-pending")).toHaveAttribute("aria-pressed", "false");
  });

  it("shows the measure from today to the target without doubling a typed unit", () => {
    const base = need("n1", "c1", "Orders in the slot");
    const card = showCard({ ...base, details: { ...base.details, measure: "orders in slot", unit: "%", baseline: "78", target: "95%" } });
    expect(card).toHaveTextContent("Measure: orders in slot · 78% → 95%");
    expect(card).not.toHaveTextContent("95%%");
  });
});
