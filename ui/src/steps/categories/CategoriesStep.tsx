// Step 2: the customer categories. A fast-entry line, then a card per category saying who
// they are and why the best ones are the best. Every change goes to the backend first.
import { useState } from "react";
import { call } from "../../api";
import { commands } from "../../bindings";
import { useStatus } from "../../common/status";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { moved } from "../../common/formError";
import { QuickAdd } from "../../common/QuickAdd";
import { CategoryCard } from "./CategoryCard";
import { FIELD_LABELS, inputOf, newCategory } from "./model";
import "./categories.css";

export function CategoriesStep() {
  const { data, act, actOrThrow } = useWorkshop();
  const { notify } = useStatus();
  const [lastMove, setLastMove] = useState<{ id: string; by: -1 | 1 } | null>(null);
  const workshopId = data.workshop.id;
  const categories = data.categories;
  const best = categories.filter((c) => inputOf(c).priority).length;

  const move = (index: number, by: -1 | 1) => {
    setLastMove({ id: categories[index].id, by });
    const ids = moved(categories.map((c) => c.id), index, by);
    void act(() => call(commands.reorderCategories(workshopId, ids)));
  };

  const remove = async (index: number) => {
    const category = categories[index];
    const done = await act(async () => {
      await call(commands.removeCategory(workshopId, category.id));
      return true;
    });
    if (done) notify(`Removed “${category.details.name}”. Press Ctrl+Z to undo.`);
  };

  return (
    <div className="categories">
      <QuickAdd
        testId="category-name-input"
        label="Add a customer category"
        placeholder="e.g. Young families — type a name and press Enter"
        fieldLabels={FIELD_LABELS}
        existing={categories.map((c) => c.details.name)}
        onAdd={(name) => actOrThrow(() => call(commands.addCategory(workshopId, newCategory(name))))}
      />
      {categories.length === 0 ? (
        <p className="categories__empty" data-testid="categories-empty">
          No customer categories yet. At least one is needed to go on to the SMART needs.
        </p>
      ) : (
        <>
          <p className="muted small categories__count" data-testid="categories-count">
            {categories.length} {categories.length === 1 ? "category" : "categories"} · {best} starred as best customers
          </p>
          <ol className="category-list">
            {categories.map((category, index) => (
              <CategoryCard
                key={category.id}
                category={category}
                index={index}
                count={categories.length}
                movedBy={lastMove?.id === category.id ? lastMove.by : undefined}
                onMove={(by) => move(index, by)}
                onRemove={() => void remove(index)}
              />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
