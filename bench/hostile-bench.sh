#!/usr/bin/env bash
# The pushes that once wedged a component (issue 10): deleting N files and adding N files with
# hostile names (newlines, leading dashes, quotes, non-ASCII), Deckhand's sync stage against a raw
# `tar --null -T - | podman exec -i tar -x` / `podman exec -i xargs -0 rm` doing the same, interleaved.
# Usage: bench/hostile-bench.sh [FILES] [ROUNDS]   (default 10000 3). Needs podman (see .ci/run).
set -euo pipefail
FILES=${1:-10000}
ROUNDS=${2:-3}
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
source "$REPO/bench/classpath.sh"
java -cp "$CP" -Dlogback.configurationFile=sandbox/src/test/resources/logback-test.xml \
  dev.deckhand.sandbox.bench.HostileSyncBenchmark "$FILES" "$ROUNDS"
