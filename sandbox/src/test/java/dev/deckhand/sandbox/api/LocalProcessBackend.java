package dev.deckhand.sandbox.api;

import java.io.IOException;
import java.util.List;

/** Runs exec commands and "logs" as local processes, so the API front can be tested alone. */
final class LocalProcessBackend implements ExecBackend, LogBackend {
  volatile List<String> logCommand = List.of("sh", "-c", "echo one; echo two");
  // How long commands that take stdin wait before they start, like a podman exec on a busy machine.
  volatile long stdinStartDelayMs;

  @Override
  public Process start(
      String namespace, String pod, String container, List<String> command, boolean stdin)
      throws IOException, ExecRefusedException {
    if (pod.equals("missing")) {
      throw new ExecRefusedException("pods \"missing\" not found");
    }
    if (stdin && stdinStartDelayMs > 0) {
      try {
        Thread.sleep(stdinStartDelayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    if (!stdin) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    return pb.start();
  }

  @Override
  public Process open(
      String namespace, String pod, String container, boolean follow, Integer tailLines)
      throws IOException {
    return new ProcessBuilder(logCommand).redirectErrorStream(true).start();
  }
}
