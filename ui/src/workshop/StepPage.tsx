// The page of the current step: its heading, its workspace, and the way on.
import { useLayoutEffect, useRef, type ReactNode } from "react";
import type { Step } from "../bindings";
import { CanvasStep } from "../steps/canvas/CanvasStep";
import { CategoriesStep } from "../steps/categories/CategoriesStep";
import { NeedsPage } from "../steps/needs/NeedsPage";
import { StakeholdersStep } from "../steps/stakeholders/StakeholdersStep";
import { ReportStep } from "../steps/report/ReportStep";
import { VoteStep } from "../steps/vote/VoteStep";
import { STEPS, stepInfo, stepNumber } from "./steps";
import { useWorkshop } from "./WorkshopContext";

const PAGES: Partial<Record<Step, () => ReactNode>> = {
  stakeholders: () => <StakeholdersStep />,
  categories: () => <CategoriesStep />,
  needs: () => <NeedsPage />,
  vote: () => <VoteStep />,
  canvas: () => <CanvasStep />,
  report: () => <ReportStep />,
};

export function StepPage({ onGoTo }: { onGoTo: (step: Step) => void }) {
  const { data } = useWorkshop();
  const current = data.workshop.currentStep;
  const info = stepInfo(current);
  const number = stepNumber(current);
  const next = STEPS[number];
  const previous = STEPS[number - 2];
  const nextGate = next && data.gates.find((g) => g.step === next.step)?.gate;
  const page = PAGES[current];
  // A step opens at its top, not scrolled into its middle as the previous (longer) step was
  // left; the canvas, sized to fill the window below its heading, always opens there.
  const section = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const root = document.documentElement;
    // Just below the top bar, which stays on screen over the page.
    const bar = document.querySelector(".topbar")?.getBoundingClientRect().height ?? 0;
    const top = Math.max(0, (section.current?.getBoundingClientRect().top ?? 0) + root.scrollTop - bar);
    if (current === "canvas" || root.scrollTop > top) root.scrollTop = top;
  }, [current]);
  return (
    <section ref={section} className="step-page" data-testid="step-page" data-step={info.step} aria-labelledby="step-heading">
      <p className="eyebrow">Step {number} of 6</p>
      <h2 id="step-heading" data-testid="current-step-title">{info.title}</h2>
      <p className="lead">{info.purpose}</p>
      <div className="step-page__body">
        {page ? page() : <div className="placeholder">This step’s workspace is being built. The step you are on is saved.</div>}
      </div>
      <footer className="step-page__nav">
        {previous ? (
          <button className="button button--ghost" data-testid="previous-step" onClick={() => onGoTo(previous.step)}>
            ← {previous.title}
          </button>
        ) : (
          <span />
        )}
        {next && (
          <div className="step-page__next">
            {nextGate && !nextGate.open && (
              <span className="gate-reason" data-testid="next-step-blocked">{nextGate.reasons.join(" ")}</span>
            )}
            <button className="button button--primary" data-testid="next-step" disabled={nextGate ? !nextGate.open : false} onClick={() => onGoTo(next.step)}>
              Next: {next.title} →
            </button>
          </div>
        )}
      </footer>
    </section>
  );
}
