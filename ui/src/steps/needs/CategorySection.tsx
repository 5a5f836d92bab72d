// One customer category on the needs page: its name (starred when among the best customers),
// how far its needs are, "Add need", and a card per need.
import { useRef } from "react";
import type { Category, Need, Stakeholder } from "../../bindings";
import { plural } from "./model";
import { NeedCardView } from "./NeedCardView";

interface Props {
  category: Category;
  needs: Need[];
  stakeholders: Stakeholder[];
  onAdd: () => void;
  onEdit: (need: Need) => void;
  onRemove: (need: Need) => void;
}

export function CategorySection({ category, needs, stakeholders, onAdd, onEdit, onRemove }: Props) {
  const { name, priority } = category.details;
  const ready = needs.filter((n) => n.eligible).length;
  const headingId = `needs-category-${category.id}`;
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <section className={`needs-category${priority ? " needs-category--priority" : ""}`} data-testid="needs-category" data-name={name} aria-labelledby={headingId}>
      <header className="needs-category__header">
        <div>
          <h3 id={headingId} className="needs-category__name">
            {priority && <span className="needs-category__star" role="img" aria-label="Best customers">★</span>}
            {name}
          </h3>
          <p className="muted small">
            {needs.length === 0 ? "No needs yet" : `${plural(needs.length, "need", "needs")} · ${ready} ${ready === 1 ? "goes" : "go"} to the vote`}
          </p>
        </div>
        <button ref={addButton} type="button" className="button needs-category__add" data-testid="add-need" aria-label={`Add need for ${name}`} onClick={onAdd}>
          + Add need
        </button>
      </header>
      {needs.length === 0 ? (
        <p className="needs-category__empty">What would a successful outcome be for {name}? Add it as a need.</p>
      ) : (
        <div className="needs-category__cards">
          {needs.map((need) => (
            <NeedCardView
              key={need.id}
              need={need}
              categoryName={name}
              stakeholders={stakeholders}
              onEdit={() => onEdit(need)}
              onRemove={() => {
                // The card goes away: keep the keyboard in this section.
                addButton.current?.focus();
                onRemove(need);
              }}
            />
          ))}
        </div>
      )}
    </section>
  );
}
