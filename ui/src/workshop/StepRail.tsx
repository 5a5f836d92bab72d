// The step rail: the six steps of the method, the current one highlighted.
import type { Step } from "../bindings";
import { STEPS } from "./steps";

export function StepRail({ current, onSelect }: { current: Step; onSelect: (step: Step) => void }) {
  return (
    <nav className="step-rail" aria-label="Workshop steps">
      <ol>
        {STEPS.map((info, index) => {
          const isCurrent = info.step === current;
          return (
            <li key={info.step}>
              <button
                className={`step-rail__step${isCurrent ? " step-rail__step--current" : ""}`}
                data-testid={`step-${info.step}`}
                aria-current={isCurrent ? "step" : undefined}
                onClick={() => onSelect(info.step)}
              >
                <span className="step-rail__number">{index + 1}</span>
                <span className="step-rail__title">{info.title}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
