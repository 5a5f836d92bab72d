// Build of the canvas benchmark page only (`npm run bench:canvas` runs it). It is separate
// from ../vite.config.ts so the app's build and its `dist` stay exactly as they are.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// A file path from this file's URL (the app's tsconfig has no Node types, so no node:url).
const path = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

export default defineConfig({
  root: path("."),
  // Relative asset URLs: the runner serves this folder as the site root.
  base: "./",
  plugins: [react()],
  clearScreen: false,
  logLevel: "warn",
  // Same target as the app build, with source maps off, so the bundle behaves like the shipped one.
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: { input: { canvas: path("canvas.html") } },
  },
});
