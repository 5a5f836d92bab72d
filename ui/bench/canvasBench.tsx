// Benchmark page for the canvas: the real Board over a generated scene, full window, with
// in-page instruments that `run-canvas-bench.mjs` reads through `window.__bench`. Nothing
// here is part of the app; the page exists so the figures come from the production bundle
// of the same components the app ships.
//
// URL parameters: `items` is the number of stickies (default 1000, 0 gives an empty board for
// the baseline); they go 50 to a frame, and there is one link for every five stickies.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ReactFlowProvider } from "@xyflow/react";
import "@fontsource-variable/inter";
import "@xyflow/react/dist/style.css";
import "../src/styles.css";
import "../src/steps/canvas/canvas.css";
import type { CanvasItem_Serialize as Item, CanvasLink_Serialize as Link, CanvasOp_Deserialize as CanvasOp, Colour, Criterion } from "../src/bindings";
import { Board } from "../src/steps/canvas/Board";
import type { Role } from "../src/steps/canvas/canvasModel";

// Module imports are evaluated first, so this is the moment our own code starts running:
// "time to open" counts scene building, the React mount, layout, fitView and the first paint.
const scriptStart = performance.now();

// ---- The scene -------------------------------------------------------------------------

const STICKIES_PER_FRAME = { columns: 10, rows: 5 };
const FRAME_COLUMNS = 5;
const STICKY = { width: 180, height: 120 };
/** Space between stickies and around them inside a frame; multiples of the 20px grid. */
const GAP = 20;
const PAD = 40;
/** An empty strip along a frame's bottom edge, so the benchmark can grab the frame itself. */
const GRIP = 100;
const FRAME_GAP = 160;
const FRAME = {
  width: 2 * PAD + STICKIES_PER_FRAME.columns * STICKY.width + (STICKIES_PER_FRAME.columns - 1) * GAP,
  height: PAD + STICKIES_PER_FRAME.rows * STICKY.height + (STICKIES_PER_FRAME.rows - 1) * GAP + GRIP,
};
const COLOURS: Colour[] = ["yellow", "blue", "green", "pink", "purple", "grey"];
const CRITERIA: Criterion[] = ["customer_value", "reflects_strategy", "leading_indicator", "actionable", "measurable"];
const WORDS = ["Weekly active teams", "Invoices paid on time", "Onboarding finished in a day", "Repeat orders", "Tickets solved first time",
  "Days to first value", "Projects on budget", "Calls answered"];

/** A small seeded generator (xorshift32), so every run builds the same scene. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/** Stacking keys that sort as strings in creation order, like the store's fractional indices. */
const zKey = (n: number) => `a${String(n).padStart(5, "0")}`;

function base(id: string, kind: Item["kind"], z: number): Item {
  return {
    id, kind, text: "", colour: "yellow", authorId: null, x: 0, y: 0, width: 0, height: 0, parentFrame: null, z: zKey(z),
    tags: { outcomeOrOutput: null, leadingOrLagging: null }, linkedCategory: null, linkedNeed: null, checklist: { met: [] },
  };
}

