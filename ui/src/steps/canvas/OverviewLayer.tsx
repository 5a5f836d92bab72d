// The board zoomed far out (below DETAIL_ZOOM): the scene drawn on one canvas under React
// Flow's pane, with the room's pointer gestures on it — click and shift-click to select, drag
// a card or frame to move it, drag on empty board for a selection box. Panning and zooming
// stay React Flow's (the wheel, right/middle drag and Space+drag reach it untouched), so the
// board behaves the same at every zoom; only what is drawn, and how it is hit, changes.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useStoreApi } from "@xyflow/react";
import type { CanvasItem as Item, CanvasOp } from "../../bindings";
import { dragOps, type Point } from "./canvasModel";
import {
  dragged, dragOffset, drawOverview, hitTest, inBox, toFlow, travelling,
  type OverviewBox, type OverviewColours, type OverviewOverlay, type OverviewScene, type View,
} from "./overview";

export interface OverviewLayerProps {
  scene: OverviewScene;
  items: Item[];
  selected: Set<string>;
  onSelect: (ids: Set<string>) => void;
  run: (ops: CanvasOp[]) => Promise<unknown>;
  snap: boolean;
  /** The board element: gestures are caught on it before React Flow's pane sees them. */
  board: React.RefObject<HTMLDivElement | null>;
  /** A press on the picture began (true) or ended (false): the board keeps the picture until it ends. */
  onGesture?: (active: boolean) => void;
}

/** A press that moves less than this (screen pixels) is a click, not a drag. */
const CLICK_SLOP = 3;

type Gesture =
  | { kind: "drag"; start: Point; startScreen: Point; grabbed: OverviewBox; ids: string[]; travelling: Set<string>; moved: boolean; offset: Point }
  | { kind: "box"; start: Point; startScreen: Point; additive: boolean; base: Set<string> };

/**
 * Calls `draw` once in the next frame whenever the view moves or the board changes size (a
 * wheel burst or a drag makes one drawing a frame, just before the paint); returns the same
 * scheduling for other changes.
 */
export function useRedrawOnView(draw: () => void): () => void {
  const store = useStoreApi();
  const frame = useRef(0);
  const schedule = useCallback(() => {
    if (frame.current !== 0) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      draw();
    });
  }, [draw]);
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) schedule();
    });
    return () => {
      unsubscribe();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [store, schedule]);
  return schedule;
}

/**
 * The screen's pixels per CSS pixel, kept up to date: moving the window from the laptop to a
 * projector usually changes it, and a picture drawn for the other screen would be blurred or
 * half its size.
 */
export function usePixelRatio(): number {
  const [ratio, setRatio] = useState(() => window.devicePixelRatio || 1);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const onChange = () => setRatio(window.devicePixelRatio || 1);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, [ratio]);
  return ratio;
}

export function themeColours(element: Element | null): OverviewColours {
  const style = element ? getComputedStyle(element) : null;
  const read = (name: string, fallback: string) => style?.getPropertyValue(name).trim() || fallback;
  return {
    selection: read("--primary", "#3b4cca"), frameTitle: read("--primary-strong", "#2c3aa8"), titleBackground: read("--surface", "#ffffff"),
    link: read("--primary", "#3b4cca"),
  };
}

