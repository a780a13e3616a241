package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The title bar's Theme menu: three choices, one checked, each applied and saved. */
@ExtendWith(ApplicationExtension.class)
class ThemeMenuTest {
  @TempDir Path dir;
  GuiFixture gui;
  final List<ThemeChoice> saved = new ArrayList<>();
  final ThemeTest.FakeDesktop desktop = new ThemeTest.FakeDesktop();

  @Start
  void start(Stage stage) throws Exception {
    gui = GuiFixture.withKubeconfig(TestKubeconfig.write(dir));
    gui.show(stage);
    desktop.gnome.put("color-scheme", "'prefer-dark'");
    gui.window
        .themeController()
        .configure(
            ThemeChoice.SYSTEM, desktop, TaskExecutor.direct(), UiThread.direct(), saved::add);
  }

  @Test
  void theMenuShowsTheChoiceAndSwitches(FxRobot robot) {
    assertThat(gui.theme.get()).isEqualTo(Theme.DARK);
    assertThat(gui.window.themeMenu.getItems())
        .extracting(i -> i.getText())
        .containsExactly("Light", "Dark", "Follow system");
    assertThat(((RadioMenuItem) gui.window.themeMenu.getItems().get(2)).isSelected()).isTrue();

    robot.clickOn("#theme-menu").clickOn("Light");

    assertThat(gui.theme.get()).isEqualTo(Theme.LIGHT);
    assertThat(((RadioMenuItem) gui.window.themeMenu.getItems().get(0)).isSelected()).isTrue();
    assertThat(((RadioMenuItem) gui.window.themeMenu.getItems().get(2)).isSelected()).isFalse();
    assertThat(saved).containsExactly(ThemeChoice.LIGHT);
  }
}
