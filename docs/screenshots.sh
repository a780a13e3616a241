#!/bin/sh
# Renders the main screens (scripted engine events, no cluster) into docs/screenshots/ under Xvfb.
# Needs: xvfb (xvfb-run), libgtk-3-0, libxtst6. Run from anywhere.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cp_file="$root/app/target/screenshot-classpath.txt"
mvn -q -pl app -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test -Dspotless.check.skip=true
# Not the headless Monocle flags the tests use: this is the real GTK window on an X server.
xvfb-run -a -s "-screen 0 1400x900x24" \
  java -cp "app/target/test-classes:app/target/classes:$(cat "$cp_file")" \
  dev.deckhand.app.gui.ScreenshotTool "$root/docs/screenshots"
