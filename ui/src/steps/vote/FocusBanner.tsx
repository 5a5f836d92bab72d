// The room's focus need, how it was chosen, and a clear warning when a need on the ballot
// changed after the decision.
import { call } from "../../api";
import { commands, type FocusDecision, type Vote } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { howDecided, rootVoteId } from "./voteModel";

interface FocusProps {
  focus: FocusDecision;
  votes: Vote[];
  statementOf: (id: string) => string;
}

export function FocusBanner({ focus, votes, statementOf }: FocusProps) {
  const round = votes.find((v) => v.id === focus.voteId)?.round;
  return (
    <section className="focus" data-testid="focus" aria-labelledby="focus-heading">
      <p className="eyebrow" id="focus-heading"><span className="focus__star" aria-hidden="true">★</span> The room’s focus need</p>
      <p className="focus__need" data-testid="focus-need">{statementOf(focus.needId)}</p>
      <p className="focus__how muted" data-testid="focus-how" data-resolved-by={focus.resolvedBy}>
        {howDecided(focus.resolvedBy, round)}
      </p>
      {focus.stale && <StaleWarning focus={focus} votes={votes} statementOf={statementOf} />}
    </section>
  );
}

function StaleWarning({ focus, votes, statementOf }: FocusProps) {
  const { data, act } = useWorkshop();
  const changed = focus.changedNeeds.map(statementOf);
  const revote = () => void act(() => call(commands.discardVote(data.workshop.id, rootVoteId(votes, focus.voteId))));
  // Recorded in the store (and undoable): the decision now matches the needs as they are.
  const keep = () => void act(() => call(commands.confirmFocus(data.workshop.id)));

  return (
    <div className="stale callout" role="alert" data-testid="focus-stale">
      <p><strong>A need changed after the vote.</strong> The room chose among needs as they were worded then:</p>
      <ul>{changed.map((statement, i) => <li key={`${i}-${statement}`}>{statement}</li>)}</ul>
      <p>If the change matters, discard this vote and let the room vote again on the needs as they are now. If it does not, keep the decision.</p>
      <div className="stale__actions">
        <button className="button button--danger" data-testid="stale-revote" onClick={revote}>Discard the vote and vote again</button>
        <button className="button button--ghost" data-testid="stale-keep" onClick={keep}>Keep the decision</button>
      </div>
    </div>
  );
}
