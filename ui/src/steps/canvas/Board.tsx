// The board itself: React Flow over the stored scene. Every change the room makes becomes one
// canvas action sent to the store when it is finished (a drag when the mouse is released,
// text when editing ends), so nothing is lost if the laptop dies and Ctrl+Z undoes it.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import {
  applyEdgeChanges, applyNodeChanges, Background, BackgroundVariant, ConnectionMode, Controls, ReactFlow, SelectionMode, useReactFlow, useStore, useStoreApi,
  type Connection, type Edge, type EdgeChange, type FitViewOptions, type NodeChange, type ReactFlowState, type Viewport,
} from "@xyflow/react";
import type { CanvasItem as Item, CanvasLink as Link, CanvasOp, ItemKind } from "../../bindings";
import {
  absolutePosition, CARD_INK_VARS, dragOps, freeSpot, GRID, newItem, toEdges, toNodes, type ItemNode, type NodeContext, type Role,
} from "./canvasModel";
import { Minimap } from "./Minimap";
import { NodeActionsContext, nodeTypes, type NodeActions } from "./nodes";
import { DETAIL_ZOOM, hitTest, overviewScene } from "./overview";
import { OverviewLayer } from "./OverviewLayer";

export interface BoardProps {
  items: Item[];
  links: Link[];
  roles: Map<string, Role>;
  authorName: (id: string | null) => string | null;
  selected: Set<string>;
  onSelect: (ids: Set<string>) => void;
  /** Sends canvas actions to the store as one undo step; resolves to the ids it created. */
  run: (ops: CanvasOp[]) => Promise<string[]>;
  /** The part of the canvas on screen, for "export the current view". */
  onViewChange: (view: { x: number; y: number; width: number; height: number }) => void;
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);
/**
 * From this many items on, only the nodes in view are mounted: on a busy board that keeps
 * drags and pans fluid; on a small one mounting nodes as they scroll in costs more than it saves.
 */
const VIRTUALISE_FROM = 150;
/**
 * Zoom to fit leaves room for the toolbar over the board's top edge and never zooms past 100%.
 * It counts hidden nodes: zoomed far out every node is hidden (the overview draws them).
 */
const FIT: FitViewOptions = { padding: { top: "64px", left: "24px", right: "24px", bottom: "24px" }, maxZoom: 1, includeHiddenNodes: true };
const NO_EDGES: Edge[] = [];
/** Far enough out for a wall of a thousand stickies to fit a laptop screen (drawn as one picture there). */
const MIN_ZOOM = 0.04;
const zoomedOut = (state: ReactFlowState) => state.transform[2] < DETAIL_ZOOM;

