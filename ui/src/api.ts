// The one place the UI turns the generated bindings' results into values or typed refusals.
import type { FieldPath, Refusal, RefusalCode } from "./bindings";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: Refusal };

/** A refusal from a command, carrying its code so views can switch on it. */
export class AppError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(describeRefusal(refusal));
    this.refusal = refusal;
  }
  get code(): RefusalCode {
    return this.refusal.code;
  }
}

/** Resolves a command's result, throwing an `AppError` with a readable message on failure. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.status === "error") throw new AppError(result.error);
  return result.data;
}

/** The refusal behind anything thrown, or null when it was not a refusal. */
export function refusalOf(thrown: unknown): Refusal | null {
  return thrown instanceof AppError ? thrown.refusal : null;
}

/** True when `thrown` is a refusal with `code`. */
export function refusedWith(thrown: unknown, code: RefusalCode): boolean {
  return refusalOf(thrown)?.code === code;
}

/** The dotted form of a field path, `ballot.allocations[2].amount`, as the forms name fields. */
export function fieldName(path: FieldPath): string {
  return path.map((step, i) => (typeof step === "number" ? `[${step}]` : i === 0 ? step : `.${step}`)).join("");
}

const FIELD_NAMES: Record<string, string> = {
  title: "Title",
  organisation: "Organisation",
  date: "Date",
  facilitator: "Facilitator",
  name: "Name",
  role: "Role",
  function: "Function",
  influence: "Influence",
  interest: "Interest",
  colour: "Colour",
  description: "Description",
  whyBest: "Why",
  size: "Size",
  value: "Value",
  statement: "Statement",
  categoryId: "Category",
};

/** Codes about a workshop file being read: the sentence says it cannot be imported. */
const FILE_CODES: ReadonlySet<RefusalCode> = new Set<RefusalCode>([
  "fileTooLarge",
  "fileUnreadable",
  "fileNotJson",
  "fileNotWorkshop",
  "fileFromNewerVersion",
  "fileInvalid",
]);

/** A sentence for the facilitator, naming the field when one is wrong. */
export function describeRefusal(refusal: Refusal): string {
  const field = fieldName(refusal.field);
  if (FILE_CODES.has(refusal.code)) {
    return field ? `This file cannot be imported: ${field}: ${refusal.message}` : `This file cannot be imported: ${refusal.message}`;
  }
  const label = FIELD_NAMES[field];
  // Structured fields (e.g. "ballot.allocations[2]") speak for themselves in the message.
  return sentence(label ? `${label} ${refusal.message}` : refusal.message);
}

/** Trims, capitalises and ends with a full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A readable message for anything thrown, typed or not. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "string") return thrown;
  return "Something went wrong.";
}
