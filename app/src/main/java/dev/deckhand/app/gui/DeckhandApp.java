package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.watch.WatchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The Deckhand window. Cluster connections wait until the first frame is on screen. */
public final class DeckhandApp extends Application {
  private final EmbeddedSandbox sandbox = new EmbeddedSandbox();
  private ComponentViewModel component;

  @Override
  public void start(Stage stage) {
    ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.fromSystem());
    theme.get().apply();
    theme.addListener((o, a, t) -> t.apply());
    TaskExecutor background = TaskExecutor.background("deckhand-gui-worker");
    UiThread ui = UiThread.fx();
    SidebarViewModel sidebar =
        new SidebarViewModel(Kubeconfigs::loadForProcess, sandbox, background, ui);
    ClusterPusher pusher = new ClusterPusher();
    component = new ComponentViewModel(pusher, pusher, WatchSettings.defaults(), background, ui);
    MainWindow window =
        new MainWindow(sidebar, component, theme, url -> getHostServices().showDocument(url));
    Scene scene = new Scene(window, 1280, 800);
    Styling.apply(scene);
    stage.setTitle("Deckhand");
    stage.setScene(scene);
    stage.addEventHandler(
        WindowEvent.WINDOW_SHOWN,
        e -> {
          StartupClock.logFirstFrame();
          sidebar.load();
          Path cwd = Path.of("").toAbsolutePath();
          if (Files.isRegularFile(LocalConfigFile.pathIn(cwd))) {
            window.openFolder(cwd);
          }
        });
    // Closing the window stops auto-sync (a tray that keeps it running is a later setting).
    stage.setOnHidden(e -> component.autoSyncProperty().set(false));
    stage.show();
  }

  @Override
  public void stop() {
    if (component != null) {
      component.close();
    }
    sandbox.close();
  }
}
