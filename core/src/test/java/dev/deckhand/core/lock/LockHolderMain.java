package dev.deckhand.core.lock;

import java.nio.file.Path;

/**
 * A second process for {@link FolderLockTest}: takes a folder's lock as {@code deckhand watch},
 * says "locked" on stdout, then holds it until killed or until stdin closes.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (FolderLock.Lease lease =
        FolderLock.acquire(Path.of(args[0]), args[1], Boolean.parseBoolean(args[2]))) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold until the test closes our stdin or kills us
      }
    } catch (FolderBusyException e) {
      System.out.println("busy: " + e.getMessage());
      System.exit(1);
    }
  }
}
