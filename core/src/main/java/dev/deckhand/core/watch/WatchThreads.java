package dev.deckhand.core.watch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a leak is visible in a thread dump and never keeps the JVM alive. */
final class WatchThreads {
  static final String PREFIX = "deckhand-watch-";

  private WatchThreads() {}

  static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops the executor; waits a little so callers can rely on "no threads left" afterwards. */
  static void shutdown(ExecutorService executor) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
