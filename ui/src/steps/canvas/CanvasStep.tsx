// Step 5: the North Star canvas. The focus need is pinned on top as the question the room
// answers; the board holds the candidates; the side panel edits the selection, lists every
// item, runs the vote, promotes the North Star and records the actions.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { call } from "../../api";
import { commands, type CanvasItem as Item, type CanvasLink as Link, type CanvasOp } from "../../bindings";
import { useWorkshop } from "../../workshop/WorkshopContext";
import { Ballot } from "../vote/Ballot";
import { CANDIDATE_WORDS, VoteWordsContext } from "../vote/voteWords";
import { ActionsPanel } from "./ActionsPanel";
import { Board } from "./Board";
import { balanceSentence, rolesOf } from "./canvasModel";
import { CanvasVote } from "./CanvasVote";
import { ExportPicture } from "./ExportPicture";
import { ItemList } from "./ItemList";
import { ItemPanel } from "./ItemPanel";
import { NorthStarPanel } from "./NorthStarPanel";
import "./canvas.css";

type Tab = "selection" | "list" | "vote" | "northStar" | "actions";
const TABS: { id: Tab; label: string }[] = [
  { id: "selection", label: "Selected" },
  { id: "list", label: "All items" },
  { id: "vote", label: "Vote" },
  { id: "northStar", label: "North Star" },
  { id: "actions", label: "Actions" },
];

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

export function CanvasStep() {
  const { data, act } = useWorkshop();
  const items = data.canvas.items as Item[];
  const links = data.canvas.links as Link[];
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [tab, setTab] = useState<Tab>("selection");
  const [ballot, setBallot] = useState<{ voteId: string; voterId: string; proxy: boolean } | null>(null);
  const view = useRef<{ x: number; y: number; width: number; height: number } | null>(null);
  const workshopId = data.workshop.id;

  const onSelect = useCallback((ids: Set<string>) => setSelected((current) => (sameSet(current, ids) ? current : ids)), []);
  const knownIds = useRef(new Set<string>());
  useEffect(() => {
    knownIds.current = new Set([...items.map((i) => i.id), ...links.map((l) => l.id)]);
  }, [items, links]);
  const run = useCallback(async (ops: CanvasOp[]) => {
    const change = await act(() => call(commands.applyCanvasOps(workshopId, ops)));
    if (!change) return [];
    return change.upserts.map((i) => i.id).filter((id) => !knownIds.current.has(id));
  }, [act, workshopId]);

  const names = useMemo(() => new Map(data.stakeholders.map((s) => [s.id, s.details.name])), [data.stakeholders]);
  const authorName = useCallback((id: string | null) => (id ? names.get(id) ?? null : null), [names]);
  const roles = useMemo(
    () => rolesOf(data.northStar?.definition.itemId ?? null, data.northStar?.inputs.map((i) => i.itemId ?? null) ?? []),
    [data.northStar],
  );
  const focusNeed = data.needs.find((n) => n.id === data.focus?.needId);
  const statementOf = useCallback((id: string) => items.find((i) => i.id === id)?.text || "(removed from the canvas)", [items]);
  const single = selected.size === 1 ? items.find((i) => selected.has(i.id)) : undefined;
  const onViewChange = useCallback((v: { x: number; y: number; width: number; height: number }) => { view.current = v; }, []);

  const voter = ballot && data.stakeholders.find((s) => s.id === ballot.voterId);
  const ballotVote = ballot && data.votes.find((v) => v.id === ballot.voteId && v.status === "open");
  if (ballot && voter && ballotVote) {
    return (
      <VoteWordsContext.Provider value={CANDIDATE_WORDS}>
        <Ballot key={`${ballot.voteId}:${ballot.voterId}`} vote={ballotVote} voter={voter} proxy={ballot.proxy}
          statementOf={statementOf} onDone={() => setBallot(null)} onCancel={() => setBallot(null)} />
      </VoteWordsContext.Provider>
    );
  }

  return (
    <VoteWordsContext.Provider value={CANDIDATE_WORDS}>
      <div className="canvas-step">
        <header className="canvas-step__question" data-testid="canvas-question">
          <span className="eyebrow">The question the room answers</span>
          <p className="canvas-step__need">
            {focusNeed ? `Which one number best shows that we deliver: “${focusNeed.details.statement}”?` : "The vote of step 4 has not chosen a focus need yet."}
          </p>
          <p className="muted small" data-testid="canvas-balance">{balanceSentence(data.balance)}</p>
        </header>
        {data.northStar && (
          <div className="canvas-step__anchor" data-testid="north-star-anchor">
            ★ North Star: <strong>{data.northStar.definition.name}</strong> — target {data.northStar.definition.target} {data.northStar.definition.timeFrame}
          </div>
        )}
        <div className="canvas-step__body">
          <ReactFlowProvider>
            <Board items={items} links={links} roles={roles} authorName={authorName} selected={selected} onSelect={onSelect} run={run}
              onViewChange={onViewChange} />
          </ReactFlowProvider>
          <aside className="canvas-side" aria-label="Canvas panels">
            <div className="tabs" role="tablist">
              {TABS.map((t) => (
                <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`canvas-tab-${t.id}`}
                  className={`tabs__tab${tab === t.id ? " tabs__tab--on" : ""}`} onClick={() => setTab(t.id)}>{t.label}</button>
              ))}
            </div>
            <div className="canvas-side__body" role="tabpanel">
              {tab === "selection" && (single ? <ItemPanel key={single.id} item={single} data={data} run={run} /> : (
                <p className="muted">
                  {selected.size > 1 ? `${selected.size} items selected: move, group, link, duplicate or delete them together.` : "Select a sticky to edit it. Double-click the board or press N to add one."}
                </p>
              ))}
              {tab === "list" && <ItemList items={items} links={links} roles={roles} authorName={authorName} selected={selected} onSelect={onSelect} run={run} />}
              {tab === "vote" && <CanvasVote items={items} statementOf={statementOf} onStartBallot={(voteId, voterId, proxy) => setBallot({ voteId, voterId, proxy })} />}
              {tab === "northStar" && <NorthStarPanel items={items} data={data} />}
              {tab === "actions" && <ActionsPanel data={data} />}
            </div>
            <ExportPicture workshopId={workshopId} view={view} />
          </aside>
        </div>
      </div>
    </VoteWordsContext.Provider>
  );
}
