package dev.deckhand.core.watch;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/** One watched component: its folder watcher feeding its push queue. */
public final class ComponentWatch implements AutoCloseable {
  private final FolderWatcher watcher;
  private final PushQueue pushes;
  private final ExecutorService pushThread;

  ComponentWatch(FolderWatcher watcher, PushQueue pushes, ExecutorService pushThread) {
    this.watcher = watcher;
    this.pushes = pushes;
    this.pushThread = pushThread;
  }

  public Path root() {
    return watcher.root();
  }

  public FolderWatcher watcher() {
    return watcher;
  }

  public PushQueue pushes() {
    return pushes;
  }

  /** "Sync now". */
  public void pushNow() {
    pushes.pushNow();
  }

  /** Stops the watcher first, so no new batch arrives, then cancels pushes and ends the thread. */
  @Override
  public void close() {
    watcher.close();
    pushes.close();
    WatchThreads.shutdown(pushThread);
  }
}
