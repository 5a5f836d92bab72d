#!/usr/bin/env bash
# Sets up what is missing and runs every check and test layer: formatting, lints, type check,
# Rust unit/store/command tests, UI tests, and end-to-end tests in the real window under Xvfb.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

install_system_packages
install_tauri_driver
npm_ci "$ROOT/ui"
npm_ci "$ROOT/tests/e2e"

echo "==> cargo fmt --check"
cargo fmt --all -- --check

echo "==> UI: type check, lint, unit tests"
(cd ui && npx --no-install tsc --noEmit && npx --no-install eslint . --max-warnings 0 && npx --no-install vitest run)

build_ui

echo "==> cargo clippy -D warnings"
cargo clippy --quiet --workspace --all-targets -- -D warnings

echo "==> Rust tests (core, store, commands on the mock runtime, bindings freshness)"
cargo test --quiet --workspace

build_test_app

echo "==> End-to-end tests in the real window (tauri-driver + WebKitWebDriver under Xvfb)"
(cd tests/e2e && xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 specs/)
