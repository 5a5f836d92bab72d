// The board zoomed far out, as one picture instead of a thousand elements. Below DETAIL_ZOOM a
// card's words are too small to read, and on a busy board every card as its own element made
// each pan and zoom re-render and re-paint the whole board; here the scene is drawn on one
// canvas and the pointer is hit-tested against the same boxes. Pure functions over the stored
// scene, so they are tested without a browser; OverviewLayer and Minimap put them on screen.
import type { CanvasItem as Item, CanvasLink as Link } from "../../bindings";
import { byStacking, CARD_INK, colourHex, GRID, type Point, type Role } from "./canvasModel";

/** Below this zoom cards are drawn as coloured blocks: 14 px words would be under 6 px. */
export const DETAIL_ZOOM = 0.4;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverviewBox extends Box {
  id: string;
  kind: Item["kind"];
  /** The frame the item sits in, if any. */
  parent: string | null;
  fill: string;
  role: Role;
  title: string;
}

export interface OverviewScene {
  /** In paint order: frames (outer before inner), then cards by their stacking key. */
  boxes: OverviewBox[];
  byId: Map<string, OverviewBox>;
  links: { id: string; from: string; to: string }[];
}

/** The viewport as React Flow keeps it: screen = flow × zoom + (x, y). */
export interface View {
  x: number;
  y: number;
  zoom: number;
}

export function overviewScene(items: Item[], links: Link[], roles: Map<string, Role>): OverviewScene {
  const depth = frameDepths(items);
  const ordered = [...items].sort((a, b) => {
    const frameA = a.kind === "frame" ? 0 : 1;
    const frameB = b.kind === "frame" ? 0 : 1;
    if (frameA !== frameB) return frameA - frameB;
    if (frameA === 0 && depth.get(a.id) !== depth.get(b.id)) return (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0);
    return byStacking(a, b);
  });
  const boxes = ordered.map((item) => ({
    id: item.id,
    kind: item.kind,
    parent: item.parentFrame,
    x: item.x,
    y: item.y,
    width: item.width,
    height: item.height,
    fill: item.kind === "kpi" ? CARD_INK.kpiFill : colourHex(item.colour),
    role: roles.get(item.id) ?? null,
    title: item.text,
  }));
  const byId = new Map(boxes.map((b) => [b.id, b]));
  return { boxes, byId, links: links.filter((l) => byId.has(l.from) && byId.has(l.to)).map(({ id, from, to }) => ({ id, from, to })) };
}

/** How deep each frame is nested, so a frame inside another paints over it. */
function frameDepths(items: Item[]): Map<string, number> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const depths = new Map<string, number>();
  for (const item of items) {
    let depth = 0;
    let parent = item.parentFrame;
    const seen = new Set<string>();
    while (parent && !seen.has(parent) && byId.has(parent)) {
      seen.add(parent);
      depth++;
      parent = byId.get(parent)?.parentFrame ?? null;
    }
    depths.set(item.id, depth);
  }
  return depths;
}

export function toFlow(screen: Point, view: View): Point {
  return { x: (screen.x - view.x) / view.zoom, y: (screen.y - view.y) / view.zoom };
}

const contains = (box: Box, p: Point) => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;

/** Height of a frame's title on screen, in pixels: it stays readable however far out the room zooms. */
export const TITLE_PX = 13;
/** The label around a frame's name, on screen: the name and its margins. */
const TITLE_BAND_PX = TITLE_PX + 6;

/** Roughly how wide a title's characters are on screen, for where a press hits it (no text measuring there). */
const TITLE_CHAR_PX = 8;

/** Where a frame's title is drawn, in flow units: a label just above the frame's top-left corner. */
export function titleBand(frame: Box & { title?: string }, zoom: number): Box {
  const height = TITLE_BAND_PX / zoom;
  const width = Math.min(frame.width, ((frame.title ?? "").length * TITLE_CHAR_PX + 8) / zoom);
  return { x: frame.x, y: frame.y - height, width, height };
}

