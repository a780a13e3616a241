package dev.deckhand.sandbox;

import dev.deckhand.sandbox.api.Flavour;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the sandbox.
 *
 * @param port API port on 127.0.0.1, 0 for a free one
 * @param dataDir where the kubeconfig is written
 * @param pvcBindDelay how long a PVC stays Pending before it binds (so the binding can be seen)
 * @param buildImages build the offline images (odo-init, nodejs builder) when missing or stale
 * @param holder what runs it, in the user's terms (e.g. "deckhand sandbox"), for the line that
 *     refuses a second sandbox on the same data folder
 */
public record SandboxOptions(
    int port,
    Flavour flavour,
    Path dataDir,
    Duration pvcBindDelay,
    boolean buildImages,
    String holder) {

  public static SandboxOptions defaults() {
    return new SandboxOptions(
        0, Flavour.KUBERNETES, defaultDataDir(), Duration.ofMillis(1500), true, "Deckhand");
  }

  public SandboxOptions withHolder(String h) {
    return new SandboxOptions(port, flavour, dataDir, pvcBindDelay, buildImages, h);
  }

  public SandboxOptions withPort(int p) {
    return new SandboxOptions(p, flavour, dataDir, pvcBindDelay, buildImages, holder);
  }

  public SandboxOptions withFlavour(Flavour f) {
    return new SandboxOptions(port, f, dataDir, pvcBindDelay, buildImages, holder);
  }

  public SandboxOptions withDataDir(Path d) {
    return new SandboxOptions(port, flavour, d, pvcBindDelay, buildImages, holder);
  }

  public SandboxOptions withPvcBindDelay(Duration d) {
    return new SandboxOptions(port, flavour, dataDir, d, buildImages, holder);
  }

  /** {@code $XDG_DATA_HOME/deckhand/sandbox}, default {@code ~/.local/share/deckhand/sandbox}. */
  public static Path defaultDataDir() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("deckhand").resolve("sandbox");
  }
}
