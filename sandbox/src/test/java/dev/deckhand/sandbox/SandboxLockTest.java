package dev.deckhand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sandbox per data folder: a second is refused naming the first; a dead one's is taken. */
class SandboxLockTest {
  @TempDir Path data;

  @Test
  void aSecondLockInTheSameProcessIsRefusedWithTheHoldersLine() throws Exception {
    try (SandboxLock first = SandboxLock.acquire(data, "deckhand sandbox")) {
      first.serving("https://127.0.0.1:43121");

      SandboxBusyException busy =
          catchThrowableOfType(
              SandboxBusyException.class, () -> SandboxLock.acquire(data, "the Deckhand window"));

      assertThat(busy.getMessage())
          .doesNotContain("\n")
          .startsWith("the sandbox in " + data + " is already running (deckhand sandbox, pid ")
          .contains("pid " + ProcessHandle.current().pid() + ", https://127.0.0.1:43121, since ")
          .endsWith("; use it (KUBECONFIG=" + data.resolve("kubeconfig") + ") or stop it first");
      // The refusal did not loosen the first lock: a third attempt is refused too.
      assertThatThrownBy(() -> SandboxLock.acquire(data, "x"))
          .isInstanceOf(SandboxBusyException.class);
    }
    SandboxLock.acquire(data, "after").close();
  }

  @Test
  void theSameFolderByAnotherNameIsRefusedAndTheFirstLockStays(@TempDir Path other)
      throws Exception {
    Path link = java.nio.file.Files.createSymbolicLink(other.resolve("link"), data);
    try (SandboxLock first = SandboxLock.acquire(data, "deckhand sandbox")) {
      assertThatThrownBy(() -> SandboxLock.acquire(link, "the Deckhand window"))
          .isInstanceOf(SandboxBusyException.class)
          .hasMessageContaining("(deckhand sandbox, pid " + ProcessHandle.current().pid());
      // Still held at the OS level: another process cannot take it either.
      try (ChildJvm child = new ChildJvm(SandboxLockHolder.class, data.toString())) {
        assertThat(child.process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(child.process.exitValue()).isNotZero();
      }
    }
  }

  @Test
  void aLockHeldByAnotherProcessIsRefusedAndTakenOverOnceThatProcessIsKilled() throws Exception {
    try (ChildJvm holder = new ChildJvm(SandboxLockHolder.class, data.toString())) {
      holder.await("locked", 120);

      SandboxBusyException busy =
          catchThrowableOfType(
              SandboxBusyException.class, () -> SandboxLock.acquire(data, "deckhand sandbox"));
      assertThat(busy.getMessage())
          .contains("(lock holder, pid " + holder.pid() + ", https://127.0.0.1:1, since ");
      assertThat(busy.holder().pid()).isEqualTo(holder.pid());

      holder.kill();

      try (SandboxLock mine = SandboxLock.acquire(data, "deckhand sandbox")) {
        assertThat(mine.holder().pid()).isEqualTo(ProcessHandle.current().pid());
      }
    }
  }

  @Test
  void aHomeFolderPathIsShownWithATilde() {
    Path home = Path.of(System.getProperty("user.home"));
    assertThat(SandboxBusyException.shortPath(home.resolve(".local/share/deckhand/sandbox")))
        .isEqualTo("~/.local/share/deckhand/sandbox");
  }
}
