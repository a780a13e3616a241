package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deckhand.app.cli.FolderHolderMain;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.lock.FolderBusyException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, defect 8: the window's pushes and auto-sync take the folder's lock before they touch
 * the cluster, so a folder another process syncs is refused with the holder's line (auto-sync shows
 * it as "Auto-sync did not start: …").
 */
class ClusterPusherLockTest {
  @TempDir Path folder;
  private Process holder;

  private static final ClusterContext NOWHERE =
      new ClusterContext(
          "nowhere",
          "nowhere",
          "http://127.0.0.1:1",
          "default",
          "dev",
          null,
          null,
          null,
          true,
          null);

  @AfterEach
  void stopHolder() throws InterruptedException {
    if (holder != null) {
      holder.destroyForcibly();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void autoSyncAndPushOfAFolderAWatchSyncsAreRefusedWithItsLine() throws Exception {
    holder = hold("deckhand watch");
    String line =
        "\\Q" + folder + " is being synced by deckhand watch (pid " + holder.pid() + ") since \\E";

    assertThatThrownBy(() -> new ClusterPusher().open(folder, NOWHERE, e -> {}))
        .isInstanceOf(FolderBusyException.class)
        .hasMessageMatching(line + ".*; stop it first");
    assertThatThrownBy(() -> new ClusterPusher().push(folder, NOWHERE, e -> {}))
        .isInstanceOf(FolderBusyException.class)
        .hasMessageMatching(line + ".*; stop it first");
  }

  private Process hold(String command) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FolderHolderMain.class.getName(),
                folder.toString(),
                command,
                "true")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    if (!"locked".equals(out.readLine())) {
      throw new IllegalStateException("the holder did not take the lock");
    }
    return p;
  }
}
