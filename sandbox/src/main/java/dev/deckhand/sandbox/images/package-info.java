/**
 * Offline images for odo-style pods in the sandbox (no registry is reachable there).
 *
 * <ul>
 *   <li>{@code localhost/deckhand/odo-init}: odo-init-image's layout under /opt/odo-init, with
 *       busybox shell versions of go-init, supervisord, getlanguage and odo's scripts. A static
 *       busybox travels in /opt/odo-init/bin and every script's shebang is {@code #!/opt/odo/bin/
 *       busybox sh}; that busybox runs applets before PATH (standalone shell), so the scripts
 *       behave the same in any app image once copy-supervisord has copied them to /opt/odo.
 *   <li>{@code localhost/deckhand/nodejs-builder}: busybox tools, the host's bash as /bin/sh (odo's
 *       copy-files-to-volume script uses {@code [[ =~ ]]}), the host's node with the libraries ldd
 *       lists, npm, and s2i assemble/run.
 * </ul>
 *
 * <p>Both are built with {@code podman import} of a tarball (≈ 1 s and ≈ 6–7 s) and carry the label
 * {@link dev.deckhand.sandbox.images.SandboxImages#HASH_LABEL}, so a build is skipped when nothing
 * changed.
 *
 * <p>Podman 4.3.1 facts the sandbox kubelet must follow (see OdoStylePodTest): volumes have no
 * {@code subpath} option (neither {@code --mount ...,subpath=} nor {@code -v ...:subpath=}); a
 * second local volume with {@code --opt type=none --opt o=bind --opt device=<mountpoint>/app-root}
 * gives the same result, because it is mounted only when the app container starts, after the init
 * container has created the directory. This needs rootful podman.
 */
package dev.deckhand.sandbox.images;
