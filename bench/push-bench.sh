#!/usr/bin/env bash
# One-file edit → files in container → new HTTP answer: Deckhand push vs a raw
# `tar | podman exec -i tar` one-liner (+ assemble-and-restart), interleaved in one run.
# Usage: bench/push-bench.sh [EDITS]   (default 10). Needs podman (see .ci/run).
set -euo pipefail
RUNS=${1:-10}
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
source "$REPO/bench/classpath.sh"
java -cp "$CP" -Dlogback.configurationFile=sandbox/src/test/resources/logback-test.xml \
  dev.deckhand.sandbox.bench.PushBenchmark "$RUNS"
