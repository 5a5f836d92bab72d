// One need as the room sees it: statement, SMART badge with the reasons a part fails, the
// room's agreement, and whether it goes to the vote.
import { useState } from "react";
import { call } from "../../api";
import { commands, type Agreement, type Need, type Stakeholder } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { SMART_PARTS, SmartBadge } from "./SmartBadge";

interface Props {
  need: Need;
  categoryName: string;
  stakeholders: Stakeholder[];
  onEdit: () => void;
  onRemove: () => void;
}

export function agreementText(agreement: Agreement, stakeholders: Stakeholder[]): string {
  switch (agreement.kind) {
    case "pending":
      return "Not agreed yet";
    case "consensus":
      return "Agreed by the room";
    case "rejected":
      return agreement.note ? `Rejected: ${agreement.note}` : "Rejected";
    case "objections": {
      const names = agreement.objectorIds.map((id) => stakeholders.find((s) => s.id === id)?.details.name ?? "someone");
      return `Objections from ${names.join(", ")}${agreement.note ? `: ${agreement.note}` : ""}`;
    }
  }
}

export function voteReadiness(need: Need): string {
  if (need.eligible) return "Goes to the vote";
  const failing = SMART_PARTS.filter((p) => !need.smart[p.key].holds).map((p) => p.letter);
  const parts = [];
  if (failing.length > 0) parts.push(`fix ${failing.join(", ")}`);
  if (need.agreement.kind !== "consensus") parts.push("needs the room's agreement");
  return `Not yet: ${parts.join("; ")}`;
}

export function NeedCardView({ need, categoryName, stakeholders, onEdit, onRemove }: Props) {
  const { data, act } = useWorkshop();
  const [objecting, setObjecting] = useState(false);
  const failing = SMART_PARTS.filter((p) => !need.smart[p.key].holds);
  const setAgreement = (agreement: Agreement) =>
    void act(() => call(commands.setNeedAgreement(data.workshop.id, need.id, agreement)));

  return (
    <article className={`need-card${need.eligible ? " need-card--eligible" : ""}`} data-testid="need-card" data-statement={need.details.statement} data-eligible={need.eligible ? "true" : "false"}>
      <header className="need-card__head">
        <div>
          <p className="need-card__statement">{need.details.statement}</p>
          <p className="muted small">{categoryName}{need.details.owner && ` · owner: ${need.details.owner}`}{need.details.timeBound && ` · ${need.details.timeBound}`}</p>
        </div>
        <SmartBadge smart={need.smart} />
      </header>
      {failing.length > 0 && (
        <ul className="need-card__reasons" data-testid="smart-reasons">
          {failing.map((p) => (
            <li key={p.letter}>
              <strong>{p.name}:</strong> {need.smart[p.key].reasons.join(" ")}
            </li>
          ))}
        </ul>
      )}
      <footer className="need-card__foot">
        <span className={`need-card__status${need.eligible ? " need-card__status--ready" : ""}`}>{voteReadiness(need)}</span>
        <span className="need-card__agreement" data-testid="agreement-status" data-kind={need.agreement.kind}>
          {agreementText(need.agreement, stakeholders)}
        </span>
        <span className="need-card__actions">
          <button className="button button--small button--ghost" data-testid="agree-consensus" aria-pressed={need.agreement.kind === "consensus"} onClick={() => setAgreement({ kind: "consensus" })}>
            ✓ Agreed
          </button>
          <button className="button button--small button--ghost" data-testid="agree-objections" onClick={() => setObjecting(true)}>
            Objections…
          </button>
          <button className="button button--small button--ghost" data-testid="agree-reject" onClick={() => setAgreement({ kind: "rejected", note: "" })}>
            Reject
          </button>
          {need.agreement.kind !== "pending" && (
            <button className="button button--small button--ghost" data-testid="agree-pending" onClick={() => setAgreement({ kind: "pending" })}>
              Reopen
            </button>
          )}
          <button className="button button--small button--ghost" data-testid="need-edit" onClick={onEdit}>
            Edit
          </button>
          <button className="button button--small button--ghost button--danger-text" data-testid="need-remove" onClick={onRemove}>
            Remove
          </button>
        </span>
      </footer>
      {objecting && (
        <ObjectionsForm
          stakeholders={stakeholders}
          initial={need.agreement.kind === "objections" ? need.agreement : undefined}
          onCancel={() => setObjecting(false)}
          onSave={(objectorIds, note) => {
            setObjecting(false);
            setAgreement({ kind: "objections", objectorIds, note });
          }}
        />
      )}
    </article>
  );
}

interface ObjectionsProps {
  stakeholders: Stakeholder[];
  initial?: { objectorIds: string[]; note: string };
  onCancel: () => void;
  onSave: (objectorIds: string[], note: string) => void;
}

function ObjectionsForm({ stakeholders, initial, onCancel, onSave }: ObjectionsProps) {
  const [chosen, setChosen] = useState<string[]>(initial?.objectorIds ?? []);
  const [note, setNote] = useState(initial?.note ?? "");
  const toggle = (id: string) => setChosen((all) => (all.includes(id) ? all.filter((x) => x !== id) : [...all, id]));
  return (
    <div className="objections" data-testid="objections-form">
      <p className="field__label">Who objects?</p>
      <div className="objections__people">
        {stakeholders.map((s) => (
          <label key={s.id} className="objections__person">
            <input type="checkbox" data-testid="objector" data-name={s.details.name} checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} /> {s.details.name}
          </label>
        ))}
      </div>
      <label className="field">
        <span className="field__label">What is the objection?</span>
        <input data-testid="objection-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="dialog__actions">
        <button className="button button--ghost button--small" onClick={onCancel}>Cancel</button>
        <button className="button button--primary button--small" data-testid="objections-save" onClick={() => onSave(chosen, note)}>Record objections</button>
      </div>
    </div>
  );
}
