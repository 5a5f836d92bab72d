// The small form under a person's row: name, role, function, scores, stance and presence.
// Enter saves, Escape cancels; the backend's message shows beside the field it is about.
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { call } from "../../api";
import { commands, type Stakeholder, type Stance } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { formError, invalidIf, type FormError } from "../../common/formError";
import { FIELD_LABELS, inputOf, MAX_SCORE, MIN_SCORE, STANCES } from "./model";

function parseScore(text: string): number | null {
  const score = Number(text);
  return text.trim() !== "" && Number.isInteger(score) && score >= MIN_SCORE && score <= MAX_SCORE ? score : null;
}

export function StakeholderForm({ person, onDone }: { person: Stakeholder; onDone: () => void }) {
  const { data, actOrThrow } = useWorkshop();
  const saved = inputOf(person);
  const [name, setName] = useState(saved.name);
  const [role, setRole] = useState(saved.role);
  const [fn, setFn] = useState(saved.function);
  const [influence, setInfluence] = useState(String(saved.influence));
  const [interest, setInterest] = useState(String(saved.interest));
  const [stance, setStance] = useState<Stance>(saved.stance);
  const [present, setPresent] = useState(saved.present);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scores = { influence: parseScore(influence), interest: parseScore(interest) };
    for (const field of ["influence", "interest"] as const) {
      if (scores[field] === null) {
        setError({ field, message: `${FIELD_LABELS[field]} must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}.`, code: null });
        return;
      }
    }
    setBusy(true);
    try {
      const input = { ...saved, name, role, function: fn, influence: scores.influence ?? 3, interest: scores.interest ?? 3, stance, present };
      await actOrThrow(() => call(commands.updateStakeholder(data.workshop.id, person.id, input)));
      onDone();
    } catch (thrown) {
      setError(formError(thrown, FIELD_LABELS));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    }
  };

  const bad = (field: string) => invalidIf(error, field);
  return (
    <form className="person-form" aria-label={`Edit ${saved.name}`} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Name</span>
          <input data-testid="stakeholder-name-edit" value={name} aria-invalid={bad("name")} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Role</span>
          <input data-testid="stakeholder-role-input" autoFocus value={role} placeholder="e.g. Head of Sales" aria-invalid={bad("role")} onChange={(e) => setRole(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Function</span>
          <input data-testid="stakeholder-function-input" value={fn} placeholder="e.g. Marketing, top team, agency" aria-invalid={bad("function")} onChange={(e) => setFn(e.target.value)} />
        </label>
      </div>
      <div className="field-row">
        <label className="field field--score">
          <span className="field__label">Influence (1–5)</span>
          <input data-testid="stakeholder-influence-input" type="number" min={MIN_SCORE} max={MAX_SCORE} step={1} value={influence} aria-invalid={bad("influence")} onChange={(e) => setInfluence(e.target.value)} />
        </label>
        <label className="field field--score">
          <span className="field__label">Interest (1–5)</span>
          <input data-testid="stakeholder-interest-input" type="number" min={MIN_SCORE} max={MAX_SCORE} step={1} value={interest} aria-invalid={bad("interest")} onChange={(e) => setInterest(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Stance</span>
          <select data-testid="stakeholder-stance-select" value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
            {STANCES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="presence presence--form">
          <input type="checkbox" data-testid="stakeholder-present-input" checked={present} onChange={(e) => setPresent(e.target.checked)} />
          <span>In the room</span>
        </label>
      </div>
      {error && (
        <p className="form__error" role="alert" data-testid="form-error">
          {error.message}
        </p>
      )}
      <div className="person-form__actions">
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid="stakeholder-save" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
