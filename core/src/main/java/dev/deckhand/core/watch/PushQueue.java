package dev.deckhand.core.watch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pushes of one component: at most one in flight and at most one queued (engineering notes
 * C.8). Requests that arrive while a push runs merge into the queued one — hints unioned, full
 * rescan OR-ed — so an edit during a push lands in exactly one follow-up push, and nothing is
 * dropped. A failed push does not stop the queue; its hints ride along with the next request, and
 * since the index only advances on success the next scan re-sends its changes anyway.
 *
 * <p>The executor is the seam: a single-thread executor in the app, {@code Runnable::run} in tests
 * for a synchronous queue. Listener calls are made under the queue's lock, so they arrive in order;
 * they must not block (hand off to the UI thread).
 */
public final class PushQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushQueue.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  public enum State {
    IDLE,
    PUSHING,
    /** Pushing, and another push will follow. */
    PUSHING_AND_QUEUED
  }

  /** Observes the queue; calls must not block. */
  public interface Listener {
    default void onStateChanged(State state) {}

    default void onPushStarted(ChangeBatch batch) {}

    default void onPushSucceeded(ChangeBatch batch) {}

    default void onPushFailed(ChangeBatch batch, Exception error) {}
  }

  private final PushRunner runner;
  private final Executor executor;
  private final Listener listener;
  private final Object lock = new Object();
  // Guarded by lock.
  private State state = State.IDLE;
  private ChangeBatch queued;
  private ChangeBatch failedCarryOver;
  private Thread worker;
  private boolean closed;

  public PushQueue(PushRunner runner, Executor executor, Listener listener) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Pushes the batch now, or merges it into the one push that follows the running one. */
  public void request(ChangeBatch batch) {
    Objects.requireNonNull(batch, "batch");
    ChangeBatch first;
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (state != State.IDLE) {
        queued = queued == null ? batch : queued.merge(batch);
        setState(State.PUSHING_AND_QUEUED);
        return;
      }
      first = takeCarryOver(batch);
      setState(State.PUSHING);
    }
    try {
      executor.execute(() -> runFrom(first));
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        queued = null;
        setState(State.IDLE);
        lock.notifyAll();
      }
      notifyFailed(first, e);
    }
  }

  /** odo's "p" key, the UI's "Sync now": a full rescan, queued like any other request. */
  public void pushNow() {
    request(ChangeBatch.rescanAll());
  }

  public State state() {
    synchronized (lock) {
      return state;
    }
  }

  /** Waits until nothing runs and nothing is queued; false on timeout. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (state != State.IDLE) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  private void runFrom(ChangeBatch first) {
    synchronized (lock) {
      worker = Thread.currentThread();
    }
    ChangeBatch batch = first;
    while (batch != null) {
      pushOnce(batch);
      synchronized (lock) {
        if (closed || queued == null) {
          queued = null;
          worker = null;
          setState(State.IDLE);
          lock.notifyAll();
          return;
        }
        batch = takeCarryOver(queued);
        queued = null;
        setState(State.PUSHING);
      }
    }
  }

  private void pushOnce(ChangeBatch batch) {
    try {
      synchronized (lock) {
        listener.onPushStarted(batch);
      }
      runner.push(batch);
      synchronized (lock) {
        listener.onPushSucceeded(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      remember(batch);
      notifyFailed(batch, e);
    } catch (Exception e) {
      remember(batch);
      notifyFailed(batch, e);
    } finally {
      // close()'s interrupt was meant for this push only; the next push, or the caller's thread
      // under a synchronous executor, must not inherit it.
      Thread.interrupted();
    }
  }

  private void remember(ChangeBatch failed) {
    synchronized (lock) {
      failedCarryOver = failedCarryOver == null ? failed : failedCarryOver.merge(failed);
    }
  }

  private ChangeBatch takeCarryOver(ChangeBatch batch) {
    ChangeBatch carry = failedCarryOver;
    failedCarryOver = null;
    return carry == null ? batch : carry.merge(batch);
  }

  private void notifyFailed(ChangeBatch batch, Exception e) {
    LOG.debug("push failed", e);
    synchronized (lock) {
      try {
        listener.onPushFailed(batch, e);
      } catch (RuntimeException listenerError) {
        LOG.warn("push listener failed", listenerError);
      }
    }
  }

  private void setState(State next) {
    if (state == next) {
      return;
    }
    state = next;
    try {
      listener.onStateChanged(next);
    } catch (RuntimeException e) {
      LOG.warn("push listener failed", e);
    }
  }

  /**
   * Drops the queued request, interrupts the running push (the runner cleans up and does not
   * advance the index) and waits up to 10 s for it to return. Later requests are ignored.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      queued = null;
      if (worker == Thread.currentThread()) {
        return; // closed from inside a push or a listener: the loop ends when this push returns
      }
      if (worker != null) {
        worker.interrupt();
      }
    }
    try {
      if (!awaitIdle(CLOSE_TIMEOUT)) {
        LOG.warn("a push did not stop within {} after close", CLOSE_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
