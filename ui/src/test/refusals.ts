// Refusals as the backend sends them, for tests: a code, a field path and a message.
import type { FieldPath, Refusal, RefusalCode } from "../bindings";

/** `refused("empty", "ballot.allocations[2]", "…")` → the refusal a command would throw. */
export function refused(code: RefusalCode, field: string, message: string): Refusal {
  return { code, field: pathOf(field), message };
}

function pathOf(dotted: string): FieldPath {
  const path: FieldPath = [];
  for (const part of dotted.split(".").filter(Boolean)) {
    const [name, ...indexes] = part.split("[");
    if (name) path.push(name);
    for (const index of indexes) path.push(Number(index.replace("]", "")));
  }
  return path;
}
