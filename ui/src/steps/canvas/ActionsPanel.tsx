// The room's next actions (what, who, by when): the outcome of a workshop is action, not a
// report. Added in one line, removed with undo.
import { useState, type FormEvent } from "react";
import { call } from "../../api";
import { commands, type ActionInput, type WorkshopData } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { formError, invalidIf, type FormError } from "../../common/formError";

const LABELS: Record<string, string> = { what: "What", owner: "Owner", due: "Due date" };
const EMPTY: ActionInput = { what: "", owner: "", due: "" };

export function ActionsPanel({ data }: { data: WorkshopData }) {
  const { act, actOrThrow } = useWorkshop();
  const [draft, setDraft] = useState<ActionInput>(EMPTY);
  const [error, setError] = useState<FormError | null>(null);
  const owners = [...new Set(data.stakeholders.map((s) => s.details.name).filter(Boolean))];

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await actOrThrow(() => call(commands.addAction(data.workshop.id, draft)));
      setDraft(EMPTY);
      setError(null);
    } catch (thrown) {
      setError(formError(thrown, LABELS));
    }
  };
  return (
    <section className="actions-panel" data-testid="actions-panel">
      {data.actions.length === 0 ? (
        <p className="muted">No actions yet. What will happen on Monday because of today?</p>
      ) : (
        <ol className="actions-list">
          {data.actions.map((a) => (
            <li key={a.id} className="actions-list__row" data-testid="action-row">
              <span className="actions-list__what">{a.details.what}</span>
              <span className="muted small">{a.details.owner}{a.details.due ? ` · by ${a.details.due}` : ""}</span>
              <button type="button" className="button button--ghost button--small" aria-label={`Remove action ${a.details.what}`}
                onClick={() => void act(() => call(commands.removeAction(data.workshop.id, a.id)))}>Remove</button>
            </li>
          ))}
        </ol>
      )}
      <form className="actions-form" onSubmit={(e) => void add(e)} noValidate aria-label="Add an action">
        <input data-testid="action-what" placeholder="What will be done" value={draft.what} aria-invalid={invalidIf(error, "what")}
          aria-label="What" onChange={(e) => setDraft({ ...draft, what: e.target.value })} />
        <input data-testid="action-owner" placeholder="Owner" list="action-owners" value={draft.owner} aria-invalid={invalidIf(error, "owner")}
          aria-label="Owner" onChange={(e) => setDraft({ ...draft, owner: e.target.value })} />
        <datalist id="action-owners">{owners.map((o) => <option key={o} value={o} />)}</datalist>
        <input data-testid="action-due" type="date" value={draft.due} aria-invalid={invalidIf(error, "due")} aria-label="Due date"
          onChange={(e) => setDraft({ ...draft, due: e.target.value })} />
        <button type="submit" className="button button--primary button--small" data-testid="add-action">Add action</button>
      </form>
      {error && <p className="form__error" role="alert" data-testid="form-error">{error.message}</p>}
    </section>
  );
}
