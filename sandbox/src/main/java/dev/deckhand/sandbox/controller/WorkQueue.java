package dev.deckhand.sandbox.controller;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller's work: keys to reconcile, one at a time on one thread. Informer handlers only add
 * keys here, so they never block; a key already waiting is not queued twice, and a key added while
 * it is being reconciled is reconciled again afterwards, so no change is lost.
 */
final class WorkQueue<K> implements AutoCloseable {
  /** Brings the world in line for one key; returns when to look again, or null. */
  interface Reconciler<K> {
    Duration reconcile(K key) throws Exception;
  }

  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);
  private static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(1);

  private final String name;
  private final Reconciler<K> reconciler;
  private final ScheduledExecutorService executor;
  private final Set<K> pending = ConcurrentHashMap.newKeySet();

  WorkQueue(String name, Reconciler<K> reconciler) {
    this.name = name;
    this.reconciler = reconciler;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "deckhand-" + name);
              t.setDaemon(true);
              return t;
            });
  }

  void add(K key) {
    if (pending.add(key)) {
      try {
        executor.execute(() -> run(key));
      } catch (RejectedExecutionException closed) {
        pending.remove(key);
      }
    }
  }

  void addAfter(K key, Duration delay) {
    try {
      executor.schedule(() -> add(key), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // Shutting down: nothing more to do.
    }
  }

  /** Runs {@code task} every {@code period} on the queue's thread (the resync safety net). */
  void every(Duration period, Runnable task) {
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            if (!executor.isShutdown()) {
              LOG.warn("{}: periodic task failed: {}", name, e.toString());
            }
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void run(K key) {
    pending.remove(key);
    try {
      Duration again = reconciler.reconcile(key);
      if (again != null) {
        addAfter(key, again);
      }
    } catch (Exception e) {
      if (executor.isShutdown()) {
        return;
      }
      LOG.warn("{}: reconciling {} failed, retrying: {}", name, key, e.toString());
      LOG.debug("{}: failure detail", name, e);
      addAfter(key, RETRY_AFTER_ERROR);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
