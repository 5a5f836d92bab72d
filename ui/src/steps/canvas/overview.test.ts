import { describe, expect, it } from "vitest";
import type { CanvasItem as Item } from "../../bindings";
import { rolesOf } from "./canvasModel";
import { minimapView } from "./Minimap";
import {
  dragged, dragOffset, drawOverview, handleCurve, hitTest, inBox, linkEnds, overviewScene, sceneBounds, titleBand, toFlow, travelling, wrapWords,
  type Painter,
} from "./overview";

function item(id: string, kind: Item["kind"], x: number, y: number, overrides: Partial<Item> = {}): Item {
  return {
    id, kind, text: id, colour: "yellow", authorId: null, x, y, width: kind === "frame" ? 400 : 100, height: kind === "frame" ? 300 : 80,
    parentFrame: null, z: "a0", tags: { outcomeOrOutput: null, leadingOrLagging: null }, linkedCategory: null, linkedNeed: null,
    checklist: { met: [] }, ...overrides,
  };
}

/** A frame F (0,0 400×300) holding cards a and b, a frame G inside F, a card c outside. */
function board() {
  const items = [
    item("a", "sticky", 20, 20, { parentFrame: "F", z: "b1" }),
    item("F", "frame", 0, 0, { z: "a0", text: "Retention" }),
    item("b", "kpi", 140, 20, { parentFrame: "F", z: "b2", colour: "blue" }),
    item("G", "frame", 200, 150, { parentFrame: "F", z: "a1", width: 180, height: 120 }),
    item("c", "sticky", 600, 0, { z: "b3", colour: "pink" }),
  ];
  return overviewScene(items, [{ id: "l", from: "a", to: "c", label: "" }, { id: "gone", from: "a", to: "missing", label: "" }], rolesOf("c", ["a"]));
}

/** Records what is drawn, call by call, with the style in force at the time. */
function recorder() {
  const calls: { op: string; args: unknown[]; fill: string; stroke: string; width: number }[] = [];
  const state = { fillStyle: "", strokeStyle: "", lineWidth: 1, font: "", textBaseline: "alphabetic" as CanvasTextBaseline };
  const record = (op: string) => (...args: unknown[]) => {
    calls.push({ op, args, fill: String(state.fillStyle), stroke: String(state.strokeStyle), width: state.lineWidth });
  };
  const painter = new Proxy(state, {
    get: (target, key: string) => (key in target ? target[key as keyof typeof target] : key === "measureText" ? () => ({ width: 10 }) : record(key)),
    set: (target, key: string, value) => {
      (target as Record<string, unknown>)[key] = value;
      return true;
    },
  }) as unknown as Painter;
  return { painter, calls };
}

const colours = { selection: "#111111", frameTitle: "#222222", titleBackground: "#ffffff", link: "#333333" };

