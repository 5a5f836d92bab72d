// Builders for UI tests of the step pages: a WorkshopData to render, and a provider that
// records the commands a page sends instead of running a backend.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ReactNode } from "react";
import {
  FACTS, type Category, type Gate, type Need, type NeedInput, type SmartCheck, type Stakeholder, type Step, type StepTimer,
  type Workshop, type WorkshopData,
} from "../bindings";
import { StatusProvider } from "../common/status";
import { WorkshopContext, type WorkshopApi } from "../workshop/WorkshopContext";

const STEPS: Step[] = FACTS.steps.map((s) => s.step);

export function workshopRecord(overrides: Partial<Workshop> = {}): Workshop {
  return {
    id: "w1", title: "Offsite", organisation: "Acme", date: "2026-11-23", facilitator: "Ana",
    currentStep: "stakeholders", createdAt: 0, updatedAt: 0, ...overrides,
  };
}

export function stakeholder(id: string, name: string, overrides: Partial<Stakeholder["details"]> = {}): Stakeholder {
  return {
    id, position: 0, initials: name.slice(0, 1).toUpperCase(), quadrant: "manage_closely",
    details: { name, role: "", function: "", influence: 3, interest: 3, stance: "neutral", present: true, colour: "", ...overrides },
  };
}

export function category(id: string, name: string, overrides: Partial<Category["details"]> = {}): Category {
  return {
    id, position: 0,
    details: { name, description: "", whyBest: "", reasons: [], size: "", value: "", priority: false, ...overrides },
  };
}

const HOLDS = { holds: true, reasons: [] };

export function smart(failing: Partial<Record<keyof SmartCheck, string>> = {}): SmartCheck {
  const part = (key: keyof SmartCheck) => (failing[key] ? { holds: false, reasons: [failing[key] as string] } : HOLDS);
  return { specific: part("specific"), measurable: part("measurable"), achievable: part("achievable"), relevant: part("relevant"), timeBound: part("timeBound") };
}

export function needInput(categoryId: string, statement: string): NeedInput {
  return {
    categoryId, statement, specificWho: "", specificWhat: "", measure: "", unit: "", baseline: "", target: "",
    achievableHow: "", owner: "", relevantLink: "", timeBound: "", achievableConfirmed: false, achievableReason: "",
    relevantConfirmed: false, relevantReason: "",
  };
}

export function need(id: string, categoryId: string, statement: string, overrides: Partial<Need> = {}): Need {
  return {
    id, position: 0, revision: 1, details: needInput(categoryId, statement), agreement: { kind: "consensus" },
    smart: smart(), eligible: true, ...overrides,
  };
}

const OPEN: Gate = { open: true, reasons: [], warnings: [] };

export function workshopData(overrides: Partial<WorkshopData> = {}): WorkshopData {
  const timers: StepTimer[] = STEPS.map((step) => ({ step, durationMs: 600_000, elapsedMs: 0, runningSince: null }));
  return {
    workshop: workshopRecord(), stakeholders: [], categories: [], needs: [], votes: [], focus: null,
    gates: STEPS.map((step) => ({ step, gate: OPEN })), timers,
    canvas: { items: [], links: [] }, balance: { outcome: 0, output: 0, untagged: 0, kpis: 0, kpiOutputs: 0 },
    metricCandidates: [], metricChoice: null, northStar: null, actions: [], ...overrides,
  };
}

export interface RecordedCall {
  cmd: string;
  args: Record<string, unknown>;
}

/**
 * Installs a mocked IPC that records every command and answers with `answer` (default:
 * null). Throwing from `answer` makes the command fail with that value (a CommandError).
 */
export function recordCommands(answer: (cmd: string, args: Record<string, unknown>) => unknown = () => null) {
  const calls: RecordedCall[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    return answer(cmd, args);
  }, { shouldMockEvents: true });
  return calls;
}

/** Renders step pages inside the same providers the app uses. */
export function WorkshopHarness({ data, children }: { data: WorkshopData; children: ReactNode }) {
  const api: WorkshopApi = {
    data,
    scope: { kind: "workshop", id: data.workshop.id },
    act: async (work) => {
      try {
        return await work();
      } catch {
        return undefined;
      }
    },
    actOrThrow: (work) => work(),
  };
  return (
    <StatusProvider>
      <WorkshopContext.Provider value={api}>{children}</WorkshopContext.Provider>
    </StatusProvider>
  );
}
