package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.WarningEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Events tab: the component's recent Warning events, newest first. */
final class EventsView extends VBox {
  private static final DateTimeFormatter TODAY =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter EARLIER =
      DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

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
                column("Time", 110, e -> time(e.lastTimestamp())),
                column("Reason", 150, WarningEvent::reason),
                column("Object", 300, e -> e.involvedKind() + "/" + e.involvedName()),
                column("Count", 64, e -> "×" + Math.max(1, e.count())),
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

  private static String time(Instant t) {
    if (t == null) {
      return "";
    }
    LocalDate day = t.atZone(ZoneId.systemDefault()).toLocalDate();
    return day.equals(LocalDate.now()) ? TODAY.format(t) : EARLIER.format(t);
  }

  private static TableColumn<WarningEvent, String> column(
      String title, double width, Function<WarningEvent, String> text) {
    TableColumn<WarningEvent, String> c = new TableColumn<>(title);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new SimpleStringProperty(text.apply(f.getValue())));
    c.setSortable(false);
    c.setMinWidth(Math.min(width, 90));
    // Long messages and pod names are cut to fit; the tooltip has all of it.
    c.setCellFactory(
        col ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
              }
            });
    return c;
  }
}
