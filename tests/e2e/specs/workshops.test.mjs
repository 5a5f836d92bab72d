// The foundation, end to end in the real window: workshops persist across a restart and a crash.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  click, closeApp, find, killApp, launchApp, makeDataDir, removeDataDir, screenshot, startDriver,
  typeInto, waitForText, workshopTitles,
} from "../lib/app.mjs";

describe("workshops in the real app", () => {
  let driver;
  before(async () => {
    driver = await startDriver();
  });
  after(async () => driver?.stop());

  it("a workshop created through the UI is still there after the app is closed and restarted", async () => {
    const dataDir = makeDataDir();
    try {
      let app = await launchApp(driver, dataDir);
      await find(app, "empty-home");
      await click(app, "new-workshop");
      await typeInto(app, "workshop-title-input", "Q3 North Star offsite");
      await click(app, "workshop-form-submit");
      await waitForText(app, "workshop-title", (t) => t === "Q3 North Star offsite", "the new title");
      await click(app, "step-report");
      await waitForText(app, "current-step-title", (t) => t === "Report", "the chosen step");
      await screenshot(app, "workshop-open");
      await closeApp(app);

      app = await launchApp(driver, dataDir);
      assert.deepEqual(await workshopTitles(app), ["Q3 North Star offsite"], "the workshop was stored");
      const step = await waitForText(app, "card-step", (t) => t.includes("Report"), "the stored step");
      assert.match(step, /Step 6 of 6/);
      await screenshot(app, "home");
      await closeApp(app);
    } finally {
      removeDataDir(dataDir);
    }
  });

  it("a rename shown as saved survives the app being killed with SIGKILL", async () => {
    const dataDir = makeDataDir();
    try {
      let app = await launchApp(driver, dataDir);
      await click(app, "new-workshop");
      await typeInto(app, "workshop-title-input", "Before the crash");
      await click(app, "workshop-form-submit");
      await click(app, "back-home");
      await waitForText(app, "workshop-card", (t) => t.includes("Before the crash"), "the card");

      await click(app, "rename-workshop");
      await typeInto(app, "workshop-title-input", "Renamed just before the crash", { clear: true });
      await click(app, "workshop-form-submit");
      await waitForText(app, "workshop-card", (t) => t.includes("Renamed just before the crash"), "the new name");
      await waitForText(app, "save-status", (t) => t === "All changes saved", "saved");
      await killApp(app, dataDir);

      app = await launchApp(driver, dataDir);
      assert.deepEqual(await workshopTitles(app), ["Renamed just before the crash"], "the committed rename survived");
      await closeApp(app);
    } finally {
      removeDataDir(dataDir);
    }
  });
});
