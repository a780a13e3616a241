#!/bin/sh
# Starts Deckhand exactly as the app-image's bin/Deckhand does: the same runtime, class path, main
# class and JVM options (AppCDS archive included), read from lib/app/Deckhand.cfg. But JDK 17's
# jpackage launcher runs `rpm -qf`, `dpkg -S` and `dpkg -L` (twice) on every start, which costs
# 0.2-0.5 s; this does not. The packages link /usr/bin/deckhand here and the desktop entry runs it.
# Like app/src/launcher/deckhand, a non-UTF-8 locale (LANG=C) gets C.UTF-8: Java decodes file names
# with the locale's charset, and non-ASCII names would be mangled.
self=$(readlink -f "$0")
lib=$(dirname "$self")
app=$lib/app
cfg=$app/Deckhand.cfg
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
  *UTF-8* | *utf8* | *UTF8* | *utf-8*) ;;
  *) export LC_ALL=C.UTF-8 ;;
esac
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
opts=$(sed -n 's/^java-options=//p' "$cfg" | sed "s|\$APPDIR|$app|g")
# shellcheck disable=SC2086  # one option per line in the cfg, none with spaces
exec "$lib/runtime/bin/java" $opts -cp "$cp" "$main" "$@"
