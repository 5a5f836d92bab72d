// The six steps as the step rail shows them (order and names match the Rust `Step`).
import type { Step } from "../bindings";

export interface StepInfo {
  step: Step;
  title: string;
  purpose: string;
}

export const STEPS: StepInfo[] = [
  { step: "stakeholders", title: "Stakeholders", purpose: "Who is in the room: name, role, function, influence and interest." },
  { step: "categories", title: "Customer categories", purpose: "Who the customers are, and which are the best ones and why." },
  { step: "needs", title: "SMART needs", purpose: "Per category, needs that are Specific, Measurable, Achievable, Relevant and Time-bound, agreed by the room." },
  { step: "vote", title: "Vote", purpose: "The room chooses the most important need; ties go to a run-off." },
  { step: "canvas", title: "North Star canvas", purpose: "Brainstorm candidate metrics, check them against the criteria, vote, and pick the North Star with its inputs." },
  { step: "report", title: "Report", purpose: "Share the outcome as a PDF report and a JSON file that imports back." },
];

export function stepInfo(step: Step): StepInfo {
  return STEPS.find((s) => s.step === step) ?? STEPS[0];
}

export function stepNumber(step: Step): number {
  return STEPS.findIndex((s) => s.step === step) + 1;
}
