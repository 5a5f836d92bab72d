#!/usr/bin/env bash
# Sets up what is missing, builds Lodestar and starts it. Extra arguments go to the app,
# e.g. `--data-dir /path/to/folder`; by default the database lives in the OS app-data folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_system_packages
npm_ci "$ROOT/ui"
build_ui
build_app

echo "==> Starting Lodestar"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "    (no display found: running on a virtual X display via xvfb-run)"
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$APP_BINARY" "$@"
fi
exec "$APP_BINARY" "$@"
