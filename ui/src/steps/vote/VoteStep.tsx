// Step 4: the room chooses the most important need. Set the vote up, pass the laptop round,
// close and reveal, settle a tie, and announce the focus need. Earlier rounds stay visible.
import { useState } from "react";
import type { Vote } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { Ballot } from "./Ballot";
import { DiscardVote } from "./DiscardVote";
import { FocusBanner } from "./FocusBanner";
import { RoundResults } from "./RoundResults";
import { TieChoice } from "./TieChoice";
import { VoteSetup } from "./VoteSetup";
import { VotingStation } from "./VotingStation";
import { currentRounds, needLookup } from "./voteModel";
import "./vote.css";

interface OpenBallot {
  voteId: string;
  voterId: string;
  proxy: boolean;
}

export function VoteStep() {
  const { data } = useWorkshop();
  const [ballot, setBallot] = useState<OpenBallot | null>(null);
  const statementOf = needLookup(data);
  const rounds = currentRounds(data.votes.filter((v) => v.subject === "focus_need"));
  const current = rounds[rounds.length - 1];
  const earlier = rounds.slice(0, -1).reverse();

  const voter = ballot && data.stakeholders.find((s) => s.id === ballot.voterId);
  if (ballot && voter && current?.id === ballot.voteId && current.status === "open") {
    return (
      <Ballot key={`${ballot.voteId}:${ballot.voterId}:${ballot.proxy}`} vote={current} voter={voter} proxy={ballot.proxy}
        statementOf={statementOf} onDone={() => setBallot(null)} onCancel={() => setBallot(null)} />
    );
  }

  return (
    <div className="vote-step">
      {data.focus && <FocusBanner focus={data.focus} votes={data.votes} statementOf={statementOf} />}
      {current ? (
        <section className="round round--current" data-testid="vote-round" data-round={current.round} data-status={current.status}>
          {rounds.length > 1 && <h3 className="round__title">Round {current.round} · run-off</h3>}
          {current.status === "revealed" ? (
            <RevealedRound vote={current} rootId={rounds[0].id} statementOf={statementOf} />
          ) : (
            <>
              <VotingStation vote={current} rootId={rounds[0].id}
                onStartBallot={(voterId, proxy) => setBallot({ voteId: current.id, voterId, proxy })} />
              {current.tally && <RoundResults vote={current} tally={current.tally} statementOf={statementOf} chosenId={null} />}
            </>
          )}
        </section>
      ) : (
        <VoteSetup />
      )}
      {earlier.length > 0 && (
        <div className="rounds-earlier">
          <h3 className="round__title muted">Earlier rounds</h3>
          {earlier.map((vote) => <EarlierRound key={vote.id} vote={vote} statementOf={statementOf} />)}
        </div>
      )}
    </div>
  );
}

function RevealedRound({ vote, rootId, statementOf }: { vote: Vote; rootId: string; statementOf: (id: string) => string }) {
  const { data } = useWorkshop();
  const decided = data.focus?.voteId === vote.id ? data.focus.needId : null;
  const tally = vote.tally;
  if (!tally) return <p className="muted">The results of this round are not available.</p>;
  const outcome = tally.outcome;
  return (
    <>
      <RoundResults vote={vote} tally={tally} statementOf={statementOf} chosenId={decided} />
      {outcome.kind === "tie" && !decided && <TieChoice vote={vote} tiedIds={outcome.optionIds} statementOf={statementOf} />}
      <footer className="round__actions">
        {outcome.kind === "noVotes" && <span className="muted">Discard this vote to set up a new one.</span>}
        <DiscardVote rootId={rootId} label={decided ? "Discard the vote" : "Discard the vote and start again"} />
      </footer>
    </>
  );
}

function EarlierRound({ vote, statementOf }: { vote: Vote; statementOf: (id: string) => string }) {
  const outcome = vote.tally?.outcome;
  const summary =
    outcome?.kind === "tie"
      ? `tie between ${outcome.optionIds.map((id) => `“${statementOf(id)}”`).join(" and ")}, went to a run-off`
      : outcome?.kind === "winner"
        ? `won by “${statementOf(outcome.optionId)}”`
        : "no result";
  return (
    <details className="round round--earlier" data-testid="vote-round" data-round={vote.round}>
      <summary>
        <strong>Round {vote.round}</strong> <span className="muted">· {summary}</span>
      </summary>
      {vote.tally ? (
        <RoundResults vote={vote} tally={vote.tally} statementOf={statementOf} chosenId={null} />
      ) : (
        <p className="muted">The results of this round are not available.</p>
      )}
    </details>
  );
}
