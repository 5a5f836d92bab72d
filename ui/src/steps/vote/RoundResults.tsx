// One round's results: every need as a bar, sorted, with its score and rank, the rules used,
// the ballots counted and, for a named vote, who gave what.
import type { BallotRecord, Tally, Vote } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { plural, rulesSummary, scoreUnit } from "./voteModel";
import { useVoteWords } from "./voteWords";

interface ResultsProps {
  vote: Vote;
  tally: Tally;
  statementOf: (id: string) => string;
  /** The need this round made the focus, if it did. */
  chosenId: string | null;
}

export function RoundResults({ vote, tally, statementOf, chosenId }: ResultsProps) {
  const words = useVoteWords();
  const top = Math.max(1, ...tally.rows.map((r) => r.score));
  const tied = tally.outcome.kind === "tie" ? tally.outcome.optionIds : [];
  const winner = tally.outcome.kind === "winner" ? tally.outcome.optionId : null;
  const live = vote.status !== "revealed";
  return (
    <section className="results" data-testid="vote-results" data-live={live} aria-label={`Results of round ${vote.round}`}>
      <p className="muted small">
        {live && <strong className="results__live">Live · </strong>}
        {rulesSummary(vote.rules, vote.options.length)} · <span data-testid="ballots-counted">{plural(tally.ballotsCounted, "ballot", "ballots")} counted</span>
        {tally.ballotsIgnored > 0 && ` · ${plural(tally.ballotsIgnored, "ballot", "ballots")} set aside for breaking the rules`}
      </p>
      <ol className="result-chart">
        {tally.rows.map((row) => {
          const statement = statementOf(row.optionId);
          const marks = [
            tied.includes(row.optionId) && "result-row--tied",
            (row.optionId === winner || row.optionId === chosenId) && "result-row--chosen",
          ].filter(Boolean).join(" ");
          return (
            <li key={row.optionId} className={`result-row ${marks}`} data-testid="result-row" data-statement={statement}
              data-rank={row.rank} data-tied={tied.includes(row.optionId)}>
              <span className="result-row__rank" aria-label={`Rank ${row.rank}`}>{row.rank}</span>
              <span className="result-row__body">
                <span className="result-row__statement">
                  {statement}
                  {tied.includes(row.optionId) && <span className="result-tag">tied</span>}
                  {row.optionId === chosenId && <span className="result-tag result-tag--chosen">{words.chosen}</span>}
                </span>
                <span className="result-bar" aria-hidden="true">
                  <span className="result-bar__fill" style={{ width: `${(row.score / top) * 100}%` }} />
                </span>
              </span>
              <span className="result-row__numbers">
                <strong data-testid="result-score">{row.score}</strong> <span className="small">{scoreUnit(vote.rules.method, row.score)}</span>
                <span className="muted small">from {plural(row.voters, "ballot", "ballots")}</span>
              </span>
            </li>
          );
        })}
      </ol>
      {!live && tally.outcome.kind === "noVotes" && (
        <p className="callout" data-testid="vote-no-votes">No {words.one} received any votes in this round.</p>
      )}
      {vote.ballots && vote.ballots.length > 0 && (
        <Breakdown vote={vote} ballots={vote.ballots} rowOrder={tally.rows.map((r) => r.optionId)} statementOf={statementOf} />
      )}
    </section>
  );
}

function cell(record: BallotRecord, optionId: string): string {
  const ballot = record.ballot;
  if (ballot.kind === "ranking") {
    const position = ballot.order.indexOf(optionId);
    return position < 0 ? "–" : `#${position + 1}`;
  }
  const amount = ballot.allocations.find((a) => a.optionId === optionId)?.amount ?? 0;
  return amount > 0 ? String(amount) : "–";
}

function Breakdown({ vote, ballots, rowOrder, statementOf }: { vote: Vote; ballots: BallotRecord[]; rowOrder: string[]; statementOf: (id: string) => string }) {
  const { data } = useWorkshop();
  const nameOf = (id: string) => data.stakeholders.find((s) => s.id === id)?.details.name ?? "(removed)";
  const what = vote.rules.method.kind === "borda" ? "place in each ranking" : vote.rules.method.kind === "dot" ? "dots" : "points";
  return (
    <details className="breakdown" open>
      <summary>Who voted what ({what})</summary>
      <div className="breakdown__scroll">
        <table className="breakdown__table" data-testid="vote-breakdown">
          <thead>
            <tr>
              <th scope="col">Need</th>
              {ballots.map((b) => (
                <th scope="col" key={b.voterId}>{nameOf(b.voterId)}{b.proxy && <span className="muted small"> (proxy)</span>}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowOrder.map((optionId) => (
              <tr key={optionId}>
                <th scope="row">{statementOf(optionId)}</th>
                {ballots.map((b) => <td key={b.voterId} data-testid="breakdown-cell">{cell(b, optionId)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
