// The laptop passed round the room: who has voted (never what), a ballot per person, and the
// facilitator's buttons to close the vote and reveal the results.
import { call } from "../../api";
import { commands, type Vote } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { DiscardVote } from "./DiscardVote";
import { isPresent, plural, rulesSummary, votersInOrder } from "./voteModel";

interface StationProps {
  vote: Vote;
  /** The first round of this vote: discarding it throws every round away. */
  rootId: string;
  onStartBallot: (voterId: string, proxy: boolean) => void;
}

export function VotingStation({ vote, rootId, onStartBallot }: StationProps) {
  const { data, act } = useWorkshop();
  const open = vote.status === "open";
  const people = votersInOrder(data.stakeholders);
  const marks = new Map(vote.voters.map((m) => [m.voterId, m]));
  const voted = people.filter((p) => marks.has(p.id)).length;
  const workshopId = data.workshop.id;

  return (
    <section className="station" data-testid="voting-station" data-status={vote.status} aria-labelledby="station-heading">
      <header className="station__header">
        <div>
          <h3 id="station-heading">
            {open ? "Voting is open" : "Voting is closed"}
            {vote.round > 1 && <span className="muted"> · run-off, round {vote.round}</span>}
          </h3>
          <p className="muted small">{rulesSummary(vote.rules, vote.options.length)}</p>
        </div>
        <p className="station__count" data-testid="voted-count">
          <strong>{voted}</strong> of {plural(people.length, "person", "people")} {voted === 1 ? "has" : "have"} voted
        </p>
      </header>

      {open && (
        <p className="muted">
          Pass the laptop: each person taps <strong>Vote</strong> next to their name. Use <strong>Proxy vote</strong> to enter a ballot
          for someone without the laptop; it is logged as a proxy ballot.
        </p>
      )}
      {!open && vote.rules.hiddenUntilRevealed && (
        <p className="muted">No more ballots are taken. The results stay hidden until you reveal them.</p>
      )}

      {people.length === 0 ? (
        <p className="callout">No one is listed yet: add the people in the room in step 1 so they can vote.</p>
      ) : (
        <ul className="station__voters">
          {people.map((person) => {
            const mark = marks.get(person.id);
            const status = mark ? (mark.proxy ? "Voted (proxy)" : "Voted") : "Not yet";
            const name = person.details.name;
            return (
              <li key={person.id} className={`voter-row${mark ? " voter-row--voted" : ""}${isPresent(person) ? "" : " voter-row--absent"}`}
                data-testid="voter-row" data-name={name} data-voted={Boolean(mark)}>
                <span className="voter-row__initials" aria-hidden="true">{person.initials}</span>
                <span className="voter-row__name">
                  {name}
                  {!isPresent(person) && <span className="muted small"> · not in the room</span>}
                </span>
                <span className={`voter-status${mark ? " voter-status--voted" : ""}`} data-testid="voter-status">
                  {mark && <span aria-hidden="true">✓ </span>}{status}
                </span>
                {open && (
                  <span className="voter-row__actions">
                    <button className="button button--primary" data-testid="start-ballot" aria-label={`${mark ? "Vote again" : "Vote"}: ${name}`}
                      onClick={() => onStartBallot(person.id, false)}>
                      {mark ? "Vote again" : "Vote"}
                    </button>
                    <button className="button button--ghost button--small" data-testid="start-proxy-ballot" aria-label={`Proxy vote for ${name}`}
                      onClick={() => onStartBallot(person.id, true)}>
                      Proxy vote
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <footer className="station__actions">
        {open ? (
          <button className="button button--primary button--large" data-testid="vote-close" disabled={vote.voters.length === 0}
            title={vote.voters.length === 0 ? "No ballot has been cast yet" : undefined}
            onClick={() => void act(() => call(commands.closeVote(workshopId, vote.id)))}>
            Close the vote
          </button>
        ) : (
          <button className="button button--primary button--large" data-testid="vote-reveal"
            onClick={() => void act(() => call(commands.revealVote(workshopId, vote.id)))}>
            Reveal results
          </button>
        )}
        <DiscardVote rootId={rootId} />
      </footer>
    </section>
  );
}
