import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WorkshopData } from "../../bindings";
import { Toasts } from "../../common/status";
import { recordCommands, stakeholder, workshopData, WorkshopHarness } from "../../test/workshopFixture";
import { StakeholdersStep } from "./StakeholdersStep";
import { refused } from "../../test/refusals";

function renderPage(data: WorkshopData) {
  return render(
    <WorkshopHarness data={data}>
      <StakeholdersStep />
      <Toasts />
    </WorkshopHarness>,
  );
}

const callsTo = (calls: { cmd: string; args: Record<string, unknown> }[], cmd: string) => calls.filter((c) => c.cmd === cmd);

describe("the stakeholders page", () => {
  it("adds a person on Enter with middle scores, clears the line and keeps focus for the next name", async () => {
    const calls = recordCommands();
    renderPage(workshopData());
    const input = screen.getByTestId("stakeholder-name-input");
    await userEvent.type(input, "Ana Ruiz{Enter}");
    await waitFor(() => expect(callsTo(calls, "add_stakeholder")).toHaveLength(1));
    expect(callsTo(calls, "add_stakeholder")[0].args).toEqual({
      workshopId: "w1",
      input: { name: "Ana Ruiz", role: "", function: "", influence: 3, interest: 3, stance: "neutral", present: true, colour: "" },
    });
    expect(input).toHaveValue("");
    expect(input).toHaveFocus();
  });

  it("adds names typed in quick succession in the order they were typed", async () => {
    const calls = recordCommands();
    renderPage(workshopData());
    await userEvent.type(screen.getByTestId("stakeholder-name-input"), "Ana{Enter}Ben{Enter}Cleo{Enter}");
    await waitFor(() => expect(callsTo(calls, "add_stakeholder")).toHaveLength(3));
    expect(callsTo(calls, "add_stakeholder").map((c) => (c.args.input as { name: string }).name)).toEqual(["Ana", "Ben", "Cleo"]);
  });

  it("warns, without refusing, when the name is already on the list", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana Ruiz")] }));
    const input = screen.getByTestId("stakeholder-name-input");
    await userEvent.type(input, "  ana   RUIZ");
    expect(screen.getByTestId("duplicate-warning")).toHaveTextContent("“Ana Ruiz” is already on the list");
    await userEvent.type(input, "{Enter}");
    await waitFor(() => expect(callsTo(calls, "add_stakeholder")).toHaveLength(1));
    expect(screen.getByTestId("duplicate-warning")).toHaveTextContent("Added “Ana Ruiz” again");
    await userEvent.type(input, "B");
    expect(screen.queryByTestId("duplicate-warning")).toBeNull();
  });

  it("shows the backend's message when the name is empty and keeps the line for a fix", async () => {
    recordCommands((cmd) => {
      if (cmd === "add_stakeholder") throw refused("empty", "name", "must not be empty");
      return null;
    });
    renderPage(workshopData());
    await userEvent.type(screen.getByTestId("stakeholder-name-input"), "   {Enter}");
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Name must not be empty.");
    expect(screen.getByTestId("stakeholder-name-input")).toHaveAttribute("aria-invalid", "true");
  });

  it("shows each person with initials, role, function, stance and presence, as text", async () => {
    recordCommands();
    renderPage(workshopData({
      stakeholders: [stakeholder("s1", "<b>Ana</b>", { role: "CEO", function: "Top team", stance: "sceptical", present: false })],
    }));
    const row = screen.getByTestId("stakeholder-row");
    expect(row).toHaveAttribute("data-name", "<b>Ana</b>");
    expect(within(row).getByText("<b>Ana</b>")).toBeInTheDocument();
    expect(row.querySelector("b")).toBeNull();
    expect(row).toHaveTextContent("CEO · Top team");
    expect(within(row).getByTestId("stakeholder-stance")).toHaveTextContent("Sceptical");
    expect(within(row).getByTestId("stakeholder-present")).not.toBeChecked();
  });

  it("marks a person absent with the presence toggle, keeping the rest of the card", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana", { role: "CEO", influence: 5 })] }));
    await userEvent.click(screen.getByTestId("stakeholder-present"));
    await waitFor(() => expect(callsTo(calls, "update_stakeholder")).toHaveLength(1));
    expect(callsTo(calls, "update_stakeholder")[0].args).toMatchObject({ id: "s1", input: { name: "Ana", role: "CEO", influence: 5, present: false } });
  });

  it("saves role, function, scores and stance from the edit form", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana")] }));
    await userEvent.click(screen.getByTestId("stakeholder-edit"));
    expect(screen.getByTestId("stakeholder-role-input")).toHaveFocus();
    await userEvent.type(screen.getByTestId("stakeholder-role-input"), "CFO");
    await userEvent.type(screen.getByTestId("stakeholder-function-input"), "Finance");
    await userEvent.clear(screen.getByTestId("stakeholder-influence-input"));
    await userEvent.type(screen.getByTestId("stakeholder-influence-input"), "5");
    await userEvent.clear(screen.getByTestId("stakeholder-interest-input"));
    await userEvent.type(screen.getByTestId("stakeholder-interest-input"), "2");
    await userEvent.selectOptions(screen.getByTestId("stakeholder-stance-select"), "supportive");
    await userEvent.click(screen.getByTestId("stakeholder-save"));
    await waitFor(() => expect(callsTo(calls, "update_stakeholder")).toHaveLength(1));
    expect(callsTo(calls, "update_stakeholder")[0].args.input).toEqual({
      name: "Ana", role: "CFO", function: "Finance", influence: 5, interest: 2, stance: "supportive", present: true, colour: "",
    });
    await waitFor(() => expect(screen.queryByTestId("stakeholder-save")).toBeNull());
  });

  it("shows a refused edit beside its field and keeps the form open", async () => {
    recordCommands((cmd) => {
      if (cmd === "update_stakeholder") throw refused("tooLong", "role", "is 130 characters long; the limit is 120");
      return null;
    });
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana")] }));
    await userEvent.click(screen.getByTestId("stakeholder-edit"));
    await userEvent.type(screen.getByTestId("stakeholder-role-input"), "x");
    await userEvent.click(screen.getByTestId("stakeholder-save"));
    expect(await screen.findByTestId("form-error")).toHaveTextContent("Role is 130 characters long; the limit is 120.");
    expect(screen.getByTestId("stakeholder-role-input")).toHaveAttribute("aria-invalid", "true");
  });

  it("moves a person down with the keyboard, sending the new order", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana"), stakeholder("s2", "Ben"), stakeholder("s3", "Cleo")] }));
    const [first] = screen.getAllByTestId("stakeholder-row");
    expect(within(first).getByTestId("stakeholder-up")).toBeDisabled();
    within(first).getByTestId("stakeholder-down").focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(callsTo(calls, "reorder_stakeholders")).toHaveLength(1));
    expect(callsTo(calls, "reorder_stakeholders")[0].args).toEqual({ workshopId: "w1", ids: ["s2", "s1", "s3"] });
  });

  it("removes a person at once and says so, pointing at undo", async () => {
    const calls = recordCommands();
    renderPage(workshopData({ stakeholders: [stakeholder("s1", "Ana")] }));
    await userEvent.click(screen.getByTestId("stakeholder-remove"));
    await waitFor(() => expect(callsTo(calls, "remove_stakeholder")[0]?.args).toEqual({ workshopId: "w1", id: "s1" }));
    expect(await screen.findByText("Removed “Ana”. Press Ctrl+Z to undo.")).toBeInTheDocument();
  });
});
