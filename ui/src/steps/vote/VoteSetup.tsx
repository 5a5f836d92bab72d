// Before the room votes: which agreed needs go on the ballot, and the rules of the vote.
import { useState, type FormEvent } from "react";
import { call } from "../../api";
import { commands, type VoteMethod, type VoteRules } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { METHOD_NAMES, plural, sentence } from "./voteModel";
import { formError, type FormError } from "../../common/formError";

type MethodKind = VoteMethod["kind"];

/** The rule of thumb: a third as many dots as needs, rounded up (1 to 10). */
export function suggestedDots(optionCount: number): number {
  return Math.min(Math.max(Math.ceil(optionCount / 3), 1), 10);
}

function whole(text: string): number {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) ? value : NaN;
}

export function VoteSetup() {
  const { data, actOrThrow } = useWorkshop();
  const eligible = data.needs.filter((n) => n.eligible);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [method, setMethod] = useState<MethodKind>("dot");
  const [dotsText, setDotsText] = useState<string | null>(null);
  const [maxText, setMaxText] = useState<string | null>(null);
  const [budgetText, setBudgetText] = useState("100");
  const [anonymous, setAnonymous] = useState(true);
  const [hidden, setHidden] = useState(true);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  if (eligible.length < 2) {
    const reasons = data.gates.find((g) => g.step === "vote")?.gate.reasons ?? [];
    return (
      <div className="vote-blocked callout" data-testid="vote-blocked">
        <p><strong>The vote needs at least two agreed needs.</strong></p>
        {reasons.map((reason) => <p key={reason}>{sentence(reason)}</p>)}
        <p className="muted">A need can go to the vote once all five SMART parts hold and the room has agreed it.</p>
      </div>
    );
  }

  const chosen = eligible.filter((n) => !excluded.has(n.id)).map((n) => n.id);
  const dotsSuggestion = String(suggestedDots(chosen.length));
  const dots = dotsText ?? dotsSuggestion;
  const max = maxText ?? String(Math.min(3, whole(dots) || 3));
  const categoryName = (id: string) => data.categories.find((c) => c.id === id)?.details.name ?? "";

  const toggle = (id: string) => {
    setExcluded((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const rulesFrom = (): VoteRules | string => {
    let chosenMethod: VoteMethod;
    if (method === "dot") {
      const dotsPerVoter = whole(dots);
      const maxPerOption = whole(max);
      if (!(dotsPerVoter >= 1)) return "Give each person at least one dot.";
      if (!(maxPerOption >= 1)) return "Allow at least one dot on one need.";
      chosenMethod = { kind: "dot", dotsPerVoter, maxPerOption };
    } else if (method === "points") {
      const budget = whole(budgetText);
      if (!(budget >= 1)) return "Give each person at least one point to share.";
      chosenMethod = { kind: "points", budget };
    } else {
      chosenMethod = { kind: "borda" };
    }
    return { method: chosenMethod, anonymous, hiddenUntilRevealed: hidden };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length < 2) {
      setError({ message: "Tick at least two needs to vote on.", field: "options", code: null });
      return;
    }
    const rules = rulesFrom();
    if (typeof rules === "string") {
      setError({ message: rules, field: "method", code: null });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actOrThrow(() => call(commands.createVote(data.workshop.id, "focus_need", rules, chosen)));
    } catch (thrown) {
      setError(formError(thrown));
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: string) => (error?.field === field ? true : undefined);

  return (
    <form className="vote-setup form" onSubmit={(e) => void submit(e)} data-testid="vote-setup">
      <fieldset className="vote-setup__options">
        <legend className="field__label">Needs on the ballot ({chosen.length} of {eligible.length})</legend>
        <ul className="vote-setup__list">
          {eligible.map((n) => (
            <li key={n.id}>
              <label className="vote-setup__option">
                <input
                  type="checkbox"
                  data-testid="vote-option"
                  data-statement={n.details.statement}
                  checked={!excluded.has(n.id)}
                  onChange={() => toggle(n.id)}
                />
                <span>
                  <span className="vote-setup__statement">{n.details.statement}</span>
                  {categoryName(n.details.categoryId) && <span className="muted small"> · {categoryName(n.details.categoryId)}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="field-row vote-setup__rules">
        <label className="field">
          <span className="field__label">How the room votes</span>
          <select data-testid="vote-method-select" value={method} onChange={(e) => setMethod(e.target.value as MethodKind)}>
            <option value="dot">{METHOD_NAMES.dot}</option>
            <option value="borda">{METHOD_NAMES.borda}</option>
            <option value="points">{METHOD_NAMES.points}</option>
          </select>
        </label>
        {method === "dot" && (
          <>
            <label className="field">
              <span className="field__label">Dots per person</span>
              <input type="number" min={1} max={100} inputMode="numeric" data-testid="vote-dots-input" value={dots}
                aria-invalid={invalid("method.dotsPerVoter")} onChange={(e) => setDotsText(e.target.value)} />
            </label>
            <label className="field">
              <span className="field__label">Most dots on one need</span>
              <input type="number" min={1} inputMode="numeric" data-testid="vote-max-input" value={max}
                aria-invalid={invalid("method.maxPerOption")} onChange={(e) => setMaxText(e.target.value)} />
            </label>
          </>
        )}
        {method === "points" && (
          <label className="field">
            <span className="field__label">Points per person</span>
            <input type="number" min={1} inputMode="numeric" data-testid="vote-points-input" value={budgetText}
              aria-invalid={invalid("method.budget")} onChange={(e) => setBudgetText(e.target.value)} />
          </label>
        )}
      </div>
      <p className="muted small">
        {method === "dot" && `Suggested for ${plural(chosen.length, "need", "needs")}: ${plural(Number(dotsSuggestion), "dot", "dots")} each, at most 3 on one need.`}
        {method === "borda" && "Each person puts the needs in order; the top of a ranking earns the most points."}
        {method === "points" && "Each person shares the points among the needs; they must use them all."}
      </p>

      <div className="vote-setup__toggles">
        <label className="vote-setup__toggle">
          <input type="checkbox" data-testid="vote-anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          <span>Anonymous <span className="muted small">(no one’s ballot is shown by name; untick for named voting)</span></span>
        </label>
        <label className="vote-setup__toggle">
          <input type="checkbox" data-testid="vote-hidden" checked={hidden} onChange={(e) => setHidden(e.target.checked)} />
          <span>Hide results until revealed <span className="muted small">(early votes do not sway later ones)</span></span>
        </label>
      </div>

      {error && <p className="form__error" role="alert" data-testid="form-error">{error.message}</p>}
      <div>
        <button type="submit" className="button button--primary button--large" data-testid="vote-open" disabled={busy}>
          Open the vote
        </button>
      </div>
    </form>
  );
}
