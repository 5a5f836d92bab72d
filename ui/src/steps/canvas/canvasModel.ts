// The canvas as React Flow sees it, worked out from the stored scene: nodes (frames before
// the items inside them, positions relative to their frame), edges, and what a finished drag
// means as canvas actions. Pure functions, so they are tested without a browser.
import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import type { CSSProperties } from "react";
import {
  FACTS, type CanvasItem as Item, type CanvasLink as Link, type CanvasOp, type Colour,
  type ItemKind, type NewItem,
} from "../../bindings";

/** What a node shows besides the item itself: its part in the outcome. */
export type Role = "northStar" | "input" | null;

export interface ItemNodeData extends Record<string, unknown> {
  item: Item;
  role: Role;
  author: string | null;
  /** Criteria met, of SCORE_MAX. */
  score: number;
}

export type ItemNode = Node<ItemNodeData>;

export const GRID = 20;
export const STICKY_SIZE = { width: 180, height: 120 };
export const FRAME_SIZE = { width: 480, height: 320 };

// The palette, the colours that mark a card and the checklist come from the Rust core through
// the bindings (FACTS), the same definitions the report's drawing uses.
export const COLOURS = FACTS.colours;
export const CARD_INK = FACTS.cardInk;
export const CRITERIA = FACTS.criteria;
/** A candidate's best score: every criterion met. */
export const SCORE_MAX = FACTS.scoreMax;

export function colourHex(colour: Colour): string {
  return COLOURS.find((c) => c.value === colour)?.hex ?? COLOURS[0].hex;
}

/** The card colours as CSS custom properties, for the board's stylesheet (canvas.css). */
export const CARD_INK_VARS = {
  "--card-kpi-fill": CARD_INK.kpiFill,
  "--card-kpi-bar": CARD_INK.kpiBar,
  "--card-kpi-label": CARD_INK.kpiLabel,
  "--card-star": CARD_INK.northStar,
  "--card-star-label": CARD_INK.northStarLabel,
  "--card-input": CARD_INK.input,
  "--card-text": CARD_INK.text,
} as CSSProperties;

export const KIND_NAMES: Record<ItemKind, string> = { sticky: "Sticky", kpi: "Current KPI", frame: "Frame" };

export function scoreOf(item: Item): number {
  return item.checklist.met.length;
}

/** The items, frames first in nesting order (React Flow needs a parent before its children). */
export function parentsFirst(items: Item[]): Item[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const placed = new Set<string>();
  const out: Item[] = [];
  const visit = (item: Item, trail: Set<string>) => {
    if (placed.has(item.id) || trail.has(item.id)) return;
    trail.add(item.id);
    const parent = item.parentFrame ? byId.get(item.parentFrame) : undefined;
    if (parent) visit(parent, trail);
    placed.add(item.id);
    out.push(item);
  };
  for (const item of items) visit(item, new Set());
  return out;
}

/** Stacking order: by the stored z key, ties (which the store never makes) by id, so it is stable. */
export function byStacking(a: Item, b: Item): number {
  return a.z === b.z ? a.id.localeCompare(b.id) : a.z < b.z ? -1 : 1;
}

/**
 * Paint order as a number for CSS: frames at the back (below 0), links at 0 (LINK_Z), cards from
 * 1 up, each group by the stored z key. The board sets React Flow's z-index mode to "manual" so
 * these are used as they are: a link never runs across the words of a card.
 */
function zIndexes(items: Item[]): Map<string, number> {
  const sorted = [...items].sort(byStacking);
  return new Map(sorted.map((item, index) => [item.id, item.kind === "frame" ? index - sorted.length : index + 1]));
}

export const LINK_Z = 0;
/** A selected card is lifted over the others (dragged across them, it passes above). */
const SELECTED_LIFT = 100_000;

export interface NodeContext {
  roles: Map<string, Role>;
  authorName: (id: string | null) => string | null;
  selected: Set<string>;
  /** Zoomed far out the board is drawn as one picture (OverviewLayer): React Flow mounts no nodes. */
  hidden: boolean;
}

/**
 * Nodes for the scene. A node whose item, role, author and selection did not change is the
 * same object as before, so memoised node components do not re-render on every reload.
 */