function BoardView({ items, links, roles, authorName, selected, onSelect, run, onViewChange }: BoardProps) {
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [snap, setSnap] = useState(true);
  const previous = useRef(new Map<string, ItemNode>());
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  // Zoomed far out, the board is one picture (OverviewLayer) and React Flow mounts no cards:
  // re-rendering and re-painting a thousand of them on every pan was what made a busy board stutter.
  const overview = useStore(zoomedOut);
  const scene = useMemo(() => overviewScene(items, links, roles), [items, links, roles]);
  // While a busy board pans or zooms closer in, the picture (with the cards' words) stands in
  // for the card elements: re-drawing hundreds of them at every step of the motion could not
  // keep up on a laptop without a graphics card. They come back when the motion stops.
  // A motion that starts zoomed far out keeps the cards unmounted until it ends, so zooming in
  // through DETAIL_ZOOM does not build a hundred cards in the middle of the motion.
  const busy = items.length > VIRTUALISE_FROM;
  const [motion, setMotion] = useState<{ fromOverview: boolean } | null>(null);
  // A press on the picture keeps it until the button is released, even if the motion ends first.
  const [pressing, setPressing] = useState(false);
  const standIn = busy && (motion !== null || pressing) && !overview;
  const picture = overview || standIn;
  // React Flow's rectangle around a multiple selection would sit over the picture and catch
  // presses meant for it (its cards are hidden under it): it goes when the board zooms far out.
  const flowStore = useStoreApi();
  useEffect(() => {
    if (overview) flowStore.setState({ nodesSelectionActive: false });
  }, [overview, flowStore]);
  const cardsHidden = overview || (standIn && !!motion?.fromOverview);

  const context: NodeContext = useMemo(() => ({ roles, authorName, selected, hidden: cardsHidden }), [roles, authorName, selected, cardsHidden]);
  const [nodes, setNodes] = useState<ItemNode[]>(() => toNodes(items, context, new Map()));
  useEffect(() => {
    const next = toNodes(items, context, previous.current);
    previous.current = new Map(next.map((n) => [n.id, n]));
    setNodes(next);
  }, [items, context]);
  const [edges, setEdges] = useState<Edge[]>(() => toEdges(links, selected));
  useEffect(() => setEdges(toEdges(links, selected)), [links, selected]);
  // Selection flows one way: a person's clicks arrive as "select" changes and update the step's
  // selection, which then marks the nodes. Listening to React Flow's selection reports as well
  // made the two disagree for a frame after a new sticky was selected, and flip forever.
  const selectedNow = useRef(selected);
  useEffect(() => {
    selectedNow.current = selected;
  }, [selected]);
  const followSelection = useCallback((changes: (NodeChange<ItemNode> | EdgeChange)[]) => {
    let next: Set<string> | null = null;
    for (const change of changes) {
      if (change.type !== "select") continue;
      next ??= new Set(selectedNow.current);
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    if (next) {
      // Node and edge changes of one click arrive in two calls: the second builds on the first.
      selectedNow.current = next;
      onSelect(next);
    }
  }, [onSelect]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    followSelection(changes);
    setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type !== "remove"), current));
  }, [followSelection]);

  const onNodesChange = useCallback((changes: NodeChange<ItemNode>[]) => {
    followSelection(changes);
    // Deleting goes through the store (one undo step), never straight out of React Flow.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), current));
  }, [followSelection]);

  const centre = useCallback(() => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  }, [flow]);

  const create = useCallback(async (kind: ItemKind, at?: { x: number; y: number }) => {
    const item = newItem(kind, at ?? centre());
    // Pressing N three times lays out three stickies side by side, not one pile; a
    // double-click puts the sticky exactly where the room pointed.
    if (!at) {
      const spot = freeSpot(kind, { x: item.x, y: item.y }, { width: item.width, height: item.height }, items);
      item.x = spot.x;
      item.y = spot.y;
    }
    const created = await run([{ kind: "create", item }]);
    if (created.length > 0) onSelect(new Set(created));
    // A card laid out past the edge of the view is brought into view, at the same zoom.
    const box = wrapper.current?.getBoundingClientRect();
    if (box && !at) {
      const topLeft = flow.screenToFlowPosition({ x: box.left, y: box.top });
      const bottomRight = flow.screenToFlowPosition({ x: box.right, y: box.bottom });
      const x = item.x;
      const y = item.y;
      if (x < topLeft.x || y < topLeft.y || x + item.width > bottomRight.x || y + item.height > bottomRight.y) {
        // At once, not animated: an animation would swallow a zoom-to-fit pressed right after.
        void flow.setCenter(x + item.width / 2, y + item.height / 2, { zoom: flow.getZoom() });
      }
    }
  }, [run, centre, onSelect, items, flow]);

  const selectedIds = useMemo(() => [...selected], [selected]);
  const selectedItems = selectedIds.filter((id) => byId.has(id));
  const selectedMetrics = selectedItems.filter((id) => byId.get(id)?.kind !== "frame");
  const selectedFrames = selectedItems.filter((id) => byId.get(id)?.kind === "frame");

  const group = () => {
    if (selectedItems.length > 0) void run([{ kind: "group", ids: selectedItems, title: "Cluster" }]);
  };
  const ungroup = () => {
    if (selectedFrames.length > 0) void run([{ kind: "ungroup", ids: selectedFrames }]);
  };
  const link = () => {
    if (selectedMetrics.length === 2) void run([{ kind: "link", from: selectedMetrics[0], to: selectedMetrics[1], label: "" }]);
  };
  const duplicate = () => {
    if (selectedItems.length > 0) void run([{ kind: "duplicate", ids: selectedItems }]).then((ids) => ids.length && onSelect(new Set(ids)));
  };
  const remove = () => {
    if (selectedIds.length > 0) void run([{ kind: "delete", ids: selectedIds }]);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (TYPING.has((event.target as HTMLElement).tagName)) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (!mod && key === "n") void create("sticky");
    else if (!mod && key === "k") void create("kpi");
    else if (!mod && key === "f") void create("frame");
    else if (!mod && (key === "delete" || key === "backspace")) remove();
    else if (mod && key === "d") duplicate();
    else if (mod && key === "g" && event.shiftKey) ungroup();
    else if (mod && key === "g") group();
    else if (mod && key === "l") link();
    else if (mod && key === "a") onSelect(new Set([...items.map((i) => i.id), ...links.map((l) => l.id)]));
    else if (mod && key === "]") void run([{ kind: "bringToFront", ids: selectedItems }]);
    else if (mod && key === "[") void run([{ kind: "sendToBack", ids: selectedItems }]);
    else if (!mod && (key === "+" || key === "=")) void flow.zoomIn();
    else if (!mod && (key === "-" || key === "_")) void flow.zoomOut();
    else if (event.shiftKey && (event.code === "Digit1" || key === "!")) void flow.fitView(FIT);
    else if (key === "escape") onSelect(new Set());
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const onDoubleClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    if (!target.classList.contains("react-flow__pane")) return;
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // Zoomed far out, a double-click on a card zooms in on it, ready to read and edit.
    const hit = overview ? hitTest(scene, at, flow.getZoom()) : null;
    if (hit) void flow.setCenter(hit.x + hit.width / 2, hit.y + hit.height / 2, { zoom: 1 });
    else void create("sticky", at);
  };

  const onNodeDragStop = useCallback((_: unknown, __: ItemNode, dragged: ItemNode[]) => {
    const ops = dragOps(dragged.map((n) => ({ id: n.id, position: n.position, parentId: n.parentId })), items);
    if (ops.length > 0) void run(ops);
  }, [items, run]);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target && c.source !== c.target) void run([{ kind: "link", from: c.source, to: c.target, label: "" }]);
  }, [run]);

  const actions: NodeActions = useMemo(() => ({
    editText: (id: string, text: string) => {
      const item = byId.get(id);
      if (!item) return;
      void run([{ kind: "edit", id, content: { ...contentOf(item), text } }]);
    },
    resizeFrame: (id: string, box: { x: number; y: number; width: number; height: number }) => {
      const item = byId.get(id);
      if (!item) return;
      const abs = absolutePosition({ position: { x: box.x, y: box.y }, parentId: item.parentFrame ?? undefined }, byId);
      void run([{ kind: "resize", id, x: abs.x, y: abs.y, width: box.width, height: box.height }]);
    },
  }), [byId, run]);

  const reportView = useCallback((viewport: Viewport) => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box) return;
    onViewChange({ x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: box.width / viewport.zoom, height: box.height / viewport.zoom });
  }, [onViewChange]);
  // Only the room's own pans and zooms (they come with an input event): a view moved by the
  // app, or by React Flow panning along while a card is dragged to the edge, keeps the cards.
  // A pinch reports a new start for every step: the motion began where its first step did.
  const onMoveStart = useCallback((event: unknown) => {
    if (event) setMotion((current) => current ?? { fromOverview: overview });
  }, [overview]);
  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => {
    setMotion(null);
    reportView(viewport);
  }, [reportView]);

  return (
    <div className={`board${standIn ? " board--moving" : ""}`} style={CARD_INK_VARS} ref={wrapper} tabIndex={0} onKeyDown={onKeyDown} onDoubleClick={onDoubleClick} data-testid="canvas-board"
      aria-label="North Star canvas. N adds a sticky, K a current KPI, F a frame. The list view beside it holds every item.">
      <div className="board__toolbar" role="toolbar" aria-label="Canvas tools">
        <button type="button" className="button button--small" data-testid="add-sticky" onClick={() => void create("sticky")} title="Add a sticky (N)">+ Sticky</button>
        <button type="button" className="button button--small" data-testid="add-kpi" onClick={() => void create("kpi")} title="Bring in a current KPI (K)">+ Current KPI</button>
        <button type="button" className="button button--small" data-testid="add-frame" onClick={() => void create("frame")} title="Add a frame (F)">+ Frame</button>
        <span className="board__divider" />
        <button type="button" className="button button--small" data-testid="group" disabled={selectedItems.length === 0} onClick={group} title="Group in a frame (Ctrl+G)">Group</button>
        <button type="button" className="button button--small" data-testid="ungroup" disabled={selectedFrames.length === 0} onClick={ungroup} title="Ungroup (Ctrl+Shift+G)">Ungroup</button>
        <button type="button" className="button button--small" data-testid="link" disabled={selectedMetrics.length !== 2} onClick={link} title="Link two selected stickies (Ctrl+L)">Link</button>
        <button type="button" className="button button--small" data-testid="duplicate" disabled={selectedItems.length === 0} onClick={duplicate} title="Duplicate (Ctrl+D)">Duplicate</button>
        <button type="button" className="button button--small button--danger-text" data-testid="delete" disabled={selectedIds.length === 0} onClick={remove} title="Delete (Del)">Delete</button>
        <span className="board__divider" />
        <label className="board__snap"><input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> Snap to grid</label>
      </div>
      <NodeActionsContext.Provider value={actions}>
        <ReactFlow<ItemNode>
          nodes={nodes}
          edges={cardsHidden ? NO_EDGES : edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          onInit={(instance) => reportView(instance.getViewport())}
          connectionMode={ConnectionMode.Loose}
          zIndexMode="manual"
          snapToGrid={snap}
          snapGrid={[GRID, GRID]}
          onlyRenderVisibleElements={cardsHidden || busy}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={["Shift", "Meta", "Control"]}
          selectionOnDrag={!picture}
          selectionMode={SelectionMode.Partial}
          panOnDrag={[1, 2]}
          panOnScroll
          panActivationKeyCode="Space"
          zoomActivationKeyCode={["Meta", "Control"]}
          minZoom={MIN_ZOOM}
          maxZoom={3}
          fitView
          fitViewOptions={FIT}
          proOptions={{ hideAttribution: true }}
        >
          {/* Zoomed far out the dots would be a grey haze under 8 px apart; while a busy board
              moves they would be re-drawn at every step. */}
          {!overview && !standIn && <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />}
          {picture && (
            <OverviewLayer scene={scene} items={items} selected={selected} onSelect={onSelect} run={run} snap={snap} board={wrapper}
              onGesture={setPressing} />
          )}
          <Controls showInteractive={false} fitViewOptions={FIT} />
          <Minimap scene={scene} selected={selected} />
        </ReactFlow>
      </NodeActionsContext.Provider>
    </div>
  );
}

export function contentOf(item: Item) {
  return {
    text: item.text, colour: item.colour, authorId: item.authorId, tags: item.tags,
    linkedCategory: item.linkedCategory, linkedNeed: item.linkedNeed, checklist: item.checklist,
  };
}

export const Board = memo(BoardView);
