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
 *
 * <p>Each build is tagged by its content hash ({@link #pinnedRef}), so builds of different versions
 * on one machine coexist and a sandbox uses exactly the build it ensured; the recipe's own name
 * ({@code :latest}) is then moved to it for people using podman by hand.
 */
final class ImageBuilder {

  /** Hex digits of the content hash in the tag: plenty to tell a machine's builds apart. */
  static final int TAG_DIGITS = 12;

  private final Podman podman;

  ImageBuilder(Podman podman) {
    this.podman = podman;
  }

  /** The tag of the build of {@code recipe}'s current content. */
  static ImageRef pinnedRef(ImageRef image, String contentHash) {
    return new ImageRef(image.repository(), contentHash.substring(0, TAG_DIGITS));
  }

  /** Builds unless an image with the same content hash exists (or {@code force}). */
  BuildResult ensure(ImageRecipe recipe, boolean force) {
    long start = System.nanoTime();
    String hash = recipe.contentHash();
    ImageRef image = recipe.image();
    ImageRef pinned = pinnedRef(image, hash);
    if (!force && (hasHash(pinned, hash) || adoptLatest(image, pinned, hash))) {
      podman.run(List.of("tag", pinned.toString(), image.toString()));
      return new BuildResult(
          image, pinned, false, Duration.ofNanos(System.nanoTime() - start), size(pinned));
    }
    Optional<String> oldPinned = podman.imageId(pinned);
    Optional<String> oldLatest = podman.imageId(image);
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
        args.add(pinned.toString());
        podman.run(args, null, Podman.DEFAULT_TIMEOUT).orThrow();
      } finally {
        Files.deleteIfExists(tarball);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the rootfs of " + image, e);
    }
    podman.run(List.of("tag", pinned.toString(), image.toString())).orThrow();
    // A build that lost its last tag here is no one's any more (other versions' builds keep their
    // hash tags); drop it unless a container still uses it.
    Optional<String> newId = podman.imageId(pinned);
    for (Optional<String> old : List.of(oldPinned, oldLatest)) {
      if (old.isPresent() && !old.equals(newId) && untagged(old.get())) {
        podman.run(List.of("rmi", old.get()));
      }
    }
    return new BuildResult(
        image, pinned, true, Duration.ofNanos(System.nanoTime() - start), size(pinned));
  }

  private boolean hasHash(ImageRef ref, String hash) {
    return podman.imageLabel(ref, SandboxImages.HASH_LABEL).filter(hash::equals).isPresent();
  }

  /**
   * Gives the hash tag to a build of the same content that only has the recipe's name (made before
   * builds were tagged by hash), instead of building again. By image ID, so a concurrent retag of
   * the name cannot make the tag point at other content.
   */
  private boolean adoptLatest(ImageRef image, ImageRef pinned, String hash) {
    Podman.Result r =
        podman.run(
            List.of(
                "image",
                "inspect",
                "--format",
                "{{.Id}} {{ index .Labels \"" + SandboxImages.HASH_LABEL + "\" }}",
                image.toString()));
    if (!r.ok()) {
      return false;
    }
    String[] idAndHash = r.stdout().strip().split(" ", 2);
    if (idAndHash.length != 2 || !idAndHash[1].equals(hash)) {
      return false;
    }
    return podman.run(List.of("tag", idAndHash[0], pinned.toString())).ok();
  }

  private boolean untagged(String id) {
    Podman.Result r = podman.run(List.of("image", "inspect", "--format", "{{len .RepoTags}}", id));
    return r.ok() && r.stdout().strip().equals("0");
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
