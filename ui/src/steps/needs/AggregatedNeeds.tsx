// All categories at once: needs grouped by what they measure, the measures shared by the most
// categories first, so the room sees which outcomes matter to several kinds of customer.
import type { Category, Need } from "../../bindings";
import { groupByMeasure, normaliseMeasure, plural } from "./model";

export function AggregatedNeeds({ needs, categories }: { needs: Need[]; categories: Category[] }) {
  const groups = groupByMeasure(needs);
  const unmeasured = needs.filter((n) => !normaliseMeasure(n.details.measure ?? "")).length;
  const name = (id: string) => categories.find((c) => c.id === id)?.details.name ?? "a removed category";

  return (
    <div className="need-groups" data-testid="needs-aggregated">
      <p className="muted">
        Needs that share a measure (ignoring case and spacing), the most widely shared first.
        {unmeasured > 0 && ` ${plural(unmeasured, "need has", "needs have")} no measure yet and ${unmeasured === 1 ? "is" : "are"} not compared.`}
      </p>
      {groups.length === 0 ? (
        <p className="callout need-groups__empty" data-testid="need-groups-empty">
          No need has a measure yet. Give needs a measure (the M of SMART) to compare them across categories.
        </p>
      ) : (
        <ol className="need-groups__list">
          {groups.map((group) => {
            const shared = group.categoryIds.length;
            return (
              <li key={group.measure} className={`need-group${shared > 1 ? " need-group--shared" : ""}`} data-testid="need-group" data-measure={group.measure} data-categories={shared}>
                <div className="need-group__count" aria-hidden="true">
                  <span className="need-group__number">{shared}</span>
                  <span>{shared === 1 ? "category" : "categories"}</span>
                </div>
                <div className="need-group__body">
                  <h3 className="need-group__measure">{group.measure}</h3>
                  <p className="need-group__categories">
                    {plural(shared, "category", "categories")}: {group.categoryIds.map(name).join(", ")}
                  </p>
                  <ul className="need-group__needs">
                    {group.needs.map((n) => (
                      <li key={n.id} className={`need-group__need need-group__need--${n.eligible ? "eligible" : "not-yet"}`}>
                        <span className="need-group__mark" aria-hidden="true">{n.eligible ? "✓" : "○"}</span>
                        <span>{n.details.statement}</span>
                        <span className="need-group__where">
                          {name(n.details.categoryId)} · {n.eligible ? "goes to the vote" : "not yet ready for the vote"}
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
