package dev.deckhand.app.cli;

import dev.deckhand.core.lock.FolderLock;
import java.nio.file.Path;

/**
 * Another deckhand process for {@link FolderLockCommandsTest}: holds a folder's lock as the named
 * command, says "locked", and lets go when its stdin closes (or when it is killed).
 */
public final class FolderHolderMain {
  private FolderHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (FolderLock.Lease lease =
        FolderLock.acquire(Path.of(args[0]), args[1], Boolean.parseBoolean(args[2]))) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold
      }
    }
  }
}
