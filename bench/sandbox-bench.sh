#!/usr/bin/env bash
# Sandbox timings: start → first Running odo pod, and exec round trip through the sandbox's API vs a
# raw `podman exec` of the same container, interleaved in the same run.
# Usage: bench/sandbox-bench.sh [RUNS]   (default 20). Needs podman (see .ci/run).
set -euo pipefail
RUNS=${1:-20}
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
source "$REPO/bench/classpath.sh"
java -cp "$CP" -Dlogback.configurationFile=sandbox/src/test/resources/logback-test.xml \
  dev.deckhand.sandbox.bench.SandboxBenchmark "$RUNS"
