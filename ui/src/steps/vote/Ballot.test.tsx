import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { VoteRules } from "../../bindings";
import { recordCommands } from "../../test/workshopFixture";
import { NEEDS, renderVote, room, tally, vote } from "./voteTestData";
import { refused } from "../../test/refusals";

function voterRow(name: string) {
  return screen.getAllByTestId("voter-row").find((r) => r.dataset.name === name) as HTMLElement;
}

function ballotOption(statement: string) {
  return screen.getAllByTestId("ballot-option").find((o) => o.dataset.statement === statement) as HTMLElement;
}

async function openBallot(name: string, proxy = false) {
  await userEvent.click(within(voterRow(name)).getByTestId(proxy ? "start-proxy-ballot" : "start-ballot"));
  return screen.getByTestId("ballot");
}

const BORDA: VoteRules = { method: { kind: "borda" }, anonymous: false, hiddenUntilRevealed: true };
const POINTS: VoteRules = { method: { kind: "points", budget: 100 }, anonymous: false, hiddenUntilRevealed: true };

describe("a ballot", () => {
  it("a voter's ballot shows no one else's votes", async () => {
    recordCommands();
    const live = { ...vote().rules, hiddenUntilRevealed: false };
    renderVote(room({
      votes: [vote({ rules: live, voters: [{ voterId: "ben", proxy: false }], tally: tally([["n2", 3, 1], ["n1", 0, 2], ["n3", 0, 2], ["n4", 0, 2]], { kind: "winner", optionId: "n2" }, 1) })],
    }));
    const ballot = await openBallot("Ana Ruiz");
    expect(ballot).toHaveAttribute("data-voter", "Ana Ruiz");
    expect(screen.getByRole("heading", { name: "Ana Ruiz" })).toHaveFocus();
    expect(screen.queryByText(/Ben Okafor/)).toBeNull();
    expect(screen.queryByTestId("voter-row")).toBeNull();
    expect(screen.queryByTestId("vote-results")).toBeNull();
    expect(screen.getAllByTestId("dot-count").map((c) => c.textContent)).toEqual(["0", "0", "0", "0"]);
  });

  it("the ballot refuses a dot beyond the per-need maximum", async () => {
    recordCommands();
    renderVote(room({ votes: [vote()] }));
    await openBallot("Ana Ruiz");
    const line = ballotOption(NEEDS.n1);
    for (let i = 0; i < 3; i++) await userEvent.click(within(line).getByTestId("dot-add"));
    expect(within(line).getByTestId("dot-count")).toHaveTextContent("2");
    expect(within(line).getByRole("status")).toHaveTextContent("At most 2 dots on one need.");
    expect(screen.getByTestId("dots-left")).toHaveTextContent("1 dot left");
  });

  it("the ballot refuses a dot beyond the voter's budget", async () => {
    recordCommands();
    renderVote(room({ votes: [vote()] }));
    await openBallot("Ana Ruiz");
    await userEvent.click(within(ballotOption(NEEDS.n1)).getByTestId("dot-add"));
    await userEvent.click(within(ballotOption(NEEDS.n1)).getByTestId("dot-add"));
    await userEvent.click(within(ballotOption(NEEDS.n2)).getByTestId("dot-add"));
    await userEvent.click(within(ballotOption(NEEDS.n3)).getByTestId("dot-add"));
    expect(within(ballotOption(NEEDS.n3)).getByTestId("dot-count")).toHaveTextContent("0");
    expect(screen.getByTestId("dots-left")).toHaveTextContent("0 dots left");
    await userEvent.click(within(ballotOption(NEEDS.n1)).getByTestId("dot-remove"));
    expect(screen.getByTestId("dots-left")).toHaveTextContent("1 dot left");
  });

  it("a submitted dot ballot sends allocations for that voter and returns to the station", async () => {
    const calls = recordCommands();
    renderVote(room({ votes: [vote()] }));
    await openBallot("Ben Okafor");
    await userEvent.click(within(ballotOption(NEEDS.n2)).getByTestId("dot-add"));
    await userEvent.click(within(ballotOption(NEEDS.n4)).getByTestId("dot-add"));
    await userEvent.click(within(ballotOption(NEEDS.n4)).getByTestId("dot-add"));
    await userEvent.click(screen.getByTestId("ballot-submit"));
    await waitFor(() => expect(screen.queryByTestId("ballot")).toBeNull());
    expect(calls.find((c) => c.cmd === "cast_ballot")?.args).toEqual({
      workshopId: "w1", voteId: "v1", voterId: "ben", proxy: false,
      ballot: { kind: "dot", allocations: [{ optionId: "n2", amount: 1 }, { optionId: "n4", amount: 2 }] },
    });
    expect(screen.getByTestId("voting-station")).toBeInTheDocument();
  });

  it("a proxy ballot is sent with proxy true", async () => {
    const calls = recordCommands();
    renderVote(room({ votes: [vote()] }));
    const ballot = await openBallot("Cleo Martin", true);
    expect(ballot).toHaveTextContent("entered by the facilitator");
    await userEvent.click(within(ballotOption(NEEDS.n3)).getByTestId("dot-add"));
    await userEvent.click(screen.getByTestId("ballot-submit"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "cast_ballot")?.args).toMatchObject({ voterId: "cleo", proxy: true }));
  });

  it("keeps the ballot open and shows the backend's refusal", async () => {
    recordCommands((cmd) => {
      if (cmd === "cast_ballot") throw refused("overBudget", "ballot.allocations", "7 dots exceed the budget of 5");
      return null;
    });
    renderVote(room({ votes: [vote()] }));
    await openBallot("Ana Ruiz");
    await userEvent.click(within(ballotOption(NEEDS.n1)).getByTestId("dot-add"));
    await userEvent.click(screen.getByTestId("ballot-submit"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("7 dots exceed the budget of 5.");
    expect(screen.getByTestId("ballot")).toBeInTheDocument();
  });

  it("cancelling hands the laptop back without sending anything", async () => {
    const calls = recordCommands();
    renderVote(room({ votes: [vote()] }));
    await openBallot("Ana Ruiz");
    await userEvent.click(within(ballotOption(NEEDS.n1)).getByTestId("dot-add"));
    await userEvent.click(screen.getByTestId("ballot-cancel"));
    expect(screen.queryByTestId("ballot")).toBeNull();
    expect(calls.filter((c) => c.cmd === "cast_ballot")).toHaveLength(0);
  });

  it("a ranking is reordered with the keyboard and sent most important first", async () => {
    const calls = recordCommands();
    renderVote(room({ votes: [vote({ rules: BORDA, options: ["n1", "n2", "n3"] })] }));
    await openBallot("Ana Ruiz");
    within(ballotOption(NEEDS.n3)).getByTestId("rank-up").focus();
    await userEvent.keyboard("{Enter}");
    expect(within(ballotOption(NEEDS.n3)).getByTestId("rank-up")).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getAllByTestId("ballot-option").map((o) => o.dataset.statement)).toEqual([NEEDS.n3, NEEDS.n1, NEEDS.n2]);
    expect(within(ballotOption(NEEDS.n3)).getByTestId("rank-down")).toHaveFocus();
    await userEvent.click(screen.getByTestId("ballot-submit"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "cast_ballot")?.args.ballot).toEqual({ kind: "ranking", order: ["n3", "n1", "n2"] }));
  });

  it("a points ballot keeps a running sum and is only sent once it reaches the budget", async () => {
    const calls = recordCommands();
    renderVote(room({ votes: [vote({ rules: POINTS, options: ["n1", "n2"] })] }));
    await openBallot("Ana Ruiz");
    await userEvent.type(within(ballotOption(NEEDS.n1)).getByTestId("points-input"), "60");
    await userEvent.type(within(ballotOption(NEEDS.n2)).getByTestId("points-input"), "30");
    expect(screen.getByTestId("points-sum")).toHaveTextContent("90 of 100 points · 10 left to give");
    await userEvent.click(screen.getByTestId("ballot-submit"));
    expect(screen.getByTestId("form-error")).toHaveTextContent("The points add up to 90; they must add up to 100.");
    expect(calls.filter((c) => c.cmd === "cast_ballot")).toHaveLength(0);
    await userEvent.type(within(ballotOption(NEEDS.n2)).getByTestId("points-input"), "{Backspace}{Backspace}40");
    await userEvent.click(screen.getByTestId("ballot-submit"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "cast_ballot")?.args.ballot).toEqual({
      kind: "points", allocations: [{ optionId: "n1", amount: 60 }, { optionId: "n2", amount: 40 }],
    }));
  });
});
