// Step 5 in the real window: from the example's focus need, the room adds stickies, clusters
// them in a frame, links two, scores them against the checklist, votes, promotes the winner
// to the North Star with inputs and owners, records an action, exports pictures of the canvas,
// then restarts the app and finds all of it. It starts from a version 1 workshop file (steps
// 1–4 of the example, before the canvas existed), imported through the app: that file format's
// migration is exercised on the way.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { By, Key, Origin } from "selenium-webdriver";
import {
  byTestId, click, clickIn, closeApp, find, findWhere, launchApp, makeDataDir, removeDataDir, screenshot, startDriver,
  typeInto, waitForCount, waitForText,
} from "../lib/app.mjs";

const STICKIES = [
  "Orders delivered complete in the booked hour",
  "Families ordering again within 30 days",
  "Vans on the road per day",
];

/** The canvas item showing `text`. */
async function item(app, text) {
  return findWhere(app, "canvas-item", "text", text);
}

/** Adds a sticky from the toolbar and writes `text` on it in the side panel. */
async function addSticky(app, text, count) {
  await click(app, "canvas-tab-selection");
  await click(app, "add-sticky");
  await waitForCount(app, "canvas-item", count);
  const input = await find(app, "item-text-input");
  await app.wait(async () => (await input.getAttribute("value")) === "", 10_000, "the new sticky's panel");
  await input.sendKeys(text, Key.ENTER);
  await item(app, text);
}

async function selectInList(app, text) {
  await click(app, "canvas-tab-list");
  const row = await findWhere(app, "item-row", "text", text);
  await clickIn(row, "item-select");
  await click(app, "canvas-tab-selection");
  await app.wait(async () => (await (await find(app, "item-text-input")).getAttribute("value")) === text, 10_000, `${text} selected`);
}

async function tick(app, criteria) {
  for (const criterion of criteria) {
    const box = await find(app, `criterion-${criterion}`);
    await box.click();
    await app.wait(async () => box.isSelected(), 10_000, `${criterion} ticked`);
  }
}

async function castDot(app, voter, statement) {
  const row = await findWhere(app, "voter-row", "name", voter);
  await clickIn(row, "start-ballot");
  await findWhere(app, "ballot", "voter", voter);
  const option = await findWhere(app, "ballot-option", "statement", statement);
  await clickIn(option, "dot-add");
  await click(app, "ballot-submit");
  const done = await findWhere(app, "voter-row", "name", voter);
  const status = await done.findElement(byTestId("voter-status"));
  await app.wait(async () => /voted/i.test(await status.getText()), 10_000, `${voter} shows as voted`);
}

/**
 * Where the card showing `text` is, in canvas units, read off its element on the zoomed-in board;
 * and the view's transform, so a canvas point can be found on screen once zoomed out.
 */
const GEOMETRY = `
  const board = document.querySelector('.react-flow').getBoundingClientRect();
  const m = /translate\\(([-\\d.e]+)px, ?([-\\d.e]+)px\\) scale\\(([-\\d.e]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform);
  const [x, y, zoom] = m.slice(1).map(Number);
  const card = arguments[0] && document.querySelector('[data-testid=canvas-item][data-text="' + arguments[0] + '"]');
  const box = card && card.getBoundingClientRect();
  return { board: { left: board.left, top: board.top }, view: { x, y, zoom },
    card: box && { x: (box.left - board.left - x) / zoom, y: (box.top - board.top - y) / zoom, width: box.width / zoom, height: box.height / zoom } };`;

async function geometry(app, text = null) {
  return app.executeScript(GEOMETRY, text);
}

/** Presses + or − on the board until it is, or is no longer, drawn as one picture. */
async function zoomUntil(app, key, picture) {
  const board = await find(app, "canvas-board");
  await app.executeScript("arguments[0].focus()", board);
  for (let i = 0; i < 15; i++) {
    if ((await app.findElements(byTestId("canvas-overview"))).length > 0 === picture) return;
    await board.sendKeys(key);
    await new Promise((r) => setTimeout(r, 150));
  }
  assert.fail(`pressing ${key} did not ${picture ? "zoom out to the overview" : "zoom back in"}`);
}

