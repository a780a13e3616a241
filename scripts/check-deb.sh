#!/bin/bash
# Builds the installers and checks the .deb as a user gets it (run as root on Debian/Ubuntu; CI runs
# it after the tests, see .ci/run): `mvn -Pinstallers package`, `dpkg -i`, then the installed
# `deckhand --version` from the PATH, a headless `deckhand index` on a temporary folder, the desktop
# entry and its icon, the AppCDS archive made on install, and the window's first frame under
# xvfb-run; finally `dpkg -r` and a check that nothing is left. Prints how long each part took.
# SKIP_BUILD=1 reuses packaging/target/installers.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8
t0=$(date +%s)
step() { echo "check-deb: $* ($(($(date +%s) - t0)) s)"; }
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }

scripts/install-packaging-tools.sh
step "packaging tools present"
if [ -z "${SKIP_BUILD:-}" ]; then
  log=$(mktemp)
  mvn -B -DskipTests -Pinstallers package >"$log" 2>&1 || { grep -E 'ERROR' "$log" | head -20 >&2; fail "mvn -Pinstallers package (log: $log)"; }
  grep -E 'train-cds' "$log" || true
  rm -f "$log"
  step "built (mvn -B -DskipTests -Pinstallers package)"
fi
deb=$(ls packaging/target/installers/deckhand_*_amd64.deb 2>/dev/null | head -1)
[ -f "$deb" ] || fail "no .deb in packaging/target/installers"
ls -l packaging/target/installers/*.deb packaging/target/installers/*.rpm 2>/dev/null | awk '{print "check-deb:   " $5 " bytes  " $9}'

# dpkg -i installs no dependencies: install the ones the package declares first.
if dpkg -s deckhand >/dev/null 2>&1; then dpkg -r deckhand >/dev/null; fi
# shellcheck disable=SC2046
apt-get install -y -qq --no-install-recommends $(dpkg-deb -f "$deb" Depends | tr -d ',') >/dev/null
dpkg -i "$deb" >/dev/null
step "installed $deb"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home KUBECONFIG=$tmp/no-kubeconfig
mkdir -p "$HOME" "$tmp/project/src"
cd "$tmp/project"

[ "$(command -v deckhand)" = /usr/bin/deckhand ] || fail "deckhand is not /usr/bin/deckhand on the PATH"
version=$(deckhand --version) || fail "deckhand --version"
[[ $version == "deckhand "* ]] || fail "deckhand --version printed: $version"
step "deckhand --version: $version"

echo '{"name":"check"}' >package.json
echo 'console.log("hi")' >src/index.js
echo 'x' >"src/ä ö.js"
out=$(deckhand index) || fail "deckhand index: $out"
grep -q '4 entries indexed; 4 added' <<<"$out" || fail "deckhand index printed: $out"
[ -f .odo/odo-file-index.json ] || fail "deckhand index wrote no .odo/odo-file-index.json"
# Under LANG=C too (the /usr/bin/deckhand wrapper switches to C.UTF-8 for the file names).
out=$(LANG=C LC_ALL= deckhand index -o json) || fail "deckhand index under LANG=C: $out"
grep -q '"files":4' <<<"$out" || fail "deckhand index under LANG=C printed: $out"
step "deckhand index (headless) on a temporary folder"

desktop=$(ls /usr/share/applications/deckhand*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications"
grep -q '^Categories=Development;' "$desktop" || fail "$desktop: no Categories=Development;"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -s "$icon" ] || fail "$desktop: icon $icon is missing"
exec=$(sed -n 's/^Exec=//p' "$desktop")
[ -x "$exec" ] || fail "$desktop: Exec=$exec is not executable"
step "desktop entry $desktop, Exec=$exec, icon $icon"

[ -s /opt/deckhand/lib/app/deckhand.jsa ] || fail "no AppCDS archive made on install"
JAVA_TOOL_OPTIONS=-Xlog:class+load=info deckhand --version 2>&1 |
  grep -q 'dev.deckhand.app.Main source: shared objects file' || fail "the AppCDS archive does not map"
step "AppCDS archive $(du -h /opt/deckhand/lib/app/deckhand.jsa | cut -f1), maps"

if command -v xvfb-run >/dev/null; then
  DECKHAND_LOG_LEVEL=info timeout 60 xvfb-run -a sh -c '
    deckhand >"$0/window.log" 2>&1 & pid=$!
    for _ in $(seq 1 300); do grep -q "first frame" "$0/window.log" && break; sleep 0.1; done
    kill $pid; wait $pid' "$tmp" || true
  frame=$(grep -o 'first frame [0-9]* ms' "$tmp/window.log") || fail "the window showed no first frame: $(cat "$tmp/window.log")"
  step "window under xvfb-run: $frame"
fi

cd /
dpkg -r deckhand >/dev/null
[ ! -e /usr/bin/deckhand ] || fail "/usr/bin/deckhand is left after dpkg -r"
[ ! -e /opt/deckhand ] || fail "/opt/deckhand is left after dpkg -r: $(find /opt/deckhand | head)"
[ -z "$(ls /usr/share/applications/deckhand*.desktop 2>/dev/null)" ] || fail "the desktop entry is left after dpkg -r"
step "removed (dpkg -r); nothing left"
echo "check-deb: OK in $(($(date +%s) - t0)) s"
