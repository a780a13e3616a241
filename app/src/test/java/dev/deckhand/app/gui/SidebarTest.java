package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.app.gui.SidebarRows.ClusterRow;
import dev.deckhand.app.gui.SidebarRows.ComponentRow;
import dev.deckhand.app.gui.SidebarRows.Dot;
import dev.deckhand.app.gui.SidebarRows.NamespaceRow;
import dev.deckhand.app.gui.SidebarRows.SidebarRow;
import dev.deckhand.core.status.AppMark;
import dev.deckhand.core.status.HealthState;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.TreeItem;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sidebar tree against real API calls: four mock servers (one healthy with odo components, one
 * that forbids listing namespaces, one that answers 401, and a closed port).
 */
@ExtendWith(ApplicationExtension.class)
class SidebarTest {
  @TempDir Path dir;
  GuiFixture gui;
  OdoCluster ok;
  OdoCluster denied;
  OdoCluster expired;
  FabricClusterBrowser browser = new FabricClusterBrowser();
  int closedPort;

  @Start
  void start(Stage stage) throws IOException {
    ok = new OdoCluster().namespace("shop").namespace("team-b");
    ok.component("shop", "web", 1, OdoCluster.running("web-app"))
        .component("shop", "api", 1, OdoCluster.crashLooping("api-app"))
        .component("shop", "worker", 0, null)
        .component("shop", "batch", 1, OdoCluster.pulling("batch-app"));
    denied = new OdoCluster();
    denied
        .server
        .expect()
        .get()
        .withPath("/api/v1/namespaces")
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage(
                    "namespaces is forbidden: User \"dev\" cannot list resource \"namespaces\""
                        + " in API group \"\" at the cluster scope")
                .build())
        .always();
    denied.component("mine", "solo", 1, OdoCluster.running("solo-app"));
    expired = new OdoCluster();
    for (String path : List.of("/apis", "/api/v1/namespaces")) {
      expired
          .server
          .expect()
          .get()
          .withPath(path)
          .andReturn(
              401,
              new StatusBuilder()
                  .withStatus("Failure")
                  .withReason("Unauthorized")
                  .withCode(401)
                  .withMessage("Unauthorized")
                  .build())
          .always();
    }
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: ok
        clusters:
        - {name: ok, cluster: {server: "%s"}}
        - {name: denied, cluster: {server: "%s"}}
        - {name: expired, cluster: {server: "%s"}}
        - {name: down, cluster: {server: "http://127.0.0.1:%d"}}
        contexts:
        - {name: ok, context: {cluster: ok, user: dev, namespace: shop}}
        - {name: denied, context: {cluster: denied, user: dev, namespace: mine}}
        - {name: expired, context: {cluster: expired, user: dev, namespace: default}}
        - {name: down, context: {cluster: down, user: dev, namespace: default}}
        users:
        - {name: dev, user: {token: not-a-real-token}}
        """
            .formatted(ok.url(), denied.url(), expired.url(), closedPort));
    gui = GuiFixture.onClusters(kubeconfig, browser, null);
    gui.show(stage);
  }

  @AfterEach
  void stop() {
    browser.close();
    ok.close();
    denied.close();
    expired.close();
  }

  private ClusterRow cluster(String name) {
    return gui.sidebar.clusters().stream()
        .filter(r -> r.key().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, ComponentRow> components(NamespaceRow ns) {
    return ns.components().stream()
        .collect(Collectors.toMap(ComponentRow::name, Function.identity()));
  }

  private void load(FxRobot robot) {
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private TreeItem<SidebarRow> item(String key) {
    return SidebarView.find(gui.window.sidebar.tree.getRoot(), key);
  }

  @Test
  void theCurrentContextConnectsAndShowsItsComponentsWithStatusDots(FxRobot robot) {
    load(robot);

    assertThat(gui.sidebar.clusters())
        .extracting(ClusterRow::key)
        .containsExactly("ok", "denied", "expired", "down", "Sandbox");
    assertThat(gui.sidebar.selectedProperty().get().title()).isEqualTo("ok");
    ClusterRow ok = cluster("ok");
    assertThat(ok.link()).isEqualTo(ClusterLink.CONNECTED);
    assertThat(ok.namespaces()).extracting(NamespaceRow::name).containsExactly("shop", "team-b");
    NamespaceRow shop = ok.namespaces().get(0);
    assertThat(shop.expanded()).isTrue();
    Map<String, ComponentRow> byName = components(shop);
    assertThat(byName.keySet()).containsExactlyInAnyOrder("web", "api", "worker", "batch");
    assertThat(byName.get("web").dot()).isEqualTo(Dot.RUNNING);
    assertThat(byName.get("api").dot()).isEqualTo(Dot.FAILING);
    assertThat(byName.get("api").crashLooping()).isTrue();
    assertThat(byName.get("api").text()).contains("CrashLoopBackOff");
    assertThat(byName.get("worker").dot()).isEqualTo(Dot.STOPPED);
    assertThat(byName.get("batch").dot()).isEqualTo(Dot.STARTING);
    // Lazy: the other contexts were not dialled.
    assertThat(cluster("down").link()).isEqualTo(ClusterLink.NOT_CONNECTED);
    assertThat(cluster("expired").link()).isEqualTo(ClusterLink.NOT_CONNECTED);

    // The tree shows it: items expanded, the dots drawn with the state's colour.
    assertThat(item("ok").isExpanded()).isTrue();
    assertThat(item("ns:shop").isExpanded()).isTrue();
    assertThat(item("ns:shop").getChildren()).hasSize(4);
    assertThat(robot.lookup(".component-row .dot-bad").queryAllAs(Circle.class)).hasSize(1);
    assertThat(robot.lookup(".component-row .dot-ok").queryAllAs(Circle.class)).hasSize(1);
    assertThat(robot.lookup(".component-row .dot-busy").queryAllAs(Circle.class)).hasSize(1);
    assertThat(robot.lookup(".component-row .dot-idle").queryAllAs(Circle.class)).hasSize(1);
    assertThat(robot.lookup("connected · 2 namespaces").tryQuery()).isPresent();
  }

  @Test
  void expandingOtherContextsShowsLoginRequiredUnreachableAndTheForbiddenFallback(FxRobot robot) {
    load(robot);

    robot.interact(() -> item("expired").setExpanded(true));
    robot.interact(() -> item("down").setExpanded(true));
    robot.interact(() -> item("denied").setExpanded(true));
    WaitForAsyncUtils.waitForFxEvents();

    ClusterRow expiredRow = cluster("expired");
    assertThat(expiredRow.link().state()).isEqualTo(ClusterLink.State.LOGIN_REQUIRED);
    assertThat(expiredRow.link().reason()).contains("login required for " + expired.url());
    ClusterRow down = cluster("down");
    assertThat(down.link().state()).isEqualTo(ClusterLink.State.UNREACHABLE);
    assertThat(down.link().reason()).contains("127.0.0.1:" + closedPort);
    assertThat(SidebarView.subtitleOf(down)).isEqualTo("unreachable · connection refused");
    assertThat(SidebarView.subtitleOf(expiredRow))
        .isEqualTo("login required · your token expired or is missing");
    ClusterRow deniedRow = cluster("denied");
    assertThat(deniedRow.link()).isEqualTo(ClusterLink.CONNECTED);
    assertThat(deniedRow.namespaces()).extracting(NamespaceRow::name).containsExactly("mine");
    assertThat(deniedRow.note()).contains("not allowed to list namespaces");
    assertThat(components(deniedRow.namespaces().get(0)).get("solo").dot()).isEqualTo(Dot.RUNNING);

    // The "Log in…" button offers itself for the context that needs it.
    robot.interact(() -> gui.window.sidebar.tree.getSelectionModel().select(item("expired")));
    assertThat(gui.window.sidebar.login.isVisible()).isTrue();
    robot.clickOn("#sidebar-login");
    assertThat(gui.login.openProperty().get()).isTrue();
    assertThat(gui.login.serverProperty().get()).isEqualTo(expired.url());
    // Rows appearing above the selection (a namespace expanded, one created) do not move it.
    TreeItem<SidebarRow> expiredItem = item("expired");
    robot.interact(() -> item("ns:team-b").setExpanded(true));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(item("ns:team-b").getChildren())
        .extracting(i -> ((SidebarRows.NoteRow) i.getValue()).text())
        .containsExactly("no odo components");
    ok.namespace("a-new-one");
    ok.component("team-b", "late", 1, OdoCluster.running("late-app"));
    robot.interact(gui.sidebar::refresh);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(item("ok").getChildren().get(0).getValue().key()).isEqualTo("ns:a-new-one");
    assertThat(item("ns:team-b").getChildren())
        .extracting(i -> i.getValue().key())
        .containsExactly("c:late");
    assertThat(gui.window.sidebar.tree.getSelectionModel().getSelectedItem()).isSameAs(expiredItem);
    assertThat(gui.sidebar.selectedProperty().get().title()).isEqualTo("expired");
    robot.interact(() -> gui.window.sidebar.tree.getSelectionModel().select(item("ok")));
    assertThat(gui.window.sidebar.login.isVisible()).isFalse();
  }

  @Test
  void theSelectionStaysOnItsRowWhenAnswersArriveForRowsAboveIt(FxRobot robot) {
    load(robot);
    TreeItem<SidebarRow>[] expiredItem = new TreeItem[1];
    // One FX turn: "denied" starts connecting ("connecting…" under it) and "expired" is selected;
    // the answer then replaces that line with the namespace, above the selection.
    robot.interact(
        () -> {
          item("denied").setExpanded(true);
          expiredItem[0] = item("expired");
          gui.window.sidebar.tree.getSelectionModel().select(expiredItem[0]);
        });
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(item("denied").getChildren())
        .extracting(i -> i.getValue().key())
        .contains("ns:mine");
    assertThat(gui.window.sidebar.tree.getSelectionModel().getSelectedItem())
        .isSameAs(expiredItem[0]);
  }

  @Test
  void aRunningContainerWhoseAppWasNeverStartedIsNotShownRunning(FxRobot robot) {
    // Issue 10, defect 12: the first push stopped before assemble-and-restart (it marked so).
    ok.client
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("web-app")
        .edit(
            d -> {
              d.getMetadata()
                  .setAnnotations(Map.of(AppMark.ANNOTATION, AppMark.NOT_STARTED.value()));
              return d;
            });
    load(robot);

    ComponentRow web = components(cluster("ok").namespaces().get(0)).get("web");
    assertThat(web.health()).isEqualTo(HealthState.APP_NOT_RUNNING);
    assertThat(web.dot()).isEqualTo(Dot.APP_DOWN);
    assertThat(web.text()).startsWith("container up, app not started");
    assertThat(robot.lookup(".component-row .dot-ok").tryQuery()).as("nothing green").isEmpty();
    assertThat(robot.lookup(".component-row .dot-warn").queryAllAs(Circle.class)).hasSize(1);
  }

  @Test
  void aPollFollowsThePodsAndAnOutageIsReconnecting(FxRobot robot) {
    load(robot);
    ok.podStatus("shop", "api", OdoCluster.running("api-app"));

    robot.interact(gui.sidebar::refresh);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(components(cluster("ok").namespaces().get(0)).get("api").dot())
        .isEqualTo(Dot.RUNNING);
    TreeItem<SidebarRow> before = item("c:api");

    ok.server.destroy();
    robot.interact(gui.sidebar::refresh);
    WaitForAsyncUtils.waitForFxEvents();
    ClusterRow row = cluster("ok");
    assertThat(row.link().state()).isEqualTo(ClusterLink.State.RECONNECTING);
    assertThat(row.namespaces()).as("last known namespaces stay").hasSize(2);
    assertThat(item("c:api")).as("the tree keeps its items").isSameAs(before);
  }

  @Test
  void theComponentBeingPushedIsBlueUntilThePushEnds(FxRobot robot) {
    load(robot);

    robot.interact(() -> gui.sidebar.setPushing("ok", "shop", "app", "web"));
    ComponentRow web = components(cluster("ok").namespaces().get(0)).get("web");
    assertThat(web.dot()).isEqualTo(Dot.STARTING);
    assertThat(web.text()).isEqualTo("pushing…");
    assertThat(components(cluster("ok").namespaces().get(0)).get("api").dot())
        .isEqualTo(Dot.FAILING);

    robot.interact(() -> gui.sidebar.setPushing(null, null, null, null));
    assertThat(components(cluster("ok").namespaces().get(0)).get("web").dot())
        .isEqualTo(Dot.RUNNING);
  }

  @Test
  void aNamespaceSelectedIsTheTargetOfNewComponents(FxRobot robot) throws IOException {
    load(robot);
    assertThat(gui.sidebar.targetNamespaceProperty().get()).isEqualTo("shop");

    robot.interact(() -> gui.window.sidebar.tree.getSelectionModel().select(item("ns:team-b")));
    assertThat(gui.sidebar.targetNamespaceProperty().get()).isEqualTo("team-b");
    assertThat(gui.window.breadcrumb.getText()).isEqualTo("ok · team-b");
    Path source = Files.createDirectories(dir.resolve("fresh"));
    robot.interact(() -> gui.window.openFolder(source));
    assertThat(gui.create.folderProperty().get()).isEqualTo(source);
    assertThat(gui.create.namespaceProperty().get()).isEqualTo("team-b");
  }

  @Test
  void aComponentWithoutAKnownFolderSaysHowToPushIt(FxRobot robot) {
    load(robot);

    robot.interact(() -> gui.window.sidebar.tree.getSelectionModel().select(item("c:api")));

    assertThat(gui.sidebar.selectedComponentProperty().get().name()).isEqualTo("api");
    assertThat(gui.window.sidebar.hint.getText())
        .startsWith("api: ")
        .contains("CrashLoopBackOff")
        .endsWith("Open its source folder to push.");
    assertThat(gui.window.page.isVisible()).isFalse();
  }

  @Test
  void aComponentWhoseFolderWasOpenedOpensAgain(FxRobot robot) throws IOException {
    load(robot);
    Path folder = dir.resolve("web");
    Files.createDirectories(folder.resolve(".odo"));
    Files.writeString(
        folder.resolve(".odo/config.yaml"),
        "kind: LocalConfig\napiversion: odo.openshift.io/v1alpha1\nComponentSettings:\n"
            + "  Type: nodejs\n  Name: web\n  Application: app\n  Project: shop\n");
    robot.interact(() -> gui.window.openFolder(folder));
    robot.interact(() -> gui.component.infoProperty().set(null));

    robot.interact(() -> gui.window.sidebar.tree.getSelectionModel().select(item("c:web")));

    assertThat(gui.component.infoProperty().get()).isNotNull();
    assertThat(gui.component.infoProperty().get().folder()).isEqualTo(folder);
    assertThat(gui.window.sidebar.hint.getText()).isEmpty();
  }

  @Test
  void aComponentFromAnEarlierRunOpensItsFolder(FxRobot robot) throws Exception {
    load(robot);
    Path folder = dir.resolve("earlier");
    Files.createDirectories(folder.resolve(".odo"));
    Files.writeString(
        folder.resolve(".odo/config.yaml"),
        "kind: LocalConfig\napiversion: odo.openshift.io/v1alpha1\nComponentSettings:\n"
            + "  Type: nodejs\n  Name: web\n  Application: app\n  Project: shop\n");
    ComponentInfo earlier = ComponentInfo.read(folder, "default");
    robot.interact(() -> gui.window.knowFolders(List.of(earlier)));

    robot.interact(() -> gui.window.sidebar.tree.getSelectionModel().select(item("c:web")));

    assertThat(gui.component.infoProperty().get()).isNotNull();
    assertThat(gui.component.infoProperty().get().folder()).isEqualTo(folder);
  }

  @Test
  void theRememberedContextWinsOverTheCurrentOne(FxRobot robot) {
    gui.sidebar.preferContext("denied");
    load(robot);

    assertThat(gui.sidebar.selectedProperty().get().title()).isEqualTo("denied");
    assertThat(gui.window.sidebar.tree.getSelectionModel().getSelectedItem().getValue().key())
        .isEqualTo("denied");
    assertThat(cluster("denied").link()).isEqualTo(ClusterLink.CONNECTED);
    assertThat(cluster("ok").link()).isEqualTo(ClusterLink.NOT_CONNECTED);
  }

  @Test
  void aRememberedContextThatIsGoneFallsBackToTheCurrentOne(FxRobot robot) {
    gui.sidebar.preferContext("deleted-since");
    load(robot);

    assertThat(gui.sidebar.selectedProperty().get().title()).isEqualTo("ok");
  }

  @Test
  void aBrokenContextShowsItsProblemAndNeverConnects(FxRobot robot) throws IOException {
    Path file = TestKubeconfig.write(dir);
    GuiFixture other = GuiFixture.onClusters(file, OfflineBrowser.INSTANCE, null);
    robot.interact(
        () -> {
          Stage s = new Stage();
          other.show(s);
        });
    other.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();
    ClusterRow broken =
        other.sidebar.clusters().stream()
            .filter(r -> r.key().equals("broken"))
            .findFirst()
            .orElseThrow();
    assertThat(broken.entry().usable()).isFalse();
    assertThat(SidebarView.subtitleOf(broken)).contains("missing");
    assertThat(SidebarView.dotOf(broken)).isEqualTo("dot-warn");
    robot.interact(() -> other.sidebar.setExpanded("broken", true));
    assertThat(
            other.sidebar.clusters().stream()
                .filter(r -> r.key().equals("broken"))
                .findFirst()
                .orElseThrow()
                .link())
        .isEqualTo(ClusterLink.NOT_CONNECTED);
  }
}
