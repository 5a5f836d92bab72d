// The form for one need: the statement and its five SMART parts. Rust checks them; a refused
// save keeps everything typed and shows why.
import { useState, type FormEvent } from "react";
import { AppError, call, messageOf } from "../../api";
import { commands, type Need, type NeedInput_Serialize } from "../../bindings";
import { Dialog } from "../../common/Dialog";
import { useWorkshop } from "../../workshop/WorkshopContext";

type Fields = NeedInput_Serialize;
type TextKey = { [K in keyof Fields]: Fields[K] extends string ? K : never }[keyof Fields];

function emptyNeed(categoryId: string): Fields {
  return {
    categoryId, statement: "", specificWho: "", specificWhat: "", measure: "", unit: "", baseline: "", target: "",
    achievableHow: "", owner: "", relevantLink: "", timeBound: "", achievableConfirmed: false, achievableReason: "",
    relevantConfirmed: false, relevantReason: "",
  };
}

interface Props {
  categoryId: string;
  need?: Need;
  onClose: () => void;
}

export function NeedEditor({ categoryId, need, onClose }: Props) {
  const { data, actOrThrow } = useWorkshop();
  const [fields, setFields] = useState<Fields>(() => ({ ...emptyNeed(categoryId), ...need?.details }) as Fields);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: TextKey, value: string) => setFields((f) => ({ ...f, [key]: value }));
  const text = (key: TextKey, label: string, testId: string, placeholder = "", long = false) => (
    <label className="field">
      <span className="field__label">{label}</span>
      {long ? (
        <textarea data-testid={testId} rows={2} value={fields[key]} placeholder={placeholder} aria-invalid={error?.field === key || undefined} onChange={(e) => set(key, e.target.value)} />
      ) : (
        <input data-testid={testId} value={fields[key]} placeholder={placeholder} aria-invalid={error?.field === key || undefined} onChange={(e) => set(key, e.target.value)} />
      )}
    </label>
  );

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await actOrThrow(() =>
        call(need ? commands.updateNeed(data.workshop.id, need.id, fields) : commands.addNeed(data.workshop.id, fields)),
      );
      onClose();
    } catch (thrown) {
      const field = thrown instanceof AppError && thrown.error.kind === "invalid" ? thrown.error.data.field : null;
      setError({ field, message: messageOf(thrown) });
    } finally {
      setBusy(false);
    }
  };

  const category = data.categories.find((c) => c.id === fields.categoryId);
  return (
    <Dialog title={need ? "Edit need" : `New need · ${category?.details.name ?? ""}`} open onClose={onClose} testId="need-form">
      <form className="form need-form" onSubmit={(e) => void save(e)} noValidate>
        {text("statement", "The need, in the customers' words", "need-statement", "e.g. Families get the whole order in the slot they booked", true)}
        <fieldset className="need-form__part">
          <legend><b>S</b>pecific</legend>
          <div className="field-row">
            {text("specificWho", "Who", "need-who", "which customers")}
            {text("specificWhat", "What", "need-what", "what happens for them")}
          </div>
        </fieldset>
        <fieldset className="need-form__part">
          <legend><b>M</b>easurable</legend>
          <div className="field-row">
            {text("measure", "Measure", "need-measure", "what is counted")}
            {text("unit", "Unit", "need-unit", "%, minutes, £…")}
          </div>
          <div className="field-row">
            {text("baseline", "Today", "need-baseline", "current value")}
            {text("target", "Target", "need-target", "a number, e.g. 95%")}
          </div>
        </fieldset>
        <fieldset className="need-form__part">
          <legend><b>A</b>chievable</legend>
          <div className="field-row">
            {text("achievableHow", "How", "need-how", "the means")}
            {text("owner", "Owner", "need-owner", "who makes it happen")}
          </div>
          <label className="need-form__confirm">
            <input type="checkbox" data-testid="need-achievable-confirmed" checked={fields.achievableConfirmed} onChange={(e) => setFields((f) => ({ ...f, achievableConfirmed: e.target.checked }))} />
            The room confirms it is achievable
          </label>
          {text("achievableReason", "Because", "need-achievable-reason", "a short reason")}
        </fieldset>
        <fieldset className="need-form__part">
          <legend><b>R</b>elevant</legend>
          {text("relevantLink", "Why it matters to these customers and the business", "need-relevant")}
          <label className="need-form__confirm">
            <input type="checkbox" data-testid="need-relevant-confirmed" checked={fields.relevantConfirmed} onChange={(e) => setFields((f) => ({ ...f, relevantConfirmed: e.target.checked }))} />
            The room confirms it is relevant
          </label>
          {text("relevantReason", "Because", "need-relevant-reason", "a short reason")}
        </fieldset>
        <fieldset className="need-form__part">
          <legend><b>T</b>ime-bound</legend>
          {text("timeBound", "By when", "need-time", "by 2027-06-30 · Q3 2027 · within 6 months")}
        </fieldset>
        {error && <p className="form__error" role="alert" data-testid="form-error">{error.message}</p>}
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" data-testid="need-cancel" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button--primary" data-testid="need-save" disabled={busy}>Save need</button>
        </div>
      </form>
    </Dialog>
  );
}
