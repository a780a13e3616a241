package dev.deckhand.core.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debounce: turns raw watcher events into {@link ChangeBatch}es, one per quiet period, at the
 * latest {@code maxWait} after the batch's first event.
 *
 * <p>{@link #offer} is all the watcher's thread does: an append to a lock-free queue. Filtering
 * (ignore rules may read a {@code .gitignore}) and timing run on this class's own single thread, so
 * a slow consumer or a cold rules cache never stalls directory-watcher's event loop — a blocked
 * loop is how inotify overflows (toolchain notes).
 */
final class ChangeCoalescer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeCoalescer.class);
  private static final long NONE = Long.MIN_VALUE;

  /** One event; a null path stands for "everything" (overflow, restart, poll, Sync now). */
  private record RawChange(Path path, boolean directory, long atNanos) {}

  private final Path root;
  private final WatchIgnores ignores;
  private final long quietNanos;
  private final long maxWaitNanos;
  private final Consumer<ChangeBatch> sink;
  private final Runnable onIgnoreRulesChanged;
  private final ScheduledExecutorService thread;
  private final Queue<RawChange> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  // Confined to `thread`.
  private Set<Path> hints = new HashSet<>();
  private boolean fullRescan;
  private boolean hintsDropped;
  private long firstAt = NONE;
  private long lastAt = NONE;
  private boolean timerArmed;

  ChangeCoalescer(
      Path root,
      WatchIgnores ignores,
      Duration quietPeriod,
      Duration maxWait,
      Consumer<ChangeBatch> sink,
      Runnable onIgnoreRulesChanged,
      ScheduledExecutorService thread) {
    this.root = root;
    this.ignores = ignores;
    this.quietNanos = quietPeriod.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
    this.sink = sink;
    this.onIgnoreRulesChanged = onIgnoreRulesChanged;
    this.thread = thread;
  }

  /** A path changed. Called on the watcher's thread: never blocks. */
  void offer(Path path, boolean directory) {
    inbox.add(new RawChange(path, directory, System.nanoTime()));
    scheduleDrain();
  }

  /** Hints are incomplete: the next batch must be a full rescan. Any thread. */
  void requestFullRescan() {
    inbox.add(new RawChange(null, false, System.nanoTime()));
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        thread.execute(this::drain);
      } catch (RejectedExecutionException closed) {
        // Closed: nobody is listening any more.
      }
    }
  }

  private void drain() {
    // Cleared before polling, so an offer racing with this drain schedules another one.
    drainScheduled.set(false);
    boolean rulesChanged = false;
    RawChange change;
    while ((change = inbox.poll()) != null) {
      if (change.path() == null) {
        fullRescan = true;
        mark(change.atNanos());
        continue;
      }
      String rel = WatchIgnores.relative(root, change.path());
      if (rel == null || rel.isEmpty() || WatchIgnores.isAlwaysExcluded(rel)) {
        continue;
      }
      if (WatchIgnores.isIgnoreFile(change.path().getFileName().toString())) {
        ignores.forget(WatchIgnores.parentOf(rel));
        rulesChanged = true;
      }
      if (ignores.isExcluded(rel, change.directory())) {
        continue;
      }
      if (!hintsDropped) {
        hints.add(Path.of(rel));
        if (hints.size() > ChangeBatch.MAX_HINTS) {
          // Too many to be useful: drop them and say the batch is incomplete instead.
          hintsDropped = true;
          fullRescan = true;
          hints.clear();
        }
      }
      mark(change.atNanos());
    }
    if (rulesChanged) {
      onIgnoreRulesChanged.run();
    }
    armTimer(System.nanoTime());
  }

  private void mark(long at) {
    if (firstAt == NONE) {
      firstAt = at;
    }
    lastAt = Math.max(lastAt, at);
  }

  private void armTimer(long now) {
    if (timerArmed || firstAt == NONE) {
      return;
    }
    long due = Math.min(lastAt + quietNanos, firstAt + maxWaitNanos);
    timerArmed = true;
    try {
      thread.schedule(this::onTimer, Math.max(0, due - now), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      timerArmed = false;
    }
  }

  // One timer at a time that re-arms itself for the new due time, instead of a cancel and
  // reschedule per event: a burst of 10,000 events costs 10,000 appends, not 10,000 timers.
  private void onTimer() {
    timerArmed = false;
    if (firstAt == NONE) {
      return;
    }
    long now = System.nanoTime();
    long due = Math.min(lastAt + quietNanos, firstAt + maxWaitNanos);
    if (now < due) {
      armTimer(now);
      return;
    }
    ChangeBatch batch = new ChangeBatch(hints, fullRescan);
    hints = new HashSet<>();
    fullRescan = false;
    hintsDropped = false;
    firstAt = NONE;
    lastAt = NONE;
    try {
      sink.accept(batch);
    } catch (RuntimeException e) {
      LOG.warn("change consumer failed on {}", root, e);
    }
  }

  @Override
  public void close() {
    WatchThreads.shutdown(thread);
  }
}
