#!/bin/bash
# Removes what Deckhand sandboxes whose process is gone left in podman: pods, containers and
# emptyDir volumes labelled dev.deckhand.owner=<pid>.<start>.<boot> where that pid no longer runs
# (or runs another process: other start time in /proc/<pid>/stat; or the machine rebooted).
# Objects of running sandboxes, objects without an owner label and PVC volumes are left alone.
# The same rule as dev.deckhand.sandbox.kubelet.LeftoverPruner, which every sandbox runs at start;
# this one is for scripts that run before anything is built (.ci/run).
set -eu

command -v podman >/dev/null || exit 0
boot=$(cut -c1-8 /proc/sys/kernel/random/boot_id)
any=label=dev.deckhand.sandbox=true
owner='{{index .Labels "dev.deckhand.owner"}}'

dead() { # owner label value; true when its process is gone for sure
  [[ $1 =~ ^([0-9]{1,10})\.([0-9]{1,20})\.([0-9a-f]{8})$ ]] || return 1
  local pid=${BASH_REMATCH[1]} start=${BASH_REMATCH[2]} b=${BASH_REMATCH[3]} stat
  [ "$b" = "$boot" ] || return 0
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 0
  # Fields count from the last ')': the command name may hold spaces. starttime is field 22.
  stat=${stat##*) }
  [ "$(echo "$stat" | awk '{print $20}')" != "$start" ]
}

podman pod ps --filter "$any" --format "{{.ID}} $owner" | while read -r id o; do
  if dead "${o:-}"; then podman pod rm -f -t 0 "$id" >/dev/null && echo "removed pod $id"; fi
done
podman ps -a --filter "$any" --format "{{.ID}} $owner" | while read -r id o; do
  if dead "${o:-}"; then podman rm -f -t 0 "$id" >/dev/null && echo "removed container $id"; fi
done
podman volume ls --filter "$any" \
  --format "{{.Name}} {{index .Labels \"dev.deckhand.volume-kind\"}} $owner" |
  while read -r name kind o; do
    if [ "$kind" = emptyDir ] && dead "${o:-}"; then
      podman volume rm -f "$name" >/dev/null && echo "removed volume $name"
    fi
  done
exit 0
