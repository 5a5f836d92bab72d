// Names people type: the same name with other spacing or case is the same name.

/** A name as compared: single spaces, lower case. */
export function normaliseName(name: string): string {
  return name.split(/\s+/).filter(Boolean).join(" ").toLowerCase();
}

/** The existing name `candidate` repeats (ignoring case and spacing), if any. */
export function duplicateOf(names: readonly string[], candidate: string): string | undefined {
  const wanted = normaliseName(candidate);
  if (!wanted) return undefined;
  return names.find((name) => normaliseName(name) === wanted);
}
