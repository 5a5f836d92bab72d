// Sharing in the real window: the example opens from the home screen, its workshop file is
// saved, and importing that file gives a second, separate workshop. Native dialogs are
// replaced by a folder (LODESTAR_DIALOG_STUB_DIR): WebDriver cannot click a GTK dialog.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import {
  click, closeApp, launchApp, makeDataDir, removeDataDir, screenshot, startDriver, waitForText, workshopTitles,
} from "../lib/app.mjs";

describe("sharing a workshop in the real app", () => {
  let driver;
  const dialogDir = makeDataDir();
  before(async () => {
    driver = await startDriver({ LODESTAR_DIALOG_STUB_DIR: dialogDir });
  });
  after(async () => {
    await driver?.stop();
    removeDataDir(dialogDir);
  });

  it("exports the example's workshop file and PDF report, and imports the file back as a second workshop", async () => {
    const dataDir = makeDataDir();
    try {
      const app = await launchApp(driver, dataDir);
      await click(app, "open-example");
      await waitForText(app, "workshop-title", (t) => t.includes("Harbour Foods"), "the example");
      await screenshot(app, "example-open");
      await click(app, "step-report");
      await waitForText(app, "current-step-title", (t) => t === "Report", "the report step");
      await click(app, "export-json");

      const saved = path.join(dialogDir, "Harbour-Foods-North-Star-offsite.json");
      await app.wait(async () => existsSync(saved), 10_000, `waiting for ${saved}`);
      const file = JSON.parse(readFileSync(saved, "utf8"));
      assert.equal(file.format, "lodestar.workshop");
      assert.equal(file.stakeholders.length, 6, "everyone in the room is in the file");
      assert.equal(file.votes.length, 3, "the vote, its run-off and the vote on candidate metrics are in the file");
      assert.equal(file.northStar.definition.name, "Complete on-time weekly orders", "the North Star is in the file");
      assert.deepEqual(readdirSync(dialogDir).filter((f) => f.includes("partial")), [], "no half-written file");

      await click(app, "export-pdf");
      const pdf = path.join(dialogDir, "Harbour-Foods-North-Star-offsite.pdf");
      await app.wait(async () => existsSync(pdf), 20_000, `waiting for ${pdf}`);
      assert.equal(readFileSync(pdf).subarray(0, 4).toString(), "%PDF", "a PDF report was written");

      await click(app, "back-home");
      await click(app, "import-workshop");
      await app.wait(async () => (await workshopTitles(app)).length === 2, 10_000, "a second workshop");
      const titles = await workshopTitles(app);
      assert.deepEqual(titles, ["Harbour Foods North Star offsite", "Harbour Foods North Star offsite"]);
      await closeApp(app);
    } finally {
      removeDataDir(dataDir);
    }
  });
});
