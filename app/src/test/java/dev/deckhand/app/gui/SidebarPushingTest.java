package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.app.gui.SidebarRows.ComponentRow;
import dev.deckhand.app.gui.SidebarRows.Dot;
import dev.deckhand.core.status.HealthState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A push that began before the kubeconfig was read still shows on its component's row. */
@ExtendWith(ApplicationExtension.class)
class SidebarPushingTest {
  @TempDir Path dir;
  GuiFixture gui;

  @Start
  void start(Stage stage) throws IOException {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
            + "clusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]\n"
            + "contexts: [{name: c, context: {cluster: c, namespace: default}}]\n");
    gui =
        GuiFixture.onClusters(
            kubeconfig,
            new StaticBrowser(List.of(ScriptedPushes.SHOP), HealthState.STARTING, "starting"),
            null);
    gui.show(stage);
  }

  @Test
  void thePushingDotFollowsTheClusterSelectedLater(FxRobot robot) {
    robot.interact(
        () -> {
          gui.component.show(ScriptedPushes.SHOP);
          gui.component.push().begin();
          gui.sidebar.load();
        });
    WaitForAsyncUtils.waitForFxEvents();

    List<ComponentRow> rows = gui.sidebar.clusters().get(0).namespaces().get(0).components();
    assertThat(rows).isNotNull().hasSize(1);
    assertThat(rows.get(0).dot()).isEqualTo(Dot.STARTING);
    assertThat(rows.get(0).text()).isEqualTo("pushing…");
  }
}
