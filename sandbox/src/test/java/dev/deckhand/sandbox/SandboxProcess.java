package dev.deckhand.sandbox;

import java.nio.file.Path;

/** A whole sandbox in a process of its own, as {@code deckhand sandbox} runs it. */
public final class SandboxProcess {
  private SandboxProcess() {}

  public static void main(String[] args) throws Exception {
    Sandbox sandbox =
        Sandbox.start(
            SandboxOptions.defaults().withDataDir(Path.of(args[0])).withHolder("child sandbox"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> sandbox.close(true)));
    System.out.println("kubeconfig " + sandbox.kubeconfig());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
