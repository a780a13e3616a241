package dev.deckhand.app.gui;

import java.nio.file.Path;

/**
 * The window's sandbox path alone, as a process of its own: starts {@link EmbeddedSandbox} as the
 * sidebar's "Start the sandbox" does, prints the kubeconfig, and runs until it is ended.
 */
public final class EmbeddedSandboxProcess {
  private EmbeddedSandboxProcess() {}

  public static void main(String[] args) throws Exception {
    EmbeddedSandbox sandbox = new EmbeddedSandbox();
    Path kubeconfig = sandbox.start();
    System.out.println("kubeconfig " + kubeconfig);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
