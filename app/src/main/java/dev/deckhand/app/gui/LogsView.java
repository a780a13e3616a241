package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The Logs tab: the app container's log in a console, or why there is none. */
final class LogsView extends StackPane {
  final ConsoleView console;
  final Label empty = new Label();

  LogsView(LogsViewModel vm) {
    setId("logs-view");
    console = new ConsoleView(vm.console(), "APP LOG", "logs");
    console.list.setPlaceholder(new Label("No log lines yet"));
    console
        .heading
        .textProperty()
        .bind(
            Bindings.when(vm.followingProperty().isEmpty())
                .then("APP LOG")
                .otherwise(Bindings.concat("APP LOG · POD ", vm.followingProperty())));
    empty.setId("logs-empty");
    empty.getStyleClass().addAll(Styles.TEXT_MUTED, "logs-empty");
    empty.textProperty().bind(vm.messageProperty());
    empty.setWrapText(true);
    VBox emptyBox = new VBox(empty);
    emptyBox.getStyleClass().add("empty-box");
    emptyBox.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    console.visibleProperty().bind(emptyBox.visibleProperty().not());
    VBox.setVgrow(console, Priority.ALWAYS);
    getChildren().addAll(console, emptyBox);
  }
}
