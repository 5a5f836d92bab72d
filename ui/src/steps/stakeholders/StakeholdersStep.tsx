// Step 1: who is in the room. A fast-entry line, the list of people, and beside it the
// power/interest grid. Every change goes to the backend; the page shows what it saved.
import { useState } from "react";
import { call } from "../../api";
import { commands } from "../../bindings";
import { useStatus } from "../../common/status";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { moved } from "../../common/formError";
import { FIELD_LABELS, newStakeholder } from "./model";
import { PowerGrid } from "./PowerGrid";
import { QuickAdd } from "../../common/QuickAdd";
import { StakeholderRow } from "./StakeholderRow";
import "./stakeholders.css";

export function StakeholdersStep() {
  const { data, act, actOrThrow } = useWorkshop();
  const { notify } = useStatus();
  const [lastMove, setLastMove] = useState<{ id: string; by: -1 | 1 } | null>(null);
  const workshopId = data.workshop.id;
  const people = data.stakeholders;
  const names = people.map((p) => p.details.name);
  const present = people.filter((p) => p.details.present ?? false).length;

  const move = (index: number, by: -1 | 1) => {
    setLastMove({ id: people[index].id, by });
    const ids = moved(people.map((p) => p.id), index, by);
    void act(() => call(commands.reorderStakeholders(workshopId, ids)));
  };

  const remove = async (index: number) => {
    const person = people[index];
    const done = await act(async () => {
      await call(commands.removeStakeholder(workshopId, person.id));
      return true;
    });
    if (done) notify(`Removed “${person.details.name}”. Press Ctrl+Z to undo.`);
  };

  return (
    <div className="stakeholders">
      <section className="stakeholders__people" aria-label="People">
        <QuickAdd
          testId="stakeholder-name-input"
          label="Add a person"
          placeholder="Type a name and press Enter"
          fieldLabels={FIELD_LABELS}
          onAdd={(name) => actOrThrow(() => call(commands.addStakeholder(workshopId, newStakeholder(name))))}
          existing={names}
        />
        {people.length === 0 ? (
          <p className="stakeholders__empty" data-testid="stakeholders-empty">
            No one yet. Go round the room: name, Enter, next name. Roles and scores can follow.
          </p>
        ) : (
          <>
            <p className="muted small stakeholders__count" data-testid="stakeholders-count">
              {people.length} {people.length === 1 ? "person" : "people"} · {present} in the room
            </p>
            <ol className="people-list">
              {people.map((person, index) => (
                <StakeholderRow
                  key={person.id}
                  person={person}
                  index={index}
                  count={people.length}
                  movedBy={lastMove?.id === person.id ? lastMove.by : undefined}
                  onMove={(by) => move(index, by)}
                  onRemove={() => void remove(index)}
                />
              ))}
            </ol>
          </>
        )}
      </section>
      <PowerGrid people={people} />
    </div>
  );
}
