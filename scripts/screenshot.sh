#!/usr/bin/env bash
# Captures a screenshot of Tempfit training on the book's data under a virtual
# X server and writes it to docs/screenshot.png (or the path given).
#
# Usage: scripts/screenshot.sh [output.png]
# Environment: WAIT (seconds after launch before the capture, default 4),
#              LANG (e.g. ko_KR.UTF-8 for the Korean window).
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-docs/screenshot.png}
wait_s=${WAIT:-4}

bash scripts/deps.sh imagemagick

mkdir -p bin "$(dirname "$out")"
go build -o bin/tempfit ./cmd/tempfit

# A fresh settings folder: no remembered window size, settings or autosave
# from an earlier run changes what the app shows.
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME

export LANG=${LANG:-en_US.UTF-8}
case "$LANG" in C|POSIX|C.*|"") export LANG=en_US.UTF-8 ;; esac
log=$(mktemp)
tmp=$(mktemp --suffix=.png)
trap 'rm -rf "$log" "$tmp" "$XDG_CONFIG_HOME"' EXIT

# xvfb-run sets DISPLAY for the inner shell, which starts the app, waits,
# captures the whole screen and closes the app.
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  ./bin/tempfit --start >"$1" 2>&1 &
  pid=$!
  sleep "$2"
  import -window root -crop 1280x760+0+0 +repage "$3"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
' _ "$log" "$wait_s" "$tmp"

cp "$tmp" "$out"
if grep -q "Error in Fyne call thread" "$log"; then
  echo "screenshot: the app reported a fyne thread error:" >&2
  cat "$log" >&2
  exit 1
fi
echo "screenshot: wrote $out"
