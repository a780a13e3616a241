package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

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

@ExtendWith(ApplicationExtension.class)
class SidebarTest {
  @TempDir Path dir;
  GuiFixture gui;

  @Start
  void start(Stage stage) throws IOException {
    gui = GuiFixture.withKubeconfig(TestKubeconfig.write(dir));
    gui.show(stage);
  }

  @Test
  void listsTheKubeconfigContextsWithTheCurrentOnePreselected(FxRobot robot) {
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();

    List<String> titles =
        gui.window.sidebar.list.getItems().stream().map(ClusterEntry::title).toList();
    assertThat(titles).containsExactly("dev-cluster", "prod-east", "broken", "Sandbox");
    ClusterEntry selected = gui.window.sidebar.list.getSelectionModel().getSelectedItem();
    assertThat(selected.title()).isEqualTo("prod-east");
    assertThat(selected.subtitle()).contains("ns: shop");
    assertThat(gui.window.sidebar.list.getItems().get(2).usable()).isFalse();
    assertThat(gui.window.sidebar.list.getItems().get(2).subtitle()).contains("missing");
    assertThat(robot.lookup("prod-east").tryQuery()).isPresent();
    assertThat(gui.window.statusBar.getText()).isEqualTo("prod-east");
    assertThat(gui.window.emptyState.isVisible()).isTrue();
    assertThat(gui.window.emptyState.startSandbox.isVisible()).isFalse();
  }

  @Test
  void opensAComponentFolderIntoTheHeader(FxRobot robot) throws IOException {
    gui.sidebar.load();
    Path folder = dir.resolve("shop-frontend");
    Files.createDirectories(folder.resolve(".odo"));
    Files.writeString(
        folder.resolve(".odo/config.yaml"),
        "kind: LocalConfig\napiversion: odo.openshift.io/v1alpha1\nComponentSettings:\n"
            + "  Type: nodejs\n  Name: shop-frontend\n  Application: shop\n");
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> gui.window.openFolder(folder));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.window.page.isVisible()).isTrue();
    assertThat(gui.window.page.header.name.getText()).isEqualTo("shop-frontend");
    assertThat(gui.window.page.header.type.getText()).isEqualTo("nodejs");
    assertThat(gui.window.page.header.facts.getText())
        .contains("app: shop", "ns: shop", folder.toString());
    assertThat(gui.window.page.header.push.isDisabled()).isFalse();
  }

  @Test
  void theRememberedContextWinsOverTheCurrentOne(FxRobot robot) {
    gui.sidebar.preferContext("dev-cluster");
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.window.sidebar.list.getSelectionModel().getSelectedItem().title())
        .isEqualTo("dev-cluster");
  }

  @Test
  void aRememberedContextThatIsGoneFallsBackToTheCurrentOne(FxRobot robot) {
    gui.sidebar.preferContext("deleted-since");
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.window.sidebar.list.getSelectionModel().getSelectedItem().title())
        .isEqualTo("prod-east");
  }
}