function pngSize(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString(), "PNG", `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the North Star canvas in the real app", () => {
  let driver;
  const dialogDir = makeDataDir();
  before(async () => {
    driver = await startDriver({ LODESTAR_DIALOG_STUB_DIR: dialogDir });
  });
  after(async () => {
    await driver?.stop();
    removeDataDir(dialogDir);
  });

  it("brainstorms, clusters, links, scores, votes, promotes a North Star, records an action, and keeps it all", async () => {
    const dataDir = makeDataDir();
    let app;
    try {
      copyFileSync(new URL("../fixtures/harbour-foods-steps-1-4.v1.json", import.meta.url), path.join(dialogDir, "steps-1-4.json"));
      app = await launchApp(driver, dataDir);
      await click(app, "import-workshop");
      await click(app, "workshop-card");
      await waitForText(app, "workshop-title", (t) => t.includes("Harbour Foods"), "the imported workshop");
      await click(app, "step-canvas");
      await waitForText(app, "current-step-title", (t) => t === "North Star canvas", "the canvas step");
      await waitForText(app, "canvas-question", (t) => t.includes("one-hour slot"), "the focus need as the question");
      const before = (await app.findElements(byTestId("canvas-item"))).length;

      // Brainstorm three candidates.
      for (const [index, text] of STICKIES.entries()) await addSticky(app, text, before + index + 1);

      // Cluster the first two in a frame: zoom to fit (the board's own control), select one,
      // shift-click the other, group.
      // (WebKitWebDriver refuses pointer clicks on React Flow's control buttons; a DOM click is
      // the same button press.)
      const transform = () => app.executeScript("return document.querySelector('.react-flow__viewport').style.transform");
      const unfitted = await transform();
      await app.executeScript("arguments[0].click()", await app.findElement(By.css(".react-flow__controls-fitview")));
      await app.wait(async () => (await transform()) !== unfitted, 10_000, "the board zooms to fit");
      await (await item(app, STICKIES[0])).click();
      await app.actions().keyDown(Key.SHIFT).click(await item(app, STICKIES[1])).keyUp(Key.SHIFT).perform();
      await click(app, "group");
      await app.wait(async () => (await app.findElements(byTestId("canvas-frame"))).length >= 1, 10_000, "a frame");

      // Link the two (both still selected), input metric → candidate.
      await app.wait(async () => (await find(app, "link")).isEnabled(), 10_000, "two stickies selected");
      await click(app, "link");
      await click(app, "canvas-tab-list");
      await waitForCount(app, "link-row", 1);

      // Score them against the North Star checklist.
      await selectInList(app, STICKIES[0]);
      await tick(app, ["customer_value", "leading_indicator", "actionable", "measurable"]);
      await app.wait(async () => (await (await item(app, STICKIES[0])).getText()).includes("4/7"), 10_000, "the score on the sticky");
      await selectInList(app, STICKIES[2]);
      await tick(app, ["measurable"]);
      await screenshot(app, "step5-canvas-scored");

      // Vote: one dot each, two for the first sticky, one for the third.
      await click(app, "canvas-tab-vote");
      await click(app, "start-metric-vote");
      await find(app, "voting-station");
      await castDot(app, "Priya Nair", STICKIES[0]);
      await castDot(app, "Tom Becker", STICKIES[0]);
      await castDot(app, "Aisha Khan", STICKIES[2]);
      await click(app, "vote-close");
      await click(app, "vote-reveal");
      const result = await find(app, "metric-vote");
      await app.wait(async () => (await result.getAttribute("data-chosen")) === STICKIES[0], 10_000, "the vote's winner is the chosen metric");

      // Promote the winner with its definition and three inputs with owners.
      await click(app, "canvas-tab-northStar");
      const name = await find(app, "ns-name");
      assert.equal(await name.getAttribute("value"), STICKIES[0], "the vote's winner is offered");
      await typeInto(app, "ns-name", "Complete on-time orders", { clear: true });
      await typeInto(app, "ns-counted", "Orders delivered complete inside the booked hour, per week");
      await typeInto(app, "ns-unit", "% of orders");
      await typeInto(app, "ns-currentValue", "78%");
      await typeInto(app, "ns-target", "95%");
      const names = ["Families ordering again within 30 days", "Pickers per shift", "Slots offered per day"];
      const owners = ["Marketing", "Warehouse", "Operations"];
      while ((await app.findElements(byTestId("ns-input"))).length < 3) await click(app, "ns-add-input");
      const nameInputs = await app.findElements(byTestId("ns-input-name"));
      const ownerInputs = await app.findElements(byTestId("ns-input-owner"));
      for (let i = 0; i < 3; i++) {
        await nameInputs[i].clear();
        await nameInputs[i].sendKeys(names[i]);
        // Tab away so the suggestions of the owner field close, as a person would.
        await ownerInputs[i].sendKeys(owners[i], Key.TAB);
      }
      // Enter in the last field saves the form, as the keyboard-driven facilitator would.
      // (WebKitWebDriver misjudges clicks in the side panel right after it scrolls.)
      await typeInto(app, "ns-timeFrame", "by 2027-06-30");
      await (await find(app, "ns-timeFrame")).sendKeys(Key.ENTER);
      await waitForText(app, "north-star-anchor", (t) => t.includes("Complete on-time orders"), "the North Star anchor");
      await waitForCount(app, "input-metric", 3);
      const star = await item(app, STICKIES[0]);
      assert.equal(await star.getAttribute("data-role"), "northStar", "the winning sticky is the canvas's anchor");

      // The room's next action.
      await click(app, "canvas-tab-actions");
      await typeInto(app, "action-what", "Pull last quarter's on-time figures");
      await typeInto(app, "action-owner", "Priya Nair");
      await typeInto(app, "action-due", "2026-12-04");
      await click(app, "add-action");
      await waitForCount(app, "action-row", 1);
      await screenshot(app, "step5-canvas-north-star");

      // Pictures of the canvas through the (stubbed) save dialog.
      await click(app, "export-picture-button");
      const png = path.join(dialogDir, "north-star-canvas.png");
      await app.wait(async () => existsSync(png), 20_000, `waiting for ${png}`);
      const size = pngSize(png);
      assert.ok(size.width > 400 && size.height > 200, `a whole-canvas picture, got ${size.width}×${size.height}`);
      const format = await find(app, "picture-format");
      await format.sendKeys("SVG");
      await click(app, "export-picture-button");
      const svg = path.join(dialogDir, "north-star-canvas.svg");
      await app.wait(async () => existsSync(svg), 20_000, `waiting for ${svg}`);
      const svgText = readFileSync(svg, "utf8");
      assert.match(svgText, /<svg[^>]*viewBox=/, "an SVG with a view box");
      assert.match(svgText, /#fef08a/i, "the yellow stickies are in it");
      assert.doesNotMatch(svgText, /<text/, "text is drawn as outlines, so it looks the same without the fonts");

      // Restart: everything is still there.
      await closeApp(app);
      app = await launchApp(driver, dataDir);
      await find(app, "workshop-card");
      await click(app, "workshop-card");
      await waitForText(app, "current-step-title", (t) => t === "North Star canvas", "back on the canvas");
      for (const text of STICKIES) await item(app, text);
      assert.ok((await app.findElements(byTestId("canvas-frame"))).length >= 1, "the frame is kept");
      assert.match(await (await item(app, STICKIES[0])).getText(), /4\/7/, "the score is kept");
      await waitForText(app, "north-star-anchor", (t) => t.includes("Complete on-time orders"), "the North Star");
      await click(app, "canvas-tab-list");
      await waitForCount(app, "link-row", 1);
      await click(app, "canvas-tab-northStar");
      await waitForCount(app, "input-metric", 3);
      await click(app, "canvas-tab-actions");
      await waitForText(app, "action-row", (t) => t.includes("Pull last quarter"), "the action");
      await closeApp(app);
    } catch (error) {
      // What the window showed when it failed, for whoever reads the log (SCREENSHOT_DIR).
      if (app) await screenshot(app, "canvas-failure").catch(() => {});
      throw error;
    } finally {
      removeDataDir(dataDir);
    }
  });

  it("zoomed far out, draws the board as one picture on which cards are still selected and moved", async () => {
    const dataDir = makeDataDir();
    let app;
    try {
      app = await launchApp(driver, dataDir);
      await click(app, "open-example");
      await waitForText(app, "workshop-title", (t) => t.includes("Harbour"), "the example");
      await click(app, "step-canvas");
      await waitForText(app, "current-step-title", (t) => t === "North Star canvas", "the canvas step");
      await zoomUntil(app, "+", false);
      const text = await (await app.findElement(By.css("[data-testid=canvas-item][data-kind=sticky]"))).getAttribute("data-text");
      const near = await geometry(app, text);
      assert.ok(near.card, `the sticky "${text}" is on the board`);

      // Zoomed out: no card is an element any more; the picture shows the sticky where it is.
      await zoomUntil(app, "-", true);
      assert.equal((await app.findElements(byTestId("canvas-item"))).length, 0, "no card elements while zoomed out");
      const far = await geometry(app);
      const onScreen = (p) => ({ x: Math.round(far.board.left + far.view.x + p.x * far.view.zoom), y: Math.round(far.board.top + far.view.y + p.y * far.view.zoom) });
      const centre = onScreen({ x: near.card.x + near.card.width / 2, y: near.card.y + near.card.height / 2 });
      const pixel = await app.executeScript(`
        const canvas = document.querySelector('[data-testid=canvas-overview]');
        const box = canvas.getBoundingClientRect();
        const ratio = canvas.width / box.width;
        return Array.from(canvas.getContext('2d').getImageData((arguments[0] - box.left) * ratio, (arguments[1] - box.top) * ratio, 1, 1).data);`,
      centre.x, centre.y);
      assert.ok(pixel[3] > 200 && pixel[0] + pixel[1] + pixel[2] > 300, `the sticky is drawn at its place, got rgba(${pixel})`);
      await screenshot(app, "step5-canvas-overview");

      // A click on it selects it; a drag moves it (one undo step).
      // A click at a person's pace (a held press let React Flow's pane clear the selection once).
      await app.actions().move({ origin: Origin.VIEWPORT, ...centre }).press().pause(250).release().perform();
      await click(app, "canvas-tab-selection");
      await app.wait(async () => (await (await find(app, "item-text-input")).getAttribute("value")) === text, 10_000, "the clicked sticky selected");
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(await (await find(app, "item-text-input")).getAttribute("value"), text, "the sticky stays selected");
      await app.actions().move({ origin: Origin.VIEWPORT, ...centre }).press()
        .move({ origin: Origin.VIEWPORT, x: centre.x + 20, y: centre.y + 10 })
        .move({ origin: Origin.VIEWPORT, x: centre.x + 60, y: centre.y + 30 })
        .release().perform();

      await zoomUntil(app, "+", false);
      const moved = (await geometry(app, text)).card;
      const expected = { x: near.card.x + 60 / far.view.zoom, y: near.card.y + 30 / far.view.zoom };
      // Snapping to the 20-unit grid may shift it by up to half a grid step each way.
      assert.ok(Math.abs(moved.x - expected.x) <= 11 && Math.abs(moved.y - expected.y) <= 11,
        `moved to (${moved.x.toFixed(0)}, ${moved.y.toFixed(0)}), expected about (${expected.x.toFixed(0)}, ${expected.y.toFixed(0)})`);
      await click(app, "undo");
      await app.wait(async () => {
        const back = (await geometry(app, text)).card;
        return Math.abs(back.x - near.card.x) < 1 && Math.abs(back.y - near.card.y) < 1;
      }, 10_000, "undo puts the sticky back");
      await closeApp(app);
    } catch (error) {
      if (app) await screenshot(app, "canvas-overview-failure").catch(() => {});
      throw error;
    } finally {
      removeDataDir(dataDir);
    }
  });
});
