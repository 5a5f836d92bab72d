import { describe, expect, it } from "vitest";
import type { CanvasItem as Item } from "../../bindings";
import { balanceSentence, dragOps, frameAt, freeSpot, newItem, parentsFirst, rolesOf, toEdges, toNodes, type ItemNode } from "./canvasModel";

function item(id: string, kind: Item["kind"], x: number, y: number, overrides: Partial<Item> = {}): Item {
  return {
    id, kind, text: id, colour: "yellow", authorId: null, x, y, width: kind === "frame" ? 400 : 100, height: kind === "frame" ? 300 : 80,
    parentFrame: null, z: "a0", tags: { outcomeOrOutput: null, leadingOrLagging: null }, linkedCategory: null, linkedNeed: null,
    checklist: { met: [] }, ...overrides,
  };
}

const context = { roles: new Map(), authorName: () => null, selected: new Set<string>(), hidden: false };

describe("nodes from the stored scene", () => {
  it("puts a frame before the stickies inside it and positions them relative to it", () => {
    const items = [item("s", "sticky", 150, 130, { parentFrame: "f", z: "b" }), item("f", "frame", 100, 100, { z: "a" })];
    const nodes = toNodes(items, context, new Map());
    expect(nodes.map((n) => n.id)).toEqual(["f", "s"]);
    expect(nodes[1].parentId).toBe("f");
    expect(nodes[1].position).toEqual({ x: 50, y: 30 });
  });

  it("keeps the same node object when nothing about the item changed, so it does not re-render", () => {
    const items = [item("a", "sticky", 0, 0), item("b", "sticky", 200, 0)];
    const first = toNodes(items, context, new Map());
    const previous = new Map<string, ItemNode>(first.map((n) => [n.id, n]));
    const moved = [items[0], { ...items[1], x: 300 }];
    const second = toNodes(moved, context, previous);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].position.x).toBe(300);
  });

  it("stacks frames below links and links below cards, so a link never crosses a card's words", () => {
    const items = [item("f", "frame", 0, 0, { z: "c" }), item("a", "sticky", 0, 0, { z: "a" }), item("b", "sticky", 300, 0, { z: "b" })];
    const nodes = toNodes(items, context, new Map());
    const z = new Map(nodes.map((n) => [n.id, n.zIndex ?? 0]));
    const [edge] = toEdges([{ id: "l", from: "a", to: "b", label: "" }], new Set());
    expect(z.get("f")).toBeLessThan(edge.zIndex ?? 0);
    expect(z.get("a")).toBeGreaterThan(edge.zIndex ?? 0);
    expect(z.get("b")).toBeGreaterThan(z.get("a") ?? 0);
    // A selected card goes over the others, as it is dragged across them; a selected frame stays behind.
    const lifted = toNodes(items, { ...context, selected: new Set(["a", "f"]) }, new Map());
    const liftedZ = new Map(lifted.map((n) => [n.id, n.zIndex ?? 0]));
    expect(liftedZ.get("a")).toBeGreaterThan(liftedZ.get("b") ?? 0);
    expect(liftedZ.get("f")).toBeLessThan(edge.zIndex ?? 0);
  });

  it("hides every node when the board is zoomed far out, and makes new nodes when that changes", () => {
    const items = [item("a", "sticky", 0, 0), item("f", "frame", 0, 0)];
    const near = toNodes(items, context, new Map());
    const far = toNodes(items, { ...context, hidden: true }, new Map(near.map((n) => [n.id, n])));
    expect(near.every((n) => !n.hidden)).toBe(true);
    expect(far.every((n) => n.hidden)).toBe(true);
  });

  it("shows the checklist score and the North Star and input roles", () => {
    const items = [item("a", "sticky", 0, 0, { checklist: { met: ["actionable", "measurable"] } }), item("b", "sticky", 0, 0)];
    const nodes = toNodes(items, { ...context, roles: rolesOf("a", ["b", null]) }, new Map());
    expect(nodes[0].data.score).toBe(2);
    expect(nodes[0].data.role).toBe("northStar");
    expect(nodes[1].data.role).toBe("input");
  });

  it("never loops on frames that claim each other", () => {
    const items = [item("f", "frame", 0, 0, { parentFrame: "g" }), item("g", "frame", 0, 0, { parentFrame: "f" })];
    expect(parentsFirst(items)).toHaveLength(2);
  });
});

