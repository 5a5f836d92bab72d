// Shared set-up for the needs step's tests: two categories, two stakeholders, and a render
// inside the same providers the app uses (with the toasts, to read what the page announces).
import { render } from "@testing-library/react";
import type { Need, WorkshopData } from "../../bindings";
import { Toasts } from "../../common/status";
import { category, need, needInput, stakeholder, WorkshopHarness } from "../../test/workshopFixture";
import { NeedsPage } from "./NeedsPage";

export const families = category("c1", "Young families");
export const shops = category("c2", "Small shops", { priority: true });
export const ana = stakeholder("p1", "Ana");
export const ben = stakeholder("p2", "Ben");

export function showNeeds(data: WorkshopData) {
  return render(
    <WorkshopHarness data={data}>
      <NeedsPage />
      <Toasts />
    </WorkshopHarness>,
  );
}

/** A need with a measure, as typed in the form. */
export function measured(id: string, categoryId: string, statement: string, measure: string, overrides: Partial<Need> = {}): Need {
  return need(id, categoryId, statement, { details: { ...needInput(categoryId, statement), measure }, ...overrides });
}
