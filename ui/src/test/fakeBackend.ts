// An in-memory stand-in for the Rust commands, installed with Tauri's mockIPC, so UI tests run
// the real components against the real generated bindings.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Refusal, Step, Workshop } from "../bindings";
import { refused } from "./refusals";
import { workshopData } from "./workshopFixture";

export interface FakeBackend {
  workshops: Workshop[];
  calls: { cmd: string; args: Record<string, unknown> }[];
  fail: Partial<Record<string, Refusal>>;
  /** Whether the (backend's) open dialog is cancelled. */
  importCancelled: boolean;
}

export function workshop(overrides: Partial<Workshop> = {}): Workshop {
  return {
    id: overrides.id ?? `w-${Math.random().toString(36).slice(2, 8)}`,
    title: "Kick-off",
    organisation: "",
    date: "",
    facilitator: "",
    currentStep: "stakeholders",
    createdAt: Date.now(),
    updatedAt: Date.now(),
    ...overrides,
  };
}

export function installFakeBackend(initial: Workshop[] = [], startupError: string | null = null): FakeBackend {
  const backend: FakeBackend = { workshops: [...initial], calls: [], fail: {}, importCancelled: false };
  let nextId = 1;
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      backend.calls.push({ cmd, args });
      const failure = backend.fail[cmd];
      if (failure) throw failure;
      const find = (id: unknown) => {
        const found = backend.workshops.find((w) => w.id === id);
        if (!found) throw refused("notFound", "", `no workshop with id ${String(id)} exists (it may have been deleted)`);
        return found;
      };
      switch (cmd) {
        case "app_info":
          return { version: "test", dataDir: "/tmp/lodestar", startupError };
        case "list_workshops":
          return backend.workshops;
        case "get_workshop":
          return find(args.id);
        case "get_workshop_data":
          return workshopData({ workshop: find(args.id) });
        case "create_workshop": {
          const input = args.input as { title: string };
          if (!input.title.trim()) throw refused("empty", "title", "must not be empty");
          const created = workshop({ ...input, id: `new-${nextId++}` });
          backend.workshops.unshift(created);
          return created;
        }
        case "rename_workshop":
          return Object.assign(find(args.id), { title: args.title as string });
        case "update_workshop_details":
          return Object.assign(find(args.id), args.input as object);
        case "delete_workshop":
          backend.workshops = backend.workshops.filter((w) => w.id !== args.id);
          return null;
        case "set_current_step":
          return Object.assign(find(args.id), { currentStep: args.step as Step });
        case "open_example": {
          const example = workshop({ id: `example-${nextId++}`, title: "Harbour Foods North Star offsite", currentStep: "vote" });
          backend.workshops.unshift(example);
          return example;
        }
        case "import_workshop_json": {
          if (backend.importCancelled) return null;
          const imported = workshop({ id: `imported-${nextId++}`, title: "Imported offsite" });
          backend.workshops.unshift(imported);
          return imported;
        }
        case "history_state":
          return { undoLabel: "rename workshop", redoLabel: null };
        case "undo":
        case "redo":
          return { label: "rename workshop", state: { undoLabel: null, redoLabel: null } };
        default:
          throw new Error(`the fake backend has no command ${cmd}`);
      }
    },
    { shouldMockEvents: true },
  );
  return backend;
}

export function callsOf(backend: FakeBackend, cmd: string) {
  return backend.calls.filter((c) => c.cmd === cmd);
}
