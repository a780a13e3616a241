package dev.deckhand.app.gui;

import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import java.nio.file.Path;

/** The sandbox started from the window, in this process; stopped when the window closes. */
final class EmbeddedSandbox implements SandboxStarter, AutoCloseable {
  private Sandbox running;

  @Override
  public synchronized Path start() throws Exception {
    if (running == null) {
      running = Sandbox.start(SandboxOptions.defaults());
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
