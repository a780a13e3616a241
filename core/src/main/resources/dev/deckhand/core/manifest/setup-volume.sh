# Seeds the <name>-s2idata volume with the builder image's /opt/app-root on the first start and
# keeps it on later starts (odo 1.x copy-files-to-volume, after jupyter-on-openshift's
# setup-volume.sh). Runs as `sh -c` in the builder image with the volume mounted at /mnt.
SRC=/opt/app-root
DEST=/mnt/app-root

# A marker file asks for a fresh copy.
if [ -f "$DEST/.delete-volume" ]; then
    rm -rf "$DEST"
fi

# Already seeded: optionally add files the image gained since, never overwriting, then stop.
if [ -d "$DEST" ]; then
    if [ -f "$DEST/.sync-volume" ] && [ "$JUPYTER_SYNC_VOLUME" != "false" ]; then
        rsync -ar --ignore-existing "$SRC/." "$DEST"
    fi
    exit 0
fi

# First start: copy into a scratch folder, then rename, so an interrupted copy is never taken
# for a finished one.
if [ -d "$DEST.setup-volume" ]; then
    rm -rf "$DEST.setup-volume"
fi
mkdir -p "$DEST.setup-volume"
tar -C "$SRC" -cf - . | tar -C "$DEST.setup-volume" -xf - || exit 1
mv "$DEST.setup-volume" "$DEST" || exit 1
