import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WorkshopData } from "../../bindings";
import { recordCommands, stakeholder, workshopData, WorkshopHarness } from "../../test/workshopFixture";
import { StakeholdersStep } from "./StakeholdersStep";

function renderPage(data: WorkshopData) {
  render(
    <WorkshopHarness data={data}>
      <StakeholdersStep />
    </WorkshopHarness>,
  );
  // jsdom lays nothing out: give the grid a 500px square at the origin.
  const grid = screen.getByTestId("power-grid");
  grid.getBoundingClientRect = () => ({ left: 0, top: 0, right: 500, bottom: 500, width: 500, height: 500, x: 0, y: 0, toJSON: () => ({}) });
  return grid;
}

const updates = (calls: { cmd: string; args: Record<string, unknown> }[]) => calls.filter((c) => c.cmd === "update_stakeholder");

describe("the power/interest grid", () => {
  it("places each person by interest (left to right) and influence (bottom to top)", () => {
    recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana", { influence: 5, interest: 1 }), stakeholder("s2", "Ben", { influence: 1, interest: 5 })] }));
    const [ana, ben] = screen.getAllByTestId("grid-person");
    expect(ana).toHaveAttribute("data-name", "Ana");
    expect(ana.style.left).toBe("10%");
    expect(ana.style.top).toBe("10%");
    expect(ben.style.left).toBe("90%");
    expect(ben.style.top).toBe("90%");
    expect(ana).toHaveAccessibleName(/influence 5, interest 1, Keep satisfied/);
  });

  it("saves new scores once, on drop, not while dragging", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana")] }));
    const dot = screen.getByTestId("grid-person");
    // Ana (3, 3) is drawn at the centre; drag her up and to the right.
    fireEvent.pointerDown(dot, { pointerId: 1, button: 0, clientX: 250, clientY: 250 });
    fireEvent.pointerMove(dot, { pointerId: 1, clientX: 300, clientY: 200 });
    fireEvent.pointerMove(dot, { pointerId: 1, clientX: 400, clientY: 100 });
    expect(updates(calls)).toHaveLength(0);
    fireEvent.pointerUp(dot, { pointerId: 1, clientX: 460, clientY: 140 });
    await waitFor(() => expect(updates(calls)).toHaveLength(1));
    expect(updates(calls)[0].args).toMatchObject({ id: "s1", input: { name: "Ana", influence: 4, interest: 5 } });
  });

  it("clamps a drop outside the grid to the nearest edge", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana")] }));
    const dot = screen.getByTestId("grid-person");
    fireEvent.pointerDown(dot, { pointerId: 1, button: 0, clientX: 250, clientY: 250 });
    fireEvent.pointerUp(dot, { pointerId: 1, clientX: -300, clientY: 900 });
    await waitFor(() => expect(updates(calls)).toHaveLength(1));
    expect(updates(calls)[0].args).toMatchObject({ input: { influence: 1, interest: 1 } });
  });

  it("saves nothing when a person is clicked without being moved to another band", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana")] }));
    const dot = screen.getByTestId("grid-person");
    fireEvent.pointerDown(dot, { pointerId: 1, button: 0, clientX: 250, clientY: 250 });
    fireEvent.pointerUp(dot, { pointerId: 1, clientX: 262, clientY: 245 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(updates(calls)).toHaveLength(0);
  });

  it("moves a focused person with the arrow keys, one score at a time, within 1 to 5", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana", { influence: 4, interest: 2 })] }));
    screen.getByTestId("grid-person").focus();
    await userEvent.keyboard("{ArrowRight}");
    await waitFor(() => expect(updates(calls)).toHaveLength(1));
    expect(updates(calls)[0].args).toMatchObject({ input: { influence: 4, interest: 3 } });
    await userEvent.keyboard("{ArrowUp}");
    await waitFor(() => expect(updates(calls)).toHaveLength(2));
    expect(updates(calls)[1].args).toMatchObject({ input: { influence: 5, interest: 3 } });
    await userEvent.keyboard("{ArrowUp}");
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => expect(updates(calls)).toHaveLength(3));
    expect(updates(calls)[2].args).toMatchObject({ input: { influence: 4, interest: 3 } });
    expect(screen.getByTestId("grid-person")).toHaveFocus();
  });

  it("counts the people in each quadrant", () => {
    recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana"), stakeholder("s2", "Ben", { influence: 1, interest: 1 })] }));
    const grid = screen.getByTestId("power-grid");
    expect(grid).toHaveTextContent("Manage closely · 1");
    expect(grid).toHaveTextContent("Monitor · 1");
  });
});
