import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { need, recordCommands } from "../../test/workshopFixture";
import { NEEDS, renderVote, room } from "./voteTestData";
import { refused } from "../../test/refusals";

function option(statement: string) {
  return screen.getAllByTestId("vote-option").find((box) => box.dataset.statement === statement) as HTMLInputElement;
}

describe("setting up the vote", () => {
  it("lists every agreed need, ticked, with its category, and suggests a third as many dots, at most 3 on one need", () => {
    recordCommands();
    const data = room({ needs: [...room().needs, need("n5", "families", "Not agreed yet", { eligible: false })] });
    renderVote(data);
    const boxes = screen.getAllByTestId("vote-option");
    expect(boxes.map((b) => b.dataset.statement)).toEqual([NEEDS.n1, NEEDS.n2, NEEDS.n3, NEEDS.n4]);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(screen.getByText(NEEDS.n2).parentElement).toHaveTextContent("Small businesses");
    expect(screen.getByTestId("vote-dots-input")).toHaveValue(2);
    expect(screen.getByTestId("vote-max-input")).toHaveValue(2);
    expect(screen.getByTestId("vote-hidden")).toBeChecked();
  });

  it("opening a dot vote sends the chosen needs and rules", async () => {
    const calls = recordCommands();
    renderVote(room());
    await userEvent.click(option(NEEDS.n3));
    await userEvent.clear(screen.getByTestId("vote-dots-input"));
    await userEvent.type(screen.getByTestId("vote-dots-input"), "5");
    await userEvent.clear(screen.getByTestId("vote-max-input"));
    await userEvent.type(screen.getByTestId("vote-max-input"), "3");
    await userEvent.click(screen.getByTestId("vote-anonymous"));
    await userEvent.click(screen.getByTestId("vote-open"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "create_vote")).toBeDefined());
    expect(calls.find((c) => c.cmd === "create_vote")?.args).toEqual({
      workshopId: "w1",
      subject: "focus_need",
      rules: { method: { kind: "dot", dotsPerVoter: 5, maxPerOption: 3 }, anonymous: false, hiddenUntilRevealed: true },
      options: ["n1", "n2", "n4"],
    });
  });

  it("opening a 100-points vote sends the budget", async () => {
    const calls = recordCommands();
    renderVote(room());
    await userEvent.selectOptions(screen.getByTestId("vote-method-select"), "points");
    expect(screen.getByTestId("vote-points-input")).toHaveValue(100);
    expect(screen.queryByTestId("vote-dots-input")).toBeNull();
    await userEvent.click(screen.getByTestId("vote-hidden"));
    await userEvent.click(screen.getByTestId("vote-open"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "create_vote")?.args.rules).toEqual({
      method: { kind: "points", budget: 100 }, anonymous: true, hiddenUntilRevealed: false,
    }));
  });

  it("shows the backend's refusal beside the form", async () => {
    recordCommands((cmd) => {
      if (cmd === "create_vote") throw refused("outOfRange", "method.maxPerOption", "must be between 1 and 2 (the dots each voter has); got 3");
      return null;
    });
    renderVote(room());
    await userEvent.clear(screen.getByTestId("vote-max-input"));
    await userEvent.type(screen.getByTestId("vote-max-input"), "3");
    await userEvent.click(screen.getByTestId("vote-open"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Must be between 1 and 2 (the dots each voter has); got 3.");
    expect(screen.getByTestId("vote-max-input")).toHaveAttribute("aria-invalid", "true");
  });

  it("refuses to open a vote on fewer than two ticked needs without asking the backend", async () => {
    const calls = recordCommands();
    renderVote(room());
    for (const statement of [NEEDS.n1, NEEDS.n2, NEEDS.n3]) await userEvent.click(option(statement));
    await userEvent.click(screen.getByTestId("vote-open"));
    expect(screen.getByTestId("form-error")).toHaveTextContent("Tick at least two needs");
    expect(calls.filter((c) => c.cmd === "create_vote")).toHaveLength(0);
  });

  it("explains why there is no vote yet when fewer than two needs are agreed", () => {
    recordCommands();
    const data = room({ needs: [need("n1", "families", NEEDS.n1), need("n2", "families", NEEDS.n2, { eligible: false })] });
    data.gates = data.gates.map((g) =>
      g.step === "vote" ? { step: "vote", gate: { open: false, reasons: ["the vote needs at least two agreed needs; 1 is agreed so far"], warnings: [] } } : g,
    );
    renderVote(data);
    expect(screen.getByTestId("vote-blocked")).toHaveTextContent("The vote needs at least two agreed needs; 1 is agreed so far.");
    expect(screen.queryByTestId("vote-open")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
  });
});
