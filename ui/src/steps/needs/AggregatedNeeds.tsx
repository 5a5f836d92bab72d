// Needs across all categories, grouped by what they measure, so the room sees which
// outcomes matter to several kinds of customer.
import type { Category, Need } from "../../bindings";

export interface NeedGroup {
  measure: string;
  needs: Need[];
  categoryIds: string[];
}

export function normaliseMeasure(measure: string): string {
  return measure.trim().toLowerCase().replace(/\s+/g, " ");
}

export function groupByMeasure(needs: Need[]): NeedGroup[] {
  const groups = new Map<string, NeedGroup>();
  for (const need of needs) {
    const measure = need.details.measure ?? "";
    const key = normaliseMeasure(measure);
    if (!key) continue;
    const group = groups.get(key) ?? { measure: measure.trim(), needs: [], categoryIds: [] };
    group.needs.push(need);
    if (!group.categoryIds.includes(need.details.categoryId)) group.categoryIds.push(need.details.categoryId);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.categoryIds.length - a.categoryIds.length || b.needs.length - a.needs.length || a.measure.localeCompare(b.measure));
}

export function AggregatedNeeds({ needs, categories }: { needs: Need[]; categories: Category[] }) {
  const groups = groupByMeasure(needs);
  const name = (id: string) => categories.find((c) => c.id === id)?.details.name ?? "";
  if (groups.length === 0) return <p className="muted">Give needs a measure to compare them across categories.</p>;
  return (
    <ol className="need-groups">
      {groups.map((group) => (
        <li key={group.measure} className="need-group" data-testid="need-group" data-measure={group.measure}>
          <p className="need-group__measure">{group.measure}</p>
          <p className="muted small">
            {group.categoryIds.length} {group.categoryIds.length === 1 ? "category" : "categories"}: {group.categoryIds.map(name).join(", ")}
          </p>
          <ul>
            {group.needs.map((n) => (
              <li key={n.id}>{n.details.statement}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
