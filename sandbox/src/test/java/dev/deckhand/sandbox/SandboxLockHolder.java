package dev.deckhand.sandbox;

import java.nio.file.Path;

/** Holds a data folder's sandbox lock in a process of its own, as a sandbox does, until killed. */
public final class SandboxLockHolder {
  private SandboxLockHolder() {}

  public static void main(String[] args) throws Exception {
    SandboxLock lock = SandboxLock.acquire(Path.of(args[0]), "lock holder");
    lock.serving("https://127.0.0.1:1");
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
