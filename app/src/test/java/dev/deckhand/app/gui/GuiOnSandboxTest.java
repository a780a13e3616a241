package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.watch.WatchSettings;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window against an in-process sandbox: a Node.js folder made a component with the Create
 * form comes up stage by stage, then with Auto-sync on an edit reaches the app without pressing
 * Push.
 */
@ExtendWith(ApplicationExtension.class)
class GuiOnSandboxTest {
  private static final String NAME = "guisample";
  private static final List<String> FILES =
      List.of("package.json", "server.js", "lib/greeting.js", "public/index.html");
  private static Sandbox sandbox;
  private static KubernetesClient client;

  private Path folder;
  private SidebarViewModel sidebar;
  private ComponentViewModel component;
  private MainWindow window;

  @BeforeAll
  static void startSandbox() throws IOException {
    assumeThat(new PodmanCli().available())
        .as("podman is needed for the GUI end-to-end test against the sandbox (CI installs it)")
        .isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-gui-e2e"))
                .withPvcBindDelay(Duration.ofMillis(300)));
    client = sandbox.newClient();
  }

  @AfterAll
  static void stopSandbox() {
    if (client != null) {
      client.close();
    }
    if (sandbox != null) {
      sandbox.close(true);
    }
  }

  @Start
  void start(javafx.stage.Stage stage) throws IOException {
    folder = sampleFolder();
    Path kubeconfig = sandbox.kubeconfig();
    TaskExecutor background = TaskExecutor.background("gui-e2e-worker");
    sidebar =
        new SidebarViewModel(
            () -> Kubeconfigs.load(List.of(kubeconfig)),
            () -> kubeconfig,
            background,
            UiThread.fx());
    ClusterPusher pusher = new ClusterPusher();
    component =
        new ComponentViewModel(pusher, pusher, WatchSettings.defaults(), background, UiThread.fx());
    window =
        new MainWindow(
            sidebar,
            component,
            new javafx.beans.property.SimpleObjectProperty<>(Theme.LIGHT),
            url -> {});
    Scene scene = new Scene(window, 1280, 800);
    Styling.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  private static Path sampleFolder() throws IOException {
    Path dir = Files.createTempDirectory("gui-sample");
    for (String f : FILES) {
      Path target = dir.resolve(f);
      Files.createDirectories(target.getParent());
      try (InputStream in = GuiOnSandboxTest.class.getResourceAsStream("/sample-nodejs/" + f)) {
        Files.copy(in, target);
      }
    }
    return dir;
  }

  private TimelineStep step(Stage stage) {
    return component.push().steps().stream()
        .filter(s -> s.stage() == stage)
        .findFirst()
        .orElseThrow();
  }

  private boolean readyDone() {
    return step(Stage.READY).state() == StepState.DONE
        && component.push().outcomeProperty().get() == PushViewModel.Outcome.SUCCEEDED;
  }

  @Test
  void pushThenAutoSyncAnEdit(FxRobot robot) throws Exception {
    long t0 = System.nanoTime();
    robot.interact(sidebar::load);
    await().atMost(Duration.ofSeconds(10)).until(() -> component.contextProperty().get() != null);
    // A source folder without .odo gets the Create component form; Create writes the config and
    // starts the first push, as a newcomer would see it.
    robot.interact(() -> window.openFolder(folder));
    CreateComponentView form = window.createForm;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> form.isVisible() && "nodejs".equals(form.type.getValue()));
    robot.interact(
        () -> {
          form.name.setText(NAME);
          form.application.setText("app");
          form.namespace.setText("default");
          form.ports.setText("8080/TCP");
        });
    robot.clickOn("#create-component");
    await().atMost(Duration.ofSeconds(10)).until(() -> component.infoProperty().get() != null);
    assertThat(folder.resolve(".odo/config.yaml")).isRegularFile();
    assertThat(form.isVisible()).isFalse();
    await().atMost(Duration.ofSeconds(90)).until(this::readyDone);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(step(Stage.ASSEMBLE).state()).isEqualTo(StepState.DONE);
    assertThat(component.push().console().lines()).isNotEmpty();
    assertThat(robot.lookup("#push").queryAs(Button.class).getText()).isEqualTo("Push");
    await().atMost(Duration.ofSeconds(20)).until(() -> "hello from sample v1\n".equals(get()));

    // The other tabs see the same component: its live status, the app's log, nothing to push.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                component.statusProperty().get() != null
                    && component.statusProperty().get().pod() != null);
    robot.clickOn("#tab-logs");
    await()
        .atMost(Duration.ofSeconds(20))
        .alias("the app's request log in the Logs tab")
        .until(
            () ->
                component.logs().console().lines().stream()
                    .anyMatch(l -> l.text().contains("GET /")));
    robot.clickOn("#tab-files");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              FilesPreview p = component.files().previewProperty().get();
              return p != null && !p.firstPush() && p.changes().isEmpty();
            });
    robot.clickOn("#tab-push");
    assertThat(component.logs().followingProperty().get()).isEmpty();

    robot.clickOn(
        robot
            .from(window.page.header.autoSync)
            .lookup(".thumb-area")
            .queryAs(javafx.scene.Node.class));
    // Turning it on pushes once (nothing changed, so it stops after Index), then it watches.
    await()
        .atMost(Duration.ofSeconds(30))
        .alias("auto-sync on, then idle")
        .until(
            () ->
                "watching · idle".equals(window.page.header.syncState.getText())
                    && component.push().outcomeProperty().get() == PushViewModel.Outcome.SUCCEEDED);

    Files.writeString(
        folder.resolve("lib/greeting.js"), "module.exports = () => 'hello from the window';\n");

    await()
        .atMost(Duration.ofSeconds(30))
        .alias("the edit answers without Push")
        .until(() -> "hello from the window\n".equals(get()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> readyDone() && "watching · idle".equals(window.page.header.syncState.getText()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(component.push().steps())
        .filteredOn(s -> s.stage().ordinal() >= Stage.INDEX.ordinal())
        .allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.DONE));
    System.out.printf(
        "GUI e2e: push + auto-sync edit in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    robot.interact(component::close);
  }

  private String get() {
    try {
      String base = component.push().urlProperty().get();
      if (base == null || base.isEmpty()) {
        var svc = client.services().withName(NAME + "-app").get();
        base = svc == null ? null : svc.getMetadata().getAnnotations().get("deckhand.dev/url");
      }
      if (base == null) {
        return null;
      }
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return null;
    }
  }
}
