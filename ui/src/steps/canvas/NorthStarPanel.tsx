// Promoting the winner to the North Star metric with a definition precise enough that two
// people would count the same, its 3–5 input metrics with owners, and the statement and input
// tree the room leaves with.
import { useState } from "react";
import { call } from "../../api";
import {
  commands, type CanvasItem as Item, type InputMetric, type NorthStarInput as Definition,
  type WorkshopData,
} from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { formError, invalidIf, type FormError } from "../../common/formError";

const LABELS: Record<string, string> = {
  itemId: "Winning sticky", name: "Name", counted: "What is counted", unit: "Unit", currentValue: "Today", target: "Target",
  timeFrame: "By when",
};

function emptyDefinition(item: Item | undefined): Definition {
  return { itemId: item?.id ?? "", name: item?.text ?? "", counted: "", unit: "", currentValue: "", target: "", timeFrame: "" };
}

export function NorthStarPanel({ items, data }: { items: Item[]; data: WorkshopData }) {
  const star = data.northStar;
  const [editing, setEditing] = useState(false);
  if (star && !editing) return <NorthStarStatement data={data} items={items} onEdit={() => setEditing(true)} />;
  return <PromoteForm items={items} data={data} onDone={() => setEditing(false)} />;
}

function NorthStarStatement({ data, items, onEdit }: { data: WorkshopData; items: Item[]; onEdit: () => void }) {
  const { act } = useWorkshop();
  const star = data.northStar;
  if (!star) return null;
  const d = star.definition;
  const onCanvas = (id: string | null) => (id ? items.find((i) => i.id === id)?.text : undefined);
  return (
    <section className="north-star" data-testid="north-star">
      <p className="eyebrow">Our North Star metric</p>
      <h3 className="north-star__name" data-testid="north-star-name">★ {d.name}</h3>
      <p className="north-star__counted">{d.counted} <span className="muted">({d.unit})</span></p>
      <p className="north-star__numbers">
        {d.currentValue && <span>Today <strong>{d.currentValue}</strong> → </span>}
        <span>Target <strong>{d.target}</strong> {d.timeFrame}</span>
      </p>
      <div className="input-tree" aria-label="Input metrics">
        <div className="input-tree__root">★ {d.name}</div>
        <ul className="input-tree__inputs">
          {star.inputs.map((input, index) => (
            <li key={index} className="input-tree__input" data-testid="input-metric">
              <strong>{input.name}</strong>
              <span className="muted small">{input.owner ? `owner: ${input.owner}` : "no owner yet"}</span>
              {input.itemId && onCanvas(input.itemId) && <span className="muted small">on the canvas</span>}
            </li>
          ))}
        </ul>
      </div>
      {star.warnings.length > 0 && (
        <ul className="north-star__warnings" data-testid="north-star-warnings">
          {star.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      <div className="north-star__actions">
        <button type="button" className="button button--small" data-testid="edit-north-star" onClick={onEdit}>Edit definition and inputs</button>
        <button type="button" className="button button--ghost button--small"
          onClick={() => void act(() => call(commands.clearNorthStar(data.workshop.id)))}>Take back to a candidate</button>
      </div>
    </section>
  );
}

function PromoteForm({ items, data, onDone }: { items: Item[]; data: WorkshopData; onDone: () => void }) {
  const { actOrThrow } = useWorkshop();
  const metrics = items.filter((i) => i.kind !== "frame");
  const winner = metrics.find((i) => i.id === data.metricChoice?.itemId);
  const [definition, setDefinition] = useState<Definition>(() =>
    data.northStar ? { ...data.northStar.definition, currentValue: data.northStar.definition.currentValue ?? "" } : emptyDefinition(winner));
  const linkedTo = (id: string) =>
    data.canvas.links.filter((l) => l.to === id || l.from === id).map((l) => (l.to === id ? l.from : l.to));
  const [inputs, setInputs] = useState<InputMetric[]>(() => {
    if (data.northStar) return data.northStar.inputs.map((i) => ({ itemId: i.itemId ?? null, name: i.name, owner: i.owner ?? "" }));
    const linked = definition.itemId ? linkedTo(definition.itemId) : [];
    return metrics.filter((m) => linked.includes(m.id)).slice(0, 5).map((m) => ({ itemId: m.id, name: m.text, owner: "" }));
  });
  const [error, setError] = useState<FormError | null>(null);
  const set = (changes: Partial<Definition>) => setDefinition((d) => ({ ...d, ...changes }));
  const owners = [...new Set([...data.stakeholders.map((s) => s.details.name), ...data.stakeholders.map((s) => s.details.function)].filter(Boolean))];

  const save = async () => {
    try {
      await actOrThrow(() => call(commands.setNorthStar(data.workshop.id, definition, inputs.filter((i) => i.name.trim() !== ""))));
      setError(null);
      onDone();
    } catch (thrown) {
      setError(formError(thrown, LABELS));
    }
  };
  const bad = (field: string) => invalidIf(error, field);
  const field = (key: keyof Definition, placeholder: string) => (
    <label className="field">
      <span className="field__label">{LABELS[key]}</span>
      <input data-testid={`ns-${key}`} value={definition[key]} placeholder={placeholder} aria-invalid={bad(key)}
        onChange={(e) => set({ [key]: e.target.value })} />
    </label>
  );

  return (
    <form className="promote" data-testid="promote-form" onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <p className="muted small">
        {winner ? `The vote chose “${winner.text}”. ` : ""}Write it down precisely: two people reading it should count the same thing.
      </p>
      <label className="field">
        <span className="field__label">{LABELS.itemId}</span>
        <select data-testid="ns-itemId" value={definition.itemId} aria-invalid={bad("itemId")}
          onChange={(e) => set({ itemId: e.target.value, name: definition.name || metrics.find((m) => m.id === e.target.value)?.text || "" })}>
          <option value="">Choose the winning sticky…</option>
          {metrics.map((m) => <option key={m.id} value={m.id}>{m.text || "(empty)"}</option>)}
        </select>
      </label>
      {field("name", "Weekly active teams")}
      {field("counted", "Teams of 3+ members who shared a plan this week")}
      <div className="field-row">{field("unit", "teams")}{field("currentValue", "800")}</div>
      <div className="field-row">{field("target", "2,000")}{field("timeFrame", "by 2027-06-30")}</div>
      {/* A labelled group rather than a fieldset: WebKit mis-sizes fieldsets in a scrolling panel. */}
      <div className="promote__inputs" role="group" aria-labelledby="ns-inputs-label">
        <span className="field__label" id="ns-inputs-label">Input metrics (3 to 5), each with an owner</span>
        {inputs.map((input, index) => (
          <div key={index} className="promote__input" data-testid="ns-input">
            <select className="promote__input-item" aria-label={`Input ${index + 1} on the canvas`} value={input.itemId ?? ""}
              onChange={(e) => setInputs((all) => all.map((x, i) => i === index ? { ...x, itemId: e.target.value || null, name: x.name || metrics.find((m) => m.id === e.target.value)?.text || "" } : x))}>
              <option value="">Not on the canvas</option>
              {metrics.filter((m) => m.id !== definition.itemId).map((m) => <option key={m.id} value={m.id}>{m.text || "(empty)"}</option>)}
            </select>
            <input className="promote__input-name" aria-label={`Input ${index + 1} name`} data-testid="ns-input-name" value={input.name} placeholder="Input metric"
              onChange={(e) => setInputs((all) => all.map((x, i) => i === index ? { ...x, name: e.target.value } : x))} />
            <input className="promote__input-owner" aria-label={`Input ${index + 1} owner`} data-testid="ns-input-owner" list="ns-owners" value={input.owner} placeholder="Owner"
              onChange={(e) => setInputs((all) => all.map((x, i) => i === index ? { ...x, owner: e.target.value } : x))} />
            <button type="button" className="button button--ghost button--small promote__input-remove" aria-label={`Remove input ${index + 1}`}
              onClick={() => setInputs((all) => all.filter((_, i) => i !== index))}>×</button>
          </div>
        ))}
        <datalist id="ns-owners">{owners.map((o) => <option key={o} value={o} />)}</datalist>
        {inputs.length < 5 && (
          <button type="button" className="button button--small" data-testid="ns-add-input"
            onClick={() => setInputs((all) => [...all, { itemId: null, name: "", owner: "" }])}>+ Input metric</button>
        )}
      </div>
      {error && <p className="form__error" role="alert" data-testid="form-error">{error.message}</p>}
      <div className="promote__buttons">
        {data.northStar && <button type="button" className="button button--ghost" onClick={onDone}>Cancel</button>}
        <button type="submit" className="button button--primary" data-testid="ns-save">Make it our North Star</button>
      </div>
    </form>
  );
}
