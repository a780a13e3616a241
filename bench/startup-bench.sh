#!/usr/bin/env bash
# Start-up of the installed app (the .deb/.rpm, /opt/deckhand) with and without its jlink runtime
# and AppCDS archive, in one run, interleaved, same jars and same JVM options:
#   jdk          the full JDK 17 (java on the PATH or $JAVA_HOME) with its default CDS archive
#   jlink        the package's trimmed runtime (/opt/deckhand/lib/runtime) with its default CDS archive
#   jlink+appcds the installed launcher as a user starts it (trimmed runtime + deckhand.jsa)
# Measures time to first frame (StartupClock's log line: process start → first frame, under
# xvfb-run when there is no DISPLAY) and the wall time of `deckhand --version`. Prints medians and
# ratios against jdk. Usage (after `dpkg -i` / `rpm -i`):
#   bench/startup-bench.sh [RUNS]     (default 7; one warm-up run per variant is not counted)
# Page cache is warm (the warm-up runs); COLD=1 drops caches before every run (root; slow).
set -euo pipefail
RUNS=${1:-7}
APP=${DECKHAND_HOME:-/opt/deckhand}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1400x900x24' "$0" "$@"
fi
[ -x "$APP/bin/Deckhand" ] || { echo "no installed Deckhand at $APP (dpkg -i the .deb first)" >&2; exit 1; }
jdk_java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cfg=$APP/lib/app/Deckhand.cfg
appdir=$APP/lib/app
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$appdir|g" | paste -sd: -)
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
mapfile -t opts < <(sed -n 's/^java-options=//p' "$cfg" | grep -v SharedArchiveFile | sed "s|\$APPDIR|$appdir|g")

launch() { # variant args...
  local v=$1
  shift
  case $v in
    jdk) "$jdk_java" "${opts[@]}" -cp "$cp" "$main" "$@" ;;
    jlink) "$APP/lib/runtime/bin/java" "${opts[@]}" -cp "$cp" "$main" "$@" ;;
    jlink+appcds) "$APP/bin/Deckhand" "$@" ;;
  esac
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KUBECONFIG=$tmp/no-kubeconfig DECKHAND_LOG_LEVEL=info LC_ALL=C.UTF-8

cold() { if [ -n "${COLD:-}" ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi; }

first_frame() { # variant → ms
  local home
  home=$(mktemp -d "$tmp/home.XXXX")
  cold
  : >"$home/log"
  HOME=$home launch "$1" >"$home/log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    grep -q 'first frame' "$home/log" && break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep -o 'first frame [0-9]*' "$home/log" | grep -o '[0-9]*$' || echo NaN
}

version_ms() { # variant → ms
  cold
  local s e
  s=$(date +%s%N)
  HOME=$tmp launch "$1" --version >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

variants=(jdk jlink jlink+appcds)
echo "startup-bench: $APP, $RUNS runs per variant (interleaved), $(nproc) cores, $("$APP/bin/Deckhand" --version 2>/dev/null)"
for v in "${variants[@]}"; do first_frame "$v" >/dev/null; version_ms "$v" >/dev/null; done # warm-up
for _ in $(seq 1 "$RUNS"); do
  for v in "${variants[@]}"; do
    first_frame "$v" >>"$tmp/frame-$v"
    version_ms "$v" >>"$tmp/version-$v"
  done
done

printf '%-14s %18s %8s %22s %8s\n' variant "first frame (ms)" ratio "deckhand --version (ms)" ratio
bf=$(median <"$tmp/frame-jdk")
bv=$(median <"$tmp/version-jdk")
for v in "${variants[@]}"; do
  f=$(median <"$tmp/frame-$v")
  w=$(median <"$tmp/version-$v")
  printf '%-14s %18s %8s %22s %8s\n' "$v" "$f" "$(awk -v a="$f" -v b="$bf" 'BEGIN{printf "%.2f", a/b}')" \
    "$w" "$(awk -v a="$w" -v b="$bv" 'BEGIN{printf "%.2f", a/b}')"
done
echo "(medians; ratio = variant / jdk; all runs: $(for v in "${variants[@]}"; do printf '%s frame [%s] version [%s]; ' "$v" "$(paste -sd' ' "$tmp/frame-$v")" "$(paste -sd' ' "$tmp/version-$v")"; done))"
