package dev.deckhand.app.gui;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.cluster.KubeconfigView;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.config.ComponentCreator;
import dev.deckhand.core.config.ComponentNameGenerator;
import dev.deckhand.core.watch.WatchSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The real window with seams: synchronous background work, scripted kubeconfig and sandbox. */
final class GuiFixture {
  final SidebarViewModel sidebar;
  final ComponentViewModel component;
  final CreateComponentViewModel create;
  final MainWindow window;
  final LoginViewModel login;
  final SimpleObjectProperty<Theme> theme;

  GuiFixture(
      Supplier<KubeconfigView> kubeconfigs,
      SandboxStarter sandbox,
      ComponentPusher pusher,
      Theme initial) {
    this(kubeconfigs, sandbox, pusher, null, initial);
  }

  /**
   * @param autoPusher what auto-sync runs, or null for "not available"
   */
  GuiFixture(
      Supplier<KubeconfigView> kubeconfigs,
      SandboxStarter sandbox,
      ComponentPusher pusher,
      AutoSyncPusher autoPusher,
      Theme initial) {
    this(kubeconfigs, sandbox, pusher, autoPusher, ComponentServices.none(), initial);
  }

  /**
   * @param services status, logs and delete (scripted or a mock server)
   */
  GuiFixture(
      Supplier<KubeconfigView> kubeconfigs,
      SandboxStarter sandbox,
      ComponentPusher pusher,
      AutoSyncPusher autoPusher,
      ComponentServices services,
      Theme initial) {
    this(
        kubeconfigs, sandbox, pusher, autoPusher, services, initial, OfflineBrowser.INSTANCE, null);
  }

  /**
   * @param browser how the sidebar reads clusters (tests of other things pass the offline one)
   * @param loginFile the kubeconfig the login form writes, or null for a form that is never sent
   */
  GuiFixture(
      Supplier<KubeconfigView> kubeconfigs,
      SandboxStarter sandbox,
      ComponentPusher pusher,
      AutoSyncPusher autoPusher,
      ComponentServices services,
      Theme initial,
      ClusterBrowser browser,
      Path loginFile) {
    theme = new SimpleObjectProperty<>(initial);
    initial.apply();
    theme.addListener((o, a, t) -> t.apply());
    sidebar =
        new SidebarViewModel(kubeconfigs, sandbox, browser, TaskExecutor.direct(), UiThread.fx());
    component =
        new ComponentViewModel(
            pusher,
            autoPusher == null
                ? (f, c, l) -> {
                  throw new UnsupportedOperationException("auto-sync is not available here");
                }
                : autoPusher,
            WatchSettings.defaults().withQuietPeriod(Duration.ofMillis(50)),
            services,
            TaskExecutor.direct(),
            UiThread.fx());
    // Built-in types only, so the user's own component-types.yaml never changes a test.
    create =
        new CreateComponentViewModel(
            () ->
                new ComponentCreator(
                    ComponentCatalog.builtIn(), new ComponentNameGenerator(), () -> "default"),
            TaskExecutor.direct(),
            UiThread.fx());
    login =
        new LoginViewModel(
            () -> {
              if (loginFile == null) {
                throw new IllegalStateException("no login in this test");
              }
              return loginFile;
            },
            dev.deckhand.core.cluster.LoginVerifier::verify,
            TaskExecutor.direct(),
            UiThread.fx(),
            sidebar::reload);
    window = new MainWindow(sidebar, component, create, login, theme, url -> {});
  }

  static GuiFixture withKubeconfig(Path file) {
    return new GuiFixture(
        () -> Kubeconfigs.load(List.of(file)),
        () -> {
          throw new IllegalStateException("no sandbox in this test");
        },
        (f, c, l) -> {},
        Theme.LIGHT);
  }

  /** The window on real cluster reads (a mock server) with logins written to {@code loginFile}. */
  static GuiFixture onClusters(Path kubeconfig, ClusterBrowser browser, Path loginFile) {
    return new GuiFixture(
        () -> Kubeconfigs.load(List.of(kubeconfig)),
        () -> {
          throw new IllegalStateException("no sandbox in this test");
        },
        (f, c, l) -> {},
        null,
        ComponentServices.none(),
        Theme.LIGHT,
        browser,
        loginFile);
  }

  void show(Stage stage) {
    Scene scene = new Scene(window, 1280, 800);
    Styling.apply(scene);
    stage.setScene(scene);
    stage.show();
  }
}
