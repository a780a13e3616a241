package dev.deckhand.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A sandbox already runs on this data folder; this one was refused before it touched podman or the
 * kubeconfig. The message is one line for the user and names the holder.
 */
public final class SandboxBusyException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path dataDir;
  private final transient SandboxHolder holder;

  SandboxBusyException(Path dataDir, SandboxHolder holder) {
    super(message(dataDir, holder));
    this.dataDir = dataDir;
    this.holder = holder;
  }

  /** The data folder that is taken. */
  public Path dataDir() {
    return dataDir;
  }

  /** Who holds it, or null when it recorded nothing this process can read. */
  public SandboxHolder holder() {
    return holder;
  }

  /** The kubeconfig the running sandbox writes. */
  public Path kubeconfig() {
    return holder != null && holder.kubeconfig() != null
        ? Path.of(holder.kubeconfig())
        : dataDir.resolve("kubeconfig");
  }

  private static String message(Path dataDir, SandboxHolder holder) {
    Path kubeconfig =
        holder != null && holder.kubeconfig() != null
            ? Path.of(holder.kubeconfig())
            : dataDir.resolve("kubeconfig");
    return "the sandbox in "
        + shortPath(dataDir)
        + " is already running"
        + (holder != null ? " (" + holder.describe() + ")" : " in another process")
        + "; use it (KUBECONFIG="
        + kubeconfig
        + ") or stop it first";
  }

  /** The path with the home folder as "~", as the user thinks of it. */
  static String shortPath(Path p) {
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    if (!home.toString().equals("/") && abs.startsWith(home) && !abs.equals(home)) {
      return "~/" + home.relativize(abs);
    }
    return abs.toString();
  }
}
