// The form for one need: the statement and its five SMART parts, each in its own labelled
// group. Rust checks them after saving; a half-written need saves fine. A refused save keeps
// everything typed, shows why and puts the cursor on the field at fault. Ctrl+Enter saves.
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { call } from "../../api";
import { commands, type Need } from "../../bindings";
import { Dialog } from "../../common/Dialog";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { emptyNeed, fieldsOf, formError, type FormError, type NeedFields } from "./model";
import { SmartPartFieldset, TextField, type TextKey } from "./NeedFormParts";

interface Props {
  categoryId: string;
  need?: Need;
  onClose: () => void;
}

export function NeedEditor({ categoryId, need, onClose }: Props) {
  const { data, actOrThrow } = useWorkshop();
  const [fields, setFields] = useState<NeedFields>(() => (need ? fieldsOf(need) : emptyNeed(categoryId)));
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = <K extends keyof NeedFields>(key: K, value: NeedFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const text = (name: TextKey, label: string, testId: string, placeholder?: string, long?: boolean) => (
    <TextField name={name} label={label} testId={testId} placeholder={placeholder} long={long} value={fields[name]} invalid={error?.field === name} onChange={(value) => set(name, value)} />
  );
  const check = (key: "achievableConfirmed" | "relevantConfirmed", label: string, testId: string) => (
    <label className="need-form__confirm">
      <input type="checkbox" name={key} data-testid={testId} checked={fields[key]} onChange={(e) => set(key, e.target.checked)} />
      {label}
    </label>
  );

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const workshopId = data.workshop.id;
      await actOrThrow(() => call(need ? commands.updateNeed(workshopId, need.id, fields) : commands.addNeed(workshopId, fields)));
      onClose();
    } catch (thrown) {
      const problem = formError(thrown);
      setError(problem);
      setBusy(false);
      if (problem.field) form.current?.querySelector<HTMLElement>(`[name="${problem.field}"]`)?.focus();
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  const categoryName = data.categories.find((c) => c.id === fields.categoryId)?.details.name ?? "";
  const saved = need?.smart;
  return (
    <Dialog title={need ? "Edit need" : `New need · ${categoryName}`} open onClose={onClose} testId="need-form">
      <form ref={form} className="need-form" aria-label={need ? "Edit need" : "New need"} onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} noValidate>
        <div className="need-form__top">
          <TextField
            name="statement" label="The need, in one sentence as the room would say it" testId="need-statement" long autoFocus
            placeholder="e.g. Families get the whole weekly order in the slot they booked"
            value={fields.statement} invalid={error?.field === "statement"} onChange={(value) => set("statement", value)}
          />
          <label className="field need-form__category">
            <span className="field__label">Customer category</span>
            <select name="categoryId" data-testid="need-category" value={fields.categoryId} aria-invalid={error?.field === "categoryId" || undefined} onChange={(e) => set("categoryId", e.target.value)}>
              {data.categories.map((c) => (
                <option key={c.id} value={c.id}>{c.details.name}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="need-form__parts">
          <SmartPartFieldset letter="S" hint="Which customers, and what outcome they get." saved={saved?.specific}>
            <div className="field-row">
              {text("specificWho", "Who", "need-who", "which customers")}
              {text("specificWhat", "What", "need-what", "the outcome for them")}
            </div>
          </SmartPartFieldset>
          <SmartPartFieldset letter="M" hint="What is counted, and the number to reach." saved={saved?.measurable}>
            <div className="field-row">
              {text("measure", "Measure", "need-measure", "what is counted")}
              {text("unit", "Unit", "need-unit", "%, minutes, €…")}
            </div>
            <div className="field-row">
              {text("baseline", "Today (optional)", "need-baseline", "where it stands now")}
              {text("target", "Target", "need-target", "a number, e.g. 95")}
            </div>
          </SmartPartFieldset>
          <SmartPartFieldset letter="A" hint="Realistic, with the means and an owner named." saved={saved?.achievable}>
            <div className="field-row">
              {text("achievableHow", "How", "need-how", "the means")}
              {text("owner", "Owner", "need-owner", "who makes it happen")}
            </div>
            {check("achievableConfirmed", "The room confirms it is achievable", "need-achievable-confirmed")}
            {text("achievableReason", "Why it is achievable (short)", "need-achievable-reason", "e.g. the pilot store reached it")}
          </SmartPartFieldset>
          <SmartPartFieldset letter="R" hint="Tied to these customers and to the business." saved={saved?.relevant}>
            {text("relevantLink", "Link to the category and the business", "need-relevant", `why it matters to ${categoryName || "these customers"} and to us`, true)}
            {check("relevantConfirmed", "The room confirms it is relevant", "need-relevant-confirmed")}
            {text("relevantReason", "Why it is relevant (short)", "need-relevant-reason", "e.g. the top complaint in the survey")}
          </SmartPartFieldset>
          <SmartPartFieldset letter="T" hint="By when it will be reached." saved={saved?.timeBound} wide>
            {text("timeBound", "By when", "need-time", "by 2027-06-30 / Q3 2027 / within 6 months")}
          </SmartPartFieldset>
        </div>
        {error && (
          <p className="form__error need-form__error" role="alert" data-testid="form-error">
            {error.message}
          </p>
        )}
        <div className="need-form__actions">
          <span className="muted small">Only the statement is needed to save a draft · Ctrl+Enter saves · Esc cancels</span>
          <button type="button" className="button button--ghost" data-testid="need-cancel" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" data-testid="need-save" disabled={busy}>
            {busy ? "Saving…" : need ? "Save changes" : "Add need"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
