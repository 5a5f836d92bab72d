// An open workshop: its title and details, the step rail, and the page of the current step.
import { useCallback, useEffect, useState } from "react";
import { AppError, call, messageOf } from "../api";
import { commands, type HistoryScope, type Step, type Workshop } from "../bindings";
import { useDataChanged } from "../common/events";
import { UndoRedoButtons } from "../common/history";
import { useStatus } from "../common/status";
import { TopBar } from "../common/TopBar";
import { WorkshopForm } from "../home/WorkshopForm";
import { workshopDate } from "../common/format";
import { StepPage } from "./StepPage";
import { StepRail } from "./StepRail";

export function WorkshopScreen({ id, onClose }: { id: string; onClose: () => void }) {
  const { perform } = useStatus();
  const [workshop, setWorkshop] = useState<Workshop | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const scope: HistoryScope = { kind: "workshop", id };

  const load = useCallback(async () => {
    try {
      setWorkshop(await call(commands.getWorkshop(id)));
      setError(null);
    } catch (thrown) {
      // Deleted (e.g. its creation was undone on another screen): go back home.
      if (thrown instanceof AppError && thrown.error.kind === "notFound") onClose();
      else setError(messageOf(thrown));
    }
  }, [id, onClose]);

  useEffect(() => {
    void load();
  }, [load]);
  useDataChanged((change) => {
    if (change.workshopId === id || change.scope.kind === "library") void load();
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
