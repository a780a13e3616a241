package dev.deckhand.app.gui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where slow work (kubeconfig reads, cluster calls, pushes, the sandbox) runs: never the FX thread.
 * Tests pass {@link #direct()} so everything happens synchronously on the calling thread.
 */
@FunctionalInterface
public interface TaskExecutor {
  void execute(Runnable task);

  static TaskExecutor direct() {
    return Runnable::run;
  }

  /** Daemon threads, so an open window's background work never keeps the JVM alive on exit. */
  static TaskExecutor background(String name) {
    ExecutorService pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    return pool::execute;
  }
}
