package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds an image from a recipe without any registry: stage the rootfs in a temp dir, tar it with
 * the host's tar, {@code podman import} the tarball with the recipe's config changes.
 */
final class ImageBuilder {

  private final Podman podman;

  ImageBuilder(Podman podman) {
    this.podman = podman;
  }

  /** Builds unless an image with the same content hash exists (or {@code force}). */
  BuildResult ensure(ImageRecipe recipe, boolean force) {
    long start = System.nanoTime();
    String hash = recipe.contentHash();
    ImageRef image = recipe.image();
    Optional<String> present = podman.imageLabel(image, SandboxImages.HASH_LABEL);
    if (!force && present.isPresent() && present.get().equals(hash)) {
      return new BuildResult(
          image, false, Duration.ofNanos(System.nanoTime() - start), size(image));
    }
    Optional<String> oldId = podman.imageId(image);
    try (Rootfs fs = Rootfs.createTemp()) {
      recipe.stage(fs);
      Path tarball = Files.createTempFile("deckhand-rootfs-", ".tar");
      try {
        // Owner 0 whoever builds: rootless podman maps it to the user, rootful keeps it root.
        List<String> tar =
            new ArrayList<>(
                List.of(
                    "tar",
                    "--numeric-owner",
                    "--owner=0",
                    "--group=0",
                    "-cf",
                    tarball.toString(),
                    "-C",
                    fs.root().toString(),
                    "."));
        if (!fs.fromHost().isEmpty()) {
          tar.addAll(List.of("-C", "/"));
          fs.fromHost().forEach(p -> tar.add(p.toString().substring(1)));
        }
        HostTools.run(tar.toArray(String[]::new));
        List<String> args = new ArrayList<>(List.of("import", "--quiet"));
        for (String change : recipe.changes()) {
          args.add("--change");
          args.add(change);
        }
        args.add("--change");
        args.add("LABEL " + SandboxImages.SANDBOX_LABEL + "=true");
        args.add("--change");
        args.add("LABEL " + SandboxImages.HASH_LABEL + "=" + hash);
        args.add(tarball.toString());
        args.add(image.toString());
        podman.run(args, null, Podman.DEFAULT_TIMEOUT).orThrow();
      } finally {
        Files.deleteIfExists(tarball);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the rootfs of " + image, e);
    }
    // The previous build is now untagged; drop it unless a container still uses it.
    Optional<String> newId = podman.imageId(image);
    if (oldId.isPresent() && !oldId.equals(newId)) {
      podman.run(List.of("rmi", oldId.get()));
    }
    return new BuildResult(image, true, Duration.ofNanos(System.nanoTime() - start), size(image));
  }

  private long size(ImageRef image) {
    Podman.Result r =
        podman.run(List.of("image", "inspect", "--format", "{{.Size}}", image.toString()));
    try {
      return r.ok() ? Long.parseLong(r.stdout().strip()) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
