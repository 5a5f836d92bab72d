// An open workshop: its title and details, the step rail, and the page of the current step.
import { useEffect, useState } from "react";
import { AppError, call, messageOf } from "../api";
import { commands, type HistoryScope, type Step } from "../bindings";
import { useDataChanged } from "../common/events";
import { UndoRedoButtons } from "../common/history";
import { useStatus } from "../common/status";
import { TopBar } from "../common/TopBar";
import { useResource } from "../common/useResource";
import { WorkshopForm } from "../home/WorkshopForm";
import { workshopDate } from "../common/format";
import { StepPage } from "./StepPage";
import { StepRail } from "./StepRail";

export function WorkshopScreen({ id, onClose }: { id: string; onClose: () => void }) {
  const { perform } = useStatus();
  const resource = useResource(() => call(commands.getWorkshop(id)), [id]);
  const workshop = resource.data;
  const setWorkshop = resource.set;
  const [editing, setEditing] = useState(false);
  const scope: HistoryScope = { kind: "workshop", id };

  const gone = resource.error instanceof AppError && resource.error.error.kind === "notFound";
  const error = resource.error && !gone ? messageOf(resource.error) : null;

  // Deleted (e.g. its creation was undone elsewhere): go back to the list.
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);
  useDataChanged((change) => {
    if (change.workshopId === id || change.scope.kind === "library") void resource.reload();
  });

  const goTo = async (step: Step) => {
    if (!workshop || step === workshop.currentStep) return;
    const moved = await perform(() => call(commands.setCurrentStep(id, step)));
    if (moved) setWorkshop(moved);
  };

  if (error) return <p className="callout callout--error" role="alert">{error}</p>;
  if (!workshop) return <p className="muted pad">Opening workshop…</p>;

  const details = [workshop.organisation, workshopDate(workshop.date), workshop.facilitator && `Facilitator: ${workshop.facilitator}`]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className="screen">
      <TopBar
        leading={
          <button className="button button--ghost" data-testid="back-home" onClick={onClose}>
            ← Workshops
          </button>
        }
      >
        <UndoRedoButtons scope={scope} />
      </TopBar>
      <div className="workshop">
        <StepRail current={workshop.currentStep} onSelect={(step) => void goTo(step)} />
        <main className="workshop__main">
          <header className="workshop__header">
            <div>
              <h1 data-testid="workshop-title">{workshop.title}</h1>
              <p className="muted">{details || "Add the organisation, date and facilitator with Edit details."}</p>
            </div>
            <button className="button button--ghost" data-testid="edit-details" onClick={() => setEditing(true)}>
              Edit details
            </button>
          </header>
          <StepPage workshop={workshop} onGoTo={(step) => void goTo(step)} />
        </main>
      </div>
      <WorkshopForm
        open={editing}
        title="Workshop details"
        submitLabel="Save"
        initial={workshop}
        onCancel={() => setEditing(false)}
        onSubmit={async (input) => {
          setWorkshop(await call(commands.updateWorkshopDetails(scope, id, input)));
          setEditing(false);
        }}
      />
    </div>
  );
}
