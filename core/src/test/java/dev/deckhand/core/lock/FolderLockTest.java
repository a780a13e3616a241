package dev.deckhand.core.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, defect 8: one process syncs a folder at a time; a second one hears who does. */
class FolderLockTest {
  @TempDir Path folder;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecondProcessIsRefusedWithTheHoldersLine() throws Exception {
    Process holder = holder("deckhand watch", true);

    assertThatThrownBy(() -> FolderLock.acquire(folder, "deckhand watch", true))
        .isInstanceOf(FolderBusyException.class)
        .hasMessageMatching(
            "\\Q"
                + folder.toAbsolutePath().normalize()
                + " is being synced by deckhand watch (pid "
                + holder.pid()
                + ") since \\E\\d\\d:\\d\\d; stop it first");
    assertThat(Files.readString(FolderLock.file(folder))).contains("pid=" + holder.pid());
  }

  @Test
  void aKilledHoldersLockIsTakenOver() throws Exception {
    Process holder = holder("deckhand watch", true);
    holder.destroyForcibly();
    assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();

    try (FolderLock.Lease lease = FolderLock.acquire(folder, "deckhand watch", true)) {
      assertThat(lease.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(readByAnotherProcess())
          .contains("pid=" + ProcessHandle.current().pid())
          .doesNotContain("pid=" + holder.pid());
    }
  }

  @Test
  void aPushWaitsForAnotherPushAndThenTakesTheLock() throws Exception {
    Process holder = holder("deckhand push", false);
    List<LockHolder> waitedFor = new ArrayList<>();

    try (FolderLock.Lease lease =
        FolderLock.acquire(
            folder,
            "deckhand push",
            false,
            Duration.ofSeconds(60),
            h -> {
              waitedFor.add(h);
              endHolder(holder); // the holding push ends once this one waits
            },
            Clock.systemUTC())) {
      assertThat(lease.holder().command()).isEqualTo("deckhand push");
    }
    assertThat(waitedFor)
        .singleElement()
        .satisfies(h -> assertThat(h.pid()).isEqualTo(holder.pid()));
  }

  @Test
  void aWatchWaitsForAPushAndThenHoldsTheLockForGood() throws Exception {
    Process holder = holder("deckhand push", false);
    List<LockHolder> waitedFor = new ArrayList<>();

    try (FolderLock.Lease lease =
        FolderLock.acquire(
            folder,
            "deckhand watch",
            true,
            Duration.ofSeconds(60),
            h -> {
              waitedFor.add(h);
              endHolder(holder);
            },
            Clock.systemUTC())) {
      assertThat(lease.holder().lasting()).isTrue();
      assertThat(waitedFor)
          .singleElement()
          .satisfies(h -> assertThat(h.pid()).isEqualTo(holder.pid()));
    }
  }

  @Test
  void aPushDoesNotWaitForAWatch() throws Exception {
    holder("deckhand watch", true);
    List<LockHolder> waitedFor = new ArrayList<>();

    assertThatThrownBy(
            () ->
                FolderLock.acquire(
                    folder,
                    "deckhand push",
                    false,
                    Duration.ofMinutes(5),
                    waitedFor::add,
                    Clock.systemUTC()))
        .isInstanceOf(FolderBusyException.class)
        .hasMessageContaining("is being synced by deckhand watch");
    assertThat(waitedFor).isEmpty();
  }

  @Test
  void withinOneProcessTheLockIsSharedAndHeldUntilTheLastLeaseCloses() throws Exception {
    FolderLock.Lease autoSync = FolderLock.acquire(folder, "the Deckhand window", true);
    FolderLock.Lease push = FolderLock.acquire(folder, "the Deckhand window", false);
    assertThat(push.holder()).isEqualTo(autoSync.holder());

    push.close();
    push.close(); // a second close gives nothing more up
    assertThat(otherProcessCanLock()).as("after the push, auto-sync still holds it").isFalse();

    autoSync.close();
    assertThat(otherProcessCanLock()).as("after the last lease").isTrue();
  }

  @Test
  void whenAutoSyncJoinsAPushOthersNoLongerWaitForIt() throws Exception {
    try (FolderLock.Lease push = FolderLock.acquire(folder, "the Deckhand window", false);
        FolderLock.Lease autoSync = FolderLock.acquire(folder, "the Deckhand window", true)) {
      assertThat(readByAnotherProcess()).contains("lasting=true");
    }
  }

  @Test
  void anOdoThatIsAFileSaysSoInOneLine() throws Exception {
    Files.writeString(folder.resolve(".odo"), "not a folder");

    assertThatThrownBy(() -> FolderLock.acquire(folder, "deckhand watch", true))
        .isNotInstanceOf(FolderBusyException.class)
        .hasMessage(
            "cannot lock "
                + FolderLock.file(folder)
                + ": "
                + folder.resolve(".odo")
                + " is not a folder");
  }

  @Test
  void aFolderWhoseOdoCannotBeWrittenSaysSoInOneLine() throws Exception {
    Path odo = Files.createDirectories(folder.resolve(".odo"));
    Files.writeString(odo.resolve(FolderLock.FILE), "");
    assertThat(odo.resolve(FolderLock.FILE).toFile().setWritable(false, false)).isTrue();
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Files.isWritable(odo.resolve(FolderLock.FILE)), "root writes read-only files anyway");

    assertThatThrownBy(() -> FolderLock.acquire(folder, "deckhand watch", true))
        .isNotInstanceOf(FolderBusyException.class)
        .hasMessage("cannot lock " + FolderLock.file(folder) + ": permission denied");
  }

  /**
   * The lock file's text, read by cat: opening and closing the file here would drop this process's
   * POSIX lock on it.
   */
  private String readByAnotherProcess() throws Exception {
    Process cat = new ProcessBuilder("cat", FolderLock.file(folder).toString()).start();
    String text = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    cat.waitFor(10, TimeUnit.SECONDS);
    return text;
  }

  private static void endHolder(Process holder) {
    try {
      holder.getOutputStream().close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean otherProcessCanLock() throws Exception {
    Process p = start("probe", false);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    p.getOutputStream().close();
    p.waitFor(20, TimeUnit.SECONDS);
    return "locked".equals(line);
  }

  /** A child JVM holding the folder's lock. */
  private Process holder(String command, boolean lasting) throws Exception {
    Process p = start(command, lasting);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).as("the child took the lock").isEqualTo("locked");
    return p;
  }

  private Process start(String command, boolean lasting) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                folder.toString(),
                command,
                Boolean.toString(lasting))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    children.add(p);
    return p;
  }
}
