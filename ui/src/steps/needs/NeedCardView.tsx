// One need as the room sees it: the statement, its category, the S·M·A·R·T badge with the
// reasons a part fails, where the room stands, and whether it goes to the vote.
import type { Need, Stakeholder } from "../../bindings";
import { AgreementControls } from "./AgreementControls";
import { agreementText, failingParts, voteReadiness } from "./model";
import { SmartBadge } from "./SmartBadge";

interface Props {
  need: Need;
  categoryName: string;
  stakeholders: Stakeholder[];
  onEdit: () => void;
  onRemove: () => void;
}

export function NeedCardView({ need, categoryName, stakeholders, onEdit, onRemove }: Props) {
  const d = need.details;
  const failing = failingParts(need.smart);
  const measure = measureLine(need);
  const meta = [categoryName, d.owner && `owner: ${d.owner}`, d.timeBound].filter(Boolean).join(" · ");
  return (
    <article
      className={`need-card need-card--${need.eligible ? "eligible" : "not-yet"} need-card--${need.agreement.kind}`}
      data-testid="need-card"
      data-statement={d.statement}
      data-eligible={need.eligible ? "true" : "false"}
      aria-label={d.statement}
    >
      <header className="need-card__head">
        <div className="need-card__title">
          <p className="need-card__statement">{d.statement}</p>
          <p className="need-card__meta">{meta}</p>
          {measure && <p className="need-card__measure">{measure}</p>}
        </div>
        <SmartBadge smart={need.smart} />
      </header>
      {failing.length > 0 && (
        <ul className="need-card__reasons" data-testid="smart-reasons" aria-label="Why the SMART check does not pass yet">
          {failing.map((part) => (
            <li key={part.letter} data-part={part.letter}>
              <span className="need-card__reason-letter" aria-hidden="true">{part.letter}</span>
              <span>
                <strong>{part.name}:</strong> {need.smart[part.key].reasons.join(" ") || "does not hold yet."}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="need-card__state">
        <span className={`need-card__vote need-card__vote--${need.eligible ? "yes" : "no"}`} data-testid="vote-readiness">
          {need.eligible ? "✓ " : ""}
          {voteReadiness(need)}
        </span>
        <span className={`agreement-pill agreement-pill--${need.agreement.kind}`} data-testid="agreement-status" data-kind={need.agreement.kind}>
          {agreementText(need.agreement, stakeholders)}
        </span>
      </div>
      <AgreementControls need={need} stakeholders={stakeholders}>
        <span className="need-card__tools">
          <button type="button" className="button button--ghost button--small" data-testid="need-edit" aria-label={`Edit “${d.statement}”`} onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button--ghost button--small button--danger-text" data-testid="need-remove" aria-label={`Remove “${d.statement}”`} onClick={onRemove}>
            Remove
          </button>
        </span>
      </AgreementControls>
    </article>
  );
}

/** "Measure: orders in the slot · 60 → 95 %", from whatever of it is filled in. */
function measureLine(need: Need): string {
  const { measure = "", unit = "", baseline = "", target = "" } = need.details;
  // A value typed with its unit ("98%") keeps it as typed.
  const withUnit = (value: string) =>
    value && unit && !value.trim().endsWith(unit.trim()) ? `${value}${unit === "%" ? "" : " "}${unit}` : value;
  const span = baseline && target ? `${withUnit(baseline)} → ${withUnit(target)}` : target ? `target ${withUnit(target)}` : baseline ? `today ${withUnit(baseline)}` : "";
  return [measure && `Measure: ${measure}`, span].filter(Boolean).join(" · ");
}
