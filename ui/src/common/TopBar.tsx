// The bar across the top of every screen: brand, save status, theme, and screen-specific tools.
import type { ReactNode } from "react";
import { SaveIndicator } from "./status";
import { ThemeToggle } from "./theme";

export function TopBar({ children, leading }: { children?: ReactNode; leading?: ReactNode }) {
  return (
    <header className="topbar">
      <div className="topbar__brand">
        {leading ?? (
          <span className="brand">
            <span className="brand__star" aria-hidden>✦</span> Lodestar
          </span>
        )}
      </div>
      <div className="topbar__tools">
        <SaveIndicator />
        {children}
        <ThemeToggle />
      </div>
    </header>
  );
}