/**
 * The item under `point` (flow units): the topmost card, else the innermost frame whose area or
 * title holds the point, as the board does when zoomed in (a frame's empty area selects it).
 */
export function hitTest(scene: OverviewScene, point: Point, zoom: number): OverviewBox | null {
  for (let i = scene.boxes.length - 1; i >= 0; i--) {
    const box = scene.boxes[i];
    if (box.kind === "frame") break;
    if (contains(box, point)) return box;
  }
  for (let i = scene.boxes.length - 1; i >= 0; i--) {
    const box = scene.boxes[i];
    if (box.kind !== "frame") continue;
    if (contains(box, point) || contains(titleBand(box, zoom), point)) return box;
  }
  return null;
}

/** The items a selection box touches (partly is enough, as on the zoomed-in board). */
export function inBox(scene: OverviewScene, area: Box): string[] {
  const left = Math.min(area.x, area.x + area.width);
  const top = Math.min(area.y, area.y + area.height);
  const right = Math.max(area.x, area.x + area.width);
  const bottom = Math.max(area.y, area.y + area.height);
  return scene.boxes
    .filter((b) => b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top)
    .map((b) => b.id);
}

/**
 * What a drag moves when it starts on `grabbed`: the whole selection if the grabbed item is in
 * it, else the grabbed item alone; minus items whose frame moves too (they travel with it).
 */
export function dragged(scene: OverviewScene, grabbed: string, selected: Set<string>): string[] {
  const picked = selected.has(grabbed) ? [...selected].filter((id) => scene.byId.has(id)) : [grabbed];
  const set = new Set(picked);
  return picked.filter((id) => !ancestors(scene, id).some((a) => set.has(a)));
}

function ancestors(scene: OverviewScene, id: string): string[] {
  const out: string[] = [];
  let parent = scene.byId.get(id)?.parent ?? null;
  while (parent && !out.includes(parent)) {
    out.push(parent);
    parent = scene.byId.get(parent)?.parent ?? null;
  }
  return out;
}

/** The dragged items and everything inside them: what is drawn moved during a drag. */
export function travelling(scene: OverviewScene, moved: string[]): Set<string> {
  const out = new Set(moved);
  for (const box of scene.boxes) if (ancestors(scene, box.id).some((a) => out.has(a))) out.add(box.id);
  return out;
}

/** The offset a drag of `by` (flow units) gives `grabbed`, landing its corner on the grid when snapping. */
export function dragOffset(grabbed: Box, by: Point, snap: boolean): Point {
  if (!snap) return by;
  const x = Math.round((grabbed.x + by.x) / GRID) * GRID;
  const y = Math.round((grabbed.y + by.y) / GRID) * GRID;
  return { x: x - grabbed.x, y: y - grabbed.y };
}

/** Colours of the picture; the theme's are read from CSS where the board has them. */
export interface OverviewColours {
  selection: string;
  frameTitle: string;
  /** Behind a frame's name: the board's own colour. */
  titleBackground: string;
  link: string;
}

export interface OverviewOverlay {
  /** Items drawn moved by `offset` while they are dragged. */
  moving?: { ids: Set<string>; offset: Point };
  /** A selection box being drawn, in flow units. */
  area?: Box;
}

/** The board's font (styles.css), for the words drawn in the picture. */
const FONT = `"Inter Variable", system-ui, -apple-system, "Segoe UI", sans-serif`;
/** A card's text box as canvas.css lays it out, in canvas units: padding, line height, label and footer. */
const CARD_TEXT = { padX: 9.6, padY: 8, size: 14, starSize: 16, line: 1.3, label: 11, labelGap: 4, footer: 18 };

const ROLE_LABELS: Record<string, string> = { northStar: "★ NORTH STAR", input: "INPUT METRIC" };

/** Lines of a card's words, wrapped as the board wraps them; kept until the card's box changes. */
const wrapped = new WeakMap<OverviewBox, string[]>();

