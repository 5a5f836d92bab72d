// The one place the UI turns the generated bindings' results into values or readable errors.
import type { CommandError } from "./bindings";

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: CommandError };

/** An error from a command, carrying the typed payload so views can switch on `kind`. */
export class AppError extends Error {
  readonly error: CommandError;
  constructor(error: CommandError) {
    super(describeError(error));
    this.error = error;
  }
}

/** Resolves a command's result, throwing an `AppError` with a readable message on failure. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.status === "error") throw new AppError(result.error);
  return result.data;
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

/** A sentence for the facilitator, naming the field when one is wrong. */
export function describeError(error: CommandError): string {
  if (error.kind === "badFile") {
    return error.data.path ? `This file cannot be imported: ${error.data.path}: ${error.data.message}` : `This file cannot be imported: ${error.data.message}`;
  }
  if (error.kind === "invalid") {
    const field = FIELD_NAMES[error.data.field];
    // Structured fields (e.g. "ballot.allocations[2]") speak for themselves in the message.
    const sentence = field ? `${field} ${error.data.message}` : capitalise(error.data.message);
    return sentence.endsWith(".") ? sentence : `${sentence}.`;
  }
  return error.data.message;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A readable message for anything thrown, typed or not. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "string") return thrown;
  return "Something went wrong.";
}
