#!/usr/bin/env bash
# Sourced by the sandbox benchmarks: compiles the sandbox's tests and sets CP to their classpath.
# In one reactor run, so core resolves to core/target/classes; the sandbox's classpath is written last.
mkdir -p bench-work
mvn -q -pl sandbox -am test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.outputFile="$REPO/bench-work/sandbox-cp.txt" -Dmdep.includeScope=test >/dev/null
CP="sandbox/target/test-classes:sandbox/target/classes:$(cat bench-work/sandbox-cp.txt)"