/** Breaks `text` into lines no wider than `width` (canvas units), at spaces, and inside words too long for a line. */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (measure(rest) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function cardLines(ctx: Painter, box: OverviewBox): string[] {
  const cached = wrapped.get(box);
  if (cached) return cached;
  const size = box.role === "northStar" ? CARD_TEXT.starSize : CARD_TEXT.size;
  ctx.font = `${box.role === "northStar" ? 650 : 400} ${size}px ${FONT}`;
  // The text box is the card less its padding and 1-unit borders.
  const lines = wrapWords(box.title, box.width - 2 * CARD_TEXT.padX - 2, (text) => ctx.measureText(text).width);
  wrapped.set(box, lines);
  return lines;
}

/** A card's label and words, as on the zoomed-in board (without its footer), at screen position `s`. */
function drawWords(ctx: Painter, box: OverviewBox, s: Box, zoom: number) {
  const label = box.role ? ROLE_LABELS[box.role] : box.kind === "kpi" ? "CURRENT KPI" : null;
  const lines = cardLines(ctx, box);
  const left = s.x + (CARD_TEXT.padX + (box.kind === "kpi" ? 8 : 0)) * zoom;
  let y = CARD_TEXT.padY;
  ctx.save();
  ctx.beginPath();
  ctx.rect(s.x, s.y, s.width, s.height - CARD_TEXT.footer * zoom);
  ctx.clip();
  ctx.textBaseline = "top";
  if (label) {
    ctx.fillStyle = box.role === "northStar" ? CARD_INK.northStarLabel : box.role === "input" ? CARD_INK.input : CARD_INK.kpiLabel;
    ctx.font = `700 ${CARD_TEXT.label * zoom}px ${FONT}`;
    ctx.fillText(label, left, s.y + y * zoom);
    y += CARD_TEXT.label * CARD_TEXT.line + CARD_TEXT.labelGap;
  }
  const size = box.role === "northStar" ? CARD_TEXT.starSize : CARD_TEXT.size;
  ctx.fillStyle = CARD_INK.text;
  ctx.font = `${box.role === "northStar" ? 650 : 400} ${size * zoom}px ${FONT}`;
  for (const line of lines) {
    if (y > box.height) break;
    ctx.fillText(line, left, s.y + (y + (size * (CARD_TEXT.line - 1)) / 2) * zoom);
    y += size * CARD_TEXT.line;
  }
  ctx.restore();
}

/** The part of CanvasRenderingContext2D the picture uses, so tests can record the drawing. */
export type Painter = Pick<CanvasRenderingContext2D,
  "save" | "restore" | "setTransform" | "clearRect" | "fillRect" | "strokeRect" | "beginPath" | "moveTo" | "lineTo" | "closePath" |
  "fill" | "stroke" | "fillText" | "setLineDash" | "rect" | "clip" | "measureText" | "bezierCurveTo"> & {
  fillStyle: CanvasRenderingContext2D["fillStyle"];
  strokeStyle: CanvasRenderingContext2D["strokeStyle"];
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
};

const FRAME_FILL = "rgba(59, 76, 202, 0.06)";
const FRAME_EDGE = "rgba(59, 76, 202, 0.4)";
const CARD_EDGE = "rgba(0, 0, 0, 0.18)";
const KPI_BAR = CARD_INK.kpiBar;
const STAR = CARD_INK.northStar;
const INPUT_EDGE = CARD_INK.input;

/**
 * Draws the scene as seen through `view` on a surface of `size` CSS pixels (`ratio` device
 * pixels each). Line widths are in screen pixels so outlines stay visible at any zoom; items
 * wholly outside the surface are skipped.
 */
export function drawOverview(
  ctx: Painter, scene: OverviewScene, view: View, size: { width: number; height: number }, ratio: number,
  selected: Set<string>, colours: OverviewColours, overlay: OverviewOverlay = {}, options: { titles: boolean } = { titles: true },
) {
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  const { zoom } = view;
  const at = (box: Box): Box => {
    const moved = overlay.moving && overlay.moving.ids.has((box as OverviewBox).id) ? overlay.moving.offset : null;
    return {
      x: (box.x + (moved?.x ?? 0)) * zoom + view.x,
      y: (box.y + (moved?.y ?? 0)) * zoom + view.y,
      width: box.width * zoom,
      height: box.height * zoom,
    };
  };
  const visible = (b: Box) => b.x < size.width && b.y < size.height && b.x + b.width > 0 && b.y + b.height > 0;
  const titles: { text: string; at: Box }[] = [];

  // Close up, links run under the cards, as on the board (canvasModel's LINK_Z); far out, over
  // them, or the cards would hide most of each line.
  const drawLinks = () => {
    ctx.lineWidth = 1.5;
    for (const link of scene.links) {
      const from = scene.byId.get(link.from);
      const to = scene.byId.get(link.to);
      if (!from || !to) continue;
      const a = at(from);
      const b = at(to);
      const reach = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) + a.width + b.width, height: Math.abs(a.y - b.y) + a.height + b.height };
      if (!visible(reach)) continue;
      ctx.strokeStyle = selected.has(link.id) ? colours.selection : colours.link;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.beginPath();
      if (zoom >= DETAIL_ZOOM) {
        // Close up, the curve React Flow draws between the handles, so nothing jumps when it takes over.
        const { start, c1, c2, end } = handleCurve(a, b, zoom);
        ctx.moveTo(start.x, start.y);
        ctx.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, end.x, end.y);
        ctx.stroke();
        arrowHead(ctx, c2.x === end.x && c2.y === end.y ? start : c2, end);
      } else {
        const [start, end] = linkEnds(a, b);
        ctx.moveTo(start.x, start.y);
        ctx.lineTo(end.x, end.y);
        ctx.stroke();
        arrowHead(ctx, start, end);
      }
    }
  };

  let linksDrawn = false;
  for (const box of scene.boxes) {
    const s = at(box);
    if (box.kind === "frame") {
      const band = { ...s, y: s.y - TITLE_BAND_PX, height: s.height + TITLE_BAND_PX };
      if (!visible(band)) continue;
      ctx.fillStyle = FRAME_FILL;
      ctx.fillRect(s.x, s.y, s.width, s.height);
      ctx.lineWidth = selected.has(box.id) ? 2 : 1;
      ctx.strokeStyle = selected.has(box.id) ? colours.selection : FRAME_EDGE;
      ctx.strokeRect(s.x, s.y, s.width, s.height);
      if (options.titles && box.title && s.width > 24) titles.push({ text: box.title, at: s });
      continue;
    }
    if (!linksDrawn && zoom >= DETAIL_ZOOM) {
      drawLinks();
      linksDrawn = true;
    }
    if (!visible(s)) continue;
    ctx.fillStyle = box.fill;
    ctx.fillRect(s.x, s.y, s.width, s.height);
    if (box.kind === "kpi") {
      ctx.fillStyle = KPI_BAR;
      ctx.fillRect(s.x, s.y, Math.max(1, 8 * zoom), s.height);
    }
    if (box.role === "northStar") {
      ctx.lineWidth = Math.max(2, 4 * zoom);
      ctx.strokeStyle = STAR;
      ctx.strokeRect(s.x, s.y, s.width, s.height);
    } else if (box.role === "input") {
      ctx.lineWidth = Math.max(1.5, 2 * zoom);
      ctx.strokeStyle = INPUT_EDGE;
      ctx.setLineDash([4, 3]);
      ctx.strokeRect(s.x, s.y, s.width, s.height);
      ctx.setLineDash([]);
    } else if (s.width >= 6) {
      ctx.lineWidth = 1;
      ctx.strokeStyle = CARD_EDGE;
      ctx.strokeRect(s.x, s.y, s.width, s.height);
    }
    // Close enough to read (only while a busy board is moving: at rest the cards are elements).
    if (zoom >= DETAIL_ZOOM && box.title) drawWords(ctx, box, s, zoom);
    if (selected.has(box.id)) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = colours.selection;
      ctx.strokeRect(s.x - 3, s.y - 3, s.width + 6, s.height + 6);
    }
  }

  if (!linksDrawn) drawLinks();

  // Frame names last, on a label of the board's colour: far out they are taller than the gap
  // between frames and would otherwise be lost in the cards of the frame above.
  ctx.font = `700 ${TITLE_PX}px ${FONT}`;
  ctx.textBaseline = "bottom";
  for (const { text, at: s } of titles) {
    const width = Math.min(s.width, ctx.measureText(text).width + 8);
    ctx.save();
    ctx.beginPath();
    ctx.rect(s.x, s.y - TITLE_BAND_PX, width, TITLE_BAND_PX);
    ctx.clip();
    ctx.fillStyle = colours.titleBackground;
    ctx.fillRect(s.x, s.y - TITLE_BAND_PX, width, TITLE_BAND_PX);
    ctx.fillStyle = colours.frameTitle;
    ctx.fillText(text, s.x + 3, s.y - 3);
    ctx.restore();
  }

  if (overlay.area) {
    const s = at(overlay.area);
    const left = Math.min(s.x, s.x + s.width);
    const top = Math.min(s.y, s.y + s.height);
    ctx.fillStyle = "rgba(59, 76, 202, 0.08)";
    ctx.fillRect(left, top, Math.abs(s.width), Math.abs(s.height));
    ctx.lineWidth = 1;
    ctx.strokeStyle = colours.selection;
    ctx.strokeRect(left, top, Math.abs(s.width), Math.abs(s.height));
  }
}

