// Building blocks of the need form: a labelled text field, and one SMART part as a group with
// its letter, a hint, and (when editing) why the saved need does not pass that part yet.
import type { ReactNode } from "react";
import type { PartCheck } from "../../bindings";
import { SMART_PARTS, type NeedFields, type SmartPart } from "./model";

/** The form's text fields (every field except the two confirmations). */
export type TextKey = { [K in keyof NeedFields]: NeedFields[K] extends string ? K : never }[keyof NeedFields];

interface TextFieldProps {
  name: TextKey;
  label: string;
  testId: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
  placeholder?: string;
  long?: boolean;
  autoFocus?: boolean;
}

export function TextField({ name, label, testId, value, invalid, onChange, placeholder, long, autoFocus }: TextFieldProps) {
  const common = {
    name, value, placeholder, autoFocus,
    "data-testid": testId,
    "aria-invalid": invalid || undefined,
  };
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {long ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

interface PartProps {
  letter: SmartPart["letter"];
  hint: string;
  /** The part's check on the saved need; absent for a new need. */
  saved?: PartCheck;
  wide?: boolean;
  children: ReactNode;
}

export function SmartPartFieldset({ letter, hint, saved, wide, children }: PartProps) {
  const part = SMART_PARTS.find((p) => p.letter === letter) as SmartPart;
  const state = saved ? (saved.holds ? "holds" : "fails") : "new";
  return (
    <fieldset className={`need-part need-part--${state}${wide ? " need-part--wide" : ""}`} data-testid={`need-part-${letter}`}>
      <legend className="need-part__legend">
        <span className="need-part__letter" aria-hidden="true">{letter}</span>
        {part.name}
      </legend>
      <p className="need-part__hint">{hint}</p>
      {saved && !saved.holds && saved.reasons.length > 0 && (
        <ul className="need-part__reasons" aria-label={`Why ${part.name} did not hold when last saved`}>
          {saved.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {children}
    </fieldset>
  );
}
