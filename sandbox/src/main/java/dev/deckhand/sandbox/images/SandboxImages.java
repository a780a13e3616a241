package dev.deckhand.sandbox.images;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images an odo-style pod needs in the sandbox, built offline from this module's scripts and
 * the host's busybox and node (no registry is reachable from the sandbox).
 *
 * <p>CLI: {@code java -cp deckhand-sandbox.jar dev.deckhand.sandbox.images.SandboxImages [--force]}
 * builds both and prints timings.
 */
public final class SandboxImages {

  /**
   * odo-init-image compatible init image (copy-supervisord). The name pod specs use; each build is
   * tagged by its content hash too, and the sandbox runs that tag (see {@link #pins}).
   */
  public static final ImageRef ODO_INIT = new ImageRef("localhost/deckhand/odo-init", "latest");

  /** Offline Node.js s2i builder, named ubi8/nodejs-16 in its labels. */
  public static final ImageRef NODEJS_BUILDER =
      new ImageRef("localhost/deckhand/nodejs-builder", "latest");

  /** Label holding the hash of an image's inputs; a different hash means rebuild. */
  public static final String HASH_LABEL = "dev.deckhand.image-hash";

  /** Label on everything the sandbox creates, used to clean up. */
  public static final String SANDBOX_LABEL = "dev.deckhand.sandbox";

  private final Podman podman;

  public SandboxImages() {
    this(new Podman());
  }

  public SandboxImages(Podman podman) {
    this.podman = podman;
  }

  /**
   * Makes sure both images exist and match this build's scripts and host tools.
   *
   * @param force rebuild even when the content hash matches
   * @return {@link #pins} of the builds
   * @throws PodmanNotInstalledException when podman is missing
   */
  public Map<String, String> ensureBuilt(boolean force) {
    return pins(build(force));
  }

  /**
   * Well-known name ({@code localhost/deckhand/odo-init:latest}) → the tag of the build made or
   * checked here. Another checkout on this machine may move {@code :latest} to its own build at any
   * time, so a sandbox runs these tags instead.
   */
  public static Map<String, String> pins(List<BuildResult> results) {
    Map<String, String> pins = new LinkedHashMap<>();
    for (BuildResult r : results) {
      pins.put(r.image().toString(), r.pinned().toString());
    }
    return Map.copyOf(pins);
  }

  /** Like {@link #ensureBuilt} and says what was done, with timings and sizes. */
  public List<BuildResult> build(boolean force) {
    podman.check("--version"); // fails first and clearly when podman is missing
    Path busybox = HostTools.staticBusybox();
    ImageBuilder builder = new ImageBuilder(podman);
    BuildResult init = builder.ensure(new OdoInitRecipe(ODO_INIT, busybox), force);
    BuildResult node =
        builder.ensure(new NodejsBuilderRecipe(NODEJS_BUILDER, busybox, HostTools.node()), force);
    return List.of(init, node);
  }

  public static void main(String[] args) {
    boolean force = List.of(args).contains("--force");
    long start = System.nanoTime();
    try {
      for (BuildResult result : new SandboxImages().build(force)) {
        System.out.println(result);
      }
      System.out.printf("total %.2f s%n", (System.nanoTime() - start) / 1e9);
    } catch (RuntimeException e) {
      System.err.println("deckhand: " + e.getMessage());
      System.exit(1);
    }
  }
}
