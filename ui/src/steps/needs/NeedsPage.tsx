// Step 3: SMART needs per customer category, each with its S·M·A·R·T check (worked out in
// Rust) and the room's agreement. Only needs that hold and are agreed go to the vote.
import { useState } from "react";
import { call } from "../../api";
import { commands, type Category, type Need } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { AggregatedNeeds } from "./AggregatedNeeds";
import { NeedEditor } from "./NeedEditor";
import { NeedCardView } from "./NeedCardView";
import "./needs.css";

type Editing = { kind: "new"; categoryId: string } | { kind: "edit"; need: Need } | null;

export function NeedsPage() {
  const { data } = useWorkshop();
  const [editing, setEditing] = useState<Editing>(null);
  const [view, setView] = useState<"categories" | "aggregated">("categories");

  if (data.categories.length === 0) {
    return <p className="callout" data-testid="needs-no-categories">Needs belong to customer categories: add at least one category in step 2 first.</p>;
  }
  const eligible = data.needs.filter((n) => n.eligible).length;
  const ordered = [...data.categories].sort((a, b) => Number(b.details.priority) - Number(a.details.priority));

  return (
    <div className="needs">
      <div className="needs__toolbar">
        <p className="muted" data-testid="needs-summary">
          {data.needs.length} {data.needs.length === 1 ? "need" : "needs"} · {eligible} ready for the vote
        </p>
        <div className="button-group" role="group" aria-label="View">
          <button className={`button button--small ${view === "categories" ? "button--primary" : "button--ghost"}`} aria-pressed={view === "categories"} onClick={() => setView("categories")}>
            By category
          </button>
          <button className={`button button--small ${view === "aggregated" ? "button--primary" : "button--ghost"}`} data-testid="needs-view-aggregated" aria-pressed={view === "aggregated"} onClick={() => setView("aggregated")}>
            All categories
          </button>
        </div>
      </div>
      {view === "aggregated" ? (
        <AggregatedNeeds needs={data.needs} categories={data.categories} />
      ) : (
        ordered.map((category) => (
          <CategorySection
            key={category.id}
            category={category}
            needs={data.needs.filter((n) => n.details.categoryId === category.id)}
            onAdd={() => setEditing({ kind: "new", categoryId: category.id })}
            onEdit={(need) => setEditing({ kind: "edit", need })}
          />
        ))
      )}
      {editing && (
        <NeedEditor
          categoryId={editing.kind === "new" ? editing.categoryId : editing.need.details.categoryId}
          need={editing.kind === "edit" ? editing.need : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

interface SectionProps {
  category: Category;
  needs: Need[];
  onAdd: () => void;
  onEdit: (need: Need) => void;
}

function CategorySection({ category, needs, onAdd, onEdit }: SectionProps) {
  const { data, act } = useWorkshop();
  return (
    <section className="needs__category" data-testid="needs-category" data-name={category.details.name} aria-label={category.details.name}>
      <header className="needs__category-header">
        <h3>
          {category.details.priority && <span className="needs__star" aria-label="priority">★ </span>}
          {category.details.name}
        </h3>
        <button className="button button--ghost button--small" data-testid="add-need" onClick={onAdd}>
          + Add need
        </button>
      </header>
      {needs.length === 0 && <p className="muted small">No needs yet for these customers.</p>}
      {needs.map((need) => (
        <NeedCardView
          key={need.id}
          need={need}
          categoryName={category.details.name}
          stakeholders={data.stakeholders}
          onEdit={() => onEdit(need)}
          onRemove={() => void act(() => call(commands.removeNeed(data.workshop.id, need.id)))}
        />
      ))}
    </section>
  );
}
