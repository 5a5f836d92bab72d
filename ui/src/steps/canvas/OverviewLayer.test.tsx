import { fireEvent, render } from "@testing-library/react";
import { ReactFlowProvider, useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { vi } from "vitest";
import type { CanvasItem as Item, CanvasOp } from "../../bindings";
import { overviewScene } from "./overview";
import { OverviewLayer } from "./OverviewLayer";

function item(id: string, kind: Item["kind"], x: number, y: number, overrides: Partial<Item> = {}): Item {
  return {
    id, kind, text: id, colour: "yellow", authorId: null, x, y, width: kind === "frame" ? 400 : 100, height: kind === "frame" ? 300 : 80,
    parentFrame: null, z: "a0", tags: { outcomeOrOutput: null, leadingOrLagging: null }, linkedCategory: null, linkedNeed: null,
    checklist: { met: [] }, ...overrides,
  };
}

// Frame F at (0,0) 400×300 holds sticky a at (20,20); sticky c stands alone at (600,0).
const items = [item("F", "frame", 0, 0), item("a", "sticky", 20, 20, { parentFrame: "F", z: "b" }), item("c", "sticky", 600, 0, { z: "c" })];
const scene = overviewScene(items, [], new Map());

/** The layer over a stand-in pane, with the view zoomed to 50%: screen = canvas units / 2. */
function Harness(props: { selected: Set<string>; onSelect: (ids: Set<string>) => void; run: (ops: CanvasOp[]) => Promise<unknown>; snap?: boolean }) {
  const board = useRef<HTMLDivElement>(null);
  const store = useStoreApi();
  useEffect(() => store.setState({ transform: [0, 0, 0.5], width: 800, height: 600 }), [store]);
  return (
    <div ref={board}>
      <div className="react-flow__pane" data-testid="pane" />
      <OverviewLayer scene={scene} items={items} selected={props.selected} onSelect={props.onSelect} run={props.run} snap={props.snap ?? false} board={board} />
    </div>
  );
}

function setup(selected = new Set<string>(), snap = false) {
  const onSelect = vi.fn();
  const run = vi.fn(async () => []);
  const view = render(<ReactFlowProvider><Harness selected={selected} onSelect={onSelect} run={run} snap={snap} /></ReactFlowProvider>);
  return { onSelect, run, view, pane: view.getByTestId("pane") };
}

/** A press, moves and release at screen points, as a person makes them. */
function gesture(pane: HTMLElement, points: [number, number][], modifiers: { shiftKey?: boolean } = {}) {
  const [first, ...rest] = points;
  fireEvent.pointerDown(pane, { button: 0, clientX: first[0], clientY: first[1], ...modifiers });
  for (const [x, y] of rest) fireEvent.pointerMove(window, { clientX: x, clientY: y });
  const last = points[points.length - 1];
  fireEvent.pointerUp(window, { clientX: last[0], clientY: last[1] });
}

describe("gestures on the zoomed-out board", () => {
  it("selects the card under a click, and shift-click adds another", () => {
    const first = setup();
    gesture(first.pane, [[20, 20]]);
    expect(first.onSelect).toHaveBeenLastCalledWith(new Set(["a"]));
    first.view.unmount();
    const second = setup(new Set(["a"]));
    gesture(second.pane, [[320, 20]], { shiftKey: true });
    expect(second.onSelect).toHaveBeenLastCalledWith(new Set(["a", "c"]));
    expect(first.run).not.toHaveBeenCalled();
    expect(second.run).not.toHaveBeenCalled();
  });

  it("shift-click on a selected card takes it out of the selection", () => {
    const { onSelect, pane } = setup(new Set(["a", "c"]));
    gesture(pane, [[20, 20]], { shiftKey: true });
    expect(onSelect).toHaveBeenLastCalledWith(new Set(["c"]));
  });

  it("moves a dragged card as one canvas action, taking it out of the frame it left", async () => {
    const { run, pane } = setup();
    // From (40,40) to (140,40) on screen is 200 canvas units to the right: a lands at x = 220,
    // its centre (270, 60) still inside F. Then a drag out of F to (700, 400).
    gesture(pane, [[20, 20], [60, 20], [120, 20]]);
    expect(run).toHaveBeenLastCalledWith([{ kind: "move", ids: ["a"], dx: 200, dy: 0 }]);
    gesture(pane, [[20, 20], [100, 200], [360, 200]]);
    expect(run).toHaveBeenLastCalledWith([{ kind: "move", ids: ["a"], dx: 680, dy: 360 }, { kind: "setFrame", ids: ["a"], frameId: null }]);
  });

  it("snaps a dragged card's corner to the grid when snapping is on", () => {
    const { run, pane } = setup(new Set(), true);
    gesture(pane, [[20, 20], [30, 20], [36, 23]]);
    expect(run).toHaveBeenLastCalledWith([{ kind: "move", ids: ["a"], dx: 40, dy: 0 }]);
  });

  it("drags a frame with what is inside it as one move of the frame", () => {
    const { run, pane } = setup();
    gesture(pane, [[150, 140], [170, 140], [200, 150]]);
    expect(run).toHaveBeenLastCalledWith([{ kind: "move", ids: ["F"], dx: 100, dy: 20 }]);
  });

  it("selects what a box drawn on empty board touches; a click on empty board clears the selection", () => {
    const { onSelect, pane } = setup(new Set(["a"]));
    gesture(pane, [[290, 60], [350, 10], [360, -10]]);
    expect(onSelect).toHaveBeenLastCalledWith(new Set(["c"]));
    gesture(pane, [[500, 500]]);
    expect(onSelect).toHaveBeenLastCalledWith(new Set());
  });

  it("leaves other buttons, and presses outside the pane, to React Flow", () => {
    const { onSelect, run, pane } = setup();
    fireEvent.pointerDown(pane, { button: 2, clientX: 20, clientY: 20 });
    fireEvent.pointerUp(window, { clientX: 20, clientY: 20 });
    gesture(pane.parentElement as HTMLElement, [[20, 20]]);
    expect(onSelect).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });
});