describe("what a finished drag means", () => {
  const frame = item("f", "frame", 0, 0);
  it("moves every dragged sticky by the same offset", () => {
    const items = [item("a", "sticky", 1000, 0), item("b", "sticky", 1200, 0)];
    const ops = dragOps([{ id: "a", position: { x: 1020, y: 40 } }, { id: "b", position: { x: 1220, y: 40 } }], items);
    expect(ops).toEqual([{ kind: "move", ids: ["a", "b"], dx: 20, dy: 40 }]);
  });

  it("drops a sticky whose centre lands in a frame into that frame, as part of the same step", () => {
    const items = [frame, item("a", "sticky", 1000, 0)];
    const ops = dragOps([{ id: "a", position: { x: 100, y: 100 } }], items);
    expect(ops).toEqual([
      { kind: "move", ids: ["a"], dx: -900, dy: 100 },
      { kind: "setFrame", ids: ["a"], frameId: "f" },
    ]);
  });

  it("takes a sticky dragged out of its frame out of it", () => {
    const items = [frame, item("a", "sticky", 10, 10, { parentFrame: "f" })];
    const ops = dragOps([{ id: "a", position: { x: 890, y: 0 }, parentId: "f" }], items);
    expect(ops[1]).toEqual({ kind: "setFrame", ids: ["a"], frameId: null });
  });

  it("moves a frame with its stickies without changing what is in it", () => {
    const items = [frame, item("a", "sticky", 10, 10, { parentFrame: "f" })];
    const ops = dragOps([{ id: "f", position: { x: 60, y: 0 } }], items);
    expect(ops).toEqual([{ kind: "move", ids: ["f"], dx: 60, dy: 0 }]);
  });

  it("finds the innermost frame under a point", () => {
    const inner = item("g", "frame", 50, 50, { width: 100, height: 100 });
    expect(frameAt({ x: 60, y: 60 }, [frame, inner], new Set())?.id).toBe("g");
    expect(frameAt({ x: 5, y: 5 }, [frame, inner], new Set())?.id).toBe("f");
    expect(frameAt({ x: 900, y: 5 }, [frame, inner], new Set())).toBeNull();
  });
});

describe("new items and the balance", () => {
  it("centres a new sticky on the point and snaps it to the grid", () => {
    const created = newItem("sticky", { x: 333, y: 217 });
    expect(created).toMatchObject({ kind: "sticky", x: 240, y: 160, width: 180, height: 120 });
  });

  it("says how many KPIs measure outputs", () => {
    expect(balanceSentence({ outcome: 2, output: 8, untagged: 1, kpis: 5, kpiOutputs: 4 }))
      .toBe("2 outcome · 8 output (80% output) · 4 of 5 current KPIs measure outputs (80%)");
    expect(balanceSentence({ outcome: 0, output: 0, untagged: 3, kpis: 0, kpiOutputs: 0 })).toMatch(/^Tag candidates/);
  });

  it("puts a new sticky in the next free place in the row, not on top of another", () => {
    const size = { width: 180, height: 120 };
    const taken = [item("a", "sticky", 0, 0), item("b", "sticky", 200, 0)];
    expect(freeSpot("sticky", { x: 0, y: 0 }, size, taken)).toEqual({ x: 400, y: 0 });
    expect(freeSpot("sticky", { x: 0, y: 300 }, size, taken)).toEqual({ x: 0, y: 300 });
    const frame = item("f", "frame", 0, 0, { width: 480, height: 320 });
    expect(freeSpot("sticky", { x: 600, y: 0 }, size, [frame])).toEqual({ x: 600, y: 0 });
    expect(freeSpot("frame", { x: 0, y: 0 }, { width: 480, height: 320 }, [frame])).toEqual({ x: 500, y: 0 });
  });
});
