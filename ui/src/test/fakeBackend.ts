// An in-memory stand-in for the Rust commands, installed with Tauri's mockIPC, so UI tests run
// the real components against the real generated bindings.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { CommandError, Step, Workshop } from "../bindings";
import { workshopData } from "./workshopFixture";

export interface FakeBackend {
  workshops: Workshop[];
  calls: { cmd: string; args: Record<string, unknown> }[];
  fail: Partial<Record<string, CommandError>>;
  /** What the (stubbed) open dialog returns; null is a cancel. */
  importPath: string | null;
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
  const backend: FakeBackend = { workshops: [...initial], calls: [], fail: {}, importPath: "/tmp/in.json" };
  let nextId = 1;
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      backend.calls.push({ cmd, args });
      const failure = backend.fail[cmd];
      if (failure) throw failure;
      const find = (id: unknown) => {
        const found = backend.workshops.find((w) => w.id === id);
        if (!found) throw { kind: "notFound", data: { entity: "workshop", id: String(id), message: "gone" } };
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
          if (!input.title.trim()) throw { kind: "invalid", data: { field: "title", message: "must not be empty" } };
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
        case "choose_import_path":
          return backend.importPath;
        case "import_workshop_json": {
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
