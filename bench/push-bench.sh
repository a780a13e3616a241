#!/usr/bin/env bash
# One-file edit → files in container → new HTTP answer: Deckhand push vs a raw
# `tar | podman exec -i tar` one-liner (+ assemble-and-restart), interleaved in one run.
# Usage: bench/push-bench.sh [EDITS]   (default 10). Needs podman (see .ci/run).
set -euo pipefail
RUNS=${1:-10}
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
mkdir -p bench-work
# In one reactor run, so core resolves to core/target/classes; the sandbox's classpath is written last.
mvn -q -pl sandbox -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile="$REPO/bench-work/sandbox-cp.txt" -Dmdep.includeScope=test >/dev/null
CP="sandbox/target/test-classes:sandbox/target/classes:$(cat bench-work/sandbox-cp.txt)"
java -cp "$CP" -Dlogback.configurationFile=sandbox/src/test/resources/logback-test.xml \
  dev.deckhand.sandbox.bench.PushBenchmark "$RUNS"
