package dev.deckhand.app.gui;

import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import java.nio.file.Path;

/**
 * The sandbox started from the window, in this process; stopped when the window closes, and also
 * when the process is ended without closing it (TERM, HUP at logout, Ctrl-C): a JVM shutdown hook
 * removes its podman pods, as {@code deckhand sandbox} does. Closing twice is harmless.
 */
final class EmbeddedSandbox implements SandboxStarter, AutoCloseable {
  private final SandboxOptions options;
  private Sandbox running;
  private boolean hooked;

  EmbeddedSandbox() {
    this(SandboxOptions.defaults());
  }

  EmbeddedSandbox(SandboxOptions options) {
    this.options = options;
  }

  @Override
  public synchronized Path start() throws Exception {
    if (running == null) {
      if (!hooked) {
        // Before the start, so a TERM during it waits for the start (close is synchronized) and
        // then removes what it made. Fails once the JVM is shutting down: then nothing starts.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sandbox-stop"));
        hooked = true;
      }
      running = Sandbox.start(options);
    }
    return running.kubeconfig();
  }

  @Override
  public synchronized void close() {
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
