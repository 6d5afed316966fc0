#!/usr/bin/env bash
# Runs the real Tempfit window under a virtual X server for 30 seconds with
# training started, built with the race detector, while xdotool edits a cell,
# toggles the residual chart and resizes the window. Fails if the app prints
# a fyne thread error, a panic or a data race, or does not exit cleanly.
#
# Usage: scripts/xvfb-smoke.sh [seconds]
set -euo pipefail

cd "$(dirname "$0")/.."
secs=${1:-30}

bash scripts/deps.sh

mkdir -p bin
echo "smoke: building bin/tempfit-race"
go build -race -o bin/tempfit-race ./cmd/tempfit

# A fresh settings folder: no remembered window size, settings or autosave
# from an earlier run changes what the app shows.
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME

export LANG=${LANG:-en_US.UTF-8}
case "$LANG" in C|POSIX|C.*|"") export LANG=en_US.UTF-8 ;; esac
log=$(mktemp)
trap 'rm -rf "$log" "$XDG_CONFIG_HOME"' EXIT

echo "smoke: running the window for ${secs}s under Xvfb"
status=0
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  secs=$1 log=$2
  # A budget no run reaches in time, at maximum speed: training never stops.
  ./bin/tempfit-race --start --speed max --steps 1000000000 --stats 2>"$log" &
  pid=$!
  at=0
  pause() { sleep "$1"; at=$((at + $1)); }
  pause 6
  # Below the menu bar: row 1 of the table at y 164, row 3 at y 244, the
  # residuals toggle at (430, 48).
  xdotool mousemove 190 164 click 1 type --delay 50 "7.5"
  xdotool key Return
  pause 2
  xdotool mousemove 190 244 click 1 type --delay 50 "oops"
  xdotool key Return
  pause 2
  xdotool key ctrl+z
  xdotool key F5
  pause 1
  xdotool key F5
  xdotool mousemove 430 48 click 1
  pause 3
  win=$(xdotool search --name Tempfit | head -n 1 || true)
  if [ -n "$win" ]; then xdotool windowsize "$win" 1000 700 || true; fi
  pause 3
  xdotool mousemove 430 48 click 1
  if [ "$secs" -gt "$at" ]; then sleep $((secs - at)); fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "smoke: the app exited before the end" >&2
    wait "$pid" || true
    exit 3
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "smoke: the app did not exit on SIGTERM" >&2
    kill -KILL "$pid"
    exit 4
  fi
  wait "$pid"
' _ "$secs" "$log" || status=$?

grep -v -E 'XDG_RUNTIME_DIR|dbus-launch|Failed to (initialise|load) (dbus|user locales)' "$log" | sed 's/^/  app: /' || true
fail=0
for pattern in "Error in Fyne call thread" "panic:" "WARNING: DATA RACE" "fatal error:"; do
  if grep -q "$pattern" "$log"; then
    echo "smoke: FAIL: the app printed \"$pattern\"" >&2
    fail=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "smoke: FAIL: exit status $status" >&2
  fail=1
fi
if ! grep -q "frames" "$log"; then
  echo "smoke: FAIL: no statistics printed, so the app did not exit cleanly" >&2
  fail=1
fi
[ "$fail" -eq 0 ] && echo "smoke: ok"
exit "$fail"
