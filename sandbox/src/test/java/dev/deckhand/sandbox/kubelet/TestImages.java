package dev.deckhand.sandbox.kubelet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A tiny busybox image for kubelet tests, imported from the host's static busybox. */
final class TestImages {
  static final String BUSYBOX = "localhost/deckhand-test/busybox:latest";

  private TestImages() {}

  static void ensureBusybox(PodmanCli podman) throws IOException, InterruptedException {
    if (podman.run(List.of("image", "exists", BUSYBOX), 30).ok()) {
      return;
    }
    Path root = Files.createTempDirectory("deckhand-bb");
    Path bin = Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    Process links =
        new ProcessBuilder(
                "sh",
                "-c",
                "cd "
                    + bin
                    + " && for a in $(./busybox --list); do [ $a = busybox ] || ln -s busybox $a; done")
            .inheritIO()
            .start();
    links.waitFor();
    Files.createDirectories(root.resolve("tmp"));
    Process p =
        new ProcessBuilder(
                "sh",
                "-c",
                "tar -C " + root + " -c . | podman import --change 'ENV PATH=/bin' - " + BUSYBOX)
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IOException("cannot import the test busybox image");
    }
  }
}
