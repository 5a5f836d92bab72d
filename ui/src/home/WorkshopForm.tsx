// The form to create a workshop or rename one. Validation happens in Rust; its message shows here.
import { useState, type FormEvent } from "react";
import { formError, type FormError } from "../common/formError";
import type { Workshop, WorkshopInput } from "../bindings";
import { Dialog } from "../common/Dialog";
import { useStatus } from "../common/status";

/** How the form names its fields in a refusal's sentence. */
const FIELD_LABELS: Record<string, string> = { title: "Title", organisation: "Organisation", date: "Date", facilitator: "Facilitator" };

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  titleOnly?: boolean;
  initial?: Workshop;
  onCancel: () => void;
  onSubmit: (input: WorkshopInput) => Promise<void>;
}

export function WorkshopForm(props: Props) {
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onCancel} testId="workshop-form">
      {/* Mounted only while open, so every opening starts from fresh values. */}
      {props.open && <FormBody {...props} />}
    </Dialog>
  );
}

function FormBody({ submitLabel, titleOnly, initial, onCancel, onSubmit }: Props) {
  const { perform } = useStatus();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [organisation, setOrganisation] = useState(initial?.organisation ?? "");
  const [date, setDate] = useState(initial?.date ?? "");
  const [facilitator, setFacilitator] = useState(initial?.facilitator ?? "");
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await perform(async () => {
        try {
          await onSubmit({ title, organisation, date, facilitator });
          setError(null);
        } catch (thrown) {
          setError(formError(thrown, FIELD_LABELS));
          throw thrown;
        }
      });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: string) => (error?.field === field ? true : undefined);

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="field">
        <span className="field__label">Title</span>
        <input
          data-testid="workshop-title-input"
          autoFocus
          value={title}
          aria-invalid={invalid("title")}
          placeholder="e.g. North Star offsite"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      {!titleOnly && (
        <>
          <label className="field">
            <span className="field__label">Organisation</span>
            <input value={organisation} aria-invalid={invalid("organisation")} placeholder="Who the workshop is for" onChange={(e) => setOrganisation(e.target.value)} />
          </label>
          <div className="field-row">
            <label className="field">
              <span className="field__label">Date</span>
              <input type="date" data-testid="workshop-date-input" value={date} aria-invalid={invalid("date")} onChange={(e) => setDate(e.target.value)} />
            </label>
            <label className="field">
              <span className="field__label">Facilitator</span>
              <input value={facilitator} aria-invalid={invalid("facilitator")} placeholder="Your name" onChange={(e) => setFacilitator(e.target.value)} />
            </label>
          </div>
        </>
      )}
      {error && (
        <p className="form__error" role="alert" data-testid="form-error">
          {error.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid="workshop-form-submit" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
