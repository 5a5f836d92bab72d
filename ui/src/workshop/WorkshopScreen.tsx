// An open workshop: its title and details, the step rail, the timebox, and the current
// step's page. Everything shown comes from one `WorkshopData` read, refreshed on each change.
import { useCallback, useEffect, useMemo, useState } from "react";
import { call, messageOf, refusedWith } from "../api";
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
import { StepTimerControl } from "./StepTimer";
import { WorkshopContext, type WorkshopApi } from "./WorkshopContext";

export function WorkshopScreen({ id, onClose }: { id: string; onClose: () => void }) {
  const { perform, notify } = useStatus();
  const [editing, setEditing] = useState(false);
  const resource = useResource(() => call(commands.getWorkshopData(id)), [id]);
  const data = resource.data;
  const reload = resource.reload;
  const scope: HistoryScope = useMemo(() => ({ kind: "workshop", id }), [id]);

  const gone = refusedWith(resource.error, "notFound");
  const error = resource.error && !gone ? messageOf(resource.error) : null;

  // Deleted (e.g. its creation was undone elsewhere): go back to the list.
  useEffect(() => {
    if (gone) onClose();
  }, [gone, onClose]);
  useDataChanged((change) => {
    if (change.workshopId === id || change.scope.kind === "library") void reload();
  });

  const actOrThrow = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T> => {
      let failure: unknown = null;
      const value = await perform(async () => {
        try {
          return await work();
        } catch (thrown) {
          failure = thrown;
          throw thrown;
        }
      });
      if (failure !== null) throw failure;
      void reload();
      return value as T;
    },
    [perform, reload],
  );
  const act = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      const value = await perform(work);
      void reload();
      return value;
    },
    [perform, reload],
  );

  const api: WorkshopApi | null = useMemo(() => (data ? { data, scope, act, actOrThrow } : null), [data, scope, act, actOrThrow]);

  if (error) return <p className="callout callout--error" role="alert">{error}</p>;
  if (!data || !api) return <p className="muted pad">Opening workshop…</p>;
  const workshop = data.workshop;

  const goTo = async (step: Step) => {
    if (step === workshop.currentStep) return;
    const gate = data.gates.find((g) => g.step === step)?.gate;
    const forward = stepIndex(step) > stepIndex(workshop.currentStep);
    if (forward && gate && !gate.open) {
      notify(gate.reasons.join(" "), { tone: "error" });
      return;
    }
    await act(() => call(commands.setCurrentStep(id, step)));
  };

  const details = [workshop.organisation, workshopDate(workshop.date), workshop.facilitator && `Facilitator: ${workshop.facilitator}`]
    .filter(Boolean)
    .join(" · ");

  return (
    <WorkshopContext.Provider value={api}>
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
          <StepRail current={workshop.currentStep} gates={data.gates} onSelect={(step) => void goTo(step)} />
          <main className="workshop__main">
            <header className="workshop__header">
              <div>
                <h1 data-testid="workshop-title">{workshop.title}</h1>
                <p className="muted">{details || "Add the organisation, date and facilitator with Edit details."}</p>
              </div>
              <div className="workshop__header-tools">
                <StepTimerControl step={workshop.currentStep} />
                <button className="button button--ghost" data-testid="edit-details" onClick={() => setEditing(true)}>
                  Edit details
                </button>
              </div>
            </header>
            <StepPage onGoTo={(step) => void goTo(step)} />
          </main>
        </div>
        <WorkshopForm
          open={editing}
          title="Workshop details"
          submitLabel="Save"
          initial={workshop}
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await call(commands.updateWorkshopDetails(scope, id, input));
            void reload();
            setEditing(false);
          }}
        />
      </div>
    </WorkshopContext.Provider>
  );
}

const ORDER: Step[] = ["stakeholders", "categories", "needs", "vote", "canvas", "report"];
function stepIndex(step: Step): number {
  return ORDER.indexOf(step);
}
