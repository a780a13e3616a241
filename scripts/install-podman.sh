#!/bin/bash
# Installs and configures podman for Deckhand's sandbox on Debian/Ubuntu (run as root; idempotent),
# as podman-notes.md describes: runc (crun fails on hybrid cgroups), catatonit (offline pause image),
# netavark, iptables, a static busybox, node/npm for the Node.js builder image, and a
# containers.conf with ulimits within the caller's hard limits.
set -eu
export DEBIAN_FRONTEND=noninteractive

need=""
for tool in podman runc catatonit busybox iptables; do
  command -v "$tool" >/dev/null 2>&1 || need="yes"
done
[ -x /usr/libexec/podman/netavark ] || [ -x /usr/lib/podman/netavark ] || need="yes"
if [ -n "$need" ]; then
  # crun fails on these machines' hybrid cgroups, so runc; catatonit lets podman build its pause
  # image offline; busybox-static is the base of the sandbox's offline images.
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    podman runc catatonit netavark aardvark-dns iptables busybox-static >/dev/null
fi
# The sandbox's Node.js builder image is made from the host's node and npm.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# Root cannot raise its own hard limits here, and podman's default ulimits are higher: every
# container would fail with "operation not permitted".
nofile=$(ulimit -Hn); [ "$nofile" = unlimited ] && nofile=65536; [ "$nofile" -gt 65536 ] && nofile=65536
nproc=$(ulimit -Hu); [ "$nproc" = unlimited ] && nproc=32768; [ "$nproc" -gt 32768 ] && nproc=32768
mkdir -p /etc/containers
cat > /etc/containers/containers.conf <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
[network]
network_backend = "netavark"
CONF

