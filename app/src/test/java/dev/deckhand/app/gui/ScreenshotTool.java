package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.KubeconfigView;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.event.PushEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Renders the main screens from scripted engine events into PNGs ({@code docs/screenshots.sh} runs
 * it under Xvfb): the real window and theme, no cluster needed.
 */
public final class ScreenshotTool {
  private ScreenshotTool() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    Files.createDirectories(out);
    Path kubeconfig = Files.createTempFile("deckhand-shots", ".yaml");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: deckhand-sandbox
        clusters:
        - {name: deckhand-sandbox, cluster: {server: "http://127.0.0.1:40123"}}
        - {name: crc, cluster: {server: "https://api.crc.testing:6443"}}
        contexts:
        - {name: deckhand-sandbox, context: {cluster: deckhand-sandbox, namespace: default}}
        - {name: crc-developer, context: {cluster: crc, user: developer, namespace: shop}}
        - {name: prod-east, context: {cluster: gone, user: developer}}
        users:
        - {name: developer, user: {token: sha256~example}}
        """);
    Supplier<KubeconfigView> withClusters = () -> Kubeconfigs.load(List.of(kubeconfig));
    Supplier<KubeconfigView> none = () -> new KubeconfigView(List.of(), null, List.of());
    Platform.startup(() -> {});
    Platform.setImplicitExit(false); // each shot closes its window; the toolkit must stay up
    shot(out.resolve("empty-state-light.png"), none, Theme.LIGHT, null);
    shot(out.resolve("empty-state-dark.png"), none, Theme.DARK, null);
    shot(out.resolve("mid-push-light.png"), withClusters, Theme.LIGHT, ScriptedPushes.midPush());
    shot(out.resolve("mid-push-dark.png"), withClusters, Theme.DARK, ScriptedPushes.midPush());
    shot(out.resolve("mid-sync-light.png"), withClusters, Theme.LIGHT, ScriptedPushes.midSync());
    shot(
        out.resolve("failed-init-light.png"),
        withClusters,
        Theme.LIGHT,
        ScriptedPushes.failingInit());
    shot(
        out.resolve("failed-init-dark.png"),
        withClusters,
        Theme.DARK,
        ScriptedPushes.failingInit());
    shot(out.resolve("pushed-dark.png"), withClusters, Theme.DARK, ScriptedPushes.successful());
    Path folder = PageScenes.sampleFolder();
    pageShot(out.resolve("files-light.png"), withClusters, Theme.LIGHT, PageScenes.files(folder));
    pageShot(out.resolve("files-dark.png"), withClusters, Theme.DARK, PageScenes.files(folder));
    pageShot(
        out.resolve("first-push-secret-dark.png"),
        withClusters,
        Theme.DARK,
        PageScenes.secretPush(folder));
    pageShot(out.resolve("events-dark.png"), withClusters, Theme.DARK, PageScenes.events(folder));
    pageShot(out.resolve("events-light.png"), withClusters, Theme.LIGHT, PageScenes.events(folder));
    pageShot(out.resolve("logs-dark.png"), withClusters, Theme.DARK, PageScenes.logs(folder));
    pageShot(
        out.resolve("delete-confirm-light.png"),
        withClusters,
        Theme.LIGHT,
        PageScenes.delete(folder));
    pageShot(
        out.resolve("delete-confirm-dark.png"),
        withClusters,
        Theme.DARK,
        PageScenes.delete(folder));
    SidebarShots.render(out);
    Platform.exit();
    System.exit(0);
  }

  private static void shot(
      Path file, Supplier<KubeconfigView> kubeconfigs, Theme theme, List<PushEvent> events)
      throws Exception {
    CompletableFuture<Stage> shown = new CompletableFuture<>();
    GuiFixture[] gui = new GuiFixture[1];
    Platform.runLater(
        () -> {
          try {
            open(gui, kubeconfigs, theme, events, shown);
          } catch (RuntimeException e) {
            shown.completeExceptionally(e);
          }
        });
    Stage stage = shown.get(10, TimeUnit.SECONDS);
    if (events != null) {
      events.forEach(gui[0].component.push()::on);
    }
    SidebarShots.awaitSettled(gui[0]);
    snapshot(stage, file);
  }

  /** A page set up by {@code scene} (on the FX thread, after the window shows). */
  private static void pageShot(
      Path file, Supplier<KubeconfigView> kubeconfigs, Theme theme, PageScenes.Scene scene)
      throws Exception {
    CompletableFuture<Stage> shown = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            GuiFixture gui =
                new GuiFixture(
                    kubeconfigs,
                    () -> null,
                    (f, c, l) -> {},
                    null,
                    scene.services(),
                    theme,
                    new StaticBrowser(
                        List.of(PageScenes.shop(PageScenes.SAMPLE_FOLDER)),
                        dev.deckhand.core.status.HealthState.RUNNING,
                        "running"),
                    null);
            Stage stage = new Stage();
            gui.show(stage);
            gui.sidebar.load();
            scene.setUp(gui);
            shown.complete(stage);
          } catch (RuntimeException e) {
            shown.completeExceptionally(e);
          }
        });
    Stage stage = shown.get(10, TimeUnit.SECONDS);
    snapshot(stage, file);
  }

  private static void open(
      GuiFixture[] gui,
      Supplier<KubeconfigView> kubeconfigs,
      Theme theme,
      List<PushEvent> events,
      CompletableFuture<Stage> shown) {
    gui[0] =
        new GuiFixture(
            kubeconfigs,
            () -> null,
            (f, c, l) -> {},
            null,
            ComponentServices.none(),
            theme,
            new StaticBrowser(
                events == null ? List.of() : List.of(ScriptedPushes.SHOP),
                health(events),
                health(events).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')),
            null);
    Stage stage = new Stage();
    gui[0].show(stage);
    gui[0].sidebar.load();
    if (events != null) {
      gui[0].component.show(ScriptedPushes.SHOP);
      gui[0].component.push().begin();
    }
    shown.complete(stage);
  }

  /** What the cluster says about the component at the end of the scripted push. */
  private static dev.deckhand.core.status.HealthState health(List<PushEvent> events) {
    if (events == null || events.isEmpty()) {
      return dev.deckhand.core.status.HealthState.STARTING;
    }
    PushEvent last = events.get(events.size() - 1);
    if (last instanceof PushEvent.PushFinished f) {
      return f.success()
          ? dev.deckhand.core.status.HealthState.RUNNING
          : dev.deckhand.core.status.HealthState.FAILED;
    }
    return dev.deckhand.core.status.HealthState.STARTING;
  }

  static void snapshot(Stage stage, Path file) throws Exception {
    Thread.sleep(800); // a few pulses: layout, CSS and the coalesced updates settle
    CompletableFuture<Void> saved = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            Scene scene = stage.getScene();
            PngWriter.write(scene.snapshot(null), file);
            stage.close();
            saved.complete(null);
          } catch (Exception e) {
            saved.completeExceptionally(e);
          }
        });
    saved.get(10, TimeUnit.SECONDS);
    System.out.println("wrote " + file);
  }
}
