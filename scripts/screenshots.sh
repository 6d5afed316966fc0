#!/usr/bin/env bash
# Captures the README's screenshots of the app under a virtual X server:
# a real daily station record with gaps fitted with a trend and a season
# (docs/screenshot-dates.png), its export dialog (docs/screenshot-export.png),
# the Compare models tab (docs/screenshot-compare.png), the race of the
# book's preset (docs/screenshot-race.png) and the loss landscape of the
# book's problem on raw and on scaled x (docs/screenshot-landscape-raw.png,
# docs/screenshot-landscape-scaled.png). The main screenshot is
# scripts/screenshot.sh's.
#
# The window is 1280×760 at the top left of the screen, so the clicks of
# scripts/screenshot-steps.sh land on the widgets they name.
#
# Usage: scripts/screenshots.sh [NAME...]   (dates, export, compare, race,
#        landscape-raw, landscape-scaled; all by default)
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/deps.sh imagemagick
mkdir -p bin docs
go build -o bin/tempfit ./cmd/tempfit

export LANG=${LANG:-en_US.UTF-8}
case "$LANG" in C|POSIX|C.*|"") export LANG=en_US.UTF-8 ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# settings KEY=VALUE... writes the preferences a fresh window starts with.
settings() {
  local dir=$XDG_CONFIG_HOME/fyne/io.github.tempfit.tempfit
  mkdir -p "$dir"
  python3 -c 'import json, sys
prefs = {}
for kv in sys.argv[2:]:
    k, v = kv.split("=", 1)
    prefs[k] = int(v) if v.lstrip("-").isdigit() else (float(v) if v.replace(".", "", 1).isdigit() else v)
json.dump(prefs, open(sys.argv[1], "w"))' "$dir/preferences.json" "$@"
}

# shoot NAME ARGS... starts the app with ARGS in a fresh settings folder,
# runs the xdotool steps in the function steps_NAME, and captures the
# window to docs/screenshot-NAME.png.
shoot() {
  local name=$1
  shift
  export XDG_CONFIG_HOME=$work/$name
  mkdir -p "$XDG_CONFIG_HOME"
  "setup_$name"
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    name=$1 work=$2; shift 2
    source scripts/screenshot-steps.sh
    ./bin/tempfit "$@" >"$work/$name.log" 2>&1 &
    pid=$!
    sleep 5
    "steps_$name"
    import -window root -crop 1280x760+0+0 +repage "docs/screenshot-$name.png"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  ' _ "$name" "$work" "$@"
  if grep -q "Error in Fyne call thread" "$work/$name.log"; then
    echo "screenshots: $name: the app reported a fyne thread error" >&2
    exit 1
  fi
  echo "screenshots: wrote docs/screenshot-$name.png"
}

setup_dates() { settings settings.model=seasonal settings.trend=1 settings.harmonics=2 settings.period=365.2425 settings.scaling=scaled settings.optimizer=exact; }
setup_export() { setup_dates; }
setup_compare() { :; }
setup_race() { :; }
setup_landscape-raw() { settings settings.model=poly settings.degree=4 settings.scaling=raw settings.optimizer=adam settings.speed=max settings.steps=100000; }
setup_landscape-scaled() { settings settings.model=poly settings.degree=4 settings.scaling=scaled settings.optimizer=adam settings.learningRate=0.1 settings.speed=max settings.steps=3000; }

# want NAME reports whether NAME is to be shot: all of them, or those
# named on the command line.
want() { [ ${#names[@]} -eq 0 ] || [[ " ${names[*]} " == *" $1 "* ]]; }
names=("$@")
want dates && shoot dates sampledata/death-valley-2018.csv
want export && shoot export sampledata/death-valley-2018.csv
want compare && shoot compare
want race && shoot race --race book --speed animated
want landscape-raw && shoot landscape-raw --start
want landscape-scaled && shoot landscape-scaled --start
true
