// The three ways of marking a ballot: dots with +/−, a ranking moved with up/down, points typed in.
import { useEffect, useRef, useState } from "react";
import { plural } from "./voteModel";
import { useVoteWords } from "./voteWords";

interface DotProps {
  options: string[];
  statementOf: (id: string) => string;
  budget: number;
  max: number;
  dots: Record<string, number>;
  onChange: (dots: Record<string, number>) => void;
}

export function DotOptions({ options, statementOf, budget, max, dots, onChange }: DotProps) {
  const words = useVoteWords();
  const [hint, setHint] = useState<{ id: string; text: string } | null>(null);
  const used = options.reduce((sum, id) => sum + (dots[id] ?? 0), 0);
  const left = budget - used;

  const add = (id: string) => {
    const count = dots[id] ?? 0;
    if (count >= max) {
      setHint({ id, text: `At most ${plural(max, "dot", "dots")} on one ${words.one}.` });
      return;
    }
    if (left <= 0) {
      setHint({ id, text: `No dots left: take one back from another ${words.one} first.` });
      return;
    }
    setHint(null);
    onChange({ ...dots, [id]: count + 1 });
  };
  const remove = (id: string) => {
    setHint(null);
    const count = dots[id] ?? 0;
    if (count > 0) onChange({ ...dots, [id]: count - 1 });
  };

  return (
    <>
      <p className="ballot__budget" aria-live="polite">
        <span className="dot-row" aria-hidden="true">
          {Array.from({ length: budget }, (_, i) => <span key={i} className={`big-dot${i < left ? " big-dot--filled" : ""}`} />)}
        </span>
        <span data-testid="dots-left">{plural(left, "dot", "dots")} left</span>
      </p>
      <ul className="ballot__options">
        {options.map((id) => {
          const statement = statementOf(id);
          const count = dots[id] ?? 0;
          return (
            <li key={id} className={`ballot-option${count > 0 ? " ballot-option--marked" : ""}`} data-testid="ballot-option" data-statement={statement}>
              <span className="ballot-option__statement">{statement}</span>
              <span className="ballot-option__controls">
                <button type="button" className="ballot-step" data-testid="dot-remove" aria-label={`Take a dot from “${statement}”`}
                  disabled={count === 0} onClick={() => remove(id)}>−</button>
                <span className="dot-row" aria-hidden="true">
                  {Array.from({ length: max }, (_, i) => <span key={i} className={`big-dot${i < count ? " big-dot--filled" : ""}`} />)}
                </span>
                <span className="ballot-option__count" data-testid="dot-count" aria-label={`${plural(count, "dot", "dots")} on “${statement}”`}>{count}</span>
                <button type="button" className={`ballot-step${count >= max || left <= 0 ? " ballot-step--spent" : ""}`} data-testid="dot-add"
                  aria-label={`Add a dot to “${statement}”`} onClick={() => add(id)}>+</button>
              </span>
              {hint?.id === id && <span className="ballot-option__hint" role="status">{hint.text}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

interface RankingProps {
  order: string[];
  statementOf: (id: string) => string;
  onChange: (order: string[]) => void;
}

export function RankingOptions({ order, statementOf, onChange }: RankingProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [moved, setMoved] = useState<{ id: string; direction: "up" | "down"; text: string } | null>(null);

  // Keep the keyboard on the need just moved; at the top or bottom, on the button still usable.
  useEffect(() => {
    if (!moved) return;
    const index = order.indexOf(moved.id);
    const atEdge = moved.direction === "up" ? index === 0 : index === order.length - 1;
    const direction = atEdge ? (moved.direction === "up" ? "down" : "up") : moved.direction;
    buttons.current.get(`${moved.id}:${direction}`)?.focus();
  }, [moved, order]);

  const move = (id: string, direction: "up" | "down") => {
    const from = order.indexOf(id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, id);
    onChange(next);
    setMoved({ id, direction, text: `“${statementOf(id)}” is now number ${to + 1}.` });
  };
  const keep = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  return (
    <>
      <p className="vote-sr-only" aria-live="polite">{moved?.text}</p>
      <ol className="ballot__options ballot__ranking">
        {order.map((id, index) => {
          const statement = statementOf(id);
          return (
            <li key={id} className="ballot-option" data-testid="ballot-option" data-statement={statement} data-position={index + 1}>
              <span className="ballot-option__rank" aria-hidden="true">{index + 1}</span>
              <span className="ballot-option__statement">{statement}</span>
              <span className="ballot-option__controls">
                <button type="button" ref={keep(`${id}:up`)} className="ballot-step" data-testid="rank-up" disabled={index === 0}
                  aria-label={`Move “${statement}” up`} onClick={() => move(id, "up")}>↑</button>
                <button type="button" ref={keep(`${id}:down`)} className="ballot-step" data-testid="rank-down" disabled={index === order.length - 1}
                  aria-label={`Move “${statement}” down`} onClick={() => move(id, "down")}>↓</button>
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

interface PointsProps {
  options: string[];
  statementOf: (id: string) => string;
  budget: number;
  points: Record<string, string>;
  onChange: (points: Record<string, string>) => void;
}

export function PointsOptions({ options, statementOf, budget, points, onChange }: PointsProps) {
  const total = options.reduce((sum, id) => sum + (Number(points[id]) || 0), 0);
  const left = budget - total;
  const state = left === 0 ? "done" : left > 0 ? "short" : "over";
  return (
    <>
      <p className={`ballot__budget ballot__sum ballot__sum--${state}`} data-testid="points-sum" aria-live="polite">
        {total} of {budget} points
        {state === "short" && ` · ${left} left to give`}
        {state === "over" && ` · ${-left} too many`}
        {state === "done" && " · all given"}
      </p>
      <ul className="ballot__options">
        {options.map((id) => {
          const statement = statementOf(id);
          return (
            <li key={id} className="ballot-option" data-testid="ballot-option" data-statement={statement}>
              <label className="ballot-option__points">
                <span className="ballot-option__statement">{statement}</span>
                <input type="number" min={0} max={budget} step={1} inputMode="numeric" className="ballot-points-input"
                  data-testid="points-input" placeholder="0" value={points[id] ?? ""}
                  onChange={(e) => onChange({ ...points, [id]: e.target.value })} />
              </label>
            </li>
          );
        })}
      </ul>
    </>
  );
}
