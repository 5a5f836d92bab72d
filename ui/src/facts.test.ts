/// <reference types="vite/client" />
// The steps, card colours and checklist are defined once in the Rust core and reach the UI as
// FACTS in the bindings. This guards against a copy creeping back into the UI's code.
import { FACTS } from "./bindings";

const sources = import.meta.glob(["./**/*.{ts,tsx}", "!./bindings.ts", "!./**/*.test.{ts,tsx}", "!./test/**"], {
  query: "?raw", import: "default", eager: true,
}) as Record<string, string>;

const copies = [
  ...FACTS.colours.map((c) => c.hex),
  FACTS.cardInk.kpiBar, FACTS.cardInk.northStar, FACTS.cardInk.northStarLabel,
  ...FACTS.criteria.map((c) => c.label),
  ...FACTS.steps.map((s) => s.purpose),
];

describe("the facts from the core", () => {
  it("are read from the bindings, not copied into the UI's code", () => {
    expect(sources["./steps/canvas/canvasModel.ts"]).toContain("FACTS");
    for (const [file, text] of Object.entries(sources)) {
      for (const copy of copies) expect(text.toLowerCase().includes(copy.toLowerCase()), `${file} repeats ${copy}`).toBe(false);
      expect(/\/7\b/.test(text), `${file} writes the score's maximum as /7`).toBe(false);
    }
  });
});