export function toNodes(items: Item[], context: NodeContext, previous: Map<string, ItemNode>): ItemNode[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const z = zIndexes(items);
  return parentsFirst(items).map((item) => {
    const parent = item.parentFrame ? byId.get(item.parentFrame) : undefined;
    const position = parent
      ? { x: item.x - parent.x, y: item.y - parent.y }
      : { x: item.x, y: item.y };
    const role = context.roles.get(item.id) ?? null;
    const author = context.authorName(item.authorId);
    const selected = context.selected.has(item.id);
    const old = previous.get(item.id);
    if (
      old && old.data.item === item && old.data.role === role && old.data.author === author && !!old.selected === selected &&
      !!old.hidden === context.hidden &&
      old.position.x === position.x && old.position.y === position.y && old.parentId === parent?.id
    ) {
      return old;
    }
    const width = item.width;
    const height = item.height;
    return {
      id: item.id,
      type: item.kind === "frame" ? "frame" : "sticky",
      position,
      parentId: parent?.id,
      selected,
      hidden: context.hidden,
      zIndex: (z.get(item.id) ?? 0) + (selected && item.kind !== "frame" ? SELECTED_LIFT : 0),
      width,
      height,
      // Size and handles are known, so React Flow needs no node on screen to place it or its
      // links: without them, every new node object is mounted at once just to be measured
      // (all 1,000 of a busy board when zooming back in from the overview).
      measured: { width, height },
      handles: item.kind === "frame" ? [] : cardHandles(width, height),
      style: { width, height },
      data: { item, role, author, score: scoreOf(item) },
      ariaLabel: `${KIND_NAMES[item.kind]}: ${item.text || "(empty)"}`,
    };
  });
}

/** Where a card's handles are (nodes.tsx): links leave from the right edge's middle and arrive on the left's. */
export const HANDLE_SIZE = 10;

function cardHandles(width: number, height: number): NodeHandle[] {
  const half = HANDLE_SIZE / 2;
  return [
    { id: null, type: "source", position: Position.Right, x: width - half, y: height / 2 - half, width: HANDLE_SIZE, height: HANDLE_SIZE },
    { id: null, type: "target", position: Position.Left, x: -half, y: height / 2 - half, width: HANDLE_SIZE, height: HANDLE_SIZE },
  ];
}

export function toEdges(links: Link[], selected: Set<string>): Edge[] {
  return links.map((link) => ({
    id: link.id,
    source: link.from,
    target: link.to,
    label: link.label || undefined,
    selected: selected.has(link.id),
    markerEnd: { type: "arrowclosed" as never, width: 18, height: 18 },
    zIndex: LINK_Z,
    className: "canvas-link",
  }));
}

export interface Point {
  x: number;
  y: number;
}

/** A node's absolute top-left corner, from its relative position and its frames. */
export function absolutePosition(node: { position: Point; parentId?: string }, items: Map<string, Item>): Point {
  let { x, y } = node.position;
  let parentId = node.parentId;
  const seen = new Set<string>();
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = items.get(parentId);
    if (!parent) break;
    x += parent.x;
    y += parent.y;
    parentId = undefined; // the parent's x/y are already absolute
  }
  return { x, y };
}

/** The innermost frame whose area holds `point`, other than the frames in `except`. */
export function frameAt(point: Point, items: Item[], except: Set<string>): Item | null {
  let best: Item | null = null;
  for (const item of items) {
    if (item.kind !== "frame" || except.has(item.id)) continue;
    const inside = point.x >= item.x && point.x <= item.x + item.width &&
      point.y >= item.y && point.y <= item.y + item.height;
    if (inside && (!best || item.width * item.height < best.width * best.height)) best = item;
  }
  return best;
}

/**
 * The canvas actions a finished drag stands for: one move of every dragged item by the same
 * offset, then, for stickies whose centre left their frame or landed in another, a change of
 * frame. The store applies them as one undo step.
 */
