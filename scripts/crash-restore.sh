#!/usr/bin/env bash
# Kills the real Tempfit window with SIGKILL while it trains with unsaved
# changes, at a different moment in each round (some of them in the middle
# of an autosave), and checks that no file it wrote is half-written and that
# the next start offers the work back and restores it.
#
# Usage: scripts/crash-restore.sh [rounds]
set -euo pipefail

cd "$(dirname "$0")/.."
rounds=${1:-3}

bash scripts/deps.sh
mkdir -p bin
if [ ! -x bin/tempfit-race ] || [ -n "$(find cmd gui core chart sampledata -name '*.go' -newer bin/tempfit-race | head -n 1)" ]; then
  echo "crash: building bin/tempfit-race"
  go build -race -o bin/tempfit-race ./cmd/tempfit
fi

export LANG=en_US.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -euo pipefail
  rounds=$1 work=$2
  pid=""
  finish() { if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi; }
  trap finish EXIT
  title() { xdotool getwindowname "$(xdotool search --sync --name Tempfit | head -n 1)"; }
  for round in $(seq 1 "$rounds"); do
    export XDG_CONFIG_HOME=$work/round$round
    mkdir -p "$XDG_CONFIG_HOME"
    # Train at full speed and edit row 1: y = 7.5 is the unsaved work.
    ./bin/tempfit-race --start --speed max --steps 1000000000 2>"$work/app$round.log" &
    pid=$!
    sleep 7
    xdotool mousemove 190 164 click 1 type --delay 50 "7.5"
    xdotool key Return
    auto=""
    for _ in $(seq 1 40); do
      auto=$(find "$XDG_CONFIG_HOME" -name autosave.tempfit)
      [ -n "$auto" ] && break
      sleep 0.5
    done
    if [ -z "$auto" ]; then echo "crash: round $round: no autosave was written" >&2; exit 2; fi
    # Autosaves follow every 5 s while the run changes: kill at another
    # moment of that cycle each round.
    sleep "$(( round * 17 % 50 / 10 )).$(( round * 37 % 10 ))"
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true

    # Every file in the storage folder is whole.
    python3 - "$auto" <<PY
import json, sys
p = json.load(open(sys.argv[1]))
assert p["format"] == "tempfit-project", p["format"]
assert len(p["data"]["x"]) == len(p["data"]["y"]) == 12, "the points are not all there"
assert p["data"]["y"][0] == 7.5, "the autosave lost the edit: y = %r" % p["data"]["y"][0]
PY
    leftover=$(find "$(dirname "$auto")" -name ".*tmp*" | head -n 1)

    # The next start offers the work back; Restore brings it back unsaved.
    ./bin/tempfit-race 2>>"$work/app$round.log" &
    pid=$!
    sleep 6
    case "$(title)" in *"*") echo "crash: round $round: restored before the user chose" >&2; exit 3 ;; esac
    xdotool mousemove 688 446 click 1
    sleep 2
    case "$(title)" in
      *"book.csv *") ;;
      *) echo "crash: round $round: not restored, the title is \"$(title)\"" >&2; exit 4 ;;
    esac
    kill -TERM "$pid"
    wait "$pid"
    if [ -n "$leftover" ] && [ -e "$leftover" ]; then
      echo "crash: round $round: the temporary file $leftover outlived the next run" >&2
      exit 5
    fi
    echo "crash: round $round: killed, offered back and restored"
  done
' _ "$rounds" "$work"

fail=0
for pattern in "Error in Fyne call thread" "panic:" "WARNING: DATA RACE" "fatal error:"; do
  if grep -q "$pattern" "$work"/app*.log; then
    echo "crash: FAIL: the app printed \"$pattern\"" >&2
    fail=1
  fi
done
[ "$fail" -eq 0 ] && echo "crash: ok"
exit "$fail"
