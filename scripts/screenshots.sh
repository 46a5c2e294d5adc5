#!/usr/bin/env bash
# Renders the console under Xvfb into PNG screenshots (docs/images by default): the main window in both
# themes, the alarms and event log, the trigger list, the MQTT device dialog and the trigger editor with
# its preview, each after a few seconds of live
# simulator data. Needs xvfb-run (Debian: apt-get install xvfb).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-docs/images}"
after="${AFTER:-8s}"
mkdir -p "$out"
shoot() { # file, seconds of live data first, extra options...
  local file="$1" wait="$2"; shift 2
  xvfb-run -a -s "-screen 0 1920x1200x24" ./benchwatch --screenshot "$out/$file" --after "$wait" "$@"
}
shoot console-dark.png "$after" --theme dark
shoot console-light.png "$after" --theme light
shoot alarms-dark.png "$after" --theme dark --view alarms
shoot triggers-dark.png "$after" --theme dark --view triggers
shoot device-dialog-dark.png 1s --theme dark --view device_dialog
shoot device-dialog-light.png 1s --theme light --view device_dialog
shoot trigger-editor-dark.png "$after" --theme dark --view trigger_editor
shoot trigger-editor-light.png "$after" --theme light --view trigger_editor
echo "screenshots in $out"