function buildScene(stickies: number): { items: Item[]; links: Link[] } {
  const perFrame = STICKIES_PER_FRAME.columns * STICKIES_PER_FRAME.rows;
  const frameCount = Math.ceil(stickies / perFrame);
  const items: Item[] = [];
  // Frames first: they paint behind everything, as frames made in the app do.
  for (let f = 0; f < frameCount; f++) {
    const frame = base(`frame-${f}`, "frame", items.length);
    frame.text = `Cluster ${f + 1}`;
    frame.x = (f % FRAME_COLUMNS) * (FRAME.width + FRAME_GAP);
    frame.y = Math.floor(f / FRAME_COLUMNS) * (FRAME.height + FRAME_GAP);
    frame.width = FRAME.width;
    frame.height = FRAME.height;
    items.push(frame);
  }
  for (let s = 0; s < stickies; s++) {
    const frame = items[Math.floor(s / perFrame)];
    const slot = s % perFrame;
    const sticky = base(`sticky-${s}`, "sticky", items.length);
    sticky.text = `${WORDS[s % WORDS.length]} #${s + 1}`;
    sticky.colour = COLOURS[s % COLOURS.length];
    // Stored positions are absolute, inside the frame's box; the Board makes them relative.
    sticky.x = (frame.x ?? 0) + PAD + (slot % STICKIES_PER_FRAME.columns) * (STICKY.width + GAP);
    sticky.y = (frame.y ?? 0) + PAD + Math.floor(slot / STICKIES_PER_FRAME.columns) * (STICKY.height + GAP);
    sticky.width = STICKY.width;
    sticky.height = STICKY.height;
    sticky.parentFrame = frame.id;
    // A mix of tags and checklist scores, so the footers render as they do in a real room.
    sticky.tags = { outcomeOrOutput: s % 3 === 0 ? "outcome" : s % 3 === 1 ? "output" : null, leadingOrLagging: s % 2 === 0 ? "leading" : null };
    sticky.checklist = { met: CRITERIA.slice(0, s % (CRITERIA.length + 1)) };
    items.push(sticky);
  }

  const random = seeded(20240611);
  const linkCount = Math.round(stickies / 5);
  const links: Link[] = [];
  const seen = new Set<string>();
  while (links.length < linkCount && stickies > 1) {
    const from = Math.floor(random() * stickies);
    const to = Math.floor(random() * stickies);
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    links.push({ id: `link-${links.length}`, from: `sticky-${from}`, to: `sticky-${to}`, label: "" });
  }
  return { items, links };
}

// ---- Instruments ------------------------------------------------------------------------

/** One rendered frame, as seen from the page. */
interface FrameRecord {
  /** Time since the previous frame began (rAF timestamps): what the eye sees. */
  interval: number;
}

interface OpenResult {
  /** From our script starting to the paint of the frame that first showed the settled board. */
  sinceScriptMs: number;
  /** The same, from navigation start (includes loading and evaluating the bundle). */
  sinceNavigationMs: number;
  nodes: number;
  edges: number;
  /** Drawn as one picture (zoomed far out) rather than as nodes. */
  picture: boolean;
  items: number;
  links: number;
}

export interface BenchApi {
  ready: Promise<OpenResult>;
  /** Starts a recording of frames and long tasks (drops any earlier one). */
  startRecording: () => void;
  /** Frames recorded so far, so the runner can tell which frames belong to which input. */
  framesRecorded: () => number;
  stopRecording: () => { frames: FrameRecord[]; longTasks: number[] };
  /** The frames' boxes in canvas units, so the runner can aim at one wherever it is drawn. */
  frames: () => { id: string; x: number; y: number; width: number; height: number }[];
  /** The canvas actions the board sent to the store so far (what a finished drag produced). */
  sent: () => CanvasOp[][];
}

declare global {
  interface Window {
    __bench: BenchApi;
  }
}

// A task posted from a rAF callback runs only once that frame's style, layout and paint are
// done, so it tells when the frame was painted.
const afterRender = new MessageChannel();
/** Resolvers for "this frame has been painted", in frame order (a channel keeps order). */
const pendingRenders: ((at: number) => void)[] = [];
afterRender.port1.onmessage = () => pendingRenders.shift()?.(performance.now());

let recording: { frames: FrameRecord[]; longTasks: number[] } | null = null;
new PerformanceObserver((list) => {
  if (recording) for (const entry of list.getEntries()) recording.longTasks.push(entry.duration);
}).observe({ type: "longtask" });

/** Called once per frame with the frame's begin time and when that frame was painted. */
type FrameListener = (begin: number, rendered: number) => void;
const frameListeners = new Set<FrameListener>();
let previousBegin: number | null = null;

function onFrame(begin: number) {
  const interval = previousBegin === null ? 0 : begin - previousBegin;
  previousBegin = begin;
  if (recording && interval > 0) recording.frames.push({ interval });
  if (frameListeners.size > 0) {
    pendingRenders.push((rendered) => {
      for (const listener of frameListeners) listener(begin, rendered);
    });
    afterRender.port2.postMessage(null);
  }
  requestAnimationFrame(onFrame);
}
requestAnimationFrame(onFrame);

