// The one form-error type: a refusal turned into a sentence for the facilitator, with the
// field it is about, so a form can show it beside that field and mark it invalid.
import type { RefusalCode } from "../bindings";
import { fieldName, messageOf, refusalOf, sentence } from "../api";

export interface FormError {
  /** The field the refusal is about, in dotted form (`method.dotsPerVoter`); null for the form as a whole. */
  field: string | null;
  message: string;
  /** The refusal's code; null when what was thrown was not a refusal. */
  code: RefusalCode | null;
}

/** A form error for anything thrown; `labels` name the form's fields in the message. */
export function formError(thrown: unknown, labels: Record<string, string> = {}): FormError {
  const refusal = refusalOf(thrown);
  if (!refusal) return { field: null, message: messageOf(thrown), code: null };
  const field = fieldName(refusal.field) || null;
  const label = field ? labels[field] : undefined;
  return {
    field,
    code: refusal.code,
    message: label ? sentence(`${label} ${refusal.message}`) : sentence(refusal.message),
  };
}

/** The `aria-invalid` value for a field, given the form's current error. */
export function invalidIf(error: FormError | null, field: string): true | undefined {
  return error?.field === field ? true : undefined;
}

/** The same list with the item at `index` swapped with its neighbour `by` places away. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
