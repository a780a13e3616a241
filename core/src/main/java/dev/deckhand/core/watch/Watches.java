package dev.deckhand.core.watch;

import dev.deckhand.core.index.IndexOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Every component being watched, keyed by its folder. Each gets its own watcher, push queue and
 * push thread, so a slow push of one never delays another and their batches never mix.
 */
public final class Watches implements AutoCloseable {
  /** Everything a UI hears about one component's watch. */
  public interface Events extends FolderWatcher.Listener, PushQueue.Listener {}

  static final String PUSH_THREAD_PREFIX = "deckhand-push-";

  private final WatchSettings settings;
  private final Map<Path, ComponentWatch> watches = new LinkedHashMap<>();
  private boolean closed;

  public Watches(WatchSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts watching {@code root} and returns at once; registration runs in the background. The
   * first push is the caller's to make ({@link ComponentWatch#pushNow()}) once {@code
   * watcher().ready()} completes.
   *
   * @throws IllegalStateException if the folder is already watched
   */
  public synchronized ComponentWatch start(
      Path root, IndexOptions options, PushRunner runner, Events events) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    Path key = key(root);
    if (watches.containsKey(key)) {
      throw new IllegalStateException("already watching " + key);
    }
    String folder = key.getFileName() == null ? "root" : key.getFileName().toString();
    ExecutorService pushThread =
        Executors.newSingleThreadExecutor(WatchThreads.named(PUSH_THREAD_PREFIX + folder));
    PushQueue pushes = new PushQueue(runner, pushThread, events);
    FolderWatcher watcher = new FolderWatcher(key, options, settings, pushes::request, events);
    ComponentWatch watch = new ComponentWatch(watcher, pushes, pushThread);
    watches.put(key, watch);
    watcher.start();
    return watch;
  }

  /** Stops one component's watch; false if it was not watched. */
  public boolean stop(Path root) {
    ComponentWatch watch;
    synchronized (this) {
      watch = watches.remove(key(root));
    }
    if (watch == null) {
      return false;
    }
    watch.close();
    return true;
  }

  public synchronized Optional<ComponentWatch> get(Path root) {
    return Optional.ofNullable(watches.get(key(root)));
  }

  public synchronized Set<Path> roots() {
    return Set.copyOf(watches.keySet());
  }

  @Override
  public void close() {
    List<ComponentWatch> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(watches.values());
      watches.clear();
    }
    all.forEach(ComponentWatch::close);
  }

  private static Path key(Path root) {
    return root.toAbsolutePath().normalize();
  }
}
