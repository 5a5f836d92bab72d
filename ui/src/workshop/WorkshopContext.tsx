// What every step page of an open workshop shares: the workshop's data as last read from
// the backend, and `act`, which runs a command, shows its save state and reloads the data.
import { createContext, useContext } from "react";
import type { HistoryScope, WorkshopData } from "../bindings";

export interface WorkshopApi {
  data: WorkshopData;
  scope: HistoryScope;
  /**
   * Runs a backend command for this workshop. Resolves to its value once committed, or to
   * `undefined` after showing the error (the UI then keeps what the user typed).
   */
  act: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  /** Like `act`, but rethrows the error so a form can show it beside its fields. */
  actOrThrow: <T>(work: () => Promise<T>) => Promise<T>;
}

export const WorkshopContext = createContext<WorkshopApi | null>(null);

export function useWorkshop(): WorkshopApi {
  const api = useContext(WorkshopContext);
  if (!api) throw new Error("useWorkshop must be used inside an open workshop");
  return api;
}
