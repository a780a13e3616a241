package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The assemble-and-restart output. A virtualised list (only visible rows have nodes) over the
 * bounded {@link ConsoleBuffer}; it follows the tail until the user scrolls up, and again once they
 * scroll back to the bottom or press "Follow".
 */
final class ConsoleView extends VBox {
  final ListView<ConsoleLine> list = new ListView<>();
  final ToggleButton follow = new ToggleButton("Follow");
  private final BooleanProperty following = new SimpleBooleanProperty(true);

  ConsoleView(ConsoleBuffer buffer) {
    getStyleClass().add("console-box");
    Label heading = new Label("ASSEMBLE-AND-RESTART OUTPUT");
    heading.getStyleClass().add("section-heading");
    follow.setId("console-follow");
    follow.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    follow.selectedProperty().bindBidirectional(following);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(8, heading, grow, follow);
    bar.setAlignment(Pos.CENTER_LEFT);

    list.setId("console");
    list.getStyleClass().add("console");
    list.setItems(buffer.lines());
    list.setFixedCellSize(18); // fixed height keeps virtualised scrolling cheap for long logs
    list.setCellFactory(v -> new LineCell());
    list.setPlaceholder(new Label("No output yet"));
    VBox.setVgrow(list, Priority.ALWAYS);
    // A wheel or drag upwards means the user is reading: stop following.
    list.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          if (e.getDeltaY() > 0) {
            following.set(false);
          }
        });
    buffer.lines().addListener((ListChangeListener<ConsoleLine>) c -> scrollIfFollowing());
    following.addListener((o, a, now) -> scrollIfFollowing());
    setSpacing(6);
    getChildren().addAll(bar, list);
  }

  BooleanProperty followingProperty() {
    return following;
  }

  private void scrollIfFollowing() {
    if (following.get() && !list.getItems().isEmpty()) {
      list.scrollTo(list.getItems().size() - 1);
    }
  }

  private static final class LineCell extends ListCell<ConsoleLine> {
    @Override
    protected void updateItem(ConsoleLine item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().remove("stderr");
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(item.text());
      if (item.stderr()) {
        getStyleClass().add("stderr");
      }
    }
  }
}
