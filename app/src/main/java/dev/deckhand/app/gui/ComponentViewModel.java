package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ErrorClassifier;
import dev.deckhand.core.event.PushEvent;
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
  private final PushViewModel push;
  private final ComponentPusher pusher;
  private final TaskExecutor background;
  private final UiThread ui;

  public ComponentViewModel(ComponentPusher pusher, TaskExecutor background, UiThread ui) {
    this.pusher = pusher;
    this.background = background;
    this.ui = ui;
    this.push = new PushViewModel(ui, CONSOLE_LINES);
  }

  /** Reads the folder's config off the FX thread. */
  public void open(Path folder, String namespace) {
    background.execute(
        () -> {
          try {
            ComponentInfo read = ComponentInfo.read(folder, namespace);
            ui.post(
                () -> {
                  openError.set("");
                  info.set(read);
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

  private static String describe(Exception e) {
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

  public PushViewModel push() {
    return push;
  }
}
