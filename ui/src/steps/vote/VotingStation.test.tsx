import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { recordCommands } from "../../test/workshopFixture";
import { renderVote, room, tally, vote } from "./voteTestData";

function row(name: string) {
  return screen.getAllByTestId("voter-row").find((r) => r.dataset.name === name) as HTMLElement;
}

describe("the voting station", () => {
  it("lists the people in the room first, with who has voted and who voted by proxy", () => {
    recordCommands();
    renderVote(room({ votes: [vote({ voters: [{ voterId: "ana", proxy: false }, { voterId: "cleo", proxy: true }] })] }));
    expect(screen.getAllByTestId("voter-row").map((r) => r.dataset.name)).toEqual(["Ana Ruiz", "Ben Okafor", "Cleo Martin"]);
    expect(within(row("Ana Ruiz")).getByTestId("voter-status")).toHaveTextContent("Voted");
    expect(within(row("Ben Okafor")).getByTestId("voter-status")).toHaveTextContent("Not yet");
    expect(within(row("Cleo Martin")).getByTestId("voter-status")).toHaveTextContent("Voted (proxy)");
    expect(screen.getByTestId("voted-count")).toHaveTextContent("2 of 3 people have voted");
  });

  it("while hidden the facilitator sees who voted but no tally", () => {
    recordCommands();
    renderVote(room({ votes: [vote({ status: "closed", voters: [{ voterId: "ana", proxy: false }] })] }));
    expect(within(row("Ana Ruiz")).getByTestId("voter-status")).toHaveTextContent("Voted");
    expect(screen.queryByTestId("vote-results")).toBeNull();
    expect(screen.queryByTestId("result-score")).toBeNull();
    expect(screen.queryByTestId("start-ballot")).toBeNull();
    expect(screen.getByTestId("vote-reveal")).toBeInTheDocument();
  });

  it("shows the tally live under the station when results are not hidden", () => {
    recordCommands();
    const rules = { method: { kind: "dot" as const, dotsPerVoter: 3, maxPerOption: 2 }, anonymous: true, hiddenUntilRevealed: false };
    renderVote(room({ votes: [vote({ rules, voters: [{ voterId: "ana", proxy: false }], tally: tally([["n2", 2, 1], ["n1", 1, 2], ["n3", 0, 3], ["n4", 0, 3]], { kind: "winner", optionId: "n2" }, 1) })] }));
    expect(screen.getByTestId("voting-station")).toBeInTheDocument();
    expect(screen.getByTestId("vote-results")).toHaveAttribute("data-live", "true");
    expect(screen.getAllByTestId("result-score").map((s) => s.textContent)).toEqual(["2", "1", "0", "0"]);
  });

  it("closes the vote, then reveals the results", async () => {
    const calls = recordCommands();
    const { unmount } = renderVote(room({ votes: [vote({ voters: [{ voterId: "ana", proxy: false }] })] }));
    await userEvent.click(screen.getByTestId("vote-close"));
    await waitFor(() => expect(calls.map((c) => c.cmd)).toContain("close_vote"));
    expect(calls.find((c) => c.cmd === "close_vote")?.args).toEqual({ workshopId: "w1", voteId: "v1" });
    unmount();
    renderVote(room({ votes: [vote({ status: "closed", voters: [{ voterId: "ana", proxy: false }] })] }));
    await userEvent.click(screen.getByTestId("vote-reveal"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "reveal_vote")?.args).toEqual({ workshopId: "w1", voteId: "v1" }));
  });

  it("cannot close a vote before anyone has voted", () => {
    recordCommands();
    renderVote(room({ votes: [vote()] }));
    expect(screen.getByTestId("vote-close")).toBeDisabled();
  });

  it("discards the whole vote, from its first round, only after a confirmation", async () => {
    const calls = recordCommands();
    const first = vote({ status: "revealed", tally: tally([["n1", 2, 1], ["n2", 2, 1], ["n3", 0, 3], ["n4", 0, 3]], { kind: "tie", optionIds: ["n1", "n2"] }) });
    const runoff = vote({ id: "v2", round: 2, runoffOf: "v1", options: ["n1", "n2"] });
    renderVote(room({ votes: [first, runoff] }));
    await userEvent.click(screen.getByTestId("vote-discard"));
    expect(calls.filter((c) => c.cmd === "discard_vote")).toHaveLength(0);
    await userEvent.click(screen.getByTestId("confirm"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "discard_vote")?.args).toEqual({ workshopId: "w1", voteId: "v1" }));
  });
});
