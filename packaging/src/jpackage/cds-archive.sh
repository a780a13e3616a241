#!/bin/sh
# Makes Deckhand's AppCDS archive, lib/app/deckhand.jsa, for the place this app-image is installed:
# JDK 17 records the jars' absolute paths in the archive and ignores it wherever they differ.
# The packages run it on install and upgrade (train-cds.sh copies it to lib/cds-archive.sh); for an
# app-image copied by hand, run it once: Deckhand/lib/cds-archive.sh. It calls the runtime's java
# directly with the launcher's class path (from lib/app/Deckhand.cfg, in its order): the launcher
# itself queries the package manager, which fails inside an rpm transaction.
# About 8 s and 40-50 MB. Exit status 1 (and no archive) if the dump fails: Deckhand then starts
# without class sharing.
set -eu
lib=$(cd "$(dirname "$0")" && pwd -P)
app=$lib/app
jsa=$app/deckhand.jsa
cfg=$app/Deckhand.cfg
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
# The launcher's JVM options too (the collector shapes the archive), but not the archive itself.
opts=$(sed -n 's/^java-options=//p' "$cfg" | grep -v SharedArchiveFile | sed "s|\$APPDIR|$app|g")
log=$(mktemp)
rm -f "$jsa"
# shellcheck disable=SC2086
if ! "$lib/runtime/bin/java" $opts -Xshare:dump -XX:SharedClassListFile="$app/deckhand.classlist" \
  -XX:SharedArchiveFile="$jsa" -cp "$cp" >"$log" 2>&1; then
  echo "cds-archive.sh: the dump failed; its output is in $log" >&2
  rm -f "$jsa"
  exit 1
fi
rm -f "$log"
