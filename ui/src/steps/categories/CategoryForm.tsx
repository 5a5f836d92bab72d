// The form inside a category card: name, description, why they are among the best customers
// (in words and as reasons), size and value, and the priority star. Ctrl+Enter saves from
// anywhere in it, Escape cancels; the backend's message shows beside the field it is about.
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { call } from "../../api";
import { commands, type Category, type CategoryInput } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { formError, invalidIf, type FormError } from "../../common/formError";
import { FIELD_LABELS, inputOf, missingWhy, REASONS, toggled } from "./model";
import { PriorityStar } from "./PriorityStar";

export function CategoryForm({ category, onDone }: { category: Category; onDone: () => void }) {
  const { data, actOrThrow } = useWorkshop();
  const [draft, setDraft] = useState<CategoryInput>(() => inputOf(category));
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<CategoryInput>) => setDraft((d) => ({ ...d, ...changes }));

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    try {
      await actOrThrow(() => call(commands.updateCategory(data.workshop.id, category.id, draft)));
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
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const bad = (field: string) => invalidIf(error, field);
  return (
    <form className="category-form" aria-label={`Edit ${draft.name || "category"}`} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <div className="category-form__title">
        <PriorityStar on={draft.priority} name={draft.name} onToggle={() => set({ priority: !draft.priority })} />
        <label className="field">
          <span className="field__label">Name</span>
          <input data-testid="category-name-edit" value={draft.name} aria-invalid={bad("name")} onChange={(e) => set({ name: e.target.value })} />
        </label>
      </div>
      <label className="field">
        <span className="field__label">Who they are</span>
        <textarea
          data-testid="category-description-input"
          autoFocus
          rows={2}
          value={draft.description}
          placeholder="e.g. Families with children under 10 who shop weekly"
          aria-invalid={bad("description")}
          onChange={(e) => set({ description: e.target.value })}
        />
      </label>
      <fieldset className="category-form__why">
        <legend className="field__label">Why they are among our best customers</legend>
        <div className="reason-toggles" role="group" aria-label="Reasons">
          {REASONS.map((reason) => {
            const on = draft.reasons.includes(reason.value);
            return (
              <button
                key={reason.value}
                type="button"
                className={`reason-toggle${on ? " reason-toggle--on" : ""}`}
                data-testid={`category-reason-${reason.value}`}
                aria-pressed={on}
                title={reason.hint}
                onClick={() => set({ reasons: toggled(draft.reasons, reason.value) })}
              >
                {on ? "✓ " : ""}
                {reason.label}
              </button>
            );
          })}
        </div>
        <textarea
          data-testid="category-why-input"
          rows={3}
          value={draft.whyBest}
          placeholder="In the room's words: what makes them our best customers?"
          aria-label="Why they are among our best customers"
          aria-invalid={bad("whyBest")}
          onChange={(e) => set({ whyBest: e.target.value })}
        />
        {missingWhy(draft) && <p className="category__hint">Starred as best customers: pick a reason or write why.</p>}
      </fieldset>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Size (optional)</span>
          <input data-testid="category-size-input" value={draft.size} placeholder="e.g. about 400 accounts" aria-invalid={bad("size")} onChange={(e) => set({ size: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">Value (optional)</span>
          <input data-testid="category-value-input" value={draft.value} placeholder="e.g. 60% of revenue" aria-invalid={bad("value")} onChange={(e) => set({ value: e.target.value })} />
        </label>
      </div>
      {error && (
        <p className="form__error" role="alert" data-testid="form-error">
          {error.message}
        </p>
      )}
      <div className="category-form__actions">
        <span className="muted small">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid="category-save" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
