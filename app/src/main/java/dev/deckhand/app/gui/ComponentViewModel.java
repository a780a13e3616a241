package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ErrorClassifier;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.watch.WatchSettings;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The open component: its header facts, its push, and the auto-sync switch. */
public final class ComponentViewModel {
  static final int CONSOLE_LINES = 5_000;

  private final ObjectProperty<ComponentInfo> info = new SimpleObjectProperty<>();
  private final StringProperty openError = new SimpleStringProperty("");
  private final BooleanProperty autoSync = new SimpleBooleanProperty();
  private final ObjectProperty<ClusterContext> context = new SimpleObjectProperty<>();
  private final PushViewModel push;
  private final AutoSync sync;
  private final ComponentPusher pusher;
  private final TaskExecutor background;
  private final UiThread ui;

  /** Without auto-sync (scripted pages): turning it on says it is not available. */
  public ComponentViewModel(ComponentPusher pusher, TaskExecutor background, UiThread ui) {
    this(
        pusher,
        (f, c, l) -> {
          throw new UnsupportedOperationException("auto-sync is not available here");
        },
        WatchSettings.defaults(),
        background,
        ui);
  }

  public ComponentViewModel(
      ComponentPusher pusher,
      AutoSyncPusher autoPusher,
      WatchSettings watchSettings,
      TaskExecutor background,
      UiThread ui) {
    this.pusher = pusher;
    this.background = background;
    this.ui = ui;
    this.push = new PushViewModel(ui, CONSOLE_LINES);
    this.sync = new AutoSync(autoPusher, push, watchSettings, background, ui);
    sync.onFailedStart(() -> autoSync.set(false));
    autoSync.addListener((o, was, on) -> switchAutoSync(on));
    // Another folder or another cluster: what was being synced is no longer on screen.
    info.addListener((o, was, now) -> autoSync.set(false));
    context.addListener(
        (o, was, now) -> {
          if (!java.util.Objects.equals(was, now)) {
            autoSync.set(false);
          }
        });
  }

  private void switchAutoSync(boolean on) {
    if (!on) {
      if (sync.active()) {
        sync.stop();
      }
      return;
    }
    ComponentInfo component = info.get();
    ClusterContext target = context.get();
    if (component == null || target == null || !target.usable()) {
      sync.problemProperty().set("Auto-sync needs an open component and a usable cluster");
      autoSync.set(false);
      return;
    }
    sync.start(component.folder(), target);
  }

  /** Stops auto-sync now (the window is closing). */
  public void close() {
    autoSync.set(false);
    sync.close();
  }

  /** Reads the folder's config off the FX thread. */
  public void open(Path folder, String namespace) {
    open(folder, namespace, () -> {});
  }

  /** Reads the folder's config off the FX thread, then runs {@code opened} on the FX thread. */
  public void open(Path folder, String namespace, Runnable opened) {
    background.execute(
        () -> {
          try {
            ComponentInfo read = ComponentInfo.read(folder, namespace);
            ui.post(
                () -> {
                  openError.set("");
                  info.set(read);
                  opened.run();
                });
          } catch (Exception e) {
            ui.post(() -> openError.set(folder + " is not a component folder: " + e.getMessage()));
          }
        });
  }

  /** For scripted pages (tests, screenshots): show a component without reading a folder. */
  public void show(ComponentInfo component) {
    info.set(component);
  }

  /** FX thread. At most one push runs; the button is disabled meanwhile. */
  public void push(ClusterContext context) {
    ComponentInfo component = info.get();
    if (component == null || context == null || push.runningProperty().get()) {
      return;
    }
    if (sync.pushNow()) {
      return; // auto-sync's queue runs it, so two pushes never overlap
    }
    push.begin();
    background.execute(
        () -> {
          try {
            pusher.push(component.folder(), context, push);
          } catch (Exception e) {
            push.on(
                new PushEvent.PushFinished(
                    Instant.now(), false, Duration.ZERO, describe(e), null, 0, 0, 0));
          }
        });
  }

  static String describe(Exception e) {
    if (e instanceof KubernetesClientException k) {
      return ErrorClassifier.classify(k).describe();
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  public ObjectProperty<ComponentInfo> infoProperty() {
    return info;
  }

  public StringProperty openErrorProperty() {
    return openError;
  }

  public BooleanProperty autoSyncProperty() {
    return autoSync;
  }

  /** The cluster pushes and auto-sync go to; the window binds it to the sidebar's selection. */
  public ObjectProperty<ClusterContext> contextProperty() {
    return context;
  }

  public AutoSync autoSync() {
    return sync;
  }

  public PushViewModel push() {
    return push;
  }
}
