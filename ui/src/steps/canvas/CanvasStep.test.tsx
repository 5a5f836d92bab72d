import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll } from "vitest";
import type { CanvasItem as Item, WorkshopData } from "../../bindings";
import candidateFixture from "../../test/fixtures/metric-candidates.json";
import { category, need, recordCommands, stakeholder, workshopData, WorkshopHarness } from "../../test/workshopFixture";
import { refused } from "../../test/refusals";
import { CanvasStep } from "./CanvasStep";

beforeAll(() => {
  // React Flow measures its container; jsdom has no layout, so give it the observers it needs.
  class Observer {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  globalThis.ResizeObserver = Observer as unknown as typeof ResizeObserver;
  class Matrix {
    m22 = 1;
  }
  (globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly = Matrix;
  // Links are drawn as soon as their ends are known (no measuring needed); their labels ask SVG for a size.
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () => ({ x: 0, y: 0, width: 40, height: 14 }) as DOMRect;
});

function sticky(id: string, text: string, overrides: Partial<Item> = {}): Item {
  return {
    id, kind: "sticky", text, colour: "yellow", authorId: null, x: 0, y: 0, width: 180, height: 120, parentFrame: null, z: "a" + id,
    tags: { outcomeOrOutput: null, leadingOrLagging: null }, linkedCategory: null, linkedNeed: null, checklist: { met: [] }, ...overrides,
  };
}

function board(overrides: Partial<WorkshopData> = {}): WorkshopData {
  const base = workshopData({
    stakeholders: [stakeholder("p1", "Ana Lima"), stakeholder("p2", "Ben Okafor")],
    categories: [category("c1", "Families")],
    needs: [need("n1", "c1", "Weekly shop delivered in a one-hour slot")],
    focus: { voteId: "v0", needId: "n1", resolvedBy: "vote", changedNeeds: [], stale: false },
    canvas: {
      items: [
        sticky("s1", "Orders delivered on time", { checklist: { met: ["customer_value", "measurable", "actionable"] }, authorId: "p1" }),
        sticky("s2", "Repeat orders per family", { x: 300 }),
        sticky("s3", "Deliveries per van", { x: 600, kind: "kpi", colour: "grey", tags: { outcomeOrOutput: "output", leadingOrLagging: "lagging" } }),
      ],
      links: [{ id: "l1", from: "s2", to: "s1", label: "drives" }],
    },
    balance: { outcome: 0, output: 1, untagged: 2, kpis: 1, kpiOutputs: 1 },
    metricCandidates: ["s1", "s2", "s3"],
  });
  return { ...base, workshop: { ...base.workshop, currentStep: "canvas" }, ...overrides };
}

function renderCanvas(data: WorkshopData) {
  return render(<WorkshopHarness data={data}><CanvasStep /></WorkshopHarness>);
}

function opsOf(calls: { cmd: string; args: Record<string, unknown> }[]) {
  return calls.filter((c) => c.cmd === "apply_canvas_ops").map((c) => c.args.ops);
}

describe("the North Star canvas", () => {
  it("pins the focus need as the question and shows every sticky with its score", () => {
    recordCommands();
    renderCanvas(board());
    expect(screen.getByTestId("canvas-question")).toHaveTextContent("Weekly shop delivered in a one-hour slot");
    const texts = screen.getAllByTestId("canvas-item").map((n) => n.dataset.text);
    expect(texts).toEqual(["Orders delivered on time", "Repeat orders per family", "Deliveries per van"]);
    const first = screen.getAllByTestId("canvas-item")[0];
    expect(within(first).getByTestId("item-score")).toHaveTextContent("3/7");
    expect(within(first).getByText("Ana Lima")).toBeInTheDocument();
    expect(screen.getByTestId("canvas-balance")).toHaveTextContent("1 of 1 current KPIs measure outputs (100%)");
  });

  it("renders typed text, never as markup", () => {
    recordCommands();
    renderCanvas(board({ canvas: { items: [sticky("s1", "<img src=x onerror=alert(1)>")], links: [] } }));
    expect(screen.getByTestId("canvas-item")).toHaveTextContent("<img src=x onerror=alert(1)>");
    expect(document.querySelector("img")).toBeNull();
  });

  it("adds a sticky from the toolbar as one canvas action", async () => {
    const calls = recordCommands(() => ({ upserts: [], deletes: [], linkUpserts: [], linkDeletes: [] }));
    renderCanvas(board());
    await userEvent.click(screen.getByTestId("add-sticky"));
    await waitFor(() => expect(opsOf(calls)).toHaveLength(1));
    const [[op]] = opsOf(calls) as { kind: string; item: { kind: string; width: number } }[][];
    expect(op.kind).toBe("create");
    expect(op.item).toMatchObject({ kind: "sticky", width: 180 });
  });

  it("selects a sticky clicked on the board and shows it in the panel, and shift-click adds a second", async () => {
    recordCommands();
    renderCanvas(board());
    const [first, second] = screen.getAllByTestId("canvas-item");
    // Plain click events: a pointer press would start d3-drag, which needs a real window.
    fireEvent.click(first);
    await waitFor(() => expect(screen.getByTestId("item-text-input")).toHaveValue("Orders delivered on time"));
    fireEvent.keyDown(document, { key: "Shift", code: "ShiftLeft" });
    fireEvent.click(second, { shiftKey: true });
    fireEvent.keyUp(document, { key: "Shift", code: "ShiftLeft" });
    await waitFor(() => expect(screen.getByText(/2 items selected/)).toBeInTheDocument());
  });

  it("zoomed far out, a click and a drag on the picture select and move a card, and React Flow's pane stays out of it", async () => {
    const calls = recordCommands(() => ({ upserts: [], deletes: [], linkUpserts: [], linkDeletes: [] }));
    renderCanvas(board());
    const boardElement = screen.getByTestId("canvas-board");
    for (let i = 0; i < 8 && !screen.queryByTestId("canvas-overview"); i++) fireEvent.keyDown(boardElement, { key: "-" });
    await screen.findByTestId("canvas-overview");
    expect(screen.queryAllByTestId("canvas-item")).toHaveLength(0);
    expect(screen.getByRole("img", { name: /zoomed out as a picture: 3 cards in 0 frames/ })).toBeInTheDocument();
    // Where s2 (300, 0, 180×120) is on screen: jsdom puts the board at the window's corner.
    const [tx, ty, zoom] = (/translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(
      (document.querySelector(".react-flow__viewport") as HTMLElement).style.transform,
    ) ?? []).slice(1).map(Number);
    const at = { clientX: tx + 390 * zoom, clientY: ty + 60 * zoom };
    const pane = document.querySelector(".react-flow__pane") as HTMLElement;
    // A click, as the window sends it: press, release, click, all on the pane under the pointer.
    fireEvent.pointerDown(pane, { button: 0, isPrimary: true, pointerId: 1, ...at });
    fireEvent.mouseDown(pane, { button: 0, ...at });
    fireEvent.pointerUp(pane, { button: 0, pointerId: 1, ...at });
    fireEvent.mouseUp(pane, { button: 0, ...at });
    fireEvent.click(pane, { button: 0, ...at });
    await waitFor(() => expect(screen.getByTestId("item-text-input")).toHaveValue("Repeat orders per family"));
    // A drag of the selected card: the moves reach the pane too (React Flow captures the pointer there).
    fireEvent.pointerDown(pane, { button: 0, isPrimary: true, pointerId: 1, ...at });
    for (const dx of [10, 40, 80]) fireEvent.pointerMove(pane, { pointerId: 1, clientX: at.clientX + dx, clientY: at.clientY });
    fireEvent.pointerUp(pane, { button: 0, pointerId: 1, clientX: at.clientX + 80, clientY: at.clientY });
    fireEvent.click(pane, { button: 0, clientX: at.clientX + 80, clientY: at.clientY });
    await waitFor(() => expect(opsOf(calls)).toHaveLength(1));
    const [move] = opsOf(calls)[0] as { kind: string; ids: string[]; dx: number }[];
    expect(move).toMatchObject({ kind: "move", ids: ["s2"] });
    expect(move.dx).toBeCloseTo(Math.round(80 / zoom / 20) * 20, 0);
    // Still selected: React Flow's own selection box never started and cleared it.
    expect(screen.getByTestId("item-text-input")).toHaveValue("Repeat orders per family");
  });

  it("keeps words typed on a card whose editor goes away without being left (zoomed out, scrolled away)", async () => {
    const calls = recordCommands(() => ({ upserts: [], deletes: [], linkUpserts: [], linkDeletes: [] }));
    const view = renderCanvas(board());
    fireEvent.doubleClick(within(screen.getAllByTestId("canvas-item")[1]).getByTestId("item-text"));
    const editor = screen.getByTestId("item-editor");
    fireEvent.change(editor, { target: { value: "Repeat orders per family a month" } });
    expect(opsOf(calls)).toHaveLength(0);
    view.unmount();
    await waitFor(() => expect(opsOf(calls)).toHaveLength(1));
    expect(opsOf(calls)[0]).toEqual([expect.objectContaining({ kind: "edit", id: "s2", content: expect.objectContaining({ text: "Repeat orders per family a month" }) })]);
  });

  it("saves a sticky's text from the panel on Enter, and Shift+Enter breaks the line instead", async () => {
    const calls = recordCommands(() => ({ upserts: [], deletes: [], linkUpserts: [], linkDeletes: [] }));
    renderCanvas(board());
    await userEvent.click(screen.getByTestId("canvas-tab-list"));
    await userEvent.click(within(screen.getAllByTestId("item-row")[1]).getByText("Repeat orders per family"));
    await userEvent.click(screen.getByTestId("canvas-tab-selection"));
    const input = screen.getByTestId("item-text-input");
    await userEvent.clear(input);
    await userEvent.type(input, "Repeat orders{Shift>}{Enter}{/Shift}per family a month");
    expect(opsOf(calls)).toHaveLength(0);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(opsOf(calls)).toHaveLength(1));
    expect(opsOf(calls)[0]).toEqual([
      expect.objectContaining({ kind: "edit", id: "s2", content: expect.objectContaining({ text: "Repeat orders\nper family a month" }) }),
    ]);
  });

  it("edits a sticky's checklist from the panel after selecting it in the list view", async () => {
    const calls = recordCommands(() => ({ upserts: [], deletes: [], linkUpserts: [], linkDeletes: [] }));
    renderCanvas(board());
    await userEvent.click(screen.getByTestId("canvas-tab-list"));
    const rows = screen.getAllByTestId("item-row");
    expect(rows.map((r) => r.dataset.text)).toEqual(["Orders delivered on time", "Repeat orders per family", "Deliveries per van"]);
    expect(screen.getByTestId("link-row")).toHaveTextContent("Repeat orders per family → Orders delivered on time (drives)");
    await userEvent.click(within(rows[1]).getByText("Repeat orders per family"));
    await userEvent.click(screen.getByTestId("canvas-tab-selection"));
    await userEvent.click(screen.getByTestId("criterion-not_vanity"));
    await waitFor(() => expect(opsOf(calls)).toHaveLength(1));
    expect(opsOf(calls)[0]).toEqual([
      expect.objectContaining({ kind: "edit", id: "s2", content: expect.objectContaining({ checklist: { met: ["not_vanity"] } }) }),
    ]);
  });

  it("selects everything with Ctrl+A and groups it in a frame with Ctrl+G", async () => {
    const calls = recordCommands(() => ({ upserts: [], deletes: [], linkUpserts: [], linkDeletes: [] }));
    renderCanvas(board());
    screen.getByTestId("canvas-board").focus();
    await userEvent.keyboard("{Control>}a{/Control}");
    await userEvent.keyboard("{Control>}g{/Control}");
    await waitFor(() => expect(opsOf(calls)).toHaveLength(1));
    expect(opsOf(calls)[0]).toEqual([{ kind: "group", ids: ["s1", "s2", "s3"], title: "Cluster" }]);
  });

  it("opens a dot vote on the candidates, reusing the vote engine", async () => {
    const calls = recordCommands();
    renderCanvas(board());
    await userEvent.click(screen.getByTestId("canvas-tab-vote"));
    await userEvent.click(screen.getByTestId("start-metric-vote"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "create_vote")).toBe(true));
    const vote = calls.find((c) => c.cmd === "create_vote");
    expect(vote?.args.subject).toBe("north_star");
    expect(vote?.args.options).toEqual(["s1", "s2", "s3"]);
  });

  it("promotes the vote's winner to the North Star with a definition and inputs with owners", async () => {
    const calls = recordCommands();
    renderCanvas(board({ metricChoice: { voteId: "v9", itemId: "s1", resolvedBy: "vote" } }));
    await userEvent.click(screen.getByTestId("canvas-tab-northStar"));
    expect(screen.getByTestId("ns-itemId")).toHaveValue("s1");
    expect(screen.getByTestId("ns-name")).toHaveValue("Orders delivered on time");
    await userEvent.type(screen.getByTestId("ns-counted"), "Orders delivered inside the booked hour");
    await userEvent.type(screen.getByTestId("ns-unit"), "%");
    await userEvent.type(screen.getByTestId("ns-target"), "95%");
    await userEvent.type(screen.getByTestId("ns-timeFrame"), "by 2027-06-30");
    // The sticky linked to the winner is offered as its first input.
    expect(screen.getAllByTestId("ns-input-name")[0]).toHaveValue("Repeat orders per family");
    await userEvent.type(screen.getAllByTestId("ns-input-owner")[0], "Marketing");
    await userEvent.click(screen.getByTestId("ns-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "set_north_star")).toBe(true));
    const sent = calls.find((c) => c.cmd === "set_north_star")?.args;
    expect(sent?.definition).toMatchObject({ itemId: "s1", unit: "%", target: "95%", timeFrame: "by 2027-06-30" });
    expect(sent?.inputs).toEqual([{ itemId: "s2", name: "Repeat orders per family", owner: "Marketing" }]);
  });

  it("marks the North Star field a refusal names and says what is missing there", async () => {
    recordCommands((cmd) => {
      if (cmd === "set_north_star") throw refused("empty", "target", "is empty: say what number counts as success");
      return null;
    });
    renderCanvas(board({ metricChoice: { voteId: "v9", itemId: "s1", resolvedBy: "vote" } }));
    await userEvent.click(screen.getByTestId("canvas-tab-northStar"));
    await userEvent.click(screen.getByTestId("ns-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Target is empty: say what number counts as success.");
    expect(screen.getByTestId("ns-target")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("ns-name")).not.toHaveAttribute("aria-invalid");
  });

  it("shows the North Star statement, its input tree and marks its sticky as the anchor", async () => {
    recordCommands();
    const northStar = {
      definition: { itemId: "s1", name: "On-time orders", counted: "orders in the slot", unit: "%", currentValue: "78%", target: "95%", timeFrame: "by 2027-06-30" },
      inputs: [{ itemId: "s2", name: "Repeat orders per family", owner: "Marketing" }],
      warnings: ["Only 1 input metric: name the 3 to 5 metrics that drive the North Star"],
    };
    renderCanvas(board({ northStar }));
    expect(screen.getByTestId("north-star-anchor")).toHaveTextContent("On-time orders");
    const items = screen.getAllByTestId("canvas-item");
    expect(items[0].dataset.role).toBe("northStar");
    expect(items[1].dataset.role).toBe("input");
    await userEvent.click(screen.getByTestId("canvas-tab-northStar"));
    expect(screen.getByTestId("input-metric")).toHaveTextContent("owner: Marketing");
    expect(screen.getByTestId("north-star-warnings")).toHaveTextContent("Only 1 input metric");
  });

  it("records an action with its owner and date", async () => {
    const calls = recordCommands();
    renderCanvas(board());
    await userEvent.click(screen.getByTestId("canvas-tab-actions"));
    await userEvent.type(screen.getByTestId("action-what"), "Pull last year's on-time figures");
    await userEvent.type(screen.getByTestId("action-owner"), "Ana Lima");
    await userEvent.type(screen.getByTestId("action-due"), "2026-12-04");
    await userEvent.click(screen.getByTestId("add-action"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "add_action")).toBe(true));
    expect(calls.find((c) => c.cmd === "add_action")?.args.input).toEqual({
      what: "Pull last year's on-time figures", owner: "Ana Lima", due: "2026-12-04",
    });
  });
});

// The fixture is shared with lodestar-core's tests/metric_candidates.rs, which checks that the
// Rust rule (the one the store enforces) gives its `candidates`; here the ballot must offer
// exactly those. Either side changing alone makes one of the two tests fail.
describe("the metric vote's candidates", () => {
  const items = candidateFixture.items as unknown as Item[];

  async function ballotOf(metricCandidates: string[]) {
    const calls = recordCommands();
    renderCanvas(board({ canvas: { items, links: [] }, metricCandidates }));
    await userEvent.click(screen.getByTestId("canvas-tab-vote"));
    await userEvent.click(screen.getByTestId("start-metric-vote"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "create_vote")).toBe(true));
    return calls.find((c) => c.cmd === "create_vote")?.args.options as string[];
  }

  it("offers exactly the cards the core rule lists: stickies and KPIs with words, no frames, no blank cards", async () => {
    const options = await ballotOf(candidateFixture.candidates);
    expect([...options].sort()).toEqual([...candidateFixture.candidates].sort());
    expect(options[0]).toBe("sticky"); // the best checklist score comes first
  });

  it("adds no card of its own to what the backend lists", async () => {
    expect(await ballotOf(["kpi", "untagged"])).toEqual(["kpi", "untagged"]);
  });
});
