package dev.deckhand.app.gui;

import java.nio.file.Path;

/** Starts the embedded sandbox (slow: seconds); returns the kubeconfig it wrote. */
@FunctionalInterface
public interface SandboxStarter {
  Path start() throws Exception;
}
