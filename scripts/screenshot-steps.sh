# shellcheck shell=bash
# The xdotool steps of each screenshot of scripts/screenshots.sh, run inside
# its virtual X server; sourced there.

click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-0.6}"; }
# Death Valley, 2018: the preview has 5 columns; Import takes DATE and
# TMAX. Then solve, draw both bands and the curve to the end of 2019.
steps_dates() {
  click 686 576 2
  xdotool key F5; sleep 1
  click 575 88; click 727 88
  click 655 128; xdotool key ctrl+a; xdotool type --delay 30 "2019-12-31"; xdotool key Return; sleep 2
}
steps_export() {
  steps_dates
  xdotool key ctrl+e; sleep 1
  click 548 305 1
}
steps_compare() { click 609 49 1; click 470 130 4; }
steps_race() { click 704 49 1; sleep 6; click 498 174 3; }
steps_landscape-raw() { sleep 2; click 777 49 4; }
steps_landscape-scaled() { sleep 2; click 777 49 4; }
