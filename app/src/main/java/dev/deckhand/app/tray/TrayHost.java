package dev.deckhand.app.tray;

import dev.deckhand.app.gui.AutoSync;
import dev.deckhand.app.gui.BackgroundSyncs;
import dev.deckhand.app.gui.ClusterEntry;
import dev.deckhand.app.gui.ComponentInfo;
import dev.deckhand.app.gui.ComponentViewModel;
import dev.deckhand.app.gui.PushViewModel;
import dev.deckhand.app.gui.SidebarRows;
import dev.deckhand.app.gui.SidebarViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray of the running app: a {@link TrayModel} fed by the window's {@link ComponentViewModel}
 * and shown by an {@link AwtTray}. The window talks to the tray only through this class, so AWT
 * stays inside this package.
 */
public final class TrayHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrayHost.class);

  private final TrayModel model;
  private final AwtTray tray;

  private TrayHost(TrayModel model, AwtTray tray) {
    this.model = model;
    this.tray = tray;
  }

  /**
   * Whether the desktop has a tray. Touches AWT: call only after JavaFX has started; it may take a
   * moment the first time (the AWT toolkit loads), so off the FX thread when a window is showing.
   */
  public static boolean supported() {
    return AwtTray.supported();
  }

  /** FX thread, after {@link #supported()} said yes: shows the icon, or empty if AWT refuses. */
  public static Optional<TrayHost> install(
      ComponentViewModel component, Runnable openWindow, Runnable quit) {
    return install(component, null, null, b -> {}, openWindow, quit);
  }

  /**
   * @param sidebar where the open component's pod status comes from (crash-loop notifications), or
   *     null
   * @param keepRunning the saved "keep running in the tray" choice, null for the default
   * @param saveKeepRunning saves the choice when the user changes it in the menu
   */
  public static Optional<TrayHost> install(
      ComponentViewModel component,
      SidebarViewModel sidebar,
      Boolean keepRunning,
      java.util.function.Consumer<Boolean> saveKeepRunning,
      Runnable openWindow,
      Runnable quit) {
    TrayModel model =
        new TrayModel(new ViewModelActions(component, openWindow, quit, saveKeepRunning));
    model.setKeepRunning(keepRunning);
    bind(model, component);
    if (sidebar != null) {
      bindCrashLoops(model, sidebar, component);
    }
    try {
      return Optional.of(new TrayHost(model, AwtTray.install(model, Platform::runLater)));
    } catch (Exception | LinkageError e) {
      LOG.warn("the tray icon could not be added: {}", e.toString());
      return Optional.empty();
    }
  }

  /** FX thread: closing the window keeps Deckhand running in the tray while auto-sync is on. */
  public boolean keepRunningOnClose() {
    return model.keepRunningOnClose();
  }

  public TrayModel model() {
    return model;
  }

  @Override
  public void close() {
    tray.close();
  }

  /**
   * Keeps the model in step with the window's component and the components synced in the background
   * (FX thread).
   */
  static void bind(TrayModel model, ComponentViewModel vm) {
    BackgroundSyncs others = vm.backgroundSyncs();
    Runnable reset =
        () -> {
          List<TrayModel.Component> list = new ArrayList<>();
          ComponentInfo info = vm.infoProperty().get();
          if (info != null) {
            list.add(
                new TrayModel.Component(
                    info.name(),
                    info.folder(),
                    vm.autoSyncProperty().get(),
                    TrayModel.SyncState.IDLE,
                    ""));
          }
          for (BackgroundSyncs.Entry e : others.entries()) {
            list.add(
                new TrayModel.Component(
                    e.component().name(),
                    e.component().folder(),
                    true,
                    TrayModel.SyncState.IDLE,
                    ""));
          }
          model.setComponents(list);
        };
    others
        .entries()
        .addListener(
            (javafx.collections.ListChangeListener<BackgroundSyncs.Entry>)
                c -> {
                  while (c.next()) {
                    c.getAddedSubList().forEach(e -> bindOutcome(model, e));
                  }
                  reset.run();
                });
    vm.infoProperty().addListener((o, a, b) -> reset.run());
    reset.run();
    vm.autoSyncProperty()
        .addListener((o, a, on) -> forCurrent(vm, n -> model.autoSyncChanged(n, on)));
    vm.autoSync()
        .statusProperty()
        .addListener(
            (o, a, s) -> {
              if (s == AutoSync.Status.SYNCING || s == AutoSync.Status.QUEUED) {
                forCurrent(vm, model::syncing);
              }
            });
    bindOutcome(model, vm.push(), () -> currentName(vm));
  }

  /** A background sync's pushes show in the icon and notify like the window's. */
  private static void bindOutcome(TrayModel model, BackgroundSyncs.Entry e) {
    String name = e.component().name();
    bindOutcome(model, e.push(), () -> name);
  }

  /** A push's outcome, for the component {@code name} gives (none: the push is not listed). */
  private static void bindOutcome(
      TrayModel model, PushViewModel push, java.util.function.Supplier<String> name) {
    push.outcomeProperty()
        .addListener(
            (o, a, outcome) -> {
              String n = name.get();
              if (n == null) {
                return;
              }
              switch (outcome) {
                case RUNNING -> model.syncing(n);
                case SUCCEEDED -> model.pushSucceeded(n);
                case FAILED -> {
                  String summary = push.summaryProperty().get();
                  model.pushFailed(n, summary, unauthorized(summary));
                }
                case NONE -> {}
              }
            });
  }

  /**
   * Feeds the model the open component's crash loops, as the sidebar's poll sees its pod. The
   * component counts when its name, application and namespace match, in the selected cluster.
   */
  static void bindCrashLoops(TrayModel model, SidebarViewModel sidebar, ComponentViewModel vm) {
    Runnable check =
        () -> {
          ComponentInfo info = vm.infoProperty().get();
          ClusterEntry cluster = sidebar.selectedProperty().get();
          if (info == null || cluster == null) {
            return;
          }
          Optional<SidebarRows.ComponentRow> row =
              sidebar.clusters().stream()
                  .filter(c -> c.key().equals(cluster.title()))
                  .flatMap(c -> c.namespaces().stream())
                  .filter(n -> n.name().equals(info.namespace()) && n.components() != null)
                  .flatMap(n -> n.components().stream())
                  .filter(
                      r ->
                          r.name().equals(info.name())
                              && r.application().equals(info.application()))
                  .findFirst();
          if (row.isEmpty()) {
            return; // not read (yet): neither a new episode nor the end of one
          }
          if (row.get().crashLooping()) {
            model.crashLooping(info.name(), row.get().text());
          } else {
            model.crashLoopEnded(info.name());
          }
        };
    sidebar
        .clusters()
        .addListener((javafx.collections.ListChangeListener<Object>) c -> check.run());
    check.run();
  }

  /** The engine's classifier words an unauthorized failure as "login required for …". */
  static boolean unauthorized(String summary) {
    return summary != null && summary.toLowerCase().contains("login required");
  }

  private static String currentName(ComponentViewModel vm) {
    ComponentInfo info = vm.infoProperty().get();
    return info == null ? null : info.name();
  }

  private static void forCurrent(ComponentViewModel vm, java.util.function.Consumer<String> f) {
    String name = currentName(vm);
    if (name != null) {
      f.accept(name);
    }
  }

  /** The menu's commands, on the FX thread; none of them blocks. */
  record ViewModelActions(
      ComponentViewModel vm,
      Runnable onOpen,
      Runnable onQuit,
      java.util.function.Consumer<Boolean> saveKeepRunning)
      implements TrayModel.Actions {
    @Override
    public void keepRunningChanged(boolean on) {
      saveKeepRunning.accept(on);
    }

    @Override
    public void setAutoSync(String component, boolean on) {
      if (isCurrent(component)) {
        vm.autoSyncProperty().set(on);
      } else if (!on) {
        background(component).ifPresent(e -> vm.backgroundSyncs().stop(e.component().folder()));
      }
    }

    @Override
    public void pushNow(String component) {
      if (isCurrent(component)) {
        vm.push(vm.contextProperty().get());
      } else {
        background(component).ifPresent(e -> vm.backgroundSyncs().pushNow(e.component().folder()));
      }
    }

    private Optional<BackgroundSyncs.Entry> background(String component) {
      return vm.backgroundSyncs().entries().stream()
          .filter(e -> e.component().name().equals(component))
          .findFirst();
    }

    @Override
    public void openWindow() {
      onOpen.run();
    }

    @Override
    public void quit() {
      onQuit.run();
    }

    private boolean isCurrent(String component) {
      ComponentInfo info = vm.infoProperty().get();
      return info != null && info.name().equals(component);
    }
  }
}
