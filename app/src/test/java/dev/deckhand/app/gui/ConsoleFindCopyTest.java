package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The console's find bar (Ctrl+F, Enter / Shift+Enter, "n of m") and copy (Ctrl+C, button). */
@ExtendWith(ApplicationExtension.class)
class ConsoleFindCopyTest {
  ConsoleBuffer buffer = new ConsoleBuffer(1_000);
  ConsoleView console;

  @Start
  void start(Stage stage) {
    Theme.LIGHT.apply();
    List<ConsoleLine> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add(new ConsoleLine("line " + i + (i % 50 == 7 ? " ERROR boom" : ""), i % 50 == 7));
    }
    buffer.addAll(lines);
    console = new ConsoleView(buffer);
    Scene scene = new Scene(console, 700, 400);
    Styling.apply(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void findCountsMatchesAndMovesBetweenThem(FxRobot robot) {
    robot.clickOn("#console");
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    assertThat(console.findBar.isVisible()).isTrue();
    assertThat(console.query.isFocused()).isTrue();

    robot.write("error");
    assertThat(console.matchText()).isEqualTo("1 of 4");
    assertThat(console.list.getSelectionModel().getSelectedIndex()).isEqualTo(7);
    assertThat(console.followingProperty().get()).isFalse();
    WaitForAsyncUtils.waitForFxEvents();
    ListCell<?> current = robot.lookup(".console .list-cell.current-match").queryAs(ListCell.class);
    assertThat(current.getText()).isEqualTo("line 7 ERROR boom");

    robot.type(KeyCode.ENTER);
    assertThat(console.matchText()).isEqualTo("2 of 4");
    assertThat(console.list.getSelectionModel().getSelectedIndex()).isEqualTo(57);
    robot.type(KeyCode.ENTER).type(KeyCode.ENTER).type(KeyCode.ENTER);
    assertThat(console.matchText()).isEqualTo("1 of 4"); // wraps around
    robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
    assertThat(console.matchText()).isEqualTo("4 of 4");
    assertThat(console.list.getSelectionModel().getSelectedIndex()).isEqualTo(157);

    // New output while searching is counted too.
    robot.interact(() -> buffer.addAll(List.of(new ConsoleLine("late error", true))));
    assertThat(console.matchText()).isEqualTo("4 of 5");

    robot.eraseText(5).write("no-such-text");
    assertThat(console.matchText()).isEqualTo("No matches");
    robot.type(KeyCode.ESCAPE);
    assertThat(console.findBar.isVisible()).isFalse();
  }

  @Test
  void copyTakesTheSelectedLinesOrEverything(FxRobot robot) {
    robot.interact(
        () -> {
          console.list.getSelectionModel().clearSelection();
          console.copy();
        });
    String[] copied = new String[1];
    robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
    assertThat(copied[0].split("\n")).hasSize(200);
    assertThat(copied[0]).startsWith("line 0\nline 1\n").endsWith("line 199\n");

    robot.clickOn("#console");
    robot.interact(
        () -> {
          console.list.getSelectionModel().clearSelection(); // the click selected a row
          console.list.getSelectionModel().selectRange(3, 6);
        });
    robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
    robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
    assertThat(copied[0]).isEqualTo("line 3\nline 4\nline 5\n");

    robot.interact(() -> console.list.getSelectionModel().clearAndSelect(7));
    robot.clickOn("#console-copy");
    robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
    assertThat(copied[0]).isEqualTo("line 7 ERROR boom\n");
  }
}
