package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ErrorClassifier;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.push.ComponentDeleter;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.watch.WatchSettings;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The open component: its header facts, its push, and the auto-sync switch. */
public final class ComponentViewModel {
  private static final Logger LOG = LoggerFactory.getLogger(ComponentViewModel.class);
  static final int CONSOLE_LINES = 5_000;

  private final ObjectProperty<ComponentInfo> info = new SimpleObjectProperty<>();
  private final StringProperty openError = new SimpleStringProperty("");
  private final BooleanProperty autoSync = new SimpleBooleanProperty();
  private final ObjectProperty<ClusterContext> context = new SimpleObjectProperty<>();
  private final PushViewModel push;
  private final BackgroundSyncs backgroundSyncs;
  private final BooleanProperty handOver = new SimpleBooleanProperty();
  private final AutoSync sync;
  private final ComponentPusher pusher;
  private final TaskExecutor background;
  private final UiThread ui;
  private final ComponentServices services;
  private final FilesViewModel files;
  private final LogsViewModel logs;
  private final ReadOnlyObjectWrapper<ComponentStatus> status = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<String>> secretWarning = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DeleteState> deleteState =
      new ReadOnlyObjectWrapper<>(DeleteState.IDLE);
  private final ReadOnlyStringWrapper deleteMessage = new ReadOnlyStringWrapper("");
  private AutoCloseable statusWatch;
  private long statusGeneration;
  // What waits for the user's answer to the secret question, and whether they said yes already.
  private Runnable pendingSecretAction;
  private boolean secretsConfirmed;

  /** Where a delete is. */
  public enum DeleteState {
    IDLE,
    DELETING,
    DONE,
    FAILED
  }

  /** Without auto-sync (scripted pages): turning it on says it is not available. */
  public ComponentViewModel(ComponentPusher pusher, TaskExecutor background, UiThread ui) {
    this(
        pusher,
        (f, c, l) -> {
          throw new UnsupportedOperationException("auto-sync is not available here");
        },
        WatchSettings.defaults(),
        ComponentServices.none(),
        background,
        ui);
  }

  public ComponentViewModel(
      ComponentPusher pusher,
      AutoSyncPusher autoPusher,
      WatchSettings watchSettings,
      TaskExecutor background,
      UiThread ui) {
    this(pusher, autoPusher, watchSettings, ComponentServices.cluster(), background, ui);
  }

  /**
   * @param services status watch, logs and delete; {@link ComponentServices#none()} for pages
   *     without a cluster
   */
  public ComponentViewModel(
      ComponentPusher pusher,
      AutoSyncPusher autoPusher,
      WatchSettings watchSettings,
      ComponentServices services,
      TaskExecutor background,
      UiThread ui) {
    this.pusher = pusher;
    this.services = services;
    this.files = new FilesViewModel(background, ui);
    this.logs = new LogsViewModel(services.logs(), background, ui);
    this.background = background;
    this.ui = ui;
    this.push = new PushViewModel(ui, CONSOLE_LINES);
    this.sync = new AutoSync(autoPusher, push, watchSettings, background, ui);
    sync.onFailedStart(() -> autoSync.set(false));
    autoSync.addListener((o, was, on) -> switchAutoSync(on));
    this.backgroundSyncs = new BackgroundSyncs(autoPusher, watchSettings, background, ui);
    // Another folder: the synced one goes on in the background (the tray lists it), and a folder
    // synced in the background comes back to the window with its auto-sync on.
    info.addListener((o, was, now) -> switchedComponent(was, now));
    // Another cluster: what was being synced is no longer the target on screen.
    context.addListener(
        (o, was, now) -> {
          if (!java.util.Objects.equals(was, now)) {
            autoSync.set(false);
          }
        });
    info.addListener(
        (o, was, now) -> {
          files.open(now == null ? null : now.folder());
          secretWarning.set(null);
          pendingSecretAction = null;
          secretsConfirmed = false;
          deleteState.set(DeleteState.IDLE);
          deleteMessage.set("");
        });
    info.addListener((o, was, now) -> restartStatusWatch());
    context.addListener((o, was, now) -> restartStatusWatch());
    status.addListener((o, was, now) -> logs.update(info.get(), context.get(), now));
    // What a push sent is no longer waiting; what the watcher saw is.
    push.runningProperty()
        .addListener(
            (o, was, running) -> {
              if (!running) {
                files.refresh();
              }
            });
    sync.statusProperty()
        .addListener(
            (o, was, now) -> {
              if (now == AutoSync.Status.SYNCING || now == AutoSync.Status.QUEUED) {
                files.refresh();
              }
            });
  }