describe("the zoomed-out board as one picture", () => {
  it("paints frames before cards, outer frames before inner ones, and drops links to missing items", () => {
    const scene = board();
    expect(scene.boxes.map((b) => b.id)).toEqual(["F", "G", "a", "b", "c"]);
    expect(scene.links.map((l) => l.id)).toEqual(["l"]);
    expect(scene.byId.get("b")?.fill).toBe("#ffffff"); // a current KPI is a white card
    expect(scene.byId.get("c")?.role).toBe("northStar");
    expect(sceneBounds(scene)).toEqual({ x: 0, y: 0, width: 700, height: 300 });
  });

  it("hits the topmost card, else the innermost frame or its title above it, else nothing", () => {
    const scene = board();
    const zoom = 0.2;
    expect(hitTest(scene, { x: 30, y: 30 }, zoom)?.id).toBe("a");
    expect(hitTest(scene, { x: 250, y: 200 }, zoom)?.id).toBe("G");
    expect(hitTest(scene, { x: 50, y: 250 }, zoom)?.id).toBe("F");
    // The title band is a fixed height on screen, so it is taller in canvas units when zoomed out.
    expect(titleBand(scene.byId.get("F")!, zoom).height).toBeCloseTo(95);
    expect(hitTest(scene, { x: 50, y: -40 }, zoom)?.id).toBe("F");
    expect(hitTest(scene, { x: 500, y: 250 }, zoom)).toBeNull();
    // Close in, the label covers only the name's width: above the rest of the frame is empty board.
    expect(hitTest(scene, { x: 20, y: -5 }, 1)?.id).toBe("F");
    expect(hitTest(scene, { x: 200, y: -5 }, 1)).toBeNull();
  });

  it("selects what a box touches, drawn in either direction", () => {
    const scene = board();
    expect(inBox(scene, { x: 590, y: -10, width: 20, height: 20 })).toEqual(["c"]);
    expect(inBox(scene, { x: 130, y: 50, width: -20, height: -10 }).sort()).toEqual(["F", "a"]);
  });

  it("drags the selection when the grabbed item is in it, and leaves what sits in a dragged frame to travel with it", () => {
    const scene = board();
    expect(dragged(scene, "a", new Set(["b"]))).toEqual(["a"]);
    expect(dragged(scene, "a", new Set(["a", "c"])).sort()).toEqual(["a", "c"]);
    expect(dragged(scene, "F", new Set(["F", "a", "G"]))).toEqual(["F"]);
    expect([...travelling(scene, ["F"])].sort()).toEqual(["F", "G", "a", "b"]);
  });

  it("lands a dragged item's corner on the grid when snapping", () => {
    const box = { x: 20, y: 20, width: 100, height: 80 };
    expect(dragOffset(box, { x: 33, y: -12 }, true)).toEqual({ x: 40, y: -20 });
    expect(dragOffset(box, { x: 33, y: -12 }, false)).toEqual({ x: 33, y: -12 });
  });

  it("runs links between the boxes' edges", () => {
    const [start, end] = linkEnds({ x: 0, y: 0, width: 100, height: 80 }, { x: 300, y: 0, width: 100, height: 80 });
    expect(start).toEqual({ x: 100, y: 40 });
    expect(end).toEqual({ x: 300, y: 40 });
  });

  it("converts screen points to canvas units through the view", () => {
    expect(toFlow({ x: 110, y: 60 }, { x: 10, y: 20, zoom: 0.5 })).toEqual({ x: 200, y: 80 });
  });

  it("draws cards in their colours, the North Star in gold, the selection outlined, and skips what is off screen", () => {
    const scene = board();
    const { painter, calls } = recorder();
    drawOverview(painter, scene, { x: 0, y: 0, zoom: 0.5 }, { width: 200, height: 200 }, 2, new Set(["a"]), colours);
    const fills = calls.filter((c) => c.op === "fillRect");
    expect(calls[0]).toMatchObject({ op: "setTransform", args: [2, 0, 0, 2, 0, 0] });
    expect(fills.find((c) => c.args[0] === 10 && c.args[1] === 10)?.fill).toBe("#fef08a"); // a, yellow, at half size
    expect(fills.some((c) => c.fill === "#6b7280")).toBe(true); // the KPI's grey bar
    // c is at x = 300 on screen, outside the 200-pixel surface: not drawn, but its link is.
    expect(fills.some((c) => c.args[0] === 300)).toBe(false);
    expect(calls.some((c) => c.op === "strokeRect" && c.stroke === "#111111" && c.args[0] === 7)).toBe(true);
    expect(calls.some((c) => c.op === "stroke" && c.stroke === "#333333")).toBe(true);
    expect(calls.some((c) => c.op === "fillText" && c.args[0] === "Retention" && c.fill === "#222222")).toBe(true);
    // The frame's name sits on a label of the board's colour, drawn after every card and link.
    const title = calls.findIndex((c) => c.op === "fillText" && c.args[0] === "Retention");
    expect(calls[title - 1]).toMatchObject({ op: "fillRect", fill: "#ffffff" });
    expect(calls.slice(title).some((c) => c.op === "stroke")).toBe(false);

    const wide = recorder();
    drawOverview(wide.painter, scene, { x: 0, y: 0, zoom: 0.5 }, { width: 400, height: 200 }, 1, new Set(), colours);
    expect(wide.calls.some((c) => c.op === "strokeRect" && c.stroke === "#e9b10e" && c.args[0] === 300)).toBe(true);
  });

  it("draws dragged items where they are being dragged to, and the selection box", () => {
    const scene = board();
    const { painter, calls } = recorder();
    drawOverview(painter, scene, { x: 0, y: 0, zoom: 1 }, { width: 1000, height: 600 }, 1, new Set(), colours, {
      moving: { ids: new Set(["a"]), offset: { x: 100, y: 0 } },
      area: { x: 500, y: 400, width: -50, height: 30 },
    });
    expect(calls.some((c) => c.op === "fillRect" && c.args[0] === 120 && c.args[1] === 20 && c.fill === "#fef08a")).toBe(true);
    expect(calls.some((c) => c.op === "strokeRect" && c.args[0] === 450 && c.args[1] === 400 && c.args[2] === 50)).toBe(true);
  });

  it("fits the whole board in the minimap, centred", () => {
    const view = minimapView({ x: 0, y: 0, width: 700, height: 300 }, { width: 150, height: 100 });
    expect(view.zoom).toBeCloseTo(138 / 700);
    expect(view.x).toBeCloseTo(6);
    expect(view.y).toBeCloseTo((100 - 300 * view.zoom) / 2);
  });
});

