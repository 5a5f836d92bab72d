// Every item on the canvas as a plain list, for screen readers and keyboards (canvas shapes are
// invisible to them) and for a quick audit. Items can be selected, renamed and deleted here.
import { useState } from "react";
import type { CanvasItem as Item, CanvasLink as Link, CanvasOp } from "../../bindings";
import { contentOf } from "./Board";
import { KIND_NAMES, SCORE_MAX, scoreOf, type Role } from "./canvasModel";

interface ItemListProps {
  items: Item[];
  links: Link[];
  roles: Map<string, Role>;
  authorName: (id: string | null) => string | null;
  selected: Set<string>;
  onSelect: (ids: Set<string>) => void;
  run: (ops: CanvasOp[]) => Promise<string[]>;
}

export function ItemList({ items, links, roles, authorName, selected, onSelect, run }: ItemListProps) {
  const textOf = new Map(items.map((i) => [i.id, i.text || "(empty)"]));
  const frames = items.filter((i) => i.kind === "frame");
  const loose = items.filter((i) => i.kind !== "frame" && !i.parentFrame);
  const row = (item: Item) => (
    <ItemRow key={item.id} item={item} role={roles.get(item.id) ?? null} author={authorName(item.authorId)}
      selected={selected.has(item.id)} onSelect={() => onSelect(new Set([item.id]))} run={run} />
  );
  if (items.length === 0) return <p className="muted" data-testid="item-list-empty">The canvas is empty. Add a sticky with N or double-click the board.</p>;
  return (
    <div className="item-list" data-testid="item-list">
      {frames.map((frame) => (
        <section key={frame.id} aria-label={`Frame ${frame.text}`}>
          <ul className="item-list__items">{row(frame)}</ul>
          <ul className="item-list__items item-list__items--nested">
            {items.filter((i) => i.parentFrame === frame.id && i.kind !== "frame").map(row)}
          </ul>
        </section>
      ))}
      {loose.length > 0 && (
        <section aria-label="Not in a frame">
          {frames.length > 0 && <h4 className="item-list__heading">Not in a frame</h4>}
          <ul className="item-list__items">{loose.map(row)}</ul>
        </section>
      )}
      {links.length > 0 && (
        <section aria-label="Links">
          <h4 className="item-list__heading">Links</h4>
          <ul className="item-list__items">
            {links.map((l) => (
              <li key={l.id} className="item-list__row" data-testid="link-row">
                <span>{textOf.get(l.from)} → {textOf.get(l.to)}{l.label ? ` (${l.label})` : ""}</span>
                <button type="button" className="button button--ghost button--small" aria-label="Delete this link"
                  onClick={() => void run([{ kind: "delete", ids: [l.id] }])}>Delete</button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ItemRow({ item, role, author, selected, onSelect, run }: {
  item: Item; role: Role; author: string | null; selected: boolean; onSelect: () => void; run: (ops: CanvasOp[]) => Promise<string[]>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft !== null && draft.trim() !== item.text) void run([{ kind: "edit", id: item.id, content: { ...contentOf(item), text: draft.trim() } }]);
    setDraft(null);
  };
  const details = [
    KIND_NAMES[item.kind],
    role === "northStar" ? "North Star" : role === "input" ? "input metric" : null,
    item.kind !== "frame" ? `${scoreOf(item)}/${SCORE_MAX} criteria` : null,
    item.tags.outcomeOrOutput, item.tags.leadingOrLagging, author ? `by ${author}` : null,
  ].filter(Boolean).join(" · ");
  return (
    <li className={`item-list__row${selected ? " item-list__row--selected" : ""}`} data-testid="item-row" data-text={item.text}>
      {draft === null ? (
        <button type="button" className="item-list__name" data-testid="item-select" aria-pressed={selected} onClick={onSelect}>
          <span>{item.text || "(empty)"}</span>
          <span className="muted small">{details}</span>
        </button>
      ) : (
        <input className="item-list__edit" aria-label={`Text of ${KIND_NAMES[item.kind]}`} autoFocus value={draft} maxLength={500}
          onChange={(e) => setDraft(e.target.value)} onBlur={save}
          onKeyDown={(e) => { if (e.key === "Enter") save(); if (e.key === "Escape") setDraft(null); }} />
      )}
      <button type="button" className="button button--ghost button--small" onClick={() => setDraft(item.text)} aria-label={`Rename ${item.text || "item"}`}>Edit</button>
      <button type="button" className="button button--ghost button--small" onClick={() => void run([{ kind: "delete", ids: [item.id] }])}
        aria-label={`Delete ${item.text || "item"}`}>Delete</button>
    </li>
  );
}
