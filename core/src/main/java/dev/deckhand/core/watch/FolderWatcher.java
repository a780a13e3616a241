package dev.deckhand.core.watch;

import dev.deckhand.core.index.IndexOptions;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryChangeListener;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one component folder and hands {@link ChangeBatch}es to a consumer. It only says
 * "something changed, here are hints"; the indexer's scan finds out what.
 *
 * <p>Never silent about a miss: an overflow, a watcher exception or an unexpected stop reports a
 * problem, re-registers the tree and then asks for a full rescan (after registration, so changes
 * made while re-registering are covered). If registration itself fails (inotify's watch limit,
 * ENOSPC) or the watcher keeps failing, it falls back to a full rescan every poll interval.
 *
 * <p>Threads, all named {@code deckhand-watch-…-<folder>}: "control" registers (1–2 s on 50k files,
 * so never on the caller's UI thread), restarts and polls; "events" is directory-watcher's loop;
 * "debounce" filters and batches. Listener and consumer calls come from these threads.
 */
public final class FolderWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
  private static final int MAX_RESTARTS_PER_MINUTE = 3;
  private static final long FIRST_RESTART_DELAY_MS = 200;

  /** What a UI needs to say "watching degraded: …". Called on watcher threads; must not block. */
  public interface Listener {
    default void onProblem(String message) {}

    default void onModeChanged(WatchMode mode) {}
  }

  /** How a directory-watcher is made; a seam so tests can make registration fail. */
  interface WatcherFactory {
    DirectoryWatcher create(Path root, FileTreeVisitor visitor, DirectoryChangeListener listener)
        throws IOException;
  }

  static final WatcherFactory DIRECTORY_WATCHER =
      (root, visitor, listener) ->
          DirectoryWatcher.builder()
              .path(root)
              // Hashing reads every byte at registration (4–6.5 s and ~400 MB on 50k files).
              .fileHashing(false)
              .fileTreeVisitor(visitor)
              .listener(listener)
              .build();

  private final Path root;
  private final WatchSettings settings;
  private final Listener listener;
  private final WatcherFactory factory;
  private final IgnoringTreeVisitor visitor;
  private final ChangeCoalescer coalescer;
  private final ScheduledExecutorService control;
  private final ExecutorService eventLoops;
  private final CompletableFuture<WatchMode> ready = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  // Bumped whenever a watcher is replaced; events and errors of an older one are ignored.
  private final AtomicInteger generation = new AtomicInteger();
  private volatile boolean closed;
  private volatile WatchMode mode = WatchMode.STARTING;
  private volatile DirectoryWatcher current;
  private volatile GenerationListener currentListener;
  // Confined to the control thread.
  private final Deque<Long> recentRestarts = new ArrayDeque<>();
  private ScheduledFuture<?> polling;

  public FolderWatcher(
      Path root,
      IndexOptions options,
      WatchSettings settings,
      Consumer<ChangeBatch> onBatch,
      Listener listener) {
    this(root, options, settings, onBatch, listener, DIRECTORY_WATCHER);
  }

  FolderWatcher(
      Path root,
      IndexOptions options,
      WatchSettings settings,
      Consumer<ChangeBatch> onBatch,
      Listener listener,
      WatcherFactory factory) {
    this.root = root.toAbsolutePath().normalize();
    this.settings = Objects.requireNonNull(settings, "settings");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.factory = factory;
    WatchIgnores ignores = new WatchIgnores(this.root, options);
    this.visitor = new IgnoringTreeVisitor(this.root, ignores);
    String folder = this.root.getFileName() == null ? "root" : this.root.getFileName().toString();
    this.control =
        Executors.newSingleThreadScheduledExecutor(
            WatchThreads.named(WatchThreads.PREFIX + "control-" + folder));
    this.eventLoops =
        Executors.newCachedThreadPool(WatchThreads.named(WatchThreads.PREFIX + "events-" + folder));
    this.coalescer =
        new ChangeCoalescer(
            this.root,
            ignores,
            settings.quietPeriod(),
            settings.maxWait(),
            Objects.requireNonNull(onBatch, "onBatch"),
            this::onIgnoreRulesChanged,
            Executors.newSingleThreadScheduledExecutor(
                WatchThreads.named(WatchThreads.PREFIX + "debounce-" + folder)));
  }

  public Path root() {
    return root;
  }

  /** Starts registering in the background and returns at once; see {@link #ready()}. */
  public void start() {
    if (closed || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("already started or closed: " + root);
    }
    control.execute(() -> register(false));
  }

  /**
   * Completes once changes are being picked up: with {@link WatchMode#EVENTS} when the tree is
   * registered, {@link WatchMode#POLLING} if it could not be, {@link WatchMode#CLOSED} if closed
   * first. Changes made before it completes are not reported; push once after it to be current.
   */
  public CompletableFuture<WatchMode> ready() {
    return ready.copy();
  }

  public WatchMode mode() {
    return mode;
  }

  /** Asks for a full-rescan batch, e.g. after the caller knows the tree changed behind our back. */
  public void rescanAll() {
    coalescer.requestFullRescan();
  }

  private void register(boolean rescanWhenReady) {
    if (closed) {
      return;
    }
    int gen = generation.incrementAndGet();
    GenerationListener genListener = new GenerationListener(gen);
    DirectoryWatcher watcher = null;
    try {
      watcher = factory.create(root, visitor, genListener);
      // Registration happens here, on the control thread; the event loop then runs on eventLoops.
      CompletableFuture<Void> loop = watcher.watchAsync(eventLoops);
      if (loop.isCompletedExceptionally()) {
        loop.join();
      }
      if (closed) {
        closeQuietly(watcher);
        return;
      }
      current = watcher;
      currentListener = genListener;
      recoverFromPolling();
      setMode(WatchMode.EVENTS);
      ready.complete(WatchMode.EVENTS);
      if (rescanWhenReady) {
        coalescer.requestFullRescan();
      }
      loop.whenComplete((ignored, error) -> onLoopEnded(gen, error));
    } catch (Exception | Error e) {
      closeQuietly(watcher);
      if (closed) {
        return;
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      LOG.warn("cannot watch {}", root, cause);
      report(
          "cannot watch "
              + root
              + ": "
              + describe(cause)
              + "; checking for changes every "
              + seconds(settings.pollInterval())
              + " instead");
      startPolling();
    }
  }

  private void onLoopEnded(int gen, Throwable error) {
    if (!closed && gen == generation.get()) {
      troubleFrom(
          gen, error == null ? "the watcher stopped (folder moved or deleted?)" : describe(error));
    }
  }

  /** Called on the event-loop thread: only hands the problem over to the control thread. */
  private void troubleFrom(int gen, String reason) {
    try {
      control.execute(() -> restart(gen, reason));
    } catch (RejectedExecutionException closing) {
      // Closing: nothing to restart.
    }
  }

  private void restart(int gen, String reason) {
    if (closed || gen != generation.get()) {
      return; // already restarted for an earlier error of the same watcher
    }
    generation.incrementAndGet();
    closeQuietly(current);
    current = null;
    long now = System.nanoTime();
    recentRestarts.removeIf(t -> now - t > TimeUnit.MINUTES.toNanos(1));
    recentRestarts.add(now);
    if (recentRestarts.size() > MAX_RESTARTS_PER_MINUTE) {
      report(
          "watching degraded: "
              + reason
              + "; it keeps failing, so checking for changes every "
              + seconds(settings.pollInterval())
              + " instead");
      startPolling();
      return;
    }
    report("watching degraded: " + reason + "; restarting the watcher and rescanning everything");
    setMode(WatchMode.RESTARTING);
    long delay = FIRST_RESTART_DELAY_MS << (recentRestarts.size() - 1);
    control.schedule(() -> register(true), delay, TimeUnit.MILLISECONDS);
  }

  private void startPolling() {
    if (polling != null) {
      return;
    }
    setMode(WatchMode.POLLING);
    ready.complete(WatchMode.POLLING);
    coalescer.requestFullRescan(); // whatever happened until now went unseen
    long every = settings.pollInterval().toMillis();
    polling =
        control.scheduleWithFixedDelay(
            coalescer::requestFullRescan, every, every, TimeUnit.MILLISECONDS);
  }

  private void recoverFromPolling() {
    if (polling != null) {
      polling.cancel(false);
      polling = null;
    }
  }

  /**
   * A {@code .gitignore} or {@code .odoignore} changed: a directory that was skipped may now need a
   * watch, so register again (cheap next to the push the change triggers anyway).
   */
  private void onIgnoreRulesChanged() {
    try {
      control.execute(
          () -> {
            if (closed || mode != WatchMode.EVENTS) {
              return;
            }
            generation.incrementAndGet();
            closeQuietly(current);
            current = null;
            register(true);
          });
    } catch (RejectedExecutionException closing) {
      // Closing.
    }
  }

  private void report(String message) {
    try {
      listener.onProblem(message);
    } catch (RuntimeException e) {
      LOG.warn("watch listener failed", e);
    }
  }

  private void setMode(WatchMode next) {
    if (mode == next) {
      return;
    }
    mode = next;
    try {
      listener.onModeChanged(next);
    } catch (RuntimeException e) {
      LOG.warn("watch listener failed", e);
    }
  }

  /** Test hook: the listener directory-watcher currently calls, to simulate its errors. */
  DirectoryChangeListener currentListener() {
    return currentListener;
  }

  /** Stops watching; no thread of this watcher is left when it returns. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    generation.incrementAndGet();
    WatchThreads.shutdown(control);
    closeQuietly(current);
    current = null;
    WatchThreads.shutdown(eventLoops);
    coalescer.close();
    setMode(WatchMode.CLOSED);
    ready.complete(WatchMode.CLOSED);
  }

  private static void closeQuietly(DirectoryWatcher watcher) {
    if (watcher == null) {
      return;
    }
    try {
      watcher.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing directory watcher", e);
    }
  }

  static String describe(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (message.contains("inotify")) {
      // Raising the limit is the fix; say how (engineering notes C.5).
      message +=
          " (raise fs.inotify.max_user_watches, e.g. sysctl fs.inotify.max_user_watches=524288)";
    }
    return message;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The listener of one registration; silent once a newer one replaced it. */
  private final class GenerationListener implements DirectoryChangeListener {
    private final int gen;

    GenerationListener(int gen) {
      this.gen = gen;
    }

    @Override
    public void onEvent(DirectoryChangeEvent event) {
      if (gen != generation.get()) {
        return;
      }
      if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
        troubleFrom(gen, "too many changes at once, some events were lost");
        return;
      }
      Path path = event.path();
      if (path == null
          || (event.eventType() == DirectoryChangeEvent.EventType.MODIFY && event.isDirectory())) {
        return; // a directory's own mtime: the events of its entries carry the news
      }
      coalescer.offer(path, event.isDirectory());
    }

    @Override
    public void onException(Exception e) {
      // directory-watcher's default does nothing: that is how an overflow went silently missing.
      if (gen == generation.get()) {
        troubleFrom(gen, "watcher error: " + describe(e));
      }
    }

    @Override
    public boolean isWatching() {
      return !closed && gen == generation.get();
    }
  }
}
