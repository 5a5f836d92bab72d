// What the categories page works with: a category's full input, the four reasons the method
// names, and when to prompt for a "why" (the same rule as lodestar-core's `missing_why`).
import type { BestReason, Category, CategoryInput } from "../../bindings";

export const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  description: "Description",
  whyBest: "Why",
  reasons: "Reasons",
  size: "Size",
  value: "Value",
};

export const REASONS: { value: BestReason; label: string; hint: string }[] = [
  { value: "value", label: "Value", hint: "They bring the most value (revenue, margin)" },
  { value: "loyalty", label: "Loyalty", hint: "They stay and come back" },
  { value: "growth", label: "Growth", hint: "They are growing, or we grow with them" },
  { value: "strategic_fit", label: "Strategic fit", hint: "They are who the strategy is aimed at" },
];

export function newCategory(name: string): CategoryInput {
  return { name, description: "", whyBest: "", reasons: [], size: "", value: "", priority: false };
}

/** Every field of a saved category, with the defaults the backend applies filled in. */
export function inputOf(category: Category): CategoryInput {
  const d = category.details;
  return {
    name: d.name,
    description: d.description ?? "",
    whyBest: d.whyBest ?? "",
    reasons: d.reasons ?? [],
    size: d.size ?? "",
    value: d.value ?? "",
    priority: d.priority ?? false,
  };
}

/** A best-customer category that does not yet say why (no reason ticked, nothing written). */
export function missingWhy(input: CategoryInput): boolean {
  return input.priority && input.reasons.length === 0 && input.whyBest.trim() === "";
}

/** The reasons with `reason` switched on or off, kept in the method's order. */
export function toggled(reasons: readonly BestReason[], reason: BestReason): BestReason[] {
  const on = new Set(reasons);
  if (on.has(reason)) on.delete(reason);
  else on.add(reason);
  return REASONS.map((r) => r.value).filter((r) => on.has(r));
}
