// One person's ballot, full screen on the shared laptop: their name, the needs, nothing of
// anyone else's votes. Submitting records it and hands the laptop back to the station.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { call } from "../../api";
import { commands, type BallotInput, type Stakeholder, type Vote } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { DotOptions, PointsOptions, RankingOptions } from "./BallotOptions";
import { refusal } from "./voteModel";
import { useVoteWords } from "./voteWords";

interface BallotProps {
  vote: Vote;
  voter: Stakeholder;
  proxy: boolean;
  statementOf: (id: string) => string;
  onDone: () => void;
  onCancel: () => void;
}

/** What the person has marked so far, checked before it is sent; a string says what is wrong. */
function ballotFrom(vote: Vote, dots: Record<string, number>, order: string[], points: Record<string, string>): BallotInput | string {
  const method = vote.rules.method;
  if (method.kind === "dot") {
    const allocations = vote.options.filter((id) => (dots[id] ?? 0) > 0).map((id) => ({ optionId: id, amount: dots[id] }));
    if (allocations.length === 0) return "Place at least one dot before handing in the ballot.";
    return { kind: "dot", allocations };
  }
  if (method.kind === "borda") return { kind: "ranking", order };
  const amounts = vote.options.map((id) => ({ optionId: id, text: (points[id] ?? "").trim() }));
  if (amounts.some((a) => a.text !== "" && !/^\d+$/.test(a.text))) return "Points are whole numbers, 0 or more.";
  const allocations = amounts.filter((a) => a.text !== "" && Number(a.text) > 0).map((a) => ({ optionId: a.optionId, amount: Number(a.text) }));
  const total = allocations.reduce((sum, a) => sum + a.amount, 0);
  if (total !== method.budget) return `The points add up to ${total}; they must add up to ${method.budget}.`;
  return { kind: "points", allocations };
}

export function Ballot({ vote, voter, proxy, statementOf, onDone, onCancel }: BallotProps) {
  const words = useVoteWords();
  const { data, actOrThrow } = useWorkshop();
  const [dots, setDots] = useState<Record<string, number>>({});
  const [order, setOrder] = useState<string[]>(vote.options);
  const [points, setPoints] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const screenRef = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = voter.details.name;

  // A modal <dialog> keeps the rest of the app out of reach while the laptop is passed round.
  useEffect(() => {
    const dialog = screenRef.current;
    if (dialog && !dialog.open) {
      // jsdom has no showModal; fall back to the open attribute there.
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    }
    heading.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ballot = ballotFrom(vote, dots, order, points);
    if (typeof ballot === "string") {
      setError(ballot);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actOrThrow(() => call(commands.castBallot(data.workshop.id, vote.id, voter.id, ballot, proxy)));
      onDone();
    } catch (thrown) {
      setError(refusal(thrown));
      setBusy(false);
    }
  };

  const method = vote.rules.method;
  return (
    <dialog ref={screenRef} className="ballot-screen" aria-labelledby="ballot-heading"
      onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form className="ballot" data-testid="ballot" data-voter={name} data-proxy={proxy} onSubmit={(e) => void submit(e)}>
        <header className="ballot__header">
          <p className="eyebrow">{vote.round > 1 ? `Run-off · round ${vote.round}` : "Ballot"}{proxy ? " · entered by the facilitator" : ""}</p>
          <h2 id="ballot-heading" ref={heading} tabIndex={-1} className="ballot__name">{name}</h2>
          <p className="muted">
            {method.kind === "dot" && `Place your dots on the ${words.many} that matter most. At most ${method.maxPerOption} on one ${words.one}.`}
            {method.kind === "borda" && `Put the ${words.many} in order, most important first.`}
            {method.kind === "points" && `Share ${method.budget} points among the ${words.many}. Use them all.`}
          </p>
        </header>

        {method.kind === "dot" && (
          <DotOptions options={vote.options} statementOf={statementOf} budget={method.dotsPerVoter} max={method.maxPerOption}
            dots={dots} onChange={(next) => { setDots(next); setError(null); }} />
        )}
        {method.kind === "borda" && <RankingOptions order={order} statementOf={statementOf} onChange={setOrder} />}
        {method.kind === "points" && (
          <PointsOptions options={vote.options} statementOf={statementOf} budget={method.budget} points={points}
            onChange={(next) => { setPoints(next); setError(null); }} />
        )}

        {error && <p className="form__error ballot__error" role="alert" data-testid="form-error">{error}</p>}
        <footer className="ballot__actions">
          <button type="button" className="button button--ghost button--large" data-testid="ballot-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary button--large" data-testid="ballot-submit" disabled={busy}>
            Hand in {proxy ? `${name}’s` : "my"} ballot
          </button>
        </footer>
      </form>
    </dialog>
  );
}
