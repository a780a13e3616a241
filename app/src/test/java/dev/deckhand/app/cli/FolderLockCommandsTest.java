package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 10, defect 8: {@code watch} and {@code push} take the folder's lock before they talk to a
 * cluster; another process holding it is named in one line.
 */
class FolderLockCommandsTest {
  @TempDir Path folder;
  @TempDir Path home;
  private final List<Process> children = new ArrayList<>();
  private String previousKubeconfig;

  @BeforeEach
  void noCluster() {
    // A push that gets the lock goes on to the cluster: make sure it finds none.
    previousKubeconfig = System.getProperty("kubeconfig");
    System.setProperty("kubeconfig", home.resolve("no-such-config").toString());
  }

  @AfterEach
  void stopChildren() throws InterruptedException {
    if (previousKubeconfig == null) {
      System.clearProperty("kubeconfig");
    } else {
      System.setProperty("kubeconfig", previousKubeconfig);
    }
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecondWatchIsRefusedWithTheHoldersLine() throws Exception {
    Process watch = holder("deckhand watch", true);

    CliRun run = CliRun.of("watch", "--context", folder.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .matches(
            "\\Qdeckhand: "
                + folder
                + " is being synced by deckhand watch (pid "
                + watch.pid()
                + ") since \\E\\d\\d:\\d\\d; stop it first\\R");
  }

  @Test
  void aPushBesideAWatchIsRefusedAtOnceWithTheSameLine() throws Exception {
    Process watch = holder("deckhand watch", true);

    CliRun run = CliRun.of("push", "--context", folder.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "deckhand: " + folder + " is being synced by deckhand watch (pid " + watch.pid())
        .doesNotContain("waiting");
  }

  @Test
  void aPushWaitsForAnotherPushSayingSo() throws Exception {
    Process push = holder("deckhand push", false);

    String err = runWhileHeld(push, "push", "--context", folder.toString());

    assertThat(err)
        .startsWith("deckhand: waiting for deckhand push (pid " + push.pid() + ") since ")
        .contains(" to finish with " + folder)
        .doesNotContain("is being synced by");
  }

  @Test
  void aWatchWaitsForARunningPushSayingSo() throws Exception {
    Process push = holder("deckhand push", false);

    String err = runWhileHeld(push, "watch", "--context", folder.toString());

    assertThat(err)
        .startsWith("deckhand: waiting for deckhand push (pid " + push.pid() + ") since ")
        .doesNotContain("is being synced by");
  }

  /**
   * Runs the command on another thread; once it says it waits, the holding process ends. Returns
   * what the command wrote on stderr.
   */
  private static String runWhileHeld(Process holder, String... args) throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cli = DeckhandCommand.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute(args));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> err.toString().contains("waiting for") || run.isDone());
    holder.getOutputStream().close();
    run.get(120, TimeUnit.SECONDS);
    return err.toString();
  }

  private Process holder(String command, boolean lasting) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FolderHolderMain.class.getName(),
                folder.toString(),
                command,
                Boolean.toString(lasting))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    children.add(p);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("locked");
    return p;
  }
}
