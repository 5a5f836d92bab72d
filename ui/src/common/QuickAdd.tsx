// The fast-entry line: type a name, press Enter, type the next. The line clears at once so a
// quick typist never loses letters; adds run one after another in the order typed. A name
// already on the list is warned about, never refused. If the backend refuses a name, its
// message shows and the name comes back to be fixed.
import { useRef, useState, type FormEvent } from "react";
import { formError, type FormError } from "./formError";
import { duplicateOf } from "./names";
import "./quickAdd.css";

interface Props {
  testId: string;
  label: string;
  placeholder: string;
  fieldLabels: Record<string, string>;
  /** The names already on the list, to warn about a repeat. */
  existing: readonly string[];
  /** Saves the name; throws (an `AppError`) when the backend refuses it. */
  onAdd: (name: string) => Promise<unknown>;
}

export function QuickAdd({ testId, label, placeholder, fieldLabels, existing, onAdd }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<FormError | null>(null);
  /** A repeated name that was just added anyway, so the warning outlives the cleared line. */
  const [repeated, setRepeated] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = text;
    setText("");
    setError(null);
    setRepeated(duplicateOf(existing, name) ?? null);
    input.current?.focus();
    queue.current = queue.current.then(async () => {
      try {
        await onAdd(name);
      } catch (thrown) {
        setError(formError(thrown, fieldLabels));
        setRepeated(null);
        setText((current) => (current === "" ? name : current));
      }
    });
  };

  const same = duplicateOf(existing, text);
  let note = null;
  if (error) {
    note = (
      <p className="form__error" role="alert" data-testid="form-error">
        {error.message}
      </p>
    );
  } else if (same || (repeated && !text)) {
    note = (
      <p className="quick-add__warning" role="status" data-testid="duplicate-warning">
        {same
          ? `“${same}” is already on the list. Press Enter to add it again anyway.`
          : `Added “${repeated}” again: the list now has it twice. Remove one if that was a slip.`}
      </p>
    );
  }

  return (
    <form className="quick-add" onSubmit={submit} noValidate>
      <label className="quick-add__label" htmlFor={`${testId}-field`}>
        {label}
      </label>
      <div className="quick-add__line">
        <input
          id={`${testId}-field`}
          ref={input}
          data-testid={testId}
          className="quick-add__input"
          value={text}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${testId}-note`}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
            setRepeated(null);
          }}
        />
        <button type="submit" className="button button--primary button--large">
          Add <kbd className="quick-add__kbd">↵</kbd>
        </button>
      </div>
      <div id={`${testId}-note`} className="quick-add__note">
        {note}
      </div>
    </form>
  );
}
