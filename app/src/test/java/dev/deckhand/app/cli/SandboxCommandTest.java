package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.deckhand.sandbox.SandboxLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deckhand sandbox} on a data folder whose sandbox already runs ends at once with the
 * holder's line and exit code 1, without writing the folder's kubeconfig. Before, it started a
 * second sandbox that rewrote the kubeconfig and removed the first one's pods on stop.
 */
class SandboxCommandTest {
  @TempDir Path data;

  @Test
  void aSecondSandboxOnTheSameDataFolderIsRefusedWithTheHoldersLine() throws Exception {
    try (SandboxLock running = SandboxLock.acquire(data, "the Deckhand window")) {
      running.serving("https://127.0.0.1:43121");

      // Upper bound only: before the fix the command ran the second sandbox until stopped.
      CliRun run =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60), () -> CliRun.of("sandbox", "--data-dir", data.toString()));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err())
          .matches(
              "deckhand: the sandbox in \\Q"
                  + data
                  + "\\E is already running \\(the Deckhand window, pid "
                  + ProcessHandle.current().pid()
                  + ", https://127\\.0\\.0\\.1:43121, since \\d\\d:\\d\\d\\); use it"
                  + " \\(KUBECONFIG=\\Q"
                  + data.resolve("kubeconfig")
                  + "\\E\\) or stop it first\\R");
      assertThat(data.resolve("kubeconfig")).as("kubeconfig not written").doesNotExist();
      assertThat(Files.exists(data.resolve("sandbox.holder"))).isTrue();
    }
  }
}