/**
 * The link from `a`'s right-hand handle to `b`'s left-hand one (screen boxes), with the control
 * points of React Flow's default bezier edge (curvature 0.25), worked out in canvas units.
 */
export function handleCurve(a: Box, b: Box, zoom: number): { start: Point; c1: Point; c2: Point; end: Point } {
  const reach = 5 * zoom; // the handles stick out half their 10-unit size
  const start = { x: a.x + a.width + reach, y: a.y + a.height / 2 };
  const end = { x: b.x - reach, y: b.y + b.height / 2 };
  const distance = (end.x - start.x) / zoom;
  const offset = (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance)) * zoom;
  return { start, c1: { x: start.x + offset, y: start.y }, c2: { x: end.x - offset, y: end.y }, end };
}

/** A link runs between the two boxes' edges, along the line joining their centres. */
export function linkEnds(a: Box, b: Box): [Point, Point] {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  return [edgePoint(a, ca, cb), edgePoint(b, cb, ca)];
}

function edgePoint(box: Box, centre: Point, towards: Point): Point {
  const dx = towards.x - centre.x;
  const dy = towards.y - centre.y;
  if (dx === 0 && dy === 0) return centre;
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return scale >= 1 ? centre : { x: centre.x + dx * scale, y: centre.y + dy * scale };
}

function arrowHead(ctx: Painter, from: Point, to: Point) {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const size = 7;
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - size * Math.cos(angle - 0.4), to.y - size * Math.sin(angle - 0.4));
  ctx.lineTo(to.x - size * Math.cos(angle + 0.4), to.y - size * Math.sin(angle + 0.4));
  ctx.closePath();
  ctx.fill();
}

/** The flow-unit box around every item, which the minimap shows whole. */
export function sceneBounds(scene: OverviewScene): Box | null {
  if (scene.boxes.length === 0) return null;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const b of scene.boxes) {
    left = Math.min(left, b.x);
    top = Math.min(top, b.y);
    right = Math.max(right, b.x + b.width);
    bottom = Math.max(bottom, b.y + b.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}
