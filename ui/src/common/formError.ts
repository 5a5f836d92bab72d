// Turns a failed command into a sentence for the facilitator, naming the field when one is
// wrong, so a form can show it beside that field.
import { AppError, messageOf } from "../api";

export interface FormError {
  field: string | null;
  message: string;
}

export function formError(thrown: unknown, labels: Record<string, string>): FormError {
  if (thrown instanceof AppError && thrown.error.kind === "invalid") {
    const { field, message } = thrown.error.data;
    return { field, message: `${labels[field] ?? field} ${message}.` };
  }
  return { field: null, message: messageOf(thrown) };
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
