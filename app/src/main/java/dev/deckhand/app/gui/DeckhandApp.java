package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.watch.WatchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Deckhand window. Cluster connections wait until the first frame is on screen. */
public final class DeckhandApp extends Application {
  private final EmbeddedSandbox sandbox = new EmbeddedSandbox();
  private static final Logger LOG = LoggerFactory.getLogger(DeckhandApp.class);
  private final WindowStateStore store = WindowStateStore.forUser();
  private final AppSettingsStore settingsStore = AppSettingsStore.forUser();
  private final FabricClusterBrowser clusters = new FabricClusterBrowser();

  /** Sidebar poll and theme re-checks; daemon, so it never keeps the JVM alive. */
  private final java.util.concurrent.ScheduledExecutorService ticker =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "deckhand-gui-ticker");
            t.setDaemon(true);
            return t;
          });

  private AppSettings settings = AppSettings.DEFAULTS;
  private long lastThemeCheck;
  private ComponentViewModel component;
  private SidebarViewModel sidebarVm;
  private dev.deckhand.app.tray.TrayHost tray;
  private AutoSyncMemory syncMemory;
  private TaskExecutor worker;
  private boolean started;
  private boolean trayChecked;

  @Override
  public void start(Stage stage) {
    // A few bytes, like window.json. The desktop itself is asked only after the first frame:
    // until then "Follow system" goes by the environment alone.
    settings = settingsStore.load();
    ObjectProperty<Theme> theme =
        new SimpleObjectProperty<>(
            switch (settings.theme()) {
              case LIGHT -> Theme.LIGHT;
              case DARK -> Theme.DARK;
              case SYSTEM -> Theme.fromSystem();
            });
    theme.get().apply();
    theme.addListener((o, a, t) -> t.apply());
    TaskExecutor background = TaskExecutor.background("deckhand-gui-worker");
    UiThread ui = UiThread.fx();
    SidebarViewModel sidebar =
        new SidebarViewModel(Kubeconfigs::loadForProcess, sandbox, clusters, background, ui);
    sidebarVm = sidebar;
    ClusterPusher pusher = new ClusterPusher();
    component = new ComponentViewModel(pusher, pusher, WatchSettings.defaults(), background, ui);
    worker = background;
    syncMemory =
        new AutoSyncMemory(
            component,
            folders ->
                background.execute(() -> settingsStore.update(x -> x.withSyncedFolders(folders))));
    MainWindow window =
        new MainWindow(sidebar, component, theme, url -> getHostServices().showDocument(url));
    // A few hundred bytes: read before the first frame so the window opens where it was.
    Optional<WindowState> saved = store.load();
    Scene scene =
        new Scene(
            window,
            saved.map(WindowState::width).orElse(1280.0),
            saved.map(WindowState::height).orElse(800.0));
    saved.ifPresent(
        s -> {
          if (!Screen.getScreensForRectangle(s.x(), s.y(), s.width(), s.height()).isEmpty()) {
            stage.setX(s.x());
            stage.setY(s.y());
          }
          stage.setMaximized(s.maximized());
          sidebar.preferContext(s.context());
        });
    trackNormalBounds(stage, saved);
    Styling.apply(scene);
    stage.setTitle("Deckhand");
    // icons/render.sh writes these (a few kB each).
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      java.net.URL icon = DeckhandApp.class.getResource("/icons/deckhand-" + size + ".png");
      if (icon != null) {
        stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
      }
    }
    stage.setScene(scene);
    Runnable load =
        () -> {
          if (started) {
            return;
          }
          started = true;
          sidebar.load();
          ticker.scheduleWithFixedDelay(
              () -> ui.post(sidebar::refresh), 5, 5, java.util.concurrent.TimeUnit.SECONDS);
          window
              .themeController()
              .configure(
                  settings.theme(),
                  DesktopTheme.system(),
                  background,
                  ui,
                  choice ->
                      background.execute(() -> settingsStore.update(s -> s.withTheme(choice))));
          ticker.scheduleWithFixedDelay(
              () -> ui.post(() -> recheckTheme(window)),
              60,
              60,
              java.util.concurrent.TimeUnit.SECONDS);
          stage
              .focusedProperty()
              .addListener(
                  (o, was, focused) -> {
                    if (focused) {
                      recheckTheme(window);
                    }
                  });
          rememberFolders(window, component, background, ui);
          Path cwd = Path.of("").toAbsolutePath();
          Path last = saved.map(WindowState::folder).map(Path::of).orElse(null);
          if (Files.isRegularFile(LocalConfigFile.pathIn(cwd))) {
            window.openFolder(cwd);
          } else if (last != null && Files.isRegularFile(LocalConfigFile.pathIn(last))) {
            window.openFolder(last);
          }
        };
    boolean trayOnly = getParameters().getRaw().contains(TRAY_ARG);
    stage.addEventHandler(
        WindowEvent.WINDOW_SHOWN,
        e -> {
          StartupClock.logFirstFrame();
          load.run();
          if (!trayOnly && !trayChecked) {
            trayChecked = true;
            // The tray check loads AWT (JavaFX is up by now): off the FX thread, after the frame.
            background.execute(
                () -> {
                  if (dev.deckhand.app.tray.TrayHost.supported()) {
                    ui.post(() -> installTray(stage));
                  }
                });
          }
        });
    // Closing the window stops auto-sync, unless the tray keeps Deckhand running meanwhile.
    stage.setOnCloseRequest(
        e -> Platform.setImplicitExit(tray == null || !tray.keepRunningOnClose()));
    stage.setOnHidden(
        e -> {
          if (Platform.isImplicitExit()) {
            component.autoSyncProperty().set(false);
          }
          remember(stage, sidebar);
        });
    if (trayOnly) {
      if (dev.deckhand.app.tray.TrayHost.supported() && installTray(stage)) {
        Platform.setImplicitExit(false);
        load.run();
        return;
      }
      System.err.println(
          "deckhand: --tray: this desktop has no system tray (no tray manager running, or"
              + " headless); opening the window instead");
    }
    stage.show();
  }

  /** At most every few seconds: focus changes come in bursts, and each check runs gsettings. */
  private void recheckTheme(MainWindow window) {
    long now = System.nanoTime();
    if (now - lastThemeCheck > 5_000_000_000L) {
      lastThemeCheck = now;
      window.themeController().recheck();
    }
  }

  /**
   * Reads the components of earlier runs' folders in the background (a folder gone or no longer a
   * component is skipped), and records each folder opened from now on.
   */
  private void rememberFolders(
      MainWindow window, ComponentViewModel vm, TaskExecutor background, UiThread ui) {
    List<String> recent = settings.recentFolders();
    background.execute(
        () -> {
          List<ComponentInfo> found = new ArrayList<>();
          for (String folder : recent) {
            try {
              found.add(ComponentInfo.read(Path.of(folder), "default"));
            } catch (Exception e) {
              LOG.debug("not a component folder any more: {}: {}", folder, e.getMessage());
            }
          }
          ui.post(() -> window.knowFolders(found));
        });
    vm.infoProperty()
        .addListener(
            (o, was, info) -> {
              if (info != null) {
                String folder = info.folder().toString();
                background.execute(() -> settingsStore.update(s -> s.withRecentFolder(folder)));
              }
            });
  }

  /** With a tray: the folders synced last time come back once the kubeconfig is read. */
  private void restoreSyncs() {
    Runnable restore =
        () ->
            syncMemory.restore(
                settings.syncedFolders(),
                sidebarVm.clusters().stream()
                    .map(r -> r.entry().context())
                    .filter(java.util.Objects::nonNull)
                    .toList(),
                worker,
                UiThread.fx());
    if (sidebarVm.loadedProperty().get()) {
      restore.run();
      return;
    }
    sidebarVm
        .loadedProperty()
        .addListener(
            new javafx.beans.value.ChangeListener<Boolean>() {
              @Override
              public void changed(
                  javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a, Boolean now) {
                if (now) {
                  sidebarVm.loadedProperty().removeListener(this);
                  restore.run();
                }
              }
            });
  }

  /** The argument {@code deckhand --tray} passes: start in the tray without showing the window. */
  public static final String TRAY_ARG = "--tray";

  /** FX thread: adds the tray icon; "Open Deckhand" shows the window, "Quit" exits. */
  private boolean installTray(Stage stage) {
    if (tray != null) {
      return true;
    }
    tray =
        dev.deckhand.app.tray.TrayHost.install(
                component,
                sidebarVm,
                settings.keepRunningInTray(),
                keep ->
                    worker.execute(() -> settingsStore.update(s -> s.withKeepRunningInTray(keep))),
                () -> {
                  stage.show();
                  stage.setIconified(false);
                  stage.toFront();
                },
                Platform::exit)
            .orElse(null);
    // The tray lists components synced in the background, so opening another folder may leave
    // the synced one running there.
    component.handOverProperty().set(tray != null);
    if (tray != null) {
      restoreSyncs();
    }
    return tray != null;
  }

  private double[] normal = {Double.NaN, Double.NaN, 1280, 800};

  /** The bounds to save are the last ones the window had when not maximized. */
  private void trackNormalBounds(Stage stage, Optional<WindowState> saved) {
    saved.ifPresent(s -> normal = new double[] {s.x(), s.y(), s.width(), s.height()});
    Runnable update =
        () -> {
          if (!stage.isMaximized() && stage.isShowing()) {
            normal = new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
          }
        };
    stage.xProperty().addListener((o, a, b) -> update.run());
    stage.yProperty().addListener((o, a, b) -> update.run());
    stage.widthProperty().addListener((o, a, b) -> update.run());
    stage.heightProperty().addListener((o, a, b) -> update.run());
  }

  private void remember(Stage stage, SidebarViewModel sidebar) {
    ClusterEntry entry = sidebar.selectedProperty().get();
    ComponentInfo info = component.infoProperty().get();
    WindowState state =
        new WindowState(
            normal[0],
            normal[1],
            normal[2],
            normal[3],
            stage.isMaximized(),
            info == null ? null : info.folder().toString(),
            entry == null || entry.context() == null ? null : entry.context().name());
    try {
      store.save(state);
    } catch (IOException e) {
      LOG.warn("could not save the window state to {}: {}", store.file(), e.getMessage());
    }
  }

  @Override
  public void stop() {
    if (syncMemory != null) {
      syncMemory.freeze(); // quitting turns the switches off; what was on stays remembered
    }
    ticker.shutdownNow();
    clusters.close();
    if (tray != null) {
      tray.close();
    }
    if (component != null) {
      component.close();
    }
    sandbox.close();
  }
}