describe("words in the picture", () => {
  // One unit per character: easy to reason about.
  const measure = (s: string) => s.length;

  it("wraps at spaces, keeps line breaks, and breaks a word too long for a line", () => {
    expect(wrapWords("Orders delivered on time", 10, measure)).toEqual(["Orders", "delivered", "on time"]);
    expect(wrapWords("One\ntwo three", 20, measure)).toEqual(["One", "two three"]);
    expect(wrapWords("Onboarding", 4, measure)).toEqual(["Onbo", "ardi", "ng"]);
  });

  it("draws a card's words and links as React Flow's curves only when close enough to read them", () => {
    const scene = board();
    const near = recorder();
    drawOverview(near.painter, scene, { x: 0, y: 0, zoom: 1 }, { width: 1000, height: 600 }, 1, new Set(), colours);
    expect(near.calls.some((c) => c.op === "fillText" && c.args[0] === "a")).toBe(true);
    expect(near.calls.some((c) => c.op === "fillText" && c.args[0] === "★ NORTH STAR")).toBe(true);
    expect(near.calls.some((c) => c.op === "bezierCurveTo")).toBe(true);

    const far = recorder();
    drawOverview(far.painter, scene, { x: 0, y: 0, zoom: 0.2 }, { width: 1000, height: 600 }, 1, new Set(), colours);
    expect(far.calls.some((c) => c.op === "fillText" && c.args[0] === "a")).toBe(false);
    expect(far.calls.some((c) => c.op === "bezierCurveTo")).toBe(false);
  });

  it("draws links under the cards close up, as the board does, and over them far out", () => {
    const scene = board();
    const order = (zoom: number) => {
      const { painter, calls } = recorder();
      drawOverview(painter, scene, { x: 0, y: 0, zoom }, { width: 2000, height: 1000 }, 1, new Set(), colours);
      const link = calls.findIndex((c) => c.op === "stroke" && c.stroke === "#333333");
      const card = calls.findIndex((c) => c.op === "fillRect" && c.fill === "#fef08a");
      return link < card ? "under" : "over";
    };
    expect(order(1)).toBe("under");
    expect(order(0.2)).toBe("over");
  });

  it("curves a link out of the right-hand handle and into the left-hand one", () => {
    const curve = handleCurve({ x: 0, y: 0, width: 100, height: 80 }, { x: 300, y: 100, width: 100, height: 80 }, 1);
    expect(curve.start).toEqual({ x: 105, y: 40 });
    expect(curve.end).toEqual({ x: 295, y: 140 });
    expect(curve.c1).toEqual({ x: 200, y: 40 });
    expect(curve.c2).toEqual({ x: 200, y: 140 });
  });
});
