// The room votes on the candidate metrics with the same engine, ballots and screens as the
// vote on needs: dots (by default), hidden until revealed, ties to a run-off.
import { useState } from "react";
import { call } from "../../api";
import { commands, type CanvasItem as Item, type VoteMethod, type WorkshopData } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { DiscardVote } from "../vote/DiscardVote";
import { RoundResults } from "../vote/RoundResults";
import { TieChoice } from "../vote/TieChoice";
import { currentRounds, refusal } from "../vote/voteModel";
import { VotingStation } from "../vote/VotingStation";
import { candidates, SCORE_MAX, scoreOf } from "./canvasModel";

export function metricRounds(data: WorkshopData) {
  return currentRounds(data.votes.filter((v) => v.subject === "north_star"));
}

interface CanvasVoteProps {
  items: Item[];
  statementOf: (id: string) => string;
  onStartBallot: (voteId: string, voterId: string, proxy: boolean) => void;
}

export function CanvasVote({ items, statementOf, onStartBallot }: CanvasVoteProps) {
  const { data } = useWorkshop();
  const rounds = metricRounds(data);
  const current = rounds[rounds.length - 1];
  if (!current) return <VoteSetup items={items} />;
  const rootId = rounds[0].id;
  const chosen = data.metricChoice?.voteId === current.id ? data.metricChoice.itemId : null;
  const tally = current.tally;
  return (
    <section className="canvas-vote" data-testid="metric-vote" data-status={current.status} data-chosen={chosen ? statementOf(chosen) : ""}>
      {current.status !== "revealed" ? (
        <VotingStation vote={current} rootId={rootId} onStartBallot={(voterId, proxy) => onStartBallot(current.id, voterId, proxy)} />
      ) : tally ? (
        <>
          <RoundResults vote={current} tally={tally} statementOf={statementOf} chosenId={chosen} />
          {tally.outcome.kind === "tie" && !chosen && <TieChoice vote={current} tiedIds={tally.outcome.optionIds} statementOf={statementOf} />}
          <footer className="round__actions"><DiscardVote rootId={rootId} label="Discard the vote" /></footer>
        </>
      ) : null}
    </section>
  );
}

function VoteSetup({ items }: { items: Item[] }) {
  const { data, actOrThrow } = useWorkshop();
  const pool = candidates(items, data.metricCandidates).sort((a, b) => scoreOf(b) - scoreOf(a));
  const [picked, setPicked] = useState<Set<string>>(() => new Set(pool.map((i) => i.id)));
  const [dots, setDots] = useState(() => Math.min(10, Math.max(1, Math.ceil(pool.length / 3))));
  const [error, setError] = useState<string | null>(null);
  const chosen = pool.filter((i) => picked.has(i.id)).map((i) => i.id);
  const start = async () => {
    const method: VoteMethod = { kind: "dot", dotsPerVoter: dots, maxPerOption: Math.min(dots, 3) };
    try {
      await actOrThrow(() => call(commands.createVote(data.workshop.id, "north_star", { method, anonymous: true, hiddenUntilRevealed: true }, chosen)));
      setError(null);
    } catch (thrown) {
      setError(refusal(thrown));
    }
  };
  if (pool.length < 2) {
    return <p className="muted" data-testid="metric-vote-waiting">Write at least two candidate metrics on the canvas to vote on them.</p>;
  }
  return (
    <section className="canvas-vote" data-testid="metric-vote-setup">
      <p className="muted small">Dot vote, anonymous, results hidden until you reveal them. Candidates with the best checklist scores come first.</p>
      <fieldset className="canvas-vote__options">
        <legend className="field__label">On the ballot ({chosen.length})</legend>
        {pool.map((item) => (
          <label key={item.id} className="checklist__row">
            <input type="checkbox" checked={picked.has(item.id)} data-testid="metric-option"
              onChange={(e) => setPicked((p) => { const n = new Set(p); if (e.target.checked) n.add(item.id); else n.delete(item.id); return n; })} />
            <span>{item.text} <span className="muted small">· {scoreOf(item)}/{SCORE_MAX}</span></span>
          </label>
        ))}
      </fieldset>
      <label className="field field--inline">
        <span className="field__label">Dots per person</span>
        <input type="number" min={1} max={20} value={dots} data-testid="metric-dots" onChange={(e) => setDots(Math.max(1, Number(e.target.value) || 1))} />
      </label>
      {error && <p className="form__error" role="alert">{error}</p>}
      <button type="button" className="button button--primary" data-testid="start-metric-vote" disabled={chosen.length < 2} onClick={() => void start()}>
        Open the vote on {chosen.length} candidates
      </button>
    </section>
  );
}
