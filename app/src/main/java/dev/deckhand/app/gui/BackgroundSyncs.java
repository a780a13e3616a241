package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.watch.WatchSettings;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Auto-syncs that go on for components no longer open in the window: opening another folder while
 * one is synced hands the first one over here, and the tray lists and controls them. Each has its
 * own watch, push queue and timeline (not shown), so its pushes never mix with the window's. FX
 * thread only.
 */
public final class BackgroundSyncs implements AutoCloseable {
  static final int CONSOLE_LINES = 500;

  /** One folder synced in the background, to the cluster it was synced to when handed over. */
  public record Entry(
      ComponentInfo component, ClusterContext context, AutoSync sync, PushViewModel push) {}

  private final ObservableList<Entry> entries = FXCollections.observableArrayList();
  private final AutoSyncPusher pusher;
  private final WatchSettings settings;
  private final TaskExecutor background;
  private final UiThread ui;

  public BackgroundSyncs(
      AutoSyncPusher pusher, WatchSettings settings, TaskExecutor background, UiThread ui) {
    this.pusher = pusher;
    this.settings = settings;
    this.background = background;
    this.ui = ui;
  }

  /** Keeps {@code component} synced to {@code context}; a folder already kept stays as it is. */
  public void keep(ComponentInfo component, ClusterContext context) {
    if (find(component.folder()).isPresent()) {
      return;
    }
    PushViewModel push = new PushViewModel(ui, CONSOLE_LINES);
    AutoSync sync = new AutoSync(pusher, push, settings, background, ui);
    Entry entry = new Entry(component, context, sync, push);
    sync.onFailedStart(() -> entries.remove(entry));
    entries.add(entry);
    sync.start(component.folder(), context);
  }

  /** Stops syncing the folder; false when it was not synced here. */
  public boolean stop(Path folder) {
    Optional<Entry> entry = find(folder);
    entry.ifPresent(
        e -> {
          entries.remove(e);
          background.execute(e.sync()::close); // closing a watch may wait for its threads
        });
    return entry.isPresent();
  }

  /** "Push now" for a background folder goes through its own queue. */
  public boolean pushNow(Path folder) {
    return find(folder).map(e -> e.sync().pushNow()).orElse(false);
  }

  public Optional<Entry> find(Path folder) {
    return entries.stream().filter(e -> e.component().folder().equals(folder)).findFirst();
  }

  public ObservableList<Entry> entries() {
    return entries;
  }

  /** Stops all of them now, on the calling thread (Deckhand is quitting). */
  @Override
  public void close() {
    for (Entry e : java.util.List.copyOf(entries)) {
      entries.remove(e);
      e.sync().close();
    }
  }
}
