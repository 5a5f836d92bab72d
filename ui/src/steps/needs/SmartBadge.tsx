// The S·M·A·R·T badge: one letter per part, filled when it holds.
import type { SmartCheck } from "../../bindings";

export const SMART_PARTS: { letter: string; key: keyof SmartCheck; name: string }[] = [
  { letter: "S", key: "specific", name: "Specific" },
  { letter: "M", key: "measurable", name: "Measurable" },
  { letter: "A", key: "achievable", name: "Achievable" },
  { letter: "R", key: "relevant", name: "Relevant" },
  { letter: "T", key: "timeBound", name: "Time-bound" },
];

export function SmartBadge({ smart }: { smart: SmartCheck }) {
  const summary = SMART_PARTS.map((p) => `${p.name}: ${smart[p.key].holds ? "holds" : "not yet"}`).join(", ");
  return (
    <span className="smart-badge" data-testid="smart-badge" role="img" aria-label={summary}>
      {SMART_PARTS.map((p) => (
        <span key={p.letter} className={`smart-letter${smart[p.key].holds ? " smart-letter--holds" : ""}`} data-testid={`smart-letter-${p.letter}`} data-holds={smart[p.key].holds ? "true" : "false"} title={`${p.name}${smart[p.key].holds ? " holds" : `: ${smart[p.key].reasons.join(" ")}`}`}>
          {p.letter}
        </span>
      ))}
    </span>
  );
}
