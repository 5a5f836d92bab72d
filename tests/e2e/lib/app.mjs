// Drives the real Lodestar window through tauri-driver + WebKitWebDriver.
// Each test gets its own data folder; the app can be closed, restarted or SIGKILLed on it.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Builder, By, until } from "selenium-webdriver";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");

/** The app binary built with the UI embedded (see scripts/test.sh). */
export const APP_BINARY =
  process.env.LODESTAR_APP_BINARY ??
  path.join(process.env.CARGO_TARGET_DIR ?? path.join(repo, "target"), "debug", "lodestar-app");

const WAIT_MS = 15_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tauri-driver did not listen on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts one tauri-driver for a test file. `env` is passed down to the app it launches
 * (e.g. LODESTAR_DIALOG_STUB_DIR, which stands in for the native file dialogs).
 */
export async function startDriver(env = {}) {
  const port = await freePort();
  const nativePort = await freePort();
  const driverBin = process.env.TAURI_DRIVER ?? path.join(os.homedir(), ".cargo", "bin", "tauri-driver");
  // Its own process group: stopping it also ends WebKitWebDriver and any app window it started.
  const child = spawn(driverBin, ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env },
    detached: true,
  });
  await waitForPort(port, 10_000);
  return {
    url: `http://127.0.0.1:${port}/`,
    // A test that failed half-way leaves its window open; close it, or the run never ends.
    stop: async () => {
      const quits = [...openSessions].map((session) => session.quit().catch(() => {}));
      openSessions.clear();
      await Promise.race([Promise.all(quits), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    },
  };
}

/** App windows launched and not yet closed, so a failed test cannot leave one running. */
const openSessions = new Set();

export function makeDataDir() {
  return mkdtempSync(path.join(os.tmpdir(), "lodestar-e2e-"));
}

export function removeDataDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Opens the app window on `dataDir` and waits until the UI has rendered. */
export async function launchApp(driver, dataDir) {
  const session = await new Builder()
    .usingServer(driver.url)
    .withCapabilities({
      browserName: "wry",
      "tauri:options": { application: APP_BINARY, args: ["--data-dir", dataDir] },
    })
    .build();
  openSessions.add(session);
  await session.wait(until.elementLocated(By.css(".topbar, [data-testid=startup-error]")), WAIT_MS);
  return session;
}

/** Closes the app the normal way (the WebDriver session ends the process). */
export async function closeApp(session) {
  openSessions.delete(session);
  await session.quit();
}

/** Kills the app process with SIGKILL, as a laptop losing power would stop it. */
export async function killApp(session, dataDir) {
  const pids = execFileSync("pgrep", ["-f", `lodestar-app --data-dir ${dataDir}`], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  if (pids.length === 0) throw new Error(`no running app found for ${dataDir}`);
  for (const pid of pids) process.kill(Number(pid), "SIGKILL");
  openSessions.delete(session);
  await session.quit().catch(() => {
    // The window is already gone: that is the point of this test.
  });
}

export function byTestId(id) {
  return By.css(`[data-testid="${id}"]`);
}

export async function find(session, id) {
  const element = await session.wait(until.elementLocated(byTestId(id)), WAIT_MS);
  await session.wait(until.elementIsVisible(element), WAIT_MS);
  // WebKitWebDriver can refuse elements near the edge of a scrolled dialog: centre them first.
  // WebKitWebDriver can refuse elements near an edge, so an element not wholly in view (in the
  // window and in every scrolling panel around it) is centred first. One already in view is
  // left alone: WebKit scrolls asynchronously, and a click right after a scroll can land on
  // whatever was there before.
  const scrolled = await session.executeScript(`
    const element = arguments[0];
    const r = element.getBoundingClientRect();
    let inView = r.top >= 64 && r.bottom <= innerHeight - 8 && r.left >= 0 && r.right <= innerWidth;
    for (let p = element.parentElement; inView && p; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(style.overflowY + style.overflowX)) continue;
      const box = p.getBoundingClientRect();
      inView = r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right;
    }
    if (!inView) element.scrollIntoView({ block: "center" });
    return !inView;`, element);
  if (scrolled) {
    // Let the scroll settle (two frames) before anyone clicks.
    await session.executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(done));");
  }
  return element;
}

export async function click(session, id) {
  const element = await find(session, id);
  await element.click();
  return element;
}

export async function typeInto(session, id, text, { clear = false } = {}) {
  const element = await find(session, id);
  if (clear) await element.clear();
  await element.sendKeys(text);
  return element;
}

/** Waits until the element's text satisfies `predicate`; returns the text. */
export async function waitForText(session, id, predicate, what) {
  let last = "";
  await session.wait(
    async () => {
      const elements = await session.findElements(byTestId(id));
      if (elements.length === 0) return false;
      last = await elements[0].getText();
      return predicate(last);
    },
    WAIT_MS,
    `waiting for ${id} to show ${what}; last text: ${JSON.stringify(last)}`,
  );
  return last;
}

/** Titles of the workshops on the home screen, in order. */
export async function workshopTitles(session) {
  await session.wait(until.elementLocated(By.css("[data-testid=workshop-card], [data-testid=empty-home]")), WAIT_MS);
  const cards = await session.findElements(byTestId("workshop-card"));
  return Promise.all(cards.map((card) => card.getAttribute("data-title")));
}

/** Saves a screenshot of the window when SCREENSHOT_DIR is set (used to refresh assets/). */
export async function screenshot(session, name) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  const { writeFileSync, mkdirSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.png`), await session.takeScreenshot(), "base64");
}

/** The element with test id `id` whose `data-<attr>` is `value` (e.g. a row by name). */
export async function findWhere(session, id, attr, value) {
  const css = `[data-testid="${id}"][data-${attr}="${value.replace(/"/g, '\\"')}"]`;
  const element = await session.wait(until.elementLocated(By.css(css)), WAIT_MS, `waiting for ${css}`);
  await session.wait(until.elementIsVisible(element), WAIT_MS);
  return element;
}

/** Clicks the control `childId` inside `parent`. */
export async function clickIn(parent, childId) {
  const child = await parent.findElement(byTestId(childId));
  // Centre it first so the sticky top bar or a toast cannot cover it.
  await parent.getDriver().executeScript("arguments[0].scrollIntoView({ block: 'center' })", child);
  await child.click();
  return child;
}

/** How many elements with test id `id` are on the page once there are `expected` of them. */
export async function waitForCount(session, id, expected) {
  let count = -1;
  await session.wait(
    async () => {
      count = (await session.findElements(byTestId(id))).length;
      return count === expected;
    },
    WAIT_MS,
    `waiting for ${expected} × ${id}; found ${count}`,
  );
  return count;
}

/** Waits until `element`'s attribute `name` equals `value`. */
export async function waitForAttribute(session, element, name, value) {
  let last = null;
  await session.wait(
    async () => {
      last = await element.getAttribute(name);
      return last === value;
    },
    WAIT_MS,
    `waiting for ${name}="${value}"; last ${last}`,
  );
}
