// Subscribes a view to the backend's typed DataChanged event.
import { useEffect, useRef } from "react";
import { events, type DataChanged } from "../bindings";

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
        if (cancelled) unlisten();
        else stop = unlisten;
      })
      .catch(() => {
        // Without events the view still refreshes after its own actions.
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
}
