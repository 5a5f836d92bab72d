// After a row moves up or down, its DOM node may be re-inserted and lose keyboard focus; this
// puts focus back on the arrow the facilitator used (or the other one, at the end of the list).
import { useEffect, type RefObject } from "react";

export function useMoveFocus(
  movedBy: -1 | 1 | undefined,
  index: number,
  up: RefObject<HTMLButtonElement | null>,
  down: RefObject<HTMLButtonElement | null>,
) {
  useEffect(() => {
    if (!movedBy) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== up.current && active !== down.current) return;
    const wanted = movedBy < 0 ? up.current : down.current;
    const other = movedBy < 0 ? down.current : up.current;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [movedBy, index, up, down]);
}