export function dragOps(dragged: { id: string; position: Point; parentId?: string }[], items: Item[]): CanvasOp[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const moved = dragged.filter((d) => byId.has(d.id));
  if (moved.length === 0) return [];
  const first = moved[0];
  const start = byId.get(first.id) as Item;
  const now = absolutePosition(first, byId);
  const dx = now.x - start.x;
  const dy = now.y - start.y;
  const ops: CanvasOp[] = [];
  if (dx !== 0 || dy !== 0) ops.push({ kind: "move", ids: moved.map((d) => d.id), dx, dy });
  const ids = new Set(moved.map((d) => d.id));
  // Items inside a dragged frame travel with it; only the frames' own membership can change.
  const movedFrames = new Set<string>();
  for (const id of ids) collectFrames(id, items, movedFrames);
  const into = new Map<string | null, string[]>();
  for (const d of moved) {
    const item = byId.get(d.id) as Item;
    if (item.parentFrame && ids.has(item.parentFrame)) continue;
    const centre = { x: item.x + dx + item.width / 2, y: item.y + dy + item.height / 2 };
    const except = new Set(movedFrames);
    except.add(item.id);
    const target = frameAt(centre, items, except)?.id ?? null;
    if (target !== (item.parentFrame ?? null)) {
      into.set(target, [...(into.get(target) ?? []), item.id]);
    }
  }
  for (const [frameId, frameIds] of into) ops.push({ kind: "setFrame", ids: frameIds, frameId });
  return ops;
}

/** `id` and every frame nested inside it, when it is a frame. */
function collectFrames(id: string, items: Item[], out: Set<string>) {
  out.add(id);
  for (const item of items) {
    if (item.parentFrame === id && item.kind === "frame" && !out.has(item.id)) collectFrames(item.id, items, out);
  }
}

/** A new sticky, KPI or frame centred on `at`, snapped to the grid. */
export function newItem(kind: ItemKind, at: Point, authorId: string | null = null): NewItem {
  const size = kind === "frame" ? FRAME_SIZE : STICKY_SIZE;
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  return {
    kind,
    x: snap(at.x - size.width / 2),
    y: snap(at.y - size.height / 2),
    width: size.width,
    height: size.height,
    parentFrame: null,
    content: {
      text: kind === "frame" ? "Cluster" : "",
      colour: kind === "kpi" ? "grey" : "yellow",
      authorId,
      tags: { outcomeOrOutput: null, leadingOrLagging: null },
      linkedCategory: null,
      linkedNeed: null,
      checklist: { met: [] },
    },
  };
}

/** How many cards a row of new ones holds before the next row starts. */
const ROW_LENGTH = 5;

/**
 * Where a new card goes so it covers no other card: `wanted` if it is free, else the next free
 * place in rows to the right and below, the way a facilitator lays stickies out on a wall.
 * Frames may sit under cards, so only cards count (and only frames count for a new frame).
 */
export function freeSpot(kind: ItemKind, wanted: Point, size: { width: number; height: number }, items: Item[]): Point {
  const others = items.filter((i) => (i.kind === "frame") === (kind === "frame"));
  const overlaps = (x: number, y: number) =>
    others.some((i) => x < i.x + i.width && i.x < x + size.width && y < i.y + i.height && i.y < y + size.height);
  const stepX = size.width + GRID;
  const stepY = size.height + GRID;
  for (let k = 0; k < 400; k++) {
    const x = wanted.x + (k % ROW_LENGTH) * stepX;
    const y = wanted.y + Math.floor(k / ROW_LENGTH) * stepY;
    if (!overlaps(x, y)) return { x, y };
  }
  return wanted;
}

/** The North Star and its inputs, for the nodes' badges. */
export function rolesOf(northStarItem: string | null, inputItems: (string | null)[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const id of inputItems) if (id) roles.set(id, "input");
  if (northStarItem) roles.set(northStarItem, "northStar");
  return roles;
}

/**
 * The cards a metric vote may include, as the backend lists them (`metricCandidates`, worked out
 * by the core rule the store also enforces), in the backend's order. The UI keeps no rule of its own.
 */
export function candidates(items: Item[], candidateIds: readonly string[]): Item[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return candidateIds.flatMap((id) => byId.get(id) ?? []);
}

/** How the metrics on the canvas split, as a sentence for the header. */
export function balanceSentence(balance: { outcome: number; output: number; untagged: number; kpis: number; kpiOutputs: number }): string {
  const tagged = balance.outcome + balance.output;
  if (tagged === 0) return "Tag candidates and KPIs as outcome or output to see the balance.";
  const share = Math.round((balance.output / tagged) * 100);
  let text = `${balance.outcome} outcome · ${balance.output} output (${share}% output)`;
  if (balance.kpis > 0) {
    const kpiShare = Math.round((balance.kpiOutputs / balance.kpis) * 100);
    text += ` · ${balance.kpiOutputs} of ${balance.kpis} current KPIs measure outputs (${kpiShare}%)`;
  }
  return text;
}
