package dev.deckhand.app.gui;

import java.nio.file.Path;

/** Starts the embedded sandbox (slow: seconds); returns the kubeconfig it wrote. */
@FunctionalInterface
public interface SandboxStarter {
  Path start() throws Exception;

  /** The line under the sandbox button once {@link #start} returned. */
  default String runningNote() {
    return "Sandbox running";
  }
}
