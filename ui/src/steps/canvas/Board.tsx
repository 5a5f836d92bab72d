// The board itself: React Flow over the stored scene. Every change the room makes becomes one
// canvas action sent to the store when it is finished (a drag when the mouse is released,
// text when editing ends), so nothing is lost if the laptop dies and Ctrl+Z undoes it.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import {
  applyEdgeChanges, applyNodeChanges, Background, BackgroundVariant, ConnectionMode, Controls, MiniMap, ReactFlow, SelectionMode, useReactFlow,
  type Connection, type Edge, type EdgeChange, type NodeChange, type OnSelectionChangeParams, type Viewport,
} from "@xyflow/react";
import type { CanvasItem_Serialize as Item, CanvasLink_Serialize as Link, CanvasOp_Deserialize as CanvasOp, ItemKind } from "../../bindings";
import {
  absolutePosition, colourHex, dragOps, GRID, newItem, num, toEdges, toNodes, type ItemNode, type NodeContext, type Role,
} from "./canvasModel";
import { NodeActionsContext, nodeTypes, type NodeActions } from "./nodes";

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
/** Small enough to leave the board to the stickies on a 1280-pixel projector. */
const MINIMAP_SIZE = { width: 150, height: 100 };

function BoardView({ items, links, roles, authorName, selected, onSelect, run, onViewChange }: BoardProps) {
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const [snap, setSnap] = useState(true);
  const previous = useRef(new Map<string, ItemNode>());
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  const context: NodeContext = useMemo(() => ({ roles, authorName, selected }), [roles, authorName, selected]);
  const [nodes, setNodes] = useState<ItemNode[]>(() => toNodes(items, context, new Map()));
  useEffect(() => {
    const next = toNodes(items, context, previous.current);
    previous.current = new Map(next.map((n) => [n.id, n]));
    setNodes(next);
  }, [items, context]);
  const [edges, setEdges] = useState<Edge[]>(() => toEdges(links, selected));
  useEffect(() => setEdges(toEdges(links, selected)), [links, selected]);
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    setEdges((current) => applyEdgeChanges(changes.filter((c) => c.type !== "remove"), current));
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<ItemNode>[]) => {
    // Deleting goes through the store (one undo step), never straight out of React Flow.
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), current));
  }, []);

  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    const ids = new Set([...n.map((x) => x.id), ...e.map((x) => x.id)]);
    onSelect(ids);
  }, [onSelect]);

  const centre = useCallback(() => {
    const box = wrapper.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  }, [flow]);

  const create = useCallback(async (kind: ItemKind, at?: { x: number; y: number }) => {
    const item = newItem(kind, at ?? centre());
    // Pressing N three times gives three stickies in a cascade, not one pile.
    while (items.some((i) => num(i.x) === item.x && num(i.y) === item.y)) {
      item.x = num(item.x) + 2 * GRID;
      item.y = num(item.y) + 2 * GRID;
    }
    const created = await run([{ kind: "create", item }]);
    if (created.length > 0) onSelect(new Set(created));
  }, [run, centre, onSelect, items]);

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
    else if (event.shiftKey && (event.code === "Digit1" || key === "!")) void flow.fitView({ padding: 0.1 });
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
    void create("sticky", flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
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

  return (
    <div className="board" ref={wrapper} tabIndex={0} onKeyDown={onKeyDown} onDoubleClick={onDoubleClick} data-testid="canvas-board"
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
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={onSelectionChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onMoveEnd={(_, viewport) => reportView(viewport)}
          onInit={(instance) => reportView(instance.getViewport())}
          connectionMode={ConnectionMode.Loose}
          snapToGrid={snap}
          snapGrid={[GRID, GRID]}
          onlyRenderVisibleElements={items.length > VIRTUALISE_FROM}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={["Shift", "Meta", "Control"]}
          selectionOnDrag
          selectionMode={SelectionMode.Partial}
          panOnDrag={[1, 2]}
          panOnScroll
          panActivationKeyCode="Space"
          zoomActivationKeyCode={["Meta", "Control"]}
          minZoom={0.1}
          maxZoom={3}
          fitView
          fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeColor={(n) => minimapColour(n as ItemNode)} nodeStrokeWidth={2} style={MINIMAP_SIZE} />
        </ReactFlow>
      </NodeActionsContext.Provider>
    </div>
  );
}

function minimapColour(node: ItemNode): string {
  const item = node.data.item;
  if (item.kind === "frame") return "rgba(59, 76, 202, 0.12)";
  if (node.data.role === "northStar") return "#e9b10e";
  return colourHex(item.colour);
}

export function contentOf(item: Item) {
  return {
    text: item.text, colour: item.colour, authorId: item.authorId, tags: item.tags,
    linkedCategory: item.linkedCategory, linkedNeed: item.linkedNeed, checklist: item.checklist,
  };
}

export { num };
export const Board = memo(BoardView);
