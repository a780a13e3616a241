#!/bin/bash
# Prepares the app-image for AppCDS (called by packaging/pom.xml with -Pinstallers on Linux):
#   packaging/src/jpackage/train-cds.sh target/installers/Deckhand
#
# 1. Training runs of the app-image's own launcher and runtime record every class they load
#    (-XX:DumpLoadedClassList) into lib/app/deckhand.classlist: the window (first frame plus the
#    work done after it; under xvfb-run when there is no display) and the CLI (create, manifests,
#    index on a temporary folder).
# 2. The launcher's config gets -XX:SharedArchiveFile=$APPDIR/deckhand.jsa, so every start maps the
#    archive.
# 3. The archive itself is made where the app is installed: JDK 17 records the absolute jar paths
#    in it and ignores an archive whose class path differs (relocation came in JDK 19+), so one made
#    here would be dead weight at /opt/deckhand. This script puts cds-archive.sh into the image as
#    lib/cds-archive.sh; the packages' postinst (deb) / %post (rpm) run it (≈ 8 s, ≈ 50 MB), and
#    remove the archive again on uninstall. An upgrade runs it again for the new jars and runtime,
#    so an archive never outlives its version. Without one (dump failed) the JVM simply starts
#    without class sharing. This script makes one in the app-image to check that it maps, then
#    deletes it (pass --keep to keep it, e.g. to run the app-image itself).
# 4. It also adds lib/deckhand.sh (see there): the launcher the packages put on the PATH and in the
#    desktop entry.
set -euo pipefail
mode=
case "${1:-}" in --window | --keep) mode=$1; shift ;; esac
image=$(readlink -f "$1")
launcher=$image/bin/Deckhand
cfg=$image/lib/app/Deckhand.cfg
list=$image/lib/app/deckhand.classlist
jsa=$image/lib/app/deckhand.jsa
[ -x "$launcher" ] && [ -f "$cfg" ] || { echo "train-cds.sh: no app-image at $image" >&2; exit 1; }

if [ "$mode" = --window ]; then
  tmp=$TRAIN_TMP
else
  # Train without an archive (the option would make the JVM look for one).
  rm -f "$jsa" "$list"
  sed -i '/^java-options=-XX:SharedArchiveFile=/d' "$cfg"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi
mkdir -p "$tmp/home" "$tmp/project" "$tmp/lists"
# A clean, offline user: no kubeconfig, no saved window state.
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
export KUBECONFIG=$tmp/home/no-kubeconfig DECKHAND_LOG_LEVEL=info LC_ALL=C.UTF-8

run() { # name args...: one training run, its class list in $tmp/lists/name
  local name=$1
  shift
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$tmp/lists/$name" "$launcher" "$@"
}

# Opens the window, waits for the first frame and 3 s of the work after it, then ends it (SIGTERM).
# A plain command in the background, so that $! is the launcher's JVM (not a subshell around it).
window_run() {
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$tmp/lists/window" "$launcher" >"$tmp/out" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    grep -q 'first frame' "$tmp/out" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep 3
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  grep -q 'first frame' "$tmp/out"
}

# Under xvfb-run this script runs itself with --window: the window's training run only.
if [ "$mode" = --window ]; then
  window_run
  exit
fi

start=$(date +%s)
if [ -n "${DISPLAY:-}" ] && window_run; then
  how="window (DISPLAY=$DISPLAY)"
elif command -v xvfb-run >/dev/null && TRAIN_TMP=$tmp xvfb-run -a "$0" --window "$image"; then
  how="window (xvfb-run)"
else
  echo "train-cds.sh: could not open the window (no display, or no xvfb-run); CLI training only" >&2
  cat "$tmp/out" >&2 2>/dev/null || true
  how="no window"
fi
echo '{"name":"training","version":"1.0.0"}' >"$tmp/project/package.json"
(
  cd "$tmp/project"
  run create create >/dev/null 2>&1
  run manifests manifests >/dev/null 2>&1
  run index index >/dev/null 2>&1
) || echo "train-cds.sh: a CLI training run failed (its classes are still listed)" >&2
# One list: every class once, in first-loaded order.
cat "$tmp"/lists/* | awk '!seen[$0]++' >"$list"

sed -i 's|^\[JavaOptions\]$|[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/deckhand.jsa|' "$cfg"
grep -q 'SharedArchiveFile' "$cfg" || { echo "train-cds.sh: $cfg has no [JavaOptions]" >&2; exit 1; }

# The script the packages run on install (lib/cds-archive.sh), here, to check that it works and maps;
# and lib/deckhand.sh, the launcher /usr/bin/deckhand and the desktop entry use.
install -m 755 "$(dirname "$0")/cds-archive.sh" "$image/lib/cds-archive.sh"
install -m 755 "$(dirname "$0")/deckhand.sh" "$image/lib/deckhand.sh"
"$image/lib/cds-archive.sh"
# Mapped means the app's own classes come from it.
if JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$image/lib/deckhand.sh" --version 2>&1 |
  grep -q 'dev.deckhand.app.Main source: shared objects file'; then
  mapped=yes
else
  echo "train-cds.sh: the archive does not map" >&2
  exit 1
fi
size=$(du -h "$jsa" | cut -f1)
[ "$mode" = --keep ] || rm -f "$jsa"
echo "train-cds.sh: $(wc -l <"$list") classes listed from the $how and CLI runs;" \
  "a test archive ($size) maps: $mapped; $(($(date +%s) - start)) s"
