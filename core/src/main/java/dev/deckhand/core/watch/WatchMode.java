package dev.deckhand.core.watch;

/** How a {@link FolderWatcher} currently learns about changes; a UI shows anything but EVENTS. */
public enum WatchMode {
  /** Registering the tree; changes made now are covered by the first push. */
  STARTING,
  /** File-system events, the normal case. */
  EVENTS,
  /** The watcher failed and is being re-registered; a full rescan follows. */
  RESTARTING,
  /** No events to be had: a full rescan every poll interval. */
  POLLING,
  CLOSED
}
