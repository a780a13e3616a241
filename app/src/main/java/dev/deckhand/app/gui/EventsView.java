package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.WarningEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Events tab: the component's recent Warning events, newest first. */
final class EventsView extends VBox {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MMM d HH:mm:ss").withZone(ZoneId.systemDefault());

  final ObservableList<WarningEvent> rows = FXCollections.observableArrayList();
  final TableView<WarningEvent> table = new TableView<>(rows);
  final Label empty = new Label();

  EventsView(ReadOnlyObjectProperty<ComponentStatus> status) {
    setId("events-view");
    setSpacing(6);
    Label heading = new Label("WARNING EVENTS");
    heading.getStyleClass().add("section-heading");
    table.setId("events-table");
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "events-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .addAll(
            List.of(
                column(
                    "Time",
                    110,
                    e -> e.lastTimestamp() == null ? "" : TIME.format(e.lastTimestamp())),
                column("Reason", 140, WarningEvent::reason),
                column("Object", 200, e -> e.involvedKind() + "/" + e.involvedName()),
                column("Count", 60, e -> e.count() <= 1 ? "1" : "×" + e.count()),
                column("Message", 400, WarningEvent::message)));
    empty.setId("events-empty");
    table.setPlaceholder(empty);
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(heading, table);
    status.addListener((o, was, now) -> show(now));
    show(status.get());
  }

  private void show(ComponentStatus s) {
    if (s == null) {
      rows.clear();
      empty.setText("No status yet: open the component on a usable cluster");
      return;
    }
    rows.setAll(s.warnings());
    empty.setText("No warning events");
  }

  private static TableColumn<WarningEvent, String> column(
      String title, double width, Function<WarningEvent, String> text) {
    TableColumn<WarningEvent, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new SimpleStringProperty(text.apply(f.getValue())));
    c.setSortable(false);
    return c;
  }
}
