// Takes screenshots of the real app for the README and for looking at it as a person would:
// the home screen and each step of the example workshop, light theme, 1280×800.
// Run under a display: `xvfb-run -a node tools/screenshots.mjs OUT_DIR`.
import path from "node:path";
import { By } from "selenium-webdriver";
import { click, closeApp, find, launchApp, makeDataDir, removeDataDir, startDriver, waitForText } from "../lib/app.mjs";

const out = path.resolve(process.argv[2] ?? "screenshots");
process.env.SCREENSHOT_DIR = out;
const { screenshot } = await import("../lib/app.mjs");

const driver = await startDriver();
const dataDir = makeDataDir();
try {
  const app = await launchApp(driver, dataDir);
  await app.manage().window().setRect({ width: 1280, height: 800, x: 0, y: 0 });
  await click(app, "open-example");
  await waitForText(app, "workshop-title", (t) => t.includes("Harbour"), "the example");
  for (const step of ["stakeholders", "categories", "needs", "vote", "canvas", "report"]) {
    await click(app, `step-${step}`);
    // Waited for without find(), which would scroll the tall page to its middle: the shot
    // shows each step as it opens.
    await app.wait(async () => {
      const pages = await app.findElements(By.css("[data-testid=step-page]"));
      return pages.length > 0 && (await pages[0].getAttribute("data-step")) === step;
    }, 5000);
    // On the canvas, show the North Star with its inputs beside the board.
    if (step === "canvas") await click(app, "canvas-tab-northStar");
    await new Promise((r) => setTimeout(r, 400));
    await screenshot(app, `step-${step}`);
    if (step === "canvas") {
      // Zoomed far out: the board as one picture, frame names readable.
      // (Keys sent through WebDriver would scroll the page to the board first.)
      const board = await find(app, "canvas-board");
      for (let i = 0; i < 15 && (await app.findElements(By.css("[data-testid=canvas-overview]"))).length === 0; i++) {
        await app.executeScript("arguments[0].dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true }))", board);
        await new Promise((r) => setTimeout(r, 150));
      }
      await new Promise((r) => setTimeout(r, 300));
      await screenshot(app, "step-canvas-overview");
    }
  }
  await click(app, "back-home");
  await find(app, "workshop-card");
  await screenshot(app, "home");
  await closeApp(app);
} finally {
  await driver.stop();
  removeDataDir(dataDir);
}
console.log(`screenshots in ${out}`);
