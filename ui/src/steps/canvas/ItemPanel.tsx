// Everything written on the selected sticky, KPI or frame: text, colour, who proposed it, its
// tags, what it speaks to, and the North Star checklist. Each change is one undo step.
import { useEffect, useState } from "react";
import type { CanvasItem as Item, CanvasOp, Criterion, WorkshopData } from "../../bindings";
import { contentOf } from "./Board";
import { COLOURS, CRITERIA, KIND_NAMES, SCORE_MAX } from "./canvasModel";

interface ItemPanelProps {
  item: Item;
  data: WorkshopData;
  run: (ops: CanvasOp[]) => Promise<string[]>;
}

export function ItemPanel({ item, data, run }: ItemPanelProps) {
  const [text, setText] = useState(item.text);
  useEffect(() => setText(item.text), [item.id, item.text]);
  const edit = (changes: Partial<ReturnType<typeof contentOf>>) =>
    void run([{ kind: "edit", id: item.id, content: { ...contentOf(item), ...changes } }]);
  const saveText = () => {
    if (text.trim() !== item.text) edit({ text: text.trim() });
  };
  const frame = item.kind === "frame";
  const toggle = (criterion: Criterion, on: boolean) => {
    const met = new Set(item.checklist.met);
    if (on) met.add(criterion);
    else met.delete(criterion);
    edit({ checklist: { met: CRITERIA.map((c) => c.value).filter((c) => met.has(c)) } });
  };

  return (
    <section className="item-panel" data-testid="item-panel" aria-label={`${KIND_NAMES[item.kind]} details`}>
      <h3 className="panel__title">{KIND_NAMES[item.kind]}</h3>
      <label className="field">
        <span className="field__label">{frame ? "Title" : "Text"}</span>
        <textarea data-testid="item-text-input" rows={frame ? 1 : 3} maxLength={500} value={text}
          onChange={(e) => setText(e.target.value)} onBlur={saveText}
          title="Enter saves; Shift+Enter starts a new line"
          onKeyDown={(e) => { if (e.key === "Enter" && (!e.shiftKey || frame)) { e.preventDefault(); saveText(); } }} />
      </label>
      {!frame && (
        <>
          <div className="field">
            <span className="field__label">Colour</span>
            <div className="swatches" role="radiogroup" aria-label="Colour">
              {COLOURS.map((c) => (
                <button key={c.value} type="button" role="radio" aria-checked={item.colour === c.value} aria-label={c.label}
                  className={`swatch${item.colour === c.value ? " swatch--on" : ""}`} style={{ background: c.hex }}
                  onClick={() => edit({ colour: c.value })} />
              ))}
            </div>
          </div>
          <label className="field">
            <span className="field__label">Proposed by</span>
            <select data-testid="item-author" value={item.authorId ?? ""} onChange={(e) => edit({ authorId: e.target.value || null })}>
              <option value="">Nobody in particular</option>
              {data.stakeholders.map((s) => <option key={s.id} value={s.id}>{s.details.name}</option>)}
            </select>
          </label>
          <div className="field-row">
            <label className="field">
              <span className="field__label">Outcome or output</span>
              <select data-testid="item-nature" value={item.tags.outcomeOrOutput ?? ""}
                onChange={(e) => edit({ tags: { ...item.tags, outcomeOrOutput: (e.target.value || null) as Item["tags"]["outcomeOrOutput"] } })}>
                <option value="">Not decided</option>
                <option value="outcome">Outcome (what customers get)</option>
                <option value="output">Output (what we do)</option>
              </select>
            </label>
            <label className="field">
              <span className="field__label">Leading or lagging</span>
              <select data-testid="item-timing" value={item.tags.leadingOrLagging ?? ""}
                onChange={(e) => edit({ tags: { ...item.tags, leadingOrLagging: (e.target.value || null) as Item["tags"]["leadingOrLagging"] } })}>
                <option value="">Not decided</option>
                <option value="leading">Leading</option>
                <option value="lagging">Lagging</option>
              </select>
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span className="field__label">Customer category</span>
              <select value={item.linkedCategory ?? ""} onChange={(e) => edit({ linkedCategory: e.target.value || null })}>
                <option value="">None</option>
                {data.categories.map((c) => <option key={c.id} value={c.id}>{c.details.name}</option>)}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Need it measures</span>
              <select value={item.linkedNeed ?? ""} onChange={(e) => edit({ linkedNeed: e.target.value || null })}>
                <option value="">None</option>
                {data.needs.map((n) => <option key={n.id} value={n.id}>{n.details.statement}</option>)}
              </select>
            </label>
          </div>
          <fieldset className="checklist" data-testid="checklist">
            <legend className="field__label">North Star checklist · {item.checklist.met.length}/{SCORE_MAX}</legend>
            {CRITERIA.map((c) => (
              <label key={c.value} className="checklist__row">
                <input type="checkbox" data-testid={`criterion-${c.value}`} checked={item.checklist.met.includes(c.value)}
                  onChange={(e) => toggle(c.value, e.target.checked)} />
                <span>{c.label}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
    </section>
  );
}
