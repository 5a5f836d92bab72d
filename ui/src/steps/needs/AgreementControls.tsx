// How the room records where it stands on one need: pending, agreed by consensus, objections
// (who objects and why) or rejected (at once; the room may then say why). Disagreement stays
// visible on the card.
import { useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { call } from "../../api";
import { commands, type Agreement, type Need, type Stakeholder } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";

type Panel = "objections" | "reject" | null;

interface Props {
  need: Need;
  stakeholders: Stakeholder[];
  /** Shown at the end of the row of choices (the card's Edit and Remove). */
  children?: ReactNode;
}

export function AgreementControls({ need, stakeholders, children }: Props) {
  const { data, act } = useWorkshop();
  const [panel, setPanel] = useState<Panel>(null);
  const objectionsButton = useRef<HTMLButtonElement>(null);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const { agreement } = need;

  const closePanel = () => {
    const opener = panel === "objections" ? objectionsButton.current : panel === "reject" ? rejectButton.current : null;
    setPanel(null);
    opener?.focus();
  };
  const send = (next: Agreement) => void act(() => call(commands.setNeedAgreement(data.workshop.id, need.id, next)));
  const record = (next: Agreement) => {
    closePanel();
    send(next);
  };
  // Rejecting takes effect at once; the panel that opens lets the room say why.
  const reject = () => {
    if (panel === "reject") {
      closePanel();
      return;
    }
    if (agreement.kind !== "rejected") send({ kind: "rejected", note: "" });
    setPanel("reject");
  };
  const choice = (kind: Agreement["kind"]) => `agreement__choice agreement__choice--${kind}`;

  return (
    <div className="agreement">
      <div className="agreement__row">
        <div className="agreement__choices" role="group" aria-label="The room's agreement">
          <button type="button" className={choice("pending")} data-testid="agree-pending" aria-pressed={agreement.kind === "pending"} onClick={() => agreement.kind !== "pending" && record({ kind: "pending" })}>
            Pending
          </button>
          <button type="button" className={choice("consensus")} data-testid="agree-consensus" aria-pressed={agreement.kind === "consensus"} onClick={() => agreement.kind !== "consensus" && record({ kind: "consensus" })}>
            ✓ Agreed (consensus)
          </button>
          <button ref={objectionsButton} type="button" className={choice("objections")} data-testid="agree-objections" aria-pressed={agreement.kind === "objections"} aria-expanded={panel === "objections"} onClick={() => setPanel(panel === "objections" ? null : "objections")}>
            Objections…
          </button>
          <button ref={rejectButton} type="button" className={choice("rejected")} data-testid="agree-reject" aria-pressed={agreement.kind === "rejected"} aria-expanded={panel === "reject"} onClick={reject}>
            Reject
          </button>
        </div>
        {children}
      </div>
      {panel === "objections" && (
        <ObjectionsForm
          stakeholders={stakeholders}
          initial={agreement.kind === "objections" ? agreement : { objectorIds: [], note: "" }}
          onCancel={closePanel}
          onSave={(objectorIds, note) => record({ kind: "objections", objectorIds, note: note.trim() })}
        />
      )}
      {panel === "reject" && (
        <RejectForm initial={agreement.kind === "rejected" ? agreement.note : ""} onCancel={closePanel} onSave={(note) => record({ kind: "rejected", note: note.trim() })} />
      )}
    </div>
  );
}

interface PanelProps {
  label: string;
  saveLabel: string;
  saveTestId: string;
  canSave: boolean;
  onSave: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** An inline form under the card: Enter records, Escape cancels. */
function InlinePanel({ label, saveLabel, saveTestId, canSave, onSave, onCancel, children }: PanelProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSave) onSave();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
  return (
    <form className="agreement__panel" aria-label={label} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      {children}
      <div className="agreement__panel-actions">
        <button type="button" className="button button--ghost" data-testid="agreement-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid={saveTestId} disabled={!canSave}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}

interface ObjectionsProps {
  stakeholders: Stakeholder[];
  initial: { objectorIds: string[]; note: string };
  onCancel: () => void;
  onSave: (objectorIds: string[], note: string) => void;
}

function ObjectionsForm({ stakeholders, initial, onCancel, onSave }: ObjectionsProps) {
  const [chosen, setChosen] = useState<string[]>(initial.objectorIds);
  const [note, setNote] = useState(initial.note);
  const toggle = (id: string) => setChosen((all) => (all.includes(id) ? all.filter((x) => x !== id) : [...all, id]));
  // Keep the stakeholders' order, whatever order they were ticked in.
  const ordered = stakeholders.map((s) => s.id).filter((id) => chosen.includes(id));
  return (
    <InlinePanel label="Record objections" saveLabel="Record objections" saveTestId="objections-save" canSave={ordered.length > 0 || note.trim() !== ""} onCancel={onCancel} onSave={() => onSave(ordered, note)}>
      <fieldset className="agreement__people">
        <legend className="field__label">Who objects?</legend>
        {stakeholders.length === 0 && <p className="muted">No stakeholders are listed in step 1: say who objects in the note.</p>}
        {stakeholders.map((s, index) => (
          <label key={s.id} className={`agreement__person${chosen.includes(s.id) ? " agreement__person--on" : ""}`}>
            <input type="checkbox" data-testid="objector" data-name={s.details.name} autoFocus={index === 0} checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} />
            {s.details.name}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">What is the objection?</span>
        <input data-testid="objection-note" autoFocus={stakeholders.length === 0} value={note} placeholder="e.g. the target is too high before the new warehouse opens" onChange={(e) => setNote(e.target.value)} />
      </label>
    </InlinePanel>
  );
}

function RejectForm({ initial, onCancel, onSave }: { initial: string; onCancel: () => void; onSave: (note: string) => void }) {
  const [note, setNote] = useState(initial);
  return (
    <InlinePanel label="Why the room rejects it" saveLabel="Save the reason" saveTestId="reject-save" canSave onCancel={onCancel} onSave={() => onSave(note)}>
      <label className="field">
        <span className="field__label">Rejected. Why? (optional)</span>
        <input data-testid="reject-note" autoFocus value={note} placeholder="e.g. a duplicate of another need" onChange={(e) => setNote(e.target.value)} />
      </label>
    </InlinePanel>
  );
}
