import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { need, needInput, recordCommands, smart, workshopData } from "../../test/workshopFixture";
import { families, shops, showNeeds } from "./testKit";
import { refused } from "../../test/refusals";

const sent = (calls: ReturnType<typeof recordCommands>, cmd: string) => calls.find((c) => c.cmd === cmd)?.args;

describe("the need form", () => {
  it("saving the form sends every SMART part", async () => {
    const calls = recordCommands();
    showNeeds(workshopData({ categories: [families] }));
    await userEvent.click(screen.getByTestId("add-need"));
    const typed: Record<string, string> = {
      "need-statement": "Orders arrive in the slot", "need-who": "families", "need-what": "orders on time",
      "need-measure": "orders in slot", "need-unit": "%", "need-baseline": "60", "need-target": "95",
      "need-how": "new routing", "need-owner": "Ops", "need-achievable-reason": "pilot did it",
      "need-relevant": "top complaint", "need-relevant-reason": "survey", "need-time": "by 2027-06-30",
    };
    for (const [testId, text] of Object.entries(typed)) await userEvent.type(screen.getByTestId(testId), text);
    await userEvent.click(screen.getByTestId("need-achievable-confirmed"));
    await userEvent.click(screen.getByTestId("need-relevant-confirmed"));
    await userEvent.click(screen.getByTestId("need-save"));
    await waitFor(() => expect(sent(calls, "add_need")).toBeDefined());
    expect(sent(calls, "add_need")).toEqual({
      workshopId: "w1",
      input: {
        categoryId: "c1", statement: "Orders arrive in the slot", specificWho: "families", specificWhat: "orders on time",
        measure: "orders in slot", unit: "%", baseline: "60", target: "95", achievableHow: "new routing", owner: "Ops",
        achievableConfirmed: true, achievableReason: "pilot did it", relevantLink: "top complaint", relevantConfirmed: true,
        relevantReason: "survey", timeBound: "by 2027-06-30",
      },
    });
    await waitFor(() => expect(screen.queryByTestId("need-form")).toBeNull());
  });

  it("a refused save keeps the typed text, shows the message and points at the field", async () => {
    recordCommands(() => {
      throw refused("empty", "statement", "must not be empty");
    });
    showNeeds(workshopData({ categories: [families] }));
    await userEvent.click(screen.getByTestId("add-need"));
    await userEvent.type(screen.getByTestId("need-measure"), "orders in slot");
    await userEvent.click(screen.getByTestId("need-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Statement must not be empty.");
    expect(screen.getByTestId("need-measure")).toHaveValue("orders in slot");
    expect(screen.getByTestId("need-statement")).toHaveFocus();
    expect(screen.getByTestId("need-statement")).toHaveAttribute("aria-invalid", "true");
  });

  it("editing fills the form with the need and sends the change for that need", async () => {
    const calls = recordCommands();
    const saved = need("n7", "c1", "Orders in the slot", { details: { ...needInput("c1", "Orders in the slot"), target: "much more" } });
    showNeeds(workshopData({ categories: [families, shops], needs: [saved] }));
    await userEvent.click(screen.getByTestId("need-edit"));
    expect(screen.getByTestId("need-statement")).toHaveValue("Orders in the slot");
    await userEvent.clear(screen.getByTestId("need-target"));
    await userEvent.type(screen.getByTestId("need-target"), "80");
    await userEvent.selectOptions(screen.getByTestId("need-category"), "c2");
    await userEvent.click(screen.getByTestId("need-save"));
    await waitFor(() => expect(sent(calls, "update_need")).toMatchObject({ workshopId: "w1", id: "n7", input: { target: "80", categoryId: "c2" } }));
  });

  it("shows, in each part, why the saved need does not pass it yet", async () => {
    const vague = need("n1", "c1", "Faster delivery", { smart: smart({ measurable: "The target needs a number." }), eligible: false });
    showNeeds(workshopData({ categories: [families], needs: [vague] }));
    await userEvent.click(screen.getByTestId("need-edit"));
    expect(screen.getByTestId("need-part-M")).toHaveTextContent("The target needs a number.");
    expect(screen.getByTestId("need-part-S")).not.toHaveTextContent("The target needs a number.");
  });

  it("Ctrl+Enter saves from anywhere in the form", async () => {
    const calls = recordCommands();
    showNeeds(workshopData({ categories: [families] }));
    await userEvent.click(screen.getByTestId("add-need"));
    await userEvent.type(screen.getByTestId("need-statement"), "Orders in the slot");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(sent(calls, "add_need")).toMatchObject({ input: { statement: "Orders in the slot" } }));
  });

  it("Cancel closes the form without saving", async () => {
    const calls = recordCommands();
    showNeeds(workshopData({ categories: [families] }));
    await userEvent.click(screen.getByTestId("add-need"));
    await userEvent.type(screen.getByTestId("need-statement"), "Half a thought");
    await userEvent.click(screen.getByTestId("need-cancel"));
    expect(screen.queryByTestId("need-form")).toBeNull();
    expect(calls).toEqual([]);
  });
});
