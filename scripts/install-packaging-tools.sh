#!/bin/bash
# Installs what `mvn -Pinstallers package` needs on Debian/Ubuntu (run as root; idempotent):
# jpackage calls dpkg-deb, fakeroot and ldd for the .deb, rpm/rpmbuild for the .rpm, and objcopy
# (binutils); the AppCDS training run opens the window under xvfb-run (packaging/src/jpackage/train-cds.sh)
# and needs GTK 3 like the app itself. CI runs it (.ci/run); so can a developer.
set -eu
export DEBIAN_FRONTEND=noninteractive
need=""
for tool in dpkg-deb fakeroot ldd rpmbuild objcopy xvfb-run xauth; do
  command -v "$tool" >/dev/null 2>&1 || need="yes"
done
[ -e /usr/lib/x86_64-linux-gnu/libgtk-3.so.0 ] || ls /usr/lib/*/libgtk-3.so.0 >/dev/null 2>&1 || need="yes"
if [ -n "$need" ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    dpkg-dev fakeroot libc-bin rpm binutils xvfb xauth libgtk-3-0 libxtst6 >/dev/null
fi
# xdg-desktop-menu (called by the package's postinst for the desktop entry) fails without it.
mkdir -p /usr/share/desktop-directories