  /**
   * FX thread. One status watch per open component on a usable cluster; a stale watch's late
   * snapshots are dropped by generation.
   */
  private void restartStatusWatch() {
    long gen = ++statusGeneration;
    AutoCloseable old = statusWatch;
    statusWatch = null;
    status.set(null);
    logs.update(info.get(), context.get(), null);
    if (old != null) {
      background.execute(() -> closeQuietly(old));
    }
    ComponentInfo component = info.get();
    ClusterContext target = context.get();
    if (component == null || target == null || !target.usable()) {
      return;
    }
    background.execute(
        () -> {
          try {
            AutoCloseable watch =
                services
                    .status()
                    .watch(
                        component,
                        target,
                        s ->
                            ui.post(
                                () -> {
                                  if (gen == statusGeneration) {
                                    status.set(s);
                                  }
                                }));
            ui.post(
                () -> {
                  if (gen == statusGeneration) {
                    statusWatch = watch;
                  } else {
                    closeQuietly(watch);
                  }
                });
          } catch (Exception e) {
            LOG.info("no status watch for {}: {}", component.name(), describe(e));
          }
        });
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.debug("closing a status watch", e);
    }
  }

  private void switchedComponent(ComponentInfo was, ComponentInfo now) {
    ClusterContext target = context.get();
    boolean usable = target != null && target.usable();
    boolean sameFolder = was != null && now != null && was.folder().equals(now.folder());
    if (handOver.get() && autoSync.get() && was != null && usable && !sameFolder) {
      backgroundSyncs.keep(was, target);
    }
    autoSync.set(false);
    if (now != null && backgroundSyncs.stop(now.folder()) && usable) {
      autoSync.set(true);
    }
  }

  /**
   * Whether opening another component hands the synced one over to {@link #backgroundSyncs()}: only
   * where the tray lists them, since without it they would go on unseen. Off by default.
   */
  public BooleanProperty handOverProperty() {
    return handOver;
  }

  /** Auto-syncs of components handed over when another one was opened. */
  public BackgroundSyncs backgroundSyncs() {
    return backgroundSyncs;
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
    FilesPreview known = files.previewProperty().get();
    if (!secretsConfirmed && known != null && known.needsSecretConfirmation()) {
      // Auto-sync starts with a full push: the same question as the Push button.
      autoSync.set(false);
      pendingSecretAction = () -> autoSync.set(true);
      secretWarning.set(known.allowedSecrets());
      return;
    }
    sync.start(component.folder(), target);
  }

  /** Stops auto-sync now (the window is closing). */
  public void close() {
    autoSync.set(false);
    sync.close();
    backgroundSyncs.close();
    logs.stop();
    statusGeneration++;
    if (statusWatch != null) {
      closeQuietly(statusWatch);
      statusWatch = null;
    }
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

  /**
   * FX thread. At most one push runs; the button is disabled meanwhile. A first push that would
   * send an allowed secret waits for {@link #confirmSecretPush()} instead.
   */
  public void push(ClusterContext context) {
    ComponentInfo component = info.get();
    if (component == null || context == null || push.runningProperty().get()) {
      return;
    }
    FilesPreview known = files.previewProperty().get();
    if (known != null
        && !known.firstPush()
        && files.stateProperty().get() != FilesViewModel.State.SCANNING) {
      startPush(context);
      return;
    }
    // Maybe the first push: look at what it would send now, not at an older scan.
    files.refresh(
        fresh -> {
          if (info.get() != component) {
            return;
          }
          if (fresh != null && fresh.needsSecretConfirmation() && !secretsConfirmed) {
            pendingSecretAction = () -> startPush(context);
            secretWarning.set(fresh.allowedSecrets());
          } else {
            startPush(context);
          }
        });
  }

  /** FX thread: the user read the secret warning and wants the push (or auto-sync). */
  public void confirmSecretPush() {
    Runnable action = pendingSecretAction;
    pendingSecretAction = null;
    secretWarning.set(null);
    if (action != null) {
      secretsConfirmed = true;
      action.run();
    }
  }

  /** FX thread: the user backed out; nothing is pushed. */
  public void cancelSecretPush() {
    pendingSecretAction = null;
    secretWarning.set(null);
  }

  private void startPush(ClusterContext context) {
    ComponentInfo component = info.get();
    if (component == null || push.runningProperty().get()) {
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

  /**
   * FX thread. Deletes the component's cluster objects off the FX thread; with {@code
   * alsoLocalConfig} the folder's {@code .odo} goes too and the page closes. Sources are never
   * touched.
   */
  public void delete(boolean alsoLocalConfig) {
    ComponentInfo component = info.get();
    ClusterContext target = context.get();
    if (component == null || deleteState.get() == DeleteState.DELETING) {
      return;
    }
    if (target == null || !target.usable()) {
      deleteState.set(DeleteState.FAILED);
      deleteMessage.set("Deleting needs a usable cluster");
      return;
    }
    autoSync.set(false);
    deleteState.set(DeleteState.DELETING);
    deleteMessage.set("Deleting " + component.name() + " from " + component.namespace() + "…");
    background.execute(
        () -> {
          try {
            List<String> deleted = services.remover().delete(component, target);
            if (alsoLocalConfig) {
              ComponentDeleter.deleteLocalConfig(component.folder());
            }
            String what =
                deleted.isEmpty()
                    ? "nothing was on the cluster"
                    : deleted.size() + " objects: " + String.join(", ", deleted);
            ui.post(
                () -> {
                  if (info.get() != component) {
                    return;
                  }
                  deleteState.set(DeleteState.DONE);
                  deleteMessage.set(
                      "Deleted "
                          + component.name()
                          + " from "
                          + component.namespace()
                          + " — "
                          + what
                          + (alsoLocalConfig ? "; .odo removed" : ""));
                  if (alsoLocalConfig) {
                    info.set(null); // no longer a component folder
                  } else {
                    files.refresh(); // the next push is a first push again
                  }
                });
          } catch (Exception e) {
            ui.post(
                () -> {
                  deleteState.set(DeleteState.FAILED);
                  deleteMessage.set("Delete failed: " + describe(e));
                });
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

  public FilesViewModel files() {
    return files;
  }

  public LogsViewModel logs() {
    return logs;
  }

  /** The open component on the cluster, newest snapshot; null before the first or without one. */
  public ReadOnlyObjectProperty<ComponentStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** For scripted pages: a snapshot as the status watch would deliver it. FX thread. */
  public void showStatus(ComponentStatus snapshot) {
    status.set(snapshot);
  }

  /** The allowed secrets a pending first push would send, or null when nothing waits. */
  public ReadOnlyObjectProperty<List<String>> secretWarningProperty() {
    return secretWarning.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<DeleteState> deleteStateProperty() {
    return deleteState.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty deleteMessageProperty() {
    return deleteMessage.getReadOnlyProperty();
  }
}
