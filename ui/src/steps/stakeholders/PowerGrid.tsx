// The power/interest grid: interest runs left to right, influence bottom to top, each cut
// in five bands; a score of 3 or more is "high" (as in lodestar-core), so the quadrant lines
// sit between bands 2 and 3. People are dragged (saved once, on drop) or moved with arrows.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { call } from "../../api";
import { commands, type GridQuadrant, type Stakeholder } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { bandCentre, clampScore, colourOf, inputOf, quadrantOf, QUADRANTS, scoreAt } from "./model";

interface Scores {
  influence: number;
  interest: number;
}

interface Drag {
  id: string;
  pointerId: number;
  startX: number;
  startY: number;
  /** Where the dot's centre started, and is now, as fractions of the grid (y from the bottom). */
  fromX: number;
  fromY: number;
  x: number;
  y: number;
}

/** A score just sent, shown until the reloaded record (a new `details` object) arrives. */
interface Pending extends Scores {
  details: object;
}

const KEY_MOVES: Record<string, Partial<Scores>> = {
  ArrowRight: { interest: 1 },
  ArrowLeft: { interest: -1 },
  ArrowUp: { influence: 1 },
  ArrowDown: { influence: -1 },
};

/** A fraction of the grid as a CSS percentage, kept inside the grid. */
function percent(fraction: number): string {
  return `${Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10}%`;
}

const AREAS: GridQuadrant[] = ["keep_satisfied", "manage_closely", "monitor", "keep_informed"];

export function PowerGrid({ people }: { people: Stakeholder[] }) {
  const { data, act } = useWorkshop();
  const area = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [pending, setPending] = useState<Record<string, Pending>>({});

  const scoresOf = (person: Stakeholder): Scores => {
    const sent = pending[person.id];
    if (sent && sent.details === person.details) return sent;
    return { influence: person.details.influence, interest: person.details.interest };
  };

  const save = (person: Stakeholder, scores: Scores) => {
    const now = scoresOf(person);
    if (scores.influence === now.influence && scores.interest === now.interest) return;
    setPending((all) => ({ ...all, [person.id]: { ...scores, details: person.details } }));
    void act(() => call(commands.updateStakeholder(data.workshop.id, person.id, { ...inputOf(person), ...scores })));
  };

  const fractionMoved = (event: PointerEvent, current: Drag) => {
    const box = area.current?.getBoundingClientRect();
    if (!box || box.width === 0 || box.height === 0) return { x: current.fromX, y: current.fromY };
    return {
      x: current.fromX + (event.clientX - current.startX) / box.width,
      y: current.fromY - (event.clientY - current.startY) / box.height,
    };
  };

  const onPointerDown = (person: Stakeholder, event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    const target = event.currentTarget;
    if (typeof target.setPointerCapture === "function") target.setPointerCapture(event.pointerId);
    const scores = scoresOf(person);
    const fromX = bandCentre(scores.interest);
    const fromY = bandCentre(scores.influence);
    setDrag({ id: person.id, pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, fromX, fromY, x: fromX, y: fromY });
  };

  const onPointerMove = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag({ ...drag, ...fractionMoved(event, drag) });
  };

  const onPointerUp = (person: Stakeholder, event: PointerEvent) => {
    if (!drag || drag.id !== person.id || event.pointerId !== drag.pointerId) return;
    const at = fractionMoved(event, drag);
    setDrag(null);
    save(person, { influence: scoreAt(at.y), interest: scoreAt(at.x) });
  };

  const onKeyDown = (person: Stakeholder, event: KeyboardEvent) => {
    const move = KEY_MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const now = scoresOf(person);
    save(person, { influence: clampScore(now.influence + (move.influence ?? 0)), interest: clampScore(now.interest + (move.interest ?? 0)) });
  };

  // Where each dot sits; people sharing a band are fanned out around its centre.
  const placed = people.map((person) => ({ person, scores: scoresOf(person) }));
  const crowd = new Map<string, string[]>();
  for (const { person, scores } of placed) {
    const key = `${scores.influence}:${scores.interest}`;
    crowd.set(key, [...(crowd.get(key) ?? []), person.id]);
  }
  const counts = Object.fromEntries(AREAS.map((q) => [q, placed.filter((p) => quadrantOf(p.scores.influence, p.scores.interest) === q).length]));

  return (
    <figure className="power-grid" aria-labelledby="power-grid-caption">
      <figcaption id="power-grid-caption" className="power-grid__caption">
        Power / interest grid
      </figcaption>
      <div className="power-grid__frame">
        <span className="power-grid__axis power-grid__axis--y">Influence →</span>
        <div ref={area} className="power-grid__area" data-testid="power-grid">
          {AREAS.map((q) => (
            <div key={q} className={`power-grid__quadrant power-grid__quadrant--${q}`}>
              <span className="power-grid__label">
                {QUADRANTS[q].label}
                {counts[q] > 0 && <span className="power-grid__count"> · {counts[q]}</span>}
              </span>
              <span className="power-grid__advice">{QUADRANTS[q].advice}</span>
            </div>
          ))}
          {placed.map(({ person, scores }) => {
            const details = inputOf(person);
            const dragging = drag?.id === person.id ? drag : null;
            const group = crowd.get(`${scores.influence}:${scores.interest}`) ?? [];
            const spread = dragging || group.length < 2 ? 0 : 1;
            const angle = (2 * Math.PI * group.indexOf(person.id)) / Math.max(group.length, 1) - Math.PI / 2;
            const x = dragging ? dragging.x : bandCentre(scores.interest);
            const y = dragging ? dragging.y : bandCentre(scores.influence);
            const preview = dragging && { influence: scoreAt(dragging.y), interest: scoreAt(dragging.x) };
            const quadrant = QUADRANTS[quadrantOf(scores.influence, scores.interest)].label;
            return (
              <button
                key={person.id}
                type="button"
                className={`grid-dot${details.present ? "" : " grid-dot--absent"}${dragging ? " grid-dot--dragging" : ""}`}
                data-testid="grid-person"
                data-name={details.name}
                data-influence={scores.influence}
                data-interest={scores.interest}
                aria-label={`${details.name}: influence ${scores.influence}, interest ${scores.interest}, ${quadrant}. Arrow keys move.`}
                title={details.name}
                style={{
                  left: percent(x),
                  top: percent(1 - y),
                  background: colourOf(details.name, details.colour),
                  ["--dx" as string]: `${spread * Math.cos(angle) * 1.1}rem`,
                  ["--dy" as string]: `${spread * Math.sin(angle) * 1.1}rem`,
                }}
                onPointerDown={(e) => onPointerDown(person, e)}
                onPointerMove={onPointerMove}
                onPointerUp={(e) => onPointerUp(person, e)}
                onPointerCancel={() => setDrag(null)}
                onKeyDown={(e) => onKeyDown(person, e)}
              >
                {person.initials || "?"}
                {preview && (
                  <span className="grid-dot__preview" aria-hidden="true">
                    Influence {preview.influence} · Interest {preview.interest}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        <span className="power-grid__axis power-grid__axis--x">Interest →</span>
      </div>
      <p className="muted small power-grid__help">Drag a person, or select one and use the arrow keys.</p>
    </figure>
  );
}
