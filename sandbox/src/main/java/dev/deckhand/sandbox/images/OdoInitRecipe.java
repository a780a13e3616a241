package dev.deckhand.sandbox.images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * odo's init ("bootstrapper") image, rebuilt offline: the layout of odo-init-image 1.0.2 under
 * /opt/odo-init, with busybox shell scripts instead of Go binaries. A static busybox travels in
 * /opt/odo-init/bin so the scripts run in any app image once copy-supervisord has copied them to
 * the emptyDir at /opt/odo.
 */
final class OdoInitRecipe implements ImageRecipe {

  /** Bump when the staging code changes in a way the hashed inputs do not show. */
  private static final String LAYOUT_VERSION = "odo-init/1";

  /** Resource path (under the images resource dir) → image path; all mode 0775. */
  static final List<String> SCRIPTS =
      List.of(
          "bin/go-init",
          "bin/supervisord",
          "bin/assemble-and-restart",
          "bin/run",
          "bin/s2i-setup",
          "bin/getlanguage",
          "language-scripts/nodejs/dev-assemble",
          "language-scripts/nodejs/dev-run",
          "language-scripts/java/dev-assemble",
          "language-scripts/java/dev-run");

  /** Data files, mode 0666 like odo's image: supervisor.conf is edited by whatever UID runs. */
  static final List<String> DATA =
      List.of("conf/supervisor.conf", "language-scripts/image-mappings.json");

  static final String TOOLS_DIR = "/opt/odo-init";

  private final ImageRef image;
  private final Path busybox;

  OdoInitRecipe(ImageRef image, Path busybox) {
    this.image = image;
    this.busybox = busybox;
  }

  @Override
  public ImageRef image() {
    return image;
  }

  @Override
  public String contentHash() {
    ContentHash hash = new ContentHash().add("layout", LAYOUT_VERSION);
    for (String name : SCRIPTS) {
      hash.add(name, Resources.bytes("odo-init/" + name));
    }
    for (String name : DATA) {
      hash.add(name, Resources.bytes("odo-init/" + name));
    }
    return hash.addFile("busybox", busybox).hex();
  }

  @Override
  public void stage(Rootfs fs) throws IOException {
    BusyboxBase.stage(fs, busybox);
    fs.dir(TOOLS_DIR, "rwxrwxr-x");
    for (String name : SCRIPTS) {
      fs.file(TOOLS_DIR + "/" + name, Resources.open("odo-init/" + name), "rwxrwxr-x");
    }
    for (String name : DATA) {
      fs.file(TOOLS_DIR + "/" + name, Resources.open("odo-init/" + name), "rw-rw-rw-");
    }
    // A regular file, not a link: `cp -r` copies links as links, which would dangle in app images.
    fs.copy(busybox, TOOLS_DIR + "/bin/busybox");
    for (String dir : List.of("bin", "conf", "language-scripts")) {
      fs.dir(TOOLS_DIR + "/" + dir, "rwxrwxr-x");
    }
  }

  @Override
  public List<String> changes() {
    return List.of(
        "ENV ODO_TOOLS_DIR=/opt/odo-init/",
        "ENV PATH=/usr/local/bin:/usr/bin:/bin",
        "WORKDIR /",
        "CMD [\"/bin/sh\"]",
        "LABEL name=deckhand/odo-init",
        "LABEL version=1.0.2-deckhand",
        "LABEL summary=odo-init-image-compatible init container built offline by Deckhand");
  }
}
