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
    await find(app, "step-page");
    await app.wait(async () => (await app.findElement(By.css("[data-testid=step-page]")).getAttribute("data-step")) === step, 5000);
    // On the canvas, show the North Star with its inputs beside the board.
    if (step === "canvas") await click(app, "canvas-tab-northStar");
    await new Promise((r) => setTimeout(r, 400));
    await screenshot(app, `step-${step}`);
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
