// Step 3: the SMART needs of each customer category, each with its S·M·A·R·T check (worked
// out in Rust) and the room's agreement; or all categories at once, grouped by measure. Only
// needs that pass all five parts and are agreed by consensus go to the vote.
import { useRef, useState } from "react";
import { call } from "../../api";
import { commands, type Need } from "../../bindings";
import { useStatus } from "../../common/status";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { AggregatedNeeds } from "./AggregatedNeeds";
import { CategorySection } from "./CategorySection";
import { plural } from "./model";
import { NeedEditor } from "./NeedEditor";
import "./needs.css";

type Editing = { kind: "new"; categoryId: string } | { kind: "edit"; need: Need } | null;
type View = "categories" | "aggregated";

export function NeedsPage() {
  const { data, act } = useWorkshop();
  const { notify } = useStatus();
  const [editing, setEditing] = useState<Editing>(null);
  const [view, setView] = useState<View>("categories");
  // The button that opened the form gets the focus back when it closes.
  const opener = useRef<HTMLElement | null>(null);

  if (data.categories.length === 0) {
    return (
      <p className="callout needs-empty" data-testid="needs-no-categories">
        Needs belong to customer categories: add at least one category in step 2 first, then come back to write what a
        successful outcome means to each of them.
      </p>
    );
  }

  const open = (next: Editing) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEditing(next);
  };
  const close = () => {
    setEditing(null);
    const target = opener.current;
    if (target) window.setTimeout(() => target.isConnected && target.focus(), 0);
  };
  const remove = async (need: Need) => {
    const done = await act(async () => {
      await call(commands.removeNeed(data.workshop.id, need.id));
      return true;
    });
    if (done) notify(`Removed “${need.details.statement}”. Press Ctrl+Z to undo.`);
  };

  const ready = data.needs.filter((n) => n.eligible).length;
  // Best customers first; otherwise the order of step 2.
  const ordered = [...data.categories].sort((a, b) => Number(b.details.priority) - Number(a.details.priority));
  const aggregated = view === "aggregated";

  return (
    <div className="needs">
      <div className="needs__toolbar">
        <p className="needs__summary" data-testid="needs-summary">
          {plural(data.needs.length, "need", "needs")} · <strong>{ready} {ready === 1 ? "goes" : "go"} to the vote</strong>
        </p>
        <div className="needs__views" role="group" aria-label="Show needs">
          <button type="button" className={`needs__view${aggregated ? "" : " needs__view--on"}`} data-testid="needs-view-categories" aria-pressed={!aggregated} onClick={() => setView("categories")}>
            By category
          </button>
          <button type="button" className={`needs__view${aggregated ? " needs__view--on" : ""}`} data-testid="needs-view-aggregated" aria-pressed={aggregated} onClick={() => setView(aggregated ? "categories" : "aggregated")}>
            All categories
          </button>
        </div>
      </div>
      {aggregated ? (
        <AggregatedNeeds needs={data.needs} categories={data.categories} />
      ) : (
        ordered.map((category) => (
          <CategorySection
            key={category.id}
            category={category}
            needs={data.needs.filter((n) => n.details.categoryId === category.id)}
            stakeholders={data.stakeholders}
            onAdd={() => open({ kind: "new", categoryId: category.id })}
            onEdit={(need) => open({ kind: "edit", need })}
            onRemove={(need) => void remove(need)}
          />
        ))
      )}
      {editing && (
        <NeedEditor
          categoryId={editing.kind === "new" ? editing.categoryId : editing.need.details.categoryId}
          need={editing.kind === "edit" ? editing.need : undefined}
          onClose={close}
        />
      )}
    </div>
  );
}
