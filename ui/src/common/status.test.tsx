import { act, render, screen } from "@testing-library/react";
import { afterEach, vi } from "vitest";
import { INFO_TOAST_MS, StatusProvider, Toasts, useStatus } from "./status";

/** Two buttons that raise a piece of news and an error, as the app's actions do. */
function Raise() {
  const { notify } = useStatus();
  return (
    <>
      <button type="button" onClick={() => notify("Imported the workshop.")}>news</button>
      <button type="button" onClick={() => notify("canvas.items[0].z: not a stacking position", { tone: "error" })}>error</button>
    </>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe("toasts", () => {
  it("lets news go by itself but keeps an error until it is dismissed", () => {
    vi.useFakeTimers();
    render(<StatusProvider><Raise /><Toasts /></StatusProvider>);
    act(() => screen.getByRole("button", { name: "news" }).click());
    act(() => screen.getByRole("button", { name: "error" }).click());
    expect(screen.getByRole("status")).toHaveTextContent("Imported the workshop.");
    act(() => vi.advanceTimersByTime(INFO_TOAST_MS * 10));
    expect(screen.queryByText("Imported the workshop.")).toBeNull();
    expect(screen.getByRole("alert")).toHaveTextContent("not a stacking position");
    act(() => screen.getByRole("button", { name: "Dismiss" }).click());
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
