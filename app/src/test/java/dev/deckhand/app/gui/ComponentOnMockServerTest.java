package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.cluster.Kubeconfigs;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Delete and the Events tab against fabric8's CRUD mock server. */
@ExtendWith(ApplicationExtension.class)
class ComponentOnMockServerTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String NS = "dev";
  private static final Map<String, String> LABELS =
      Map.of("app.kubernetes.io/instance", "shop", "app.kubernetes.io/part-of", "app");

  @TempDir Path dir;
  Path folder;
  KubernetesMockServer server;
  KubernetesClient client;
  GuiFixture gui;

  @Start
  void start(javafx.stage.Stage stage) throws IOException {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: mock
        clusters:
        - {name: mock, cluster: {server: "%s"}}
        contexts:
        - {name: mock, context: {cluster: mock, user: dev, namespace: dev}}
        users:
        - {name: dev, user: {token: not-checked}}
        """
            .formatted(client.getConfiguration().getMasterUrl()));
    folder = Files.createDirectories(dir.resolve("shop"));
    Files.writeString(folder.resolve("server.js"), "require('http')");
    Files.createDirectories(folder.resolve(".odo"));
    Files.writeString(
        folder.resolve(".odo/config.yaml"),
        """
        kind: LocalConfig
        apiversion: odo.openshift.io/v1alpha1
        ComponentSettings:
          Type: nodejs
          Name: shop
          Application: app
          Project: dev
        """);
    gui =
        new GuiFixture(
            () -> Kubeconfigs.load(List.of(kubeconfig)),
            () -> {
              throw new IllegalStateException("no sandbox in this test");
            },
            (f, c, l) -> {},
            null,
            ComponentServices.cluster(context -> server.createClient()),
            Theme.LIGHT);
    gui.show(stage);
  }

  @AfterEach
  void stop() {
    gui.component.close();
    client.close();
    server.destroy();
  }

  private void open(FxRobot robot) {
    robot.interact(gui.sidebar::load);
    await().atMost(WAIT).until(() -> gui.component.contextProperty().get() != null);
    robot.interact(() -> gui.window.openFolder(folder));
    await().atMost(WAIT).until(() -> gui.component.infoProperty().get() != null);
    await().atMost(WAIT).until(() -> gui.component.statusProperty().get() != null);
  }

  private void createComponentObjects() {
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("shop-app")
                .withLabels(LABELS)
                .endMetadata()
                .build())
        .create();
    client
        .services()
        .inNamespace(NS)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("shop-app")
                .withLabels(LABELS)
                .endMetadata()
                .build())
        .create();
    client
        .secrets()
        .inNamespace(NS)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("shop-app-env")
                .withLabels(LABELS)
                .endMetadata()
                .build())
        .create();
    client
        .persistentVolumeClaims()
        .inNamespace(NS)
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("shop-app-s2idata")
                .withLabels(LABELS)
                .endMetadata()
                .build())
        .create();
    // Someone else's: must survive.
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("billing-app")
                .withLabels(
                    Map.of(
                        "app.kubernetes.io/instance",
                        "billing",
                        "app.kubernetes.io/part-of",
                        "app"))
                .endMetadata()
                .build())
        .create();
    client
        .configMaps()
        .inNamespace(NS)
        .resource(new ConfigMapBuilder().withNewMetadata().withName("keep").endMetadata().build())
        .create();
  }

  @Test
  void cancellingTheConfirmationDeletesNothing(FxRobot robot) {
    createComponentObjects();
    open(robot);
    robot.clickOn("#delete");
    WaitForAsyncUtils.waitForFxEvents();
    String text =
        robot
            .lookup("#delete-card")
            .lookup(".label")
            .queryAllAs(javafx.scene.control.Label.class)
            .stream()
            .map(javafx.scene.control.Label::getText)
            .reduce("", (a, b) -> a + "\n" + b);
    assertThat(text)
        .contains("Delete shop from dev?")
        .contains("namespace dev")
        .contains("Deployment (or DeploymentConfig) shop-app")
        .contains("its Service, Secrets, and Routes / Ingresses")
        .contains("the PVC shop-app-s2idata with its data — it cannot be recovered")
        .contains("Your source files stay untouched in " + folder);
    assertThat(
            robot
                .lookup("#delete-local-config")
                .queryAs(javafx.scene.control.CheckBox.class)
                .isSelected())
        .isFalse();

    robot.clickOn("#delete-cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#delete-card").tryQuery()).isEmpty();
    assertThat(client.apps().deployments().inNamespace(NS).withName("shop-app").get()).isNotNull();
    assertThat(client.persistentVolumeClaims().inNamespace(NS).list().getItems()).hasSize(1);
    assertThat(gui.component.deleteStateProperty().get())
        .isEqualTo(ComponentViewModel.DeleteState.IDLE);
  }

  @Test
  void confirmingDeletesTheClusterObjectsAndKeepsLocalFiles(FxRobot robot) throws IOException {
    createComponentObjects();
    open(robot);
    robot.clickOn("#delete");
    robot.clickOn("#delete-confirm");
    await()
        .atMost(WAIT)
        .until(
            () -> gui.component.deleteStateProperty().get() == ComponentViewModel.DeleteState.DONE);

    assertThat(client.apps().deployments().inNamespace(NS).list().getItems())
        .extracting(d -> d.getMetadata().getName())
        .containsExactly("billing-app");
    assertThat(client.services().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(client.secrets().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(client.persistentVolumeClaims().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(client.configMaps().inNamespace(NS).withName("keep").get()).isNotNull();
    assertThat(folder.resolve("server.js")).hasContent("require('http')");
    assertThat(folder.resolve(".odo/config.yaml")).exists();
    assertThat(gui.window.page.header.deleteStatus.getText())
        .startsWith("Deleted shop from dev — 4 objects:")
        .contains("Deployment shop-app", "PersistentVolumeClaim shop-app-s2idata");
    // Still a component folder: the page stays, ready for a first push again.
    assertThat(gui.window.page.isVisible()).isTrue();
  }

  @Test
  void deletingWithTheLocalConfigClosesThePageAndKeepsTheSources(FxRobot robot) {
    createComponentObjects();
    open(robot);
    robot.clickOn("#delete");
    robot.clickOn("#delete-local-config");
    robot.clickOn("#delete-confirm");
    await().atMost(WAIT).until(() -> gui.component.infoProperty().get() == null);
    assertThat(folder.resolve(".odo")).doesNotExist();
    assertThat(folder.resolve("server.js")).hasContent("require('http')");
    assertThat(client.apps().deployments().inNamespace(NS).withName("shop-app").get()).isNull();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.window.emptyState.isVisible()).isTrue();
  }

  @Test
  void eventsTabShowsWarningsTheStatusWatchSees(FxRobot robot) {
    open(robot);
    robot.clickOn("#tab-events");
    assertThat(robot.lookup("No warning events").tryQuery()).isPresent();

    client
        .v1()
        .events()
        .inNamespace(NS)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("shop-app.1")
                .endMetadata()
                .withType("Warning")
                .withReason("FailedCreate")
                .withMessage("exceeded quota: compute-resources")
                .withCount(3)
                .withLastTimestamp("2026-11-28T10:15:30Z")
                .withNewInvolvedObject()
                .withKind("Deployment")
                .withName("shop-app")
                .withNamespace(NS)
                .endInvolvedObject()
                .build())
        .create();
    await().atMost(WAIT).until(() -> gui.window.page.events.table.getItems().size() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("exceeded quota: compute-resources").tryQuery()).isPresent();
    assertThat(robot.lookup("Deployment/shop-app").tryQuery()).isPresent();
    assertThat(robot.lookup("×3").tryQuery()).isPresent();
  }
}
