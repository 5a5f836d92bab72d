import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { need, recordCommands } from "../../test/workshopFixture";
import { focus, NEEDS, renderVote, room, tally, vote } from "./voteTestData";

const TIE = tally([["n1", 2, 1], ["n2", 2, 1], ["n3", 1, 3], ["n4", 0, 4]], { kind: "tie", optionIds: ["n1", "n2"] }, 5);
const WIN = tally([["n3", 4, 1], ["n1", 2, 2], ["n2", 2, 2], ["n4", 0, 4]], { kind: "winner", optionId: "n3" }, 5);

function currentRound() {
  return screen.getAllByTestId("vote-round").find((r) => r.classList.contains("round--current")) as HTMLElement;
}

describe("the results", () => {
  it("revealed results are sorted with scores and ranks", () => {
    recordCommands();
    renderVote(room({ votes: [vote({ status: "revealed", tally: WIN })], focus: focus({ needId: "n3" }) }));
    const rows = within(screen.getByTestId("vote-results")).getAllByTestId("result-row");
    expect(rows.map((r) => [r.dataset.statement, r.dataset.rank])).toEqual([
      [NEEDS.n3, "1"], [NEEDS.n1, "2"], [NEEDS.n2, "2"], [NEEDS.n4, "4"],
    ]);
    expect(rows.map((r) => within(r).getByTestId("result-score").textContent)).toEqual(["4", "2", "2", "0"]);
    expect(screen.getByTestId("ballots-counted")).toHaveTextContent("5 ballots counted");
    expect(screen.getByTestId("vote-results")).toHaveTextContent("Dot voting: 3 dots each, at most 2 on one need");
  });

  it("a named vote shows who gave what", () => {
    recordCommands();
    const rules = { ...vote().rules, anonymous: false };
    const ballots = [
      { voterId: "ana", proxy: false, ballot: { kind: "dot" as const, allocations: [{ optionId: "n3", amount: 2 }] } },
      { voterId: "cleo", proxy: true, ballot: { kind: "dot" as const, allocations: [{ optionId: "n3", amount: 2 }, { optionId: "n1", amount: 1 }] } },
    ];
    renderVote(room({ votes: [vote({ rules, status: "revealed", tally: WIN, ballots })], focus: focus({ needId: "n3" }) }));
    const table = screen.getByTestId("vote-breakdown");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Need", "Ana Ruiz", "Cleo Martin (proxy)"]);
    const firstRow = within(table).getAllByRole("row")[1];
    expect(firstRow).toHaveTextContent(NEEDS.n3);
    expect(within(firstRow).getAllByTestId("breakdown-cell").map((c) => c.textContent)).toEqual(["2", "2"]);
  });

  it("a tie offers a run-off and a facilitator decision", async () => {
    const calls = recordCommands();
    renderVote(room({ votes: [vote({ status: "revealed", tally: TIE })] }));
    const tied = screen.getAllByTestId("result-row").filter((r) => r.dataset.tied === "true");
    expect(tied.map((r) => r.dataset.statement)).toEqual([NEEDS.n1, NEEDS.n2]);
    expect(screen.getByTestId("vote-tie")).toHaveTextContent("A tie for first place");
    expect(screen.queryByTestId("focus-need")).toBeNull();
    await userEvent.click(screen.getByTestId("start-runoff"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "start_runoff")?.args).toEqual({ workshopId: "w1", voteId: "v1" }));
  });

  it("the facilitator's decision is confirmed as such before it is recorded", async () => {
    const calls = recordCommands();
    renderVote(room({ votes: [vote({ status: "revealed", tally: TIE })] }));
    await userEvent.click(screen.getByTestId("facilitator-decide"));
    const dialog = screen.getByTestId("decide-dialog");
    expect(dialog).toHaveTextContent("recorded as the facilitator’s decision");
    expect(within(dialog).getAllByTestId("decide-option").map((o) => o.dataset.statement)).toEqual([NEEDS.n1, NEEDS.n2]);
    expect(screen.getByTestId("decide-confirm")).toBeDisabled();
    await userEvent.click(within(dialog).getAllByTestId("decide-option")[1]);
    await userEvent.click(screen.getByTestId("decide-confirm"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "decide_vote")?.args).toEqual({ workshopId: "w1", voteId: "v1", optionId: "n2" }));
  });

  it("the focus need is announced with how it was decided", () => {
    recordCommands();
    const first = vote({ status: "revealed", tally: TIE });
    const runoff = vote({ id: "v2", round: 2, runoffOf: "v1", options: ["n1", "n2"], status: "revealed",
      tally: tally([["n1", 3, 1], ["n2", 2, 2]], { kind: "winner", optionId: "n1" }) });
    renderVote(room({ votes: [first, runoff], focus: focus({ voteId: "v2", needId: "n1", resolvedBy: "runoff" }) }));
    expect(screen.getByTestId("focus-need")).toHaveTextContent(NEEDS.n1);
    expect(screen.getByTestId("focus-how")).toHaveTextContent("Won the run-off (round 2) among the needs tied for first place.");
    expect(screen.queryByTestId("vote-tie")).toBeNull();
    expect(screen.queryByTestId("start-runoff")).toBeNull();
  });

  it("a tie settled by the facilitator says so and offers no more choices", () => {
    recordCommands();
    renderVote(room({ votes: [vote({ status: "revealed", tally: TIE })], focus: focus({ needId: "n2", resolvedBy: "facilitator_decision" }) }));
    expect(screen.getByTestId("focus-need")).toHaveTextContent(NEEDS.n2);
    expect(screen.getByTestId("focus-how")).toHaveTextContent("the facilitator decided");
    expect(screen.queryByTestId("facilitator-decide")).toBeNull();
  });

  it("earlier rounds stay visible, collapsed, under the latest", () => {
    recordCommands();
    const first = vote({ status: "revealed", tally: TIE });
    const runoff = vote({ id: "v2", round: 2, runoffOf: "v1", options: ["n1", "n2"] });
    renderVote(room({ votes: [first, runoff] }));
    const rounds = screen.getAllByTestId("vote-round");
    expect(rounds.map((r) => r.dataset.round)).toEqual(["2", "1"]);
    expect(within(currentRound()).getByTestId("voting-station")).toBeInTheDocument();
    expect(rounds[1].tagName).toBe("DETAILS");
    expect(rounds[1]).not.toHaveAttribute("open");
    expect(rounds[1]).toHaveTextContent("tie between");
    expect(within(rounds[1]).getAllByTestId("result-row")).toHaveLength(4);
  });

  it("a stale decision shows a warning and can be re-run from the first round", async () => {
    const calls = recordCommands();
    const needs = room().needs.map((n) => (n.id === "n2" ? need("n2", "business", "Invoices paid within 30 days", { revision: 2 }) : n));
    const first = vote({ status: "revealed", tally: TIE });
    const runoff = vote({ id: "v2", round: 2, runoffOf: "v1", options: ["n1", "n2"], status: "revealed",
      tally: tally([["n1", 3, 1], ["n2", 2, 2]], { kind: "winner", optionId: "n1" }) });
    renderVote(room({ needs, votes: [first, runoff], focus: focus({ voteId: "v2", resolvedBy: "runoff", changedNeeds: ["n2"], stale: true }) }));
    const warning = screen.getByTestId("focus-stale");
    expect(warning).toHaveTextContent("A need changed after the vote");
    expect(warning).toHaveTextContent("Invoices paid within 30 days");
    await userEvent.click(within(warning).getByRole("button", { name: "Discard the vote and vote again" }));
    await waitFor(() => expect(calls.find((c) => c.cmd === "discard_vote")?.args).toEqual({ workshopId: "w1", voteId: "v1" }));
  });

  it("keeping a stale decision is recorded by the backend", async () => {
    const calls = recordCommands();
    const first = vote({ status: "revealed", tally: WIN });
    renderVote(room({ votes: [first], focus: focus({ voteId: "v1", resolvedBy: "vote", changedNeeds: ["n2"], stale: true }) }));
    await userEvent.click(screen.getByTestId("stale-keep"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "confirm_focus")?.args).toEqual({ workshopId: "w1" }));
  });
});