/**
 * Resolves when the board has settled: the number of nodes and edges on screen, the hidden
 * (not yet measured) nodes, whether the board is drawn as one picture (zoomed far out) and the
 * viewport transform (fitView) stayed the same for 10 frames.
 * The time is that of the first frame showing the settled state, once it was painted. The
 * state is read in the rAF callback, before the frame's paint, so it is what that frame shows.
 */
function whenSettled(items: number, links: number): Promise<OpenResult> {
  return new Promise((resolve) => {
    let signature = "";
    let since = 0;
    let stableFrames = 0;
    let board: { nodes: number; edges: number; picture: boolean } = { nodes: 0, edges: 0, picture: false };
    const probe = () => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      if (!viewport) return null;
      const nodes = document.querySelectorAll(".react-flow__node");
      let hidden = 0;
      for (const node of nodes) if ((node as HTMLElement).style.visibility === "hidden") hidden++;
      const edges = document.querySelectorAll(".react-flow__edge").length;
      const picture = document.querySelector(".board__overview") !== null;
      // An empty board is settled with no nodes; a busy one only once it is drawn, as nodes or as the picture.
      if (items > 0 && ((nodes.length === 0 && !picture) || hidden > 0)) return null;
      return { key: `${nodes.length}|${edges}|${picture}|${viewport.style.transform}`, nodes: nodes.length, edges, picture };
    };
    let latest: ReturnType<typeof probe> = null;
    const listener: FrameListener = (_, rendered) => {
      // `latest` was read in this frame's rAF callback; `rendered` is after its paint.
      if (latest === null) { signature = ""; stableFrames = 0; }
      else if (latest.key !== signature) {
        signature = latest.key;
        since = rendered;
        board = { nodes: latest.nodes, edges: latest.edges, picture: latest.picture };
        stableFrames = 0;
      } else if (++stableFrames >= 10) {
        frameListeners.delete(listener);
        resolve({ sinceScriptMs: since - scriptStart, sinceNavigationMs: since, ...board, items, links });
        return;
      }
      requestAnimationFrame(() => { latest = probe(); });
    };
    requestAnimationFrame(() => { latest = probe(); });
    frameListeners.add(listener);
  });
}

// ---- The page ---------------------------------------------------------------------------

const requested = Number(new URLSearchParams(location.search).get("items") ?? 1000);
const scene = buildScene(Number.isFinite(requested) && requested >= 0 ? Math.floor(requested) : 1000);
// The app's callbacks are stable (useCallback), so these live outside React, as stable too.
const roles = new Map<string, Role>();
const selected = new Set<string>();
const authorName = () => null;
const sent: CanvasOp[][] = [];
const run = async (ops: CanvasOp[]) => {
  sent.push(ops);
  return [];
};
const onSelect = () => {};
const onViewChange = () => {};

window.__bench = {
  ready: whenSettled(scene.items.length, scene.links.length),
  startRecording: () => { recording = { frames: [], longTasks: [] }; },
  framesRecorded: () => recording?.frames.length ?? 0,
  stopRecording: () => {
    const result = recording ?? { frames: [], longTasks: [] };
    recording = null;
    return result;
  },
  frames: () => scene.items.filter((i) => i.kind === "frame")
    .map((f) => ({ id: f.id, x: f.x ?? 0, y: f.y ?? 0, width: f.width ?? 0, height: f.height ?? 0 })),
  sent: () => sent,
};

const root = document.getElementById("root");
if (root) {
  // StrictMode as in the app (main.tsx); in a production build it adds no double renders.
  createRoot(root).render(
    <StrictMode>
      <ReactFlowProvider>
        <Board items={scene.items} links={scene.links} roles={roles} authorName={authorName} selected={selected}
          onSelect={onSelect} run={run} onViewChange={onViewChange} />
      </ReactFlowProvider>
    </StrictMode>,
  );
}
