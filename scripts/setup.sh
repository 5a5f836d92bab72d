#!/usr/bin/env bash
# Installs what Lodestar needs on a Debian/Ubuntu machine, skipping what is already there:
# system packages for Tauri and the real-window tests, tauri-driver, and the npm packages.
# Sourced by run.sh and test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A target folder outside the clone is a cache that survives fresh clones; any path works.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/lodestar-target}"

APT_PACKAGES=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver poppler-utils
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

install_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    echo "==> Installing tauri-driver (Tauri 2 line)"
    cargo install tauri-driver --locked --version '^2'
  fi
}

# npm ci only when package-lock.json changed since the last install in that folder.
npm_ci() {
  local dir="$1"
  local stamp="$dir/node_modules/.lodestar-lock"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "==> npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
}

build_ui() {
  echo "==> Building the UI"
  (cd "$ROOT/ui" && npx --no-install vite build --logLevel warn)
}

# The app with the built UI embedded (debug profile).
build_app() {
  echo "==> Building the app"
  cargo build --quiet -p lodestar-app --features custom-protocol
}

# The build the E2E tests drive: the same app, plus the folder that stands in for the native
# file dialogs (LODESTAR_DIALOG_STUB_DIR). A user's build never has that door.
build_test_app() {
  echo "==> Building the app for the end-to-end tests"
  cargo build --quiet -p lodestar-app --features custom-protocol,dialog-stub
}

APP_BINARY="$CARGO_TARGET_DIR/debug/lodestar-app"
export LODESTAR_APP_BINARY="$APP_BINARY"
