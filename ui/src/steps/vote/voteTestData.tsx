// Shared test data for the vote step: a room of three, four agreed needs, and Vote objects
// built by hand the way the backend would show them.
import { render } from "@testing-library/react";
import type { FocusDecision, Tally, Vote, VoteRules, WorkshopData } from "../../bindings";
import { category, need, stakeholder, workshopData, WorkshopHarness } from "../../test/workshopFixture";
import { VoteStep } from "./VoteStep";

export const NEEDS = {
  n1: "Weekly shop delivered in a one-hour slot",
  n2: "Invoices paid within terms",
  n3: "Textbooks in stock before term",
  n4: "Substitutions agreed before delivery",
};

export const DOTS: VoteRules = { method: { kind: "dot", dotsPerVoter: 3, maxPerOption: 2 }, anonymous: true, hiddenUntilRevealed: true };

export function vote(overrides: Partial<Vote> = {}): Vote {
  return {
    id: "v1", subject: "focus_need", round: 1, runoffOf: null, rules: DOTS, options: ["n1", "n2", "n3", "n4"], status: "open",
    voters: [], tally: null, ballots: null, ...overrides,
  };
}

/** A tally with rows given as [optionId, score, rank], highest first. */
export function tally(rows: [string, number, number][], outcome: Tally["outcome"], ballotsCounted = 3): Tally {
  return {
    rows: rows.map(([optionId, score, rank]) => ({ optionId, score, rank, voters: Math.min(score, ballotsCounted) })),
    ballotsCounted, ballotsIgnored: 0,
    leaders: outcome.kind === "winner" ? [outcome.optionId] : outcome.kind === "tie" ? outcome.optionIds : [],
    outcome,
  };
}

export function focus(overrides: Partial<FocusDecision> = {}): FocusDecision {
  return { voteId: "v1", needId: "n1", resolvedBy: "vote", changedNeeds: [], stale: false, ...overrides };
}

export function room(overrides: Partial<WorkshopData> = {}): WorkshopData {
  return workshopData({
    workshop: { ...workshopData().workshop, currentStep: "vote" },
    stakeholders: [
      { ...stakeholder("cleo", "Cleo Martin", { present: false }), position: 0 },
      { ...stakeholder("ana", "Ana Ruiz"), position: 1 },
      { ...stakeholder("ben", "Ben Okafor"), position: 2 },
    ],
    categories: [category("families", "Young families"), category("business", "Small businesses")],
    needs: [
      need("n1", "families", NEEDS.n1),
      need("n2", "business", NEEDS.n2),
      need("n3", "families", NEEDS.n3),
      need("n4", "families", NEEDS.n4),
    ],
    ...overrides,
  });
}

export function renderVote(data: WorkshopData) {
  return render(
    <WorkshopHarness data={data}>
      <VoteStep />
    </WorkshopHarness>,
  );
}
