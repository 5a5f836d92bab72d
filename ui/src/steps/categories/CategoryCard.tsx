// One customer category as a card: who they are, why they are among the best customers, how
// many and what they are worth, the priority star, and the controls to edit, move and remove.
import { useRef, useState } from "react";
import { call } from "../../api";
import { commands, type Category } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { useMoveFocus } from "../../common/useMoveFocus";
import { CategoryForm } from "./CategoryForm";
import { inputOf, missingWhy, REASONS } from "./model";
import { PriorityStar } from "./PriorityStar";

interface Props {
  category: Category;
  index: number;
  count: number;
  movedBy?: -1 | 1;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function CategoryCard({ category, index, count, movedBy, onMove, onRemove }: Props) {
  const { data, act } = useWorkshop();
  const [editing, setEditing] = useState(false);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const edit = useRef<HTMLButtonElement>(null);
  const input = inputOf(category);
  useMoveFocus(movedBy, index, up, down);

  const togglePriority = () =>
    void act(() => call(commands.updateCategory(data.workshop.id, category.id, { ...input, priority: !input.priority })));
  const closeForm = () => {
    setEditing(false);
    edit.current?.focus();
  };

  const reasons = REASONS.filter((r) => input.reasons.includes(r.value));
  const empty = !input.description && !input.whyBest && reasons.length === 0 && !input.size && !input.value;
  return (
    <li
      className={`category${input.priority ? " category--priority" : ""}${editing ? " category--editing" : ""}`}
      data-testid="category-row"
      data-name={input.name}
      data-priority={input.priority}
    >
      <header className="category__header">
        {!editing && <PriorityStar on={input.priority} name={input.name} onToggle={togglePriority} />}
        <h3 className="category__name">{input.name}</h3>
        <div className="category__actions">
          <button ref={up} className="icon-button" data-testid="category-up" aria-label={`Move ${input.name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button ref={down} className="icon-button" data-testid="category-down" aria-label={`Move ${input.name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </button>
          <button
            ref={edit}
            className="button button--ghost button--small"
            data-testid="category-edit"
            aria-expanded={editing}
            onClick={() => (editing ? closeForm() : setEditing(true))}
          >
            Edit
          </button>
          <button className="button button--ghost button--small button--danger-text" data-testid="category-remove" aria-label={`Remove ${input.name}`} onClick={onRemove}>
            Remove
          </button>
        </div>
      </header>
      {editing ? (
        <CategoryForm category={category} onDone={closeForm} />
      ) : (
        <div className="category__body">
          {input.description && <p className="category__description">{input.description}</p>}
          {(input.whyBest || reasons.length > 0) && (
            <div className="category__why">
              <span className="category__why-label">Why they are among our best customers</span>
              {reasons.length > 0 && (
                <ul className="reason-chips" aria-label="Reasons">
                  {reasons.map((r) => (
                    <li key={r.value} className="reason-chip">
                      {r.label}
                    </li>
                  ))}
                </ul>
              )}
              {input.whyBest && <p className="category__why-text">{input.whyBest}</p>}
            </div>
          )}
          {(input.size || input.value) && (
            <dl className="category__figures">
              {input.size && (
                <div>
                  <dt>Size</dt>
                  <dd>{input.size}</dd>
                </div>
              )}
              {input.value && (
                <div>
                  <dt>Value</dt>
                  <dd>{input.value}</dd>
                </div>
              )}
            </dl>
          )}
          {missingWhy(input) && (
            <p className="category__hint" data-testid="category-why-hint">
              Starred as best customers — say why: pick a reason or write it in the room’s words.
            </p>
          )}
          {empty && <p className="muted category__empty">Who they are, why they matter, size and value: press Edit to add them.</p>}
        </div>
      )}
    </li>
  );
}
