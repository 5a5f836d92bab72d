// The S·M·A·R·T badge: one letter per part, green when it holds, red outline when it does not.
// The reasons a part fails are listed on the card too; the tooltip is only a shortcut.
import type { SmartCheck } from "../../bindings";
import { SMART_PARTS } from "./model";

export function SmartBadge({ smart }: { smart: SmartCheck }) {
  const summary = SMART_PARTS.map((p) => `${p.name} ${smart[p.key].holds ? "holds" : "does not hold yet"}`).join(", ");
  return (
    <span className="smart-badge" data-testid="smart-badge" role="img" aria-label={`SMART check: ${summary}`}>
      {SMART_PARTS.map((p) => {
        const { holds, reasons } = smart[p.key];
        return (
          <span
            key={p.letter}
            className={`smart-letter ${holds ? "smart-letter--holds" : "smart-letter--fails"}`}
            data-testid={`smart-letter-${p.letter}`}
            data-holds={holds ? "true" : "false"}
            title={holds ? `${p.name}: holds` : `${p.name}: ${reasons.join(" ") || "does not hold yet"}`}
          >
            {p.letter}
          </span>
        );
      })}
    </span>
  );
}
