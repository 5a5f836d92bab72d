// The home screen: every workshop in the store, newest change first, and what to do with them.
import { useState } from "react";
import { call, messageOf } from "../api";
import { commands, type Workshop } from "../bindings";
import { ConfirmDialog } from "../common/Dialog";
import { useDataChanged } from "../common/events";
import { UndoRedoButtons } from "../common/history";
import { useStatus } from "../common/status";
import { useResource } from "../common/useResource";
import { TopBar } from "../common/TopBar";
import { STEPS, stepInfo, stepNumber } from "../workshop/steps";
import { changedAgo, workshopDate } from "../common/format";
import { WorkshopForm } from "./WorkshopForm";

const LIBRARY = { kind: "library" } as const;

export function HomeScreen({ onOpen }: { onOpen: (id: string) => void }) {
  const { perform, notify } = useStatus();
  const list = useResource(() => call(commands.listWorkshops()), []);
  const workshops = list.data;
  const loadError = list.error ? messageOf(list.error) : null;
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<Workshop | null>(null);
  const [deleting, setDeleting] = useState<Workshop | null>(null);

  useDataChanged(() => void list.reload());

  const remove = async (workshop: Workshop) => {
    setDeleting(null);
    const done = await perform(async () => {
      await call(commands.deleteWorkshop(workshop.id));
      return true;
    });
    if (done) {
      notify(`Deleted “${workshop.title}”.`, {
        action: { label: "Undo", run: () => void perform(() => call(commands.undo(LIBRARY))) },
      });
    }
  };

  const openExample = async () => {
    const example = await perform(() => call(commands.openExample()));
    if (example) onOpen(example.id);
  };

  // The backend asks which file and reads it: the webview never names a path.
  const importFile = async () => {
    const imported = await perform(() => call(commands.importWorkshopJson()));
    if (imported) {
      notify(`Imported “${imported.title}” as a new workshop.`);
      void list.reload();
    }
  };

  return (
    <div className="screen">
      <TopBar>
        <UndoRedoButtons scope={LIBRARY} />
      </TopBar>
      <main className="home">
        <header className="home__header">
          <div>
            <h1>Workshops</h1>
            <p className="muted">Run a North Star workshop step by step, offline, from this laptop.</p>
          </div>
          <div className="home__actions">
            <button className="button button--ghost" data-testid="open-example" onClick={() => void openExample()}>
              Open the example
            </button>
            <button className="button button--ghost" data-testid="import-workshop" onClick={() => void importFile()}>
              Import…
            </button>
            <button className="button button--primary button--large" data-testid="new-workshop" onClick={() => setCreating(true)}>
              + New workshop
            </button>
          </div>
        </header>

        {loadError && <p className="callout callout--error" role="alert">{loadError}</p>}
        {workshops === null && !loadError && <p className="muted">Loading workshops…</p>}
        {workshops?.length === 0 && (
          <section className="empty-state" data-testid="empty-home">
            <div className="empty-state__star" aria-hidden>✦</div>
            <h2>No workshops yet</h2>
            <p className="muted">Create one to set up the room: who is there, your customers, and their needs.</p>
            <div className="empty-state__actions">
              <button className="button button--primary" onClick={() => setCreating(true)}>
                Create your first workshop
              </button>
              <button className="button button--ghost" data-testid="open-example-empty" onClick={() => void openExample()}>
                Explore the example workshop
              </button>
            </div>
          </section>
        )}
        {workshops && workshops.length > 0 && (
          <ul className="workshop-list" aria-label="Workshops">
            {workshops.map((w) => (
              <WorkshopCard key={w.id} workshop={w} onOpen={() => onOpen(w.id)} onRename={() => setRenaming(w)} onDelete={() => setDeleting(w)} />
            ))}
          </ul>
        )}
      </main>

      <WorkshopForm
        open={creating}
        title="New workshop"
        submitLabel="Create workshop"
        onCancel={() => setCreating(false)}
        onSubmit={async (input) => {
          const created = await call(commands.createWorkshop(input));
          setCreating(false);
          onOpen(created.id);
        }}
      />
      <WorkshopForm
        open={renaming !== null}
        title="Rename workshop"
        submitLabel="Save"
        titleOnly
        initial={renaming ?? undefined}
        onCancel={() => setRenaming(null)}
        onSubmit={async (input) => {
          if (!renaming) return;
          await call(commands.renameWorkshop(LIBRARY, renaming.id, input.title));
          setRenaming(null);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this workshop?"
        message={
          <>
            “{deleting?.title}” and everything in it leaves the list. You can undo this with Ctrl+Z.
          </>
        }
        confirmLabel="Delete workshop"
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      />
    </div>
  );
}

interface CardProps {
  workshop: Workshop;
  onOpen: () => void;
  onRename: () => void;
  onDelete: () => void;
}

function WorkshopCard({ workshop, onOpen, onRename, onDelete }: CardProps) {
  const step = stepInfo(workshop.currentStep);
  const details = [workshop.organisation, workshopDate(workshop.date)].filter(Boolean).join(" · ");
  return (
    <li className="workshop-card" data-testid="workshop-card" data-title={workshop.title}>
      <button className="workshop-card__open" data-testid="open-workshop" onClick={onOpen}>
        <span className="workshop-card__title">{workshop.title}</span>
        <span className="workshop-card__details">{details || "No organisation or date yet"}</span>
        {workshop.facilitator && <span className="workshop-card__facilitator">Facilitator: {workshop.facilitator}</span>}
        <span className="workshop-card__footer">
          <span className="step-chip" data-testid="card-step">
            Step {stepNumber(workshop.currentStep)} of {STEPS.length} · {step.title}
          </span>
          <span className="muted small">Changed {changedAgo(workshop.updatedAt)}</span>
        </span>
      </button>
      <div className="workshop-card__actions">
        <button className="button button--ghost button--small" data-testid="rename-workshop" onClick={onRename}>
          Rename
        </button>
        <button className="button button--ghost button--small button--danger-text" data-testid="delete-workshop" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
