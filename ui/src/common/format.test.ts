import { changedAgo, workshopDate } from "./format";

describe("dates as a facilitator reads them", () => {
  const now = Date.UTC(2026, 10, 23, 12, 0, 0);
  it("says just now, minutes and days ago", () => {
    expect(changedAgo(now - 10_000, now)).toBe("just now");
    expect(changedAgo(now - 5 * 60_000, now)).toBe("5 minutes ago");
    expect(changedAgo(now - 24 * 3_600_000, now)).toBe("yesterday");
  });
  it("shows a stored date in words", () => {
    expect(workshopDate("2026-11-23")).toBe("23 Nov 2026");
    expect(workshopDate("")).toBe("");
  });
});
