// Light and dark themes. A display preference of this laptop, so it lives in localStorage,
// not in the workshop's data.
import { useEffect, useState } from "react";

type Theme = "light" | "dark";
const KEY = "lodestar.theme";

function initialTheme(): Theme {
  const saved = window.localStorage.getItem(KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    window.localStorage.setItem(KEY, theme);
  }, [theme]);
  const next = theme === "light" ? "dark" : "light";
  return (
    <button className="icon-button" data-testid="theme-toggle" aria-label={`Switch to ${next} theme`} title={`Switch to ${next} theme`} onClick={() => setTheme(next)}>
      {theme === "light" ? "☾" : "☀"}
    </button>
  );
}
