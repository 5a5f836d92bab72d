// The rules the stakeholder page draws with: a card's full input, stable avatar colours,
// duplicate names, and the power/interest grid's geometry (matching lodestar-core).
import type { GridQuadrant, Stakeholder, StakeholderInput, Stance } from "../../bindings";
import { normaliseName } from "../../common/names";

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** Scores at or above this count as "high" on the grid (as in the backend). */
export const HIGH_SCORE = 3;

export const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  role: "Role",
  function: "Function",
  influence: "Influence",
  interest: "Interest",
  stance: "Stance",
  colour: "Colour",
};

export const STANCES: { value: Stance; label: string }[] = [
  { value: "supportive", label: "Supportive" },
  { value: "neutral", label: "Neutral" },
  { value: "sceptical", label: "Sceptical" },
];

export const QUADRANTS: Record<GridQuadrant, { label: string; advice: string }> = {
  manage_closely: { label: "Manage closely", advice: "Involve them in every decision" },
  keep_satisfied: { label: "Keep satisfied", advice: "Keep them content, don't overload" },
  keep_informed: { label: "Keep informed", advice: "Keep them in the loop" },
  monitor: { label: "Monitor", advice: "Watch for change" },
};

/** A new person from the fast-entry line: middle scores, neutral, in the room. */
export function newStakeholder(name: string): StakeholderInput {
  return { name, role: "", function: "", influence: 3, interest: 3, stance: "neutral", present: true, colour: "" };
}

/** Every field of a saved card, with the defaults the backend applies filled in. */
export function inputOf(person: Stakeholder): StakeholderInput {
  const d = person.details;
  return {
    name: d.name,
    role: d.role ?? "",
    function: d.function ?? "",
    influence: d.influence,
    interest: d.interest,
    stance: d.stance ?? "neutral",
    present: d.present ?? false,
    colour: d.colour ?? "",
  };
}

// Saturated enough to carry white initials in both themes.
const PALETTE = ["#3b4cca", "#1f8a4c", "#c2312f", "#8a3ffc", "#0f7b8a", "#b35c00", "#a3257a", "#44617b", "#5b7c12", "#d0452b"];

/** The card's own colour, or one derived from the name that stays the same across sessions. */
export function colourOf(name: string, colour: string | undefined): string {
  if (colour) return colour;
  let hash = 0;
  for (const char of normaliseName(name)) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export function clampScore(score: number): number {
  return Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(score)));
}

/** A position 0..1 along an axis (low to high) cut into five equal bands, clamped. */
export function scoreAt(fraction: number): number {
  const position = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return Math.min(MAX_SCORE - 1, Math.floor(position * MAX_SCORE)) + MIN_SCORE;
}

/** The centre of a score's band, 0..1 from low to high. */
export function bandCentre(score: number): number {
  return (clampScore(score) - 0.5) / MAX_SCORE;
}

export function quadrantOf(influence: number, interest: number): GridQuadrant {
  const high = influence >= HIGH_SCORE;
  const keen = interest >= HIGH_SCORE;
  if (high) return keen ? "manage_closely" : "keep_satisfied";
  return keen ? "keep_informed" : "monitor";
}
