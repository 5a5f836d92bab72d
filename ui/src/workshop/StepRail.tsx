// The step rail: the six steps of the method, the current one highlighted, and the steps the
// room cannot enter yet marked with the reason.
import type { StepGate, Step } from "../bindings";
import { STEPS } from "./steps";

interface Props {
  current: Step;
  gates: StepGate[];
  onSelect: (step: Step) => void;
}

export function StepRail({ current, gates, onSelect }: Props) {
  const currentIndex = STEPS.findIndex((s) => s.step === current);
  return (
    <nav className="step-rail" aria-label="Workshop steps">
      <ol>
        {STEPS.map((info, index) => {
          const isCurrent = info.step === current;
          const gate = gates.find((g) => g.step === info.step)?.gate;
          // Going back is always allowed; going forward needs the step's gate open.
          const locked = index > currentIndex && gate !== undefined && !gate.open;
          const reason = locked ? gate?.reasons.join(" ") : undefined;
          return (
            <li key={info.step}>
              <button
                className={`step-rail__step${isCurrent ? " step-rail__step--current" : ""}${locked ? " step-rail__step--locked" : ""}`}
                data-testid={`step-${info.step}`}
                data-locked={locked ? "true" : undefined}
                aria-current={isCurrent ? "step" : undefined}
                aria-disabled={locked || undefined}
                title={reason ? `${info.title}: ${reason}` : info.title}
                onClick={() => onSelect(info.step)}
              >
                <span className="step-rail__number">{locked ? <LockIcon /> : index + 1}</span>
                <span className="step-rail__text">
                  <span className="step-rail__title">{info.title}</span>
                  {reason && <span className="step-rail__reason">{reason}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-label="locked" role="img">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" stroke="currentColor" strokeWidth="1.8" fill="none" />
    </svg>
  );
}
