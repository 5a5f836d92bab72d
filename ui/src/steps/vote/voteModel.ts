// Plain helpers for the vote step: the rounds of the current vote, the words for its rules,
// and readable messages from backend refusals.
import { sentence } from "../../api";
import { formError } from "../../common/formError";
import type { Need, ResolvedBy, Stakeholder, Vote, VoteMethod, VoteRules, WorkshopData } from "../../bindings";

/** The rounds of the vote under way or last held: the latest vote and the votes it ran off from, oldest first. */
export function currentRounds(votes: Vote[]): Vote[] {
  const last = votes[votes.length - 1];
  if (!last) return [];
  const chain: Vote[] = [last];
  let parentId = last.runoffOf ?? null;
  while (parentId) {
    const parent = votes.find((v) => v.id === parentId);
    if (!parent || chain.includes(parent)) break;
    chain.unshift(parent);
    parentId = parent.runoffOf ?? null;
  }
  return chain;
}

/** The first round of the chain `voteId` belongs to: discarding it throws the whole vote away. */
export function rootVoteId(votes: Vote[], voteId: string): string {
  let current = votes.find((v) => v.id === voteId);
  let root = voteId;
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    root = current.id;
    const parentId = current.runoffOf ?? null;
    current = parentId ? votes.find((v) => v.id === parentId) : undefined;
  }
  return root;
}

/** Looks up needs by id, with a stand-in for one removed since the vote. */
export function needLookup(data: WorkshopData): (id: string) => string {
  const byId = new Map<string, Need>(data.needs.map((n) => [n.id, n]));
  return (id) => byId.get(id)?.details.statement ?? "(a need that has since been removed)";
}

export function isPresent(person: Stakeholder): boolean {
  return person.details.present !== false;
}

/** Present people first, each group in the order of step 1. */
export function votersInOrder(people: Stakeholder[]): Stakeholder[] {
  return [...people].sort((a, b) => Number(isPresent(b)) - Number(isPresent(a)) || a.position - b.position);
}

export function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

export const METHOD_NAMES: Record<VoteMethod["kind"], string> = {
  dot: "Dot voting",
  borda: "Ranking (Borda count)",
  points: "100 points",
};

/** What one method gives, e.g. "2 dots each, at most 1 on one need". */
export function methodDetails(method: VoteMethod, optionCount: number): string {
  switch (method.kind) {
    case "dot":
      return `${plural(method.dotsPerVoter, "dot", "dots")} each, at most ${method.maxPerOption} on one need`;
    case "borda":
      return `each person ranks the needs; first place earns ${plural(Math.max(optionCount - 1, 0), "point", "points")}, the next one less, unranked needs none`;
    case "points":
      return `each person shares ${method.budget} points among the needs`;
  }
}

export function rulesSummary(rules: VoteRules, optionCount: number): string {
  const method = rules.method.kind === "points" ? "Points" : METHOD_NAMES[rules.method.kind];
  return [
    `${method}: ${methodDetails(rules.method, optionCount)}`,
    rules.anonymous ? "anonymous ballots" : "named ballots",
    rules.hiddenUntilRevealed ? "results hidden until revealed" : "results shown as ballots come in",
  ].join(" · ");
}

/** The unit of a score under a method: dots, points, Borda points. */
export function scoreUnit(method: VoteMethod, score: number): string {
  if (method.kind === "dot") return score === 1 ? "dot" : "dots";
  if (method.kind === "borda") return score === 1 ? "Borda point" : "Borda points";
  return score === 1 ? "point" : "points";
}

/** How a focus need was chosen, in words for the room. */
export function howDecided(resolvedBy: ResolvedBy, round: number | undefined): string {
  switch (resolvedBy) {
    case "vote":
      return "Won the vote outright.";
    case "runoff":
      return `Won the run-off${round ? ` (round ${round})` : ""} among the needs tied for first place.`;
    case "facilitator_decision":
      return "The vote was tied; the facilitator decided among the tied needs.";
  }
}

/** A backend refusal as a sentence for the room ("7 dots exceed the budget of 5."). */
export function refusal(thrown: unknown): string {
  return formError(thrown).message;
}

export { sentence };
