// The six steps as the step rail shows them. Their order, numbers, titles and purposes come from
// the Rust `Step` through the bindings (FACTS), so the UI keeps no list of its own.
import { FACTS, type Step } from "../bindings";

export type StepInfo = (typeof FACTS.steps)[number];

export const STEPS: readonly StepInfo[] = FACTS.steps;

export function stepInfo(step: Step): StepInfo {
  return STEPS.find((s) => s.step === step) ?? STEPS[0];
}

export function stepNumber(step: Step): number {
  return STEPS.findIndex((s) => s.step === step) + 1;
}
