// Steps 1–4 as a facilitator runs them in the room, in the real window: five people, three
// customer categories, four needs (one refused by the SMART check until fixed), a dot vote
// that ties, a run-off, a winner — and everything still there after a restart.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Key } from "selenium-webdriver";
import {
  click, clickIn, closeApp, find, findWhere, launchApp, makeDataDir, removeDataDir, screenshot,
  startDriver, typeInto, waitForAttribute, waitForCount, waitForText,
} from "../lib/app.mjs";

const PEOPLE = ["Ana Ruiz", "Ben Okafor", "Cleo Martin", "Dev Patel", "Eli Novak"];
const CATEGORIES = ["Young families", "Small businesses", "Students"];
const NEEDS = [
  { category: "Young families", statement: "Weekly shop delivered in a one-hour slot", target: "90%" },
  { category: "Small businesses", statement: "Invoices paid within terms", target: "95%" },
  { category: "Students", statement: "Textbooks in stock before term", target: "98%" },
  { category: "Young families", statement: "Substitutions agreed before delivery", target: "much more", fixedTarget: "80%" },
];

async function fillNeed(app, need, target) {
  const fields = {
    "need-statement": need.statement,
    "need-who": `${need.category} customers`,
    "need-what": need.statement.toLowerCase(),
    "need-measure": `share of orders: ${need.statement.toLowerCase()}`,
    "need-unit": "%",
    "need-baseline": "60",
    "need-target": target,
    "need-how": "new routing and a daily stand-up",
    "need-owner": "Operations",
    "need-achievable-reason": "the pilot store reached it",
    "need-relevant": "our best customers ask for it",
    "need-relevant-reason": "top complaint in the survey",
    "need-time": "by 2027-06-30",
  };
  for (const [id, text] of Object.entries(fields)) await typeInto(app, id, text, { clear: true });
  for (const id of ["need-achievable-confirmed", "need-relevant-confirmed"]) {
    const box = await find(app, id);
    if (!(await box.isSelected())) await box.click();
  }
  await click(app, "need-save");
}

async function castDots(app, voter, statement) {
  const row = await findWhere(app, "voter-row", "name", voter);
  await clickIn(row, "start-ballot");
  await findWhere(app, "ballot", "voter", voter);
  const option = await findWhere(app, "ballot-option", "statement", statement);
  await clickIn(option, "dot-add");
  await click(app, "ballot-submit");
  const after = await findWhere(app, "voter-row", "name", voter);
  await waitForText(app, "voter-status", () => true, "the station");
  const status = await after.findElement({ css: '[data-testid="voter-status"]' });
  await app.wait(async () => /voted/i.test(await status.getText()), 10_000, `${voter} shows as voted`);
}

describe("steps 1–4 in the real app", () => {
  let driver;
  before(async () => {
    driver = await startDriver();
  });
  after(async () => driver?.stop());

  it("runs stakeholders, categories, SMART needs and a tied vote with a run-off, and keeps it all", async () => {
    const dataDir = makeDataDir();
    try {
      let app = await launchApp(driver, dataDir);
      await click(app, "new-workshop");
      await typeInto(app, "workshop-title-input", "Retail North Star");
      await click(app, "workshop-form-submit");
      await waitForText(app, "current-step-title", (t) => t === "Stakeholders", "step 1");

      // 1. Five people, typed fast: name, Enter, next name.
      for (const name of PEOPLE) await typeInto(app, "stakeholder-name-input", name + Key.ENTER);
      await waitForCount(app, "stakeholder-row", 5);
      await screenshot(app, "step1-stakeholders");
      await click(app, "next-step");

      // 2. Three customer categories.
      await waitForText(app, "current-step-title", (t) => t === "Customer categories", "step 2");
      for (const name of CATEGORIES) await typeInto(app, "category-name-input", name + Key.ENTER);
      await waitForCount(app, "category-row", 3);
      await screenshot(app, "step2-categories");
      await click(app, "next-step");

      // 3. Four needs; one is refused by the SMART check until its target has a number.
      await waitForText(app, "current-step-title", (t) => t === "SMART needs", "step 3");
      for (const need of NEEDS) {
        const section = await findWhere(app, "needs-category", "name", need.category);
        await clickIn(section, "add-need");
        await fillNeed(app, need, need.target);
        const card = await findWhere(app, "need-card", "statement", need.statement);
        await clickIn(card, "agree-consensus");
      }
      await waitForCount(app, "need-card", 4);
      const vague = await findWhere(app, "need-card", "statement", NEEDS[3].statement);
      const measurable = await vague.findElement({ css: '[data-testid="smart-letter-M"]' });
      await waitForAttribute(app, measurable, "data-holds", "false");
      assert.equal(await vague.getAttribute("data-eligible"), "false", "a target without a number is not measurable");
      await screenshot(app, "step3-needs-refused");
      await clickIn(vague, "need-edit");
      await typeInto(app, "need-target", NEEDS[3].fixedTarget, { clear: true });
      await click(app, "need-save");
      const fixed = await findWhere(app, "need-card", "statement", NEEDS[3].statement);
      await waitForAttribute(app, fixed, "data-eligible", "true");
      await screenshot(app, "step3-needs");
      await click(app, "next-step");

      // 4. A dot vote (one dot each) that ties 2–2, then a run-off.
      await waitForText(app, "current-step-title", (t) => t === "Vote", "step 4");
      await waitForCount(app, "vote-option", 4);
      const method = await find(app, "vote-method-select");
      await method.sendKeys("Dot");
      await typeInto(app, "vote-dots-input", "1", { clear: true });
      await typeInto(app, "vote-max-input", "1", { clear: true });
      await click(app, "vote-open");
      const [a, b, c] = NEEDS.map((n) => n.statement);
      await castDots(app, PEOPLE[0], a);
      await castDots(app, PEOPLE[1], b);
      await castDots(app, PEOPLE[2], a);
      await castDots(app, PEOPLE[3], b);
      await castDots(app, PEOPLE[4], c);
      await click(app, "vote-close");
      await click(app, "vote-reveal");
      await find(app, "vote-tie");
      await screenshot(app, "step4-vote-tie");
      await click(app, "start-runoff");
      await castDots(app, PEOPLE[0], a);
      await castDots(app, PEOPLE[1], a);
      await castDots(app, PEOPLE[2], b);
      await click(app, "vote-close");
      await click(app, "vote-reveal");
      await waitForText(app, "focus-need", (t) => t.includes(a), "the run-off winner");
      await screenshot(app, "step4-vote-result");
      await closeApp(app);

      // After a restart everything is as it was.
      app = await launchApp(driver, dataDir);
      await click(app, "open-workshop");
      await waitForText(app, "current-step-title", (t) => t === "Vote", "the stored step");
      await waitForText(app, "focus-need", (t) => t.includes(a), "the stored focus need");
      await click(app, "step-stakeholders");
      await waitForCount(app, "stakeholder-row", 5);
      await click(app, "step-categories");
      await waitForCount(app, "category-row", 3);
      await click(app, "step-needs");
      await waitForCount(app, "need-card", 4);
      await closeApp(app);
    } finally {
      removeDataDir(dataDir);
    }
  });
});
