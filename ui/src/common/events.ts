// Subscribes a view to the backend's typed DataChanged event.
import { useEffect, useRef } from "react";
import { events, type DataChanged } from "../bindings";

/** Unsubscribes without letting a failure escape: at teardown the event bridge may be gone. */
function quietly(unlisten: () => void) {
  void Promise.resolve()
    .then(unlisten)
    .catch(() => undefined);
}

export function useDataChanged(onChange: (change: DataChanged) => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    events.dataChanged
      .listen((event) => latest.current(event.payload))
      .then((unlisten) => {
        if (cancelled) quietly(unlisten);
        else stop = unlisten;
      })
      .catch(() => {
        // Without events the view still refreshes after its own actions.
      });
    return () => {
      cancelled = true;
      if (stop) quietly(stop);
    };
  }, []);
}
