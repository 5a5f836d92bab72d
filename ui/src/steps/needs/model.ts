// What the needs step works out for display: the five SMART parts in order, the words for a
// need's agreement and its way to the vote, the aggregated view's groups, and form errors.
// The SMART check itself is computed in Rust; nothing here decides whether a part holds.
import { formError as commonFormError, type FormError } from "../../common/formError";
import type { Agreement, Need, NeedInput, SmartCheck, Stakeholder } from "../../bindings";

export type NeedFields = NeedInput;

export interface SmartPart {
  letter: "S" | "M" | "A" | "R" | "T";
  key: keyof SmartCheck;
  name: string;
}

export const SMART_PARTS: SmartPart[] = [
  { letter: "S", key: "specific", name: "Specific" },
  { letter: "M", key: "measurable", name: "Measurable" },
  { letter: "A", key: "achievable", name: "Achievable" },
  { letter: "R", key: "relevant", name: "Relevant" },
  { letter: "T", key: "timeBound", name: "Time-bound" },
];

export function failingParts(smart: SmartCheck): SmartPart[] {
  return SMART_PARTS.filter((part) => !smart[part.key].holds);
}

export function emptyNeed(categoryId: string): NeedFields {
  return {
    categoryId, statement: "", specificWho: "", specificWhat: "", measure: "", unit: "", baseline: "", target: "",
    achievableHow: "", owner: "", relevantLink: "", timeBound: "", achievableConfirmed: false, achievableReason: "",
    relevantConfirmed: false, relevantReason: "",
  };
}

/** Every field of a saved need, with the defaults for any the record leaves out. */
export function fieldsOf(need: Need): NeedFields {
  const d = need.details;
  return {
    ...emptyNeed(d.categoryId), ...d,
    achievableConfirmed: d.achievableConfirmed ?? false, relevantConfirmed: d.relevantConfirmed ?? false,
  } as NeedFields;
}

/** How the form names each field, so a refused save reads as a sentence about that field. */
export const FIELD_LABELS: Record<string, string> = {
  categoryId: "Category", statement: "Statement", specificWho: "Who", specificWhat: "What", measure: "Measure",
  unit: "Unit", baseline: "Today", target: "Target", achievableHow: "How", owner: "Owner",
  achievableReason: "Why it is achievable", relevantLink: "Link to the category and the business",
  relevantReason: "Why it is relevant", timeBound: "By when",
};

export type { FormError };

/** A refused save of the need form, named in the form's own words. */
export function formError(thrown: unknown): FormError {
  return commonFormError(thrown, FIELD_LABELS);
}

export function objectorNames(ids: string[], stakeholders: Stakeholder[]): string[] {
  return ids.map((id) => stakeholders.find((s) => s.id === id)?.details.name ?? "someone no longer listed");
}

/** Where the room stands on a need, in a sentence for the card. */
export function agreementText(agreement: Agreement, stakeholders: Stakeholder[]): string {
  switch (agreement.kind) {
    case "pending":
      return "Not agreed yet";
    case "consensus":
      return "Agreed by the room (consensus)";
    case "rejected":
      return agreement.note ? `Rejected: ${agreement.note}` : "Rejected by the room";
    case "objections": {
      const names = objectorNames(agreement.objectorIds, stakeholders);
      const who = names.length > 0 ? `Objections from ${names.join(", ")}` : "Objections";
      return agreement.note ? `${who}: ${agreement.note}` : who;
    }
  }
}

const AGREEMENT_GAP: Record<Agreement["kind"], string> = {
  pending: "needs agreement",
  consensus: "",
  objections: "objections to resolve",
  rejected: "rejected by the room",
};

/** "Goes to the vote", or what stands in the way: the failing letters and the agreement. */
export function voteReadiness(need: Need): string {
  if (need.eligible) return "Goes to the vote";
  const gaps: string[] = [];
  const failing = failingParts(need.smart).map((p) => p.letter);
  if (failing.length > 0) gaps.push(`fix ${failing.join(", ")}`);
  if (AGREEMENT_GAP[need.agreement.kind]) gaps.push(AGREEMENT_GAP[need.agreement.kind]);
  return gaps.length > 0 ? `Not yet: ${gaps.join(" · ")}` : "Not yet";
}

export interface NeedGroup {
  /** The measure as first written, trimmed and with single spaces. */
  measure: string;
  needs: Need[];
  /** Each category once, in the order first seen. */
  categoryIds: string[];
}

/** Trim, lowercase and collapse spaces, so "Orders in slot" and " orders  in slot" match. */
export function normaliseMeasure(measure: string): string {
  return measure.trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * Needs grouped by what they measure; groups shared by the most categories come first, then
 * those with the most needs, then alphabetically. Needs without a measure are left out.
 */
export function groupByMeasure(needs: Need[]): NeedGroup[] {
  const groups = new Map<string, NeedGroup>();
  for (const need of needs) {
    const key = normaliseMeasure(need.details.measure ?? "");
    if (!key) continue;
    const group = groups.get(key) ?? { measure: (need.details.measure ?? "").trim().replace(/\s+/g, " "), needs: [], categoryIds: [] };
    group.needs.push(need);
    if (!group.categoryIds.includes(need.details.categoryId)) group.categoryIds.push(need.details.categoryId);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([keyA, a], [keyB, b]) => b.categoryIds.length - a.categoryIds.length || b.needs.length - a.needs.length || keyA.localeCompare(keyB))
    .map(([, group]) => group);
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
