#!/usr/bin/env bash
# Start-up of the installed app (the .deb/.rpm, /opt/deckhand) with and without its jlink runtime
# and AppCDS archive, in one run, interleaved, same jars and same JVM options:
#   jdk            the full JDK 17 (java on the PATH or $JAVA_HOME) with its default CDS archive
#   jlink          the package's trimmed runtime (/opt/deckhand/lib/runtime), its default CDS archive
#   jlink+appcds   what a user starts: /usr/bin/deckhand and the menu entry (lib/deckhand.sh: the
#                  trimmed runtime + deckhand.jsa)
#   jpackage-exe   the same through jpackage's native launcher bin/Deckhand, which queries rpm and
#                  dpkg on every start (why the packages do not use it)
# Measures the first frame twice: "jvm" is StartupClock's log line (JVM start → first frame; it
# cannot see what runs before the JVM), "wall" is from spawning the command to that line; under
# xvfb-run when there is no DISPLAY. And the wall time of `deckhand --version`. Prints medians and
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

launch() { # variant args... — exec: run it in a subshell or in the background, where $! is then
  local v=$1 # the JVM itself (killing a subshell would leave the JVM running into the next runs)
  shift
  case $v in
    jdk) exec "$jdk_java" "${opts[@]}" -cp "$cp" "$main" "$@" ;;
    jlink) exec "$APP/lib/runtime/bin/java" "${opts[@]}" -cp "$cp" "$main" "$@" ;;
    jlink+appcds) exec "$APP/lib/deckhand.sh" "$@" ;;
    jpackage-exe) exec "$APP/bin/Deckhand" "$@" ;;
  esac
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KUBECONFIG=$tmp/no-kubeconfig DECKHAND_LOG_LEVEL=info LC_ALL=C.UTF-8 TZ=UTC

cold() { if [ -n "${COLD:-}" ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi; }

first_frame() { # variant → "jvm-ms wall-ms"
  local home s
  home=$(mktemp -d "$tmp/home.XXXX")
  cold
  : >"$home/log"
  s=$(date +%s%N)
  HOME=$home launch "$1" >"$home/log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    grep -q 'first frame' "$home/log" && break
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # "17:12:03.456 INFO  d.d.a.g.StartupClock - first frame 1234 ms after process start"
  awk -v s="$s" '/first frame/ {
      split($1, t, ":"); day = int(s / 1e9 / 86400) * 86400
      wall = ((day + t[1] * 3600 + t[2] * 60 + t[3]) * 1000) - int(s / 1e6)
      if (wall < 0) wall += 86400000
      print $(NF-4), int(wall); found = 1; exit }
    END { if (!found) print "NaN NaN" }' "$home/log"
}

version_ms() { # variant → ms
  cold
  local s e
  s=$(date +%s%N)
  (HOME=$tmp launch "$1" --version >/dev/null 2>&1)
  e=$(date +%s%N)
  echo $(((e - s) / 1000000))
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

variants=(jdk jlink jlink+appcds jpackage-exe)
echo "startup-bench: $APP, $RUNS runs per variant (interleaved), $(nproc) cores, $("$APP/bin/Deckhand" --version 2>/dev/null)"
for v in "${variants[@]}"; do first_frame "$v" >/dev/null; version_ms "$v" >/dev/null; done # warm-up
for _ in $(seq 1 "$RUNS"); do
  for v in "${variants[@]}"; do
    read -r jvm wall < <(first_frame "$v")
    echo "$jvm" >>"$tmp/jvm-$v"
    echo "$wall" >>"$tmp/wall-$v"
    version_ms "$v" >>"$tmp/version-$v"
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
echo "first frame: jvm = JVM start → frame (StartupClock), wall = spawn → frame; medians in ms, (ratio to jdk)"
printf '%-14s %18s %18s %24s\n' variant "frame, jvm" "frame, wall" "deckhand --version"
bj=$(median <"$tmp/jvm-jdk")
bw=$(median <"$tmp/wall-jdk")
bv=$(median <"$tmp/version-jdk")
for v in "${variants[@]}"; do
  j=$(median <"$tmp/jvm-$v")
  w=$(median <"$tmp/wall-$v")
  x=$(median <"$tmp/version-$v")
  printf '%-14s %18s %18s %24s\n' "$v" "$j ($(ratio "$j" "$bj"))" "$w ($(ratio "$w" "$bw"))" "$x ($(ratio "$x" "$bv"))"
done
for v in "${variants[@]}"; do
  echo "runs $v: jvm [$(paste -sd' ' "$tmp/jvm-$v")] wall [$(paste -sd' ' "$tmp/wall-$v")] version [$(paste -sd' ' "$tmp/version-$v")]"
done