export function OverviewLayer({ scene, items, selected, onSelect, run, snap, board, onGesture }: OverviewLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const overlay = useRef<OverviewOverlay>({});
  const gesture = useRef<Gesture | null>(null);
  // What the draw and the gestures read; updated before any draw that follows a render.
  const latest = useRef({ scene, items, selected, onSelect, run, snap, onGesture });
  const colours = useRef<OverviewColours>(themeColours(null));
  // A move to a screen of another density makes a new draw(), which the effect below runs at once.
  const ratio = usePixelRatio();

  const draw = useCallback(() => {
    const element = canvas.current;
    const ctx = element?.getContext("2d");
    if (!element || !ctx) return;
    const { transform, width, height } = store.getState();
    const pixels = { width: Math.round(width * ratio), height: Math.round(height * ratio) };
    if (element.width !== pixels.width || element.height !== pixels.height) {
      element.width = pixels.width;
      element.height = pixels.height;
      element.style.width = `${width}px`;
      element.style.height = `${height}px`;
    }
    const view: View = { x: transform[0], y: transform[1], zoom: transform[2] };
    drawOverview(ctx, latest.current.scene, view, { width, height }, ratio, latest.current.selected, colours.current, overlay.current);
  }, [store, ratio]);

  const schedule = useRedrawOnView(draw);

  useLayoutEffect(() => {
    const pending = latest.current.scene !== scene && !gesture.current;
    latest.current = { scene, items, selected, onSelect, run, snap, onGesture };
    // A finished drag stays drawn where it was dropped until the stored scene arrives.
    if (pending) overlay.current = {};
    colours.current = themeColours(board.current);
    draw();
  }, [scene, items, selected, onSelect, run, snap, onGesture, board, draw]);

  useEffect(() => {
    const element = board.current;
    // Whether zoomed far out or standing in for a moving busy board's cards, the picture is
    // what the room sees and points at, so it takes the pointer.
    if (!element) return;
    let spaceHeld = false;
    // The press being handled here: its mouse and click events are kept from React Flow too.
    let claimed = false;

    const view = (): View => {
      const [x, y, zoom] = store.getState().transform;
      return { x, y, zoom };
    };
    const local = (event: PointerEvent | MouseEvent): Point => {
      const box = canvas.current?.getBoundingClientRect();
      return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
    };
    const onPane = (event: Event) => (event.target as Element | null)?.classList?.contains("react-flow__pane") ?? false;

    const onMove = (event: PointerEvent) => {
      const g = gesture.current;
      if (!g) return;
      const screen = local(event);
      const point = toFlow(screen, view());
      if (g.kind === "drag") {
        if (!g.moved && Math.hypot(screen.x - g.startScreen.x, screen.y - g.startScreen.y) < CLICK_SLOP) return;
        g.moved = true;
        g.offset = dragOffset(g.grabbed, { x: point.x - g.start.x, y: point.y - g.start.y }, latest.current.snap);
        overlay.current = { moving: { ids: g.travelling, offset: g.offset } };
      } else {
        overlay.current = { area: { x: g.start.x, y: g.start.y, width: point.x - g.start.x, height: point.y - g.start.y } };
      }
      schedule();
    };

    const finish = (event: PointerEvent, cancelled: boolean) => {
      const g = gesture.current;
      gesture.current = null;
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", onCancel);
      if (!g) return;
      const { scene: now, items: stored, onSelect: select, run: send, onGesture: report } = latest.current;
      report?.(false);
      if (g.kind === "drag") {
        if (cancelled || !g.moved) {
          overlay.current = {};
          schedule();
          return;
        }
        const offset = g.offset;
        // An item deleted (Delete, Ctrl+Z) while the button was still down is no longer there to move.
        const ops = dragOps(g.ids.filter((id) => now.byId.has(id)).map((id) => {
          const box = now.byId.get(id) as OverviewBox;
          const parent = box.parent ? now.byId.get(box.parent) : undefined;
          return { id, position: { x: box.x + offset.x - (parent?.x ?? 0), y: box.y + offset.y - (parent?.y ?? 0) }, parentId: parent?.id };
        }), stored);
        if (ops.length === 0) {
          overlay.current = {};
          schedule();
          return;
        }
        // The moved cards stay where they were dropped until the store's scene replaces them.
        void send(ops).finally(() => {
          if (!gesture.current && overlay.current.moving?.ids === g.travelling) {
            overlay.current = {};
            schedule();
          }
        });
        return;
      }
      overlay.current = {};
      schedule();
      if (cancelled) return;
      const screen = local(event);
      const small = Math.hypot(screen.x - g.startScreen.x, screen.y - g.startScreen.y) < CLICK_SLOP;
      if (small) {
        if (!g.additive) select(new Set());
        return;
      }
      const end = toFlow(screen, view());
      const touched = inBox(now, { x: g.start.x, y: g.start.y, width: end.x - g.start.x, height: end.y - g.start.y });
      select(g.additive ? new Set([...g.base, ...touched]) : new Set(touched));
    };
    const onUp = (event: PointerEvent) => finish(event, false);
    const onCancel = (event: PointerEvent) => finish(event, true);

    const onPointerDown = (event: PointerEvent) => {
      claimed = false;
      if (event.button !== 0 || spaceHeld || !onPane(event)) return;
      // Ours, not React Flow's: its pane would start a selection box that finds no cards.
      event.stopPropagation();
      claimed = true;
      const { scene: now, selected: current, onSelect: select } = latest.current;
      const screen = local(event);
      const v = view();
      const start = toFlow(screen, v);
      const hit = hitTest(now, start, v.zoom);
      const additive = event.shiftKey || event.metaKey || event.ctrlKey;
      if (hit) {
        let selection = current;
        if (additive) {
          selection = new Set(current);
          if (selection.has(hit.id)) selection.delete(hit.id);
          else selection.add(hit.id);
          select(selection);
          if (!selection.has(hit.id)) return;
        } else if (!current.has(hit.id)) {
          selection = new Set([hit.id]);
          select(selection);
        }
        const ids = dragged(now, hit.id, selection);
        gesture.current = { kind: "drag", start, startScreen: screen, grabbed: hit, ids, travelling: travelling(now, ids), moved: false, offset: { x: 0, y: 0 } };
      } else {
        gesture.current = { kind: "box", start, startScreen: screen, additive, base: current };
      }
      window.addEventListener("pointermove", onMove);
      window.addEventListener("pointerup", onUp);
      window.addEventListener("pointercancel", onCancel);
      latest.current.onGesture?.(true);
    };
    // The mouse events of the same press would reach React Flow's pan and its "click on the
    // empty pane clears the selection"; the press was ours, so they stop here too.
    const onMouseDown = (event: MouseEvent) => {
      if (claimed) event.stopPropagation();
    };
    const onClick = (event: MouseEvent) => {
      if (claimed) {
        claimed = false;
        event.stopPropagation();
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.code === "Space") spaceHeld = event.type === "keydown";
    };

    element.addEventListener("pointerdown", onPointerDown, true);
    element.addEventListener("mousedown", onMouseDown, true);
    element.addEventListener("click", onClick, true);
    window.addEventListener("keydown", onKey);
    window.addEventListener("keyup", onKey);
    return () => {
      element.removeEventListener("pointerdown", onPointerDown, true);
      element.removeEventListener("mousedown", onMouseDown, true);
      element.removeEventListener("click", onClick, true);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("keyup", onKey);
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", onCancel);
      if (gesture.current) latest.current.onGesture?.(false);
      gesture.current = null;
      overlay.current = {};
    };
  }, [board, store, schedule]);

  // Screen readers cannot see into the picture: it says what it shows and where the items are listed.
  const frames = scene.boxes.filter((b) => b.kind === "frame").length;
  const label = `The board zoomed out as a picture: ${scene.boxes.length - frames} cards in ${frames} frames. The All items tab lists and edits every one.`;
  return <canvas ref={canvas} className="board__overview" data-testid="canvas-overview" role="img" aria-label={label} />;
}
