// Loads something from the backend and keeps only the newest answer. IPC answers can arrive
// out of order, and an older answer must never overwrite a newer state on screen.
import { useCallback, useEffect, useRef, useState, type DependencyList } from "react";

export interface Resource<T> {
  data: T | null;
  error: unknown;
  /** Fetches again; answers to earlier fetches that arrive later are dropped. */
  reload: () => Promise<void>;
  /** Shows a value the backend just returned from an action, dropping fetches in flight. */
  set: (data: T) => void;
}

export function useResource<T>(fetch: () => Promise<T>, deps: DependencyList): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const generation = useRef(0);

  // The caller's deps decide when `fetch` changes, as with useCallback.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(fetch, deps);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await load();
      if (mine === generation.current) setState({ data, error: null });
    } catch (error) {
      if (mine === generation.current) setState((previous) => ({ data: previous.data, error }));
    }
  }, [load]);

  const set = useCallback((data: T) => {
    generation.current++;
    setState({ data, error: null });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data: state.data, error: state.error, reload, set };
}
