import { act, render, screen } from "@testing-library/react";
import { ReactFlowProvider } from "@xyflow/react";
import { afterEach, vi } from "vitest";
import { Minimap } from "./Minimap";
import { overviewScene } from "./overview";

const scene = overviewScene([], [], new Map());

afterEach(() => {
  vi.unstubAllGlobals();
  Object.defineProperty(window, "devicePixelRatio", { value: 1, configurable: true });
});

describe("the minimap", () => {
  it("redraws at the new screen's pixel density when the window moves to another screen", () => {
    // jsdom has no media queries: a stand-in that lets the test say "the resolution changed".
    const listeners: (() => void)[] = [];
    vi.stubGlobal("matchMedia", () => ({
      addEventListener: (_: string, listener: () => void) => listeners.push(listener),
      removeEventListener: () => {},
    }));
    Object.defineProperty(window, "devicePixelRatio", { value: 2, configurable: true });
    render(<ReactFlowProvider><Minimap scene={scene} selected={new Set()} /></ReactFlowProvider>);
    const canvas = screen.getByTestId("canvas-minimap") as HTMLCanvasElement;
    expect(canvas.width).toBe(300);
    // Dragged onto a projector at one pixel per CSS pixel.
    Object.defineProperty(window, "devicePixelRatio", { value: 1, configurable: true });
    act(() => listeners.forEach((listener) => listener()));
    expect(canvas.width).toBe(150);
    expect(canvas.height).toBe(100);
  });
});
