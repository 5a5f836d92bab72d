// The star that marks a category as one of the best customer categories.
export function PriorityStar({ on, name, onToggle }: { on: boolean; name: string; onToggle: () => void }) {
  return (
    <button
      type="button"
      className={`priority-star${on ? " priority-star--on" : ""}`}
      data-testid="category-priority"
      aria-pressed={on}
      aria-label={`${name || "This category"}: among our best customers`}
      title={on ? "Among our best customers (click to unmark)" : "Mark as among our best customers"}
      onClick={onToggle}
    >
      {on ? "★" : "☆"}
    </button>
  );
}
