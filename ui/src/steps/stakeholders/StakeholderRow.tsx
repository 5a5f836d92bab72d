// One person on the list: who they are, how they lean, whether they are in the room, and
// the controls to edit, move and remove them. Everything shown comes from the saved record.
import { useRef, useState } from "react";
import { call } from "../../api";
import { commands, type Stakeholder, type StakeholderInput } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { Avatar } from "./Avatar";
import { inputOf, QUADRANTS, STANCES } from "./model";
import { StakeholderForm } from "./StakeholderForm";
import { useMoveFocus } from "../../common/useMoveFocus";

interface Props {
  person: Stakeholder;
  index: number;
  count: number;
  /** Set after this row was moved, so focus can follow it to its new place. */
  movedBy?: -1 | 1;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function StakeholderRow({ person, index, count, movedBy, onMove, onRemove }: Props) {
  const { data, act } = useWorkshop();
  const [editing, setEditing] = useState(false);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const edit = useRef<HTMLButtonElement>(null);
  const input = inputOf(person);
  const stance = STANCES.find((s) => s.value === input.stance) ?? STANCES[1];

  useMoveFocus(movedBy, index, up, down);

  const save = (changes: Partial<StakeholderInput>) =>
    act(() => call(commands.updateStakeholder(data.workshop.id, person.id, { ...input, ...changes })));

  const closeForm = () => {
    setEditing(false);
    edit.current?.focus();
  };

  const meta = [input.role, input.function].filter(Boolean).join(" · ");
  return (
    <li className={`person${input.present ? "" : " person--absent"}`} data-testid="stakeholder-row" data-name={input.name}>
      <div className="person__main">
        <Avatar name={input.name} initials={person.initials} colour={input.colour} />
        <div className="person__who">
          <span className="person__name">{input.name}</span>
          <span className={meta ? "person__meta" : "person__meta person__meta--empty"}>{meta || "No role or function yet"}</span>
        </div>
        <span className={`stance-chip stance-chip--${stance.value}`} data-testid="stakeholder-stance">
          {stance.label}
        </span>
        <span className="person__scores" title={QUADRANTS[person.quadrant].label}>
          <span>
            Influence <strong>{input.influence}</strong>
          </span>
          <span>
            Interest <strong>{input.interest}</strong>
          </span>
        </span>
        <label className="presence">
          <input
            type="checkbox"
            role="switch"
            data-testid="stakeholder-present"
            checked={input.present}
            onChange={() => void save({ present: !input.present })}
          />
          <span>{input.present ? "Present" : "Absent"}</span>
        </label>
        <div className="person__actions">
          <button ref={up} className="icon-button" data-testid="stakeholder-up" aria-label={`Move ${input.name} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button ref={down} className="icon-button" data-testid="stakeholder-down" aria-label={`Move ${input.name} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </button>
          <button
            ref={edit}
            className="button button--ghost button--small"
            data-testid="stakeholder-edit"
            aria-expanded={editing}
            onClick={() => (editing ? closeForm() : setEditing(true))}
          >
            Edit
          </button>
          <button className="button button--ghost button--small button--danger-text" data-testid="stakeholder-remove" aria-label={`Remove ${input.name}`} onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      {editing && <StakeholderForm person={person} onDone={closeForm} />}
    </li>
  );
}
