package dev.deckhand.app.gui;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The sidebar tree and the login card for {@link ScreenshotTool}: real reads against mock API
 * servers (one with odo components in every state, one answering 401) and a closed port.
 */
final class SidebarShots {
  private SidebarShots() {}

  static void render(Path out) throws Exception {
    try (OdoCluster crc = new OdoCluster();
        OdoCluster prod = new OdoCluster();
        FabricClusterBrowser browser = new FabricClusterBrowser()) {
      crc.namespace("shop").namespace("team-b").namespace("playground");
      crc.component("shop", "frontend", 1, OdoCluster.running("frontend-app"))
          .component("shop", "orders", 1, OdoCluster.crashLooping("orders-app"))
          .component("shop", "payments", 1, OdoCluster.pulling("payments-app"))
          .component("shop", "reports", 0, null);
      for (String path : List.of("/apis", "/api/v1/namespaces")) {
        prod.server
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
      int closed;
      try (ServerSocket s = new ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Path kubeconfig = Files.createTempFile("deckhand-sidebar-shots", ".yaml");
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          current-context: crc-developer
          clusters:
          - {name: crc, cluster: {server: "%s"}}
          - {name: prod, cluster: {server: "%s"}}
          - {name: staging, cluster: {server: "http://127.0.0.1:%d"}}
          contexts:
          - {name: crc-developer, context: {cluster: crc, user: developer, namespace: shop}}
          - {name: prod-east, context: {cluster: prod, user: developer, namespace: shop}}
          - {name: staging, context: {cluster: staging, user: developer}}
          users:
          - {name: developer, user: {token: sha256~example}}
          """
              .formatted(crc.url(), prod.url(), closed));
      Consumer<GuiFixture> expandAll =
          gui -> {
            gui.sidebar.setExpanded("prod-east", true);
            gui.sidebar.setExpanded("staging", true);
          };
      shot(out.resolve("sidebar-tree-light.png"), kubeconfig, browser, Theme.LIGHT, expandAll);
      shot(out.resolve("sidebar-tree-dark.png"), kubeconfig, browser, Theme.DARK, expandAll);
      shot(
          out.resolve("login-form-light.png"),
          kubeconfig,
          browser,
          Theme.LIGHT,
          gui -> {
            expandAll.accept(gui);
            gui.sidebar.select(
                gui.sidebar.clusters().stream()
                    .filter(r -> r.key().equals("prod-east"))
                    .findFirst()
                    .orElseThrow());
            gui.login.show(prod.url());
            gui.login
                .pastedProperty()
                .set("oc login --token=sha256~not-shown --server=" + prod.url());
            gui.login
                .errorProperty()
                .set(
                    "The server refused the token (401): it expired or was mistyped. Copy a fresh"
                        + " login command from the console.");
          });
    }
  }

  private static boolean settled(GuiFixture gui) throws Exception {
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    Platform.runLater(
        () ->
            answer.complete(
                !gui.sidebar.clusters().isEmpty()
                    && gui.sidebar.clusters().stream()
                        .noneMatch(r -> r.link().state() == ClusterLink.State.CONNECTING)
                    && gui.sidebar.clusters().stream()
                        .flatMap(r -> r.namespaces().stream())
                        .filter(SidebarRows.NamespaceRow::expanded)
                        .allMatch(n -> n.components() != null)));
    return answer.get(10, TimeUnit.SECONDS);
  }

  private static void shot(
      Path file, Path kubeconfig, ClusterBrowser browser, Theme theme, Consumer<GuiFixture> then)
      throws Exception {
    CompletableFuture<Stage> shown = new CompletableFuture<>();
    GuiFixture[] gui = new GuiFixture[1];
    Platform.runLater(
        () -> {
          try {
            gui[0] = GuiFixture.onClusters(kubeconfig, browser, null);
            GuiFixture g = gui[0];
            g.theme.set(theme);
            Stage stage = new Stage();
            g.show(stage);
            g.sidebar.load();
            // load() posts its result; the expansions must come after it.
            Platform.runLater(
                () -> {
                  then.accept(g);
                  shown.complete(stage);
                });
          } catch (RuntimeException e) {
            shown.completeExceptionally(e);
          }
        });
    Stage stage = shown.get(30, TimeUnit.SECONDS);
    // The reads run on the FX thread here (the fixture's direct executor): wait until every
    // context has answered and the open namespace has its components, then let a few pulses pass.
    awaitSettled(gui[0]);
    ScreenshotTool.snapshot(stage, file);
  }

  /** Until every context has answered and expanded namespaces have their components (≤ 20 s). */
  static void awaitSettled(GuiFixture gui) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && !settled(gui)) {
      Thread.sleep(200);
    }
  }
}
