// The page of the current step. Each step's own page plugs in here as it is built.
import type { Step, Workshop } from "../bindings";
import { STEPS, stepInfo, stepNumber } from "./steps";

export function StepPage({ workshop, onGoTo }: { workshop: Workshop; onGoTo: (step: Step) => void }) {
  const info = stepInfo(workshop.currentStep);
  const number = stepNumber(workshop.currentStep);
  const next = STEPS[number];
  const previous = STEPS[number - 2];
  return (
    <section className="step-page" data-testid="step-page" data-step={info.step} aria-labelledby="step-heading">
      <p className="eyebrow">Step {number} of 6</p>
      <h2 id="step-heading" data-testid="current-step-title">{info.title}</h2>
      <p className="lead">{info.purpose}</p>
      <div className="placeholder">This step’s workspace is being built. The step you are on is saved.</div>
      <footer className="step-page__nav">
        {previous ? (
          <button className="button button--ghost" onClick={() => onGoTo(previous.step)}>
            ← {previous.title}
          </button>
        ) : (
          <span />
        )}
        {next && (
          <button className="button button--primary" data-testid="next-step" onClick={() => onGoTo(next.step)}>
            Next: {next.title} →
          </button>
        )}
      </footer>
    </section>
  );
}
