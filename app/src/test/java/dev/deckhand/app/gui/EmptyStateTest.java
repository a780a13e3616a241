package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.cluster.KubeconfigView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EmptyStateTest {
  @TempDir Path dir;
  GuiFixture gui;
  final AtomicInteger sandboxStarts = new AtomicInteger();

  @Start
  void start(Stage stage) {
    SandboxStarter fakeSandbox =
        () -> {
          sandboxStarts.incrementAndGet();
          Path file = dir.resolve("sandbox-kubeconfig");
          Files.writeString(
              file,
              "apiVersion: v1\nkind: Config\ncurrent-context: deckhand-sandbox\n"
                  + "clusters: [{name: deckhand-sandbox, cluster: {server: 'http://127.0.0.1:40123'}}]\n"
                  + "contexts: [{name: deckhand-sandbox, context: {cluster: deckhand-sandbox, namespace: default}}]\n");
          return file;
        };
    gui =
        new GuiFixture(
            () -> new KubeconfigView(List.of(), null, List.of()),
            fakeSandbox,
            (f, c, l) -> {},
            Theme.LIGHT);
    gui.show(stage);
  }

  @Test
  void withNoKubeconfigOneClickStartsTheSandboxAndSelectsIt(FxRobot robot) {
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.sidebar.noKubeconfigProperty().get()).isTrue();
    assertThat(gui.window.emptyState.startSandbox.isVisible()).isTrue();
    assertThat(gui.window.sidebar.startSandbox.isVisible()).as("one button is enough").isFalse();
    assertThat(gui.sidebar.clusters())
        .extracting(r -> r.entry().title())
        .containsExactly("Sandbox");
    assertThat(gui.window.sidebar.tree.getRoot().getChildren()).hasSize(1);

    robot.clickOn("#start-sandbox");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(sandboxStarts).hasValue(1);
    ClusterEntry selected = gui.sidebar.selectedProperty().get();
    assertThat(selected.title()).isEqualTo("deckhand-sandbox");
    assertThat(selected.usable()).isTrue();
    assertThat(gui.window.sidebar.tree.getRoot().getChildren()).hasSize(1);
    assertThat(gui.sidebar.sandboxMessageProperty().get()).isEqualTo("Sandbox running");
    assertThat(gui.window.emptyState.startSandbox.isVisible()).isFalse();
  }

  @Test
  void aComponentOpenedBeforeAnyClusterCanStartTheSandboxFromTheSidebar(FxRobot robot)
      throws Exception {
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> gui.component.show(new ComponentInfo(dir, "web", "nodejs", "app", "default")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.window.page.isVisible()).isTrue();
    assertThat(gui.window.emptyState.isVisible()).as("the page hides the empty state").isFalse();
    assertThat(gui.window.page.header.push.isDisabled()).isTrue();
    assertThat(gui.window.sidebar.startSandbox.isVisible()).isTrue();

    robot.clickOn("#sidebar-start-sandbox");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(sandboxStarts).hasValue(1);
    assertThat(gui.sidebar.selectedProperty().get().usable()).isTrue();
    assertThat(gui.window.sidebar.startSandbox.isVisible()).isFalse();
    assertThat(gui.window.page.header.push.isDisabled())
        .as("Push works once the sandbox answers")
        .isFalse();
  }
}
