#!/bin/sh
# Prints the JDK modules the app's jars use (after `mvn -DskipTests package`), the start of
# deckhand.jlink.modules in packaging/pom.xml. Re-run it when a dependency changes.
set -eu
cd "$(dirname "$0")/../../../app/target"
jdeps -q --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path 'lib/*' deckhand.jar lib/*.jar 2>/dev/null
