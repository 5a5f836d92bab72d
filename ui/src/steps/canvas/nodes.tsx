// The shapes on the canvas: stickies and KPI cards (text edited in place, author, tags, the
// checklist score and their part in the outcome), and frames with a title that group them.
// `nodeTypes` lives at module level: a new object on each render would re-render every node.
import { createContext, memo, useContext, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Handle, NodeResizer, Position, type NodeProps } from "@xyflow/react";
import { colourHex, SCORE_MAX, type ItemNode } from "./canvasModel";

export interface NodeActions {
  /** Writes new words on an item (one undo step), when they changed. */
  editText: (id: string, text: string) => void;
  /** A frame was resized from a corner: its new box relative to its own frame. */
  resizeFrame: (id: string, box: { x: number; y: number; width: number; height: number }) => void;
}

export const NodeActionsContext = createContext<NodeActions>({ editText: () => {}, resizeFrame: () => {} });

const TAG_WORDS: Record<string, string> = { outcome: "Outcome", output: "Output", leading: "Leading", lagging: "Lagging" };

function InPlaceText({ id, text, placeholder, multiline }: { id: string; text: string; placeholder: string; multiline: boolean }) {
  const { editText } = useContext(NodeActionsContext);
  const [draft, setDraft] = useState<string | null>(null);
  // Words being typed are saved even when the card goes before the editor is left: zooming far
  // out or panning it out of view takes the card off the screen without a blur.
  const unsaved = useRef({ draft, text, editText });
  useEffect(() => {
    unsaved.current = { draft, text, editText };
  });
  useEffect(() => () => {
    const last = unsaved.current;
    const next = last.draft?.trim();
    if (next !== undefined && next !== last.text) last.editText(id, next);
  }, [id]);
  if (draft === null) {
    return (
      <div className={`item__text${text ? "" : " item__text--empty"}`} data-testid="item-text"
        onDoubleClick={(e) => { e.stopPropagation(); setDraft(text); }}>
        {text || placeholder}
      </div>
    );
  }
  const finish = () => {
    const next = draft.trim();
    // Saved here: a blur fired as the card goes must not save it a second time on the way out.
    unsaved.current = { ...unsaved.current, draft: null };
    setDraft(null);
    if (next !== text) editText(id, next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Escape") setDraft(null);
    // Enter finishes, as in a quick brainstorm (type, Enter, N, type...); Shift+Enter breaks a line.
    else if (event.key === "Enter" && (!multiline || !event.shiftKey)) {
      event.preventDefault();
      finish();
    }
  };
  return (
    <textarea className="item__editor nodrag nowheel nopan" data-testid="item-editor" autoFocus value={draft}
      aria-label="Text on the canvas item" maxLength={500}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)} onBlur={finish} onKeyDown={onKeyDown} />
  );
}

function StickyNodeView({ id, data, selected }: NodeProps<ItemNode>) {
  const { item, role, author, score } = data;
  const kpi = item.kind === "kpi";
  const tags = [item.tags.outcomeOrOutput, item.tags.leadingOrLagging].filter((t): t is NonNullable<typeof t> => !!t);
  const classes = ["item", kpi ? "item--kpi" : "item--sticky", role ? `item--${role}` : "", selected ? "item--selected" : ""];
  return (
    <div className={classes.join(" ")} data-testid="canvas-item" data-kind={item.kind} data-role={role ?? ""}
      data-text={item.text} style={{ "--item-fill": colourHex(item.colour) } as React.CSSProperties}>
      <Handle type="source" position={Position.Right} className="item__handle" />
      <Handle type="target" position={Position.Left} className="item__handle" />
      {role === "northStar" && <div className="item__role item__role--star">★ North Star</div>}
      {role === "input" && <div className="item__role">Input metric</div>}
      {kpi && <div className="item__kind">Current KPI</div>}
      <InPlaceText id={id} text={item.text} placeholder={kpi ? "Name the KPI" : "Double-click to write"} multiline />
      <div className="item__footer">
        {tags.map((t) => <span key={t} className={`tag tag--${t}`}>{TAG_WORDS[t]}</span>)}
        {author && <span className="item__author" title="Proposed by">{author}</span>}
        {score > 0 && <span className="item__score" data-testid="item-score" title="North Star criteria met">{score}/{SCORE_MAX}</span>}
      </div>
    </div>
  );
}

function FrameNodeView({ id, data, selected }: NodeProps<ItemNode>) {
  const { resizeFrame } = useContext(NodeActionsContext);
  return (
    <div className={`frame${selected ? " frame--selected" : ""}`} data-testid="canvas-frame" data-text={data.item.text}>
      <NodeResizer isVisible={selected} minWidth={120} minHeight={80} lineClassName="frame__resize-line" handleClassName="frame__resize-handle"
        onResizeEnd={(_, box) => resizeFrame(id, box)} />
      <div className="frame__title">
        <InPlaceText id={id} text={data.item.text} placeholder="Name this cluster" multiline={false} />
      </div>
    </div>
  );
}

export const StickyNode = memo(StickyNodeView);
export const FrameNode = memo(FrameNodeView);

export const nodeTypes = { sticky: StickyNode, frame: FrameNode };
