package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A console over a bounded {@link ConsoleBuffer}: a virtualised list (only visible rows have nodes)
 * that follows the tail until the user scrolls up, and again once they scroll back to the bottom or
 * press "Follow". Ctrl+F finds (Enter / Shift+Enter next and previous, matches highlighted); Ctrl+C
 * or Copy copies the selected lines, or all of them when none is selected.
 */
final class ConsoleView extends VBox {
  private static final KeyCombination FIND =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  final ListView<ConsoleLine> list = new ListView<>();
  final ToggleButton follow = new ToggleButton("Follow");
  final Button copy = new Button("Copy");
  final Button findButton = new Button("Find");
  final HBox findBar;
  final TextField query = new TextField();
  final Label matchCount = new Label();
  final Label heading;
  private final BooleanProperty following = new SimpleBooleanProperty(true);
  private final List<Integer> matches = new ArrayList<>();
  private final BitSet matchSet = new BitSet();
  private int currentMatch = -1;

  ConsoleView(ConsoleBuffer buffer) {
    this(buffer, "ASSEMBLE-AND-RESTART OUTPUT", "console");
  }

  /**
   * @param id the list's node id; the find bar and buttons get it as a prefix
   */
  ConsoleView(ConsoleBuffer buffer, String title, String id) {
    getStyleClass().add("console-box");
    heading = new Label(title);
    heading.getStyleClass().add("section-heading");
    follow.setId(id + "-follow");
    follow.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    follow.selectedProperty().bindBidirectional(following);
    copy.setId(id + "-copy");
    copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    copy.setOnAction(e -> copy());
    findButton.setId(id + "-find");
    findButton.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    findButton.setOnAction(e -> openFind());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox bar = new HBox(8, heading, grow, findButton, copy, follow);
    bar.setAlignment(Pos.CENTER_LEFT);

    findBar = findBar(id);

    list.setId(id);
    list.getStyleClass().add("console");
    list.setItems(buffer.lines());
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
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
    buffer
        .lines()
        .addListener(
            (ListChangeListener<ConsoleLine>)
                c -> {
                  if (findBar.isVisible()) {
                    recount(false);
                  }
                  scrollIfFollowing();
                });
    following.addListener((o, a, now) -> scrollIfFollowing());
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (FIND.match(e)) {
            openFind();
            e.consume();
          } else if (COPY.match(e) && !query.isFocused()) {
            copy();
            e.consume();
          }
        });
    setSpacing(6);
    getChildren().addAll(bar, findBar, list);
  }

  private HBox findBar(String id) {
    query.setId(id + "-query");
    query.setPromptText("Find in output");
    query.setPrefColumnCount(24);
    query.textProperty().addListener((o, a, b) -> recount(true));
    query.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            if (e.isShiftDown()) {
              findPrevious();
            } else {
              findNext();
            }
            e.consume();
          } else if (e.getCode() == KeyCode.ESCAPE) {
            closeFind();
            e.consume();
          }
        });
    matchCount.setId(id + "-matches");
    matchCount.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    Button previous = new Button("↑");
    previous.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    previous.setOnAction(e -> findPrevious());
    Button next = new Button("↓");
    next.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    next.setOnAction(e -> findNext());
    Button close = new Button("✕");
    close.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    close.setOnAction(e -> closeFind());
    HBox box = new HBox(6, query, matchCount, previous, next, close);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setId(id + "-find-bar");
    box.setVisible(false);
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  void openFind() {
    findBar.setVisible(true);
    query.requestFocus();
    query.selectAll();
    recount(false);
  }

  void closeFind() {
    findBar.setVisible(false);
    matches.clear();
    matchSet.clear();
    currentMatch = -1;
    list.refresh();
    list.requestFocus();
  }

  /** Moves to the next match after the current one, wrapping around. */
  void findNext() {
    step(1);
  }

  void findPrevious() {
    step(-1);
  }

  private void step(int direction) {
    if (matches.isEmpty()) {
      return;
    }
    currentMatch = Math.floorMod(currentMatch + direction, matches.size());
    reveal();
  }

  private void reveal() {
    int line = matches.get(currentMatch);
    following.set(false); // the user is looking at this line, not the tail
    list.getSelectionModel().clearAndSelect(line);
    list.scrollTo(Math.max(0, line - 3));
    updateCount();
    list.refresh();
  }

  private void recount(boolean jumpToFirst) {
    String needle = query.getText() == null ? "" : query.getText().toLowerCase(Locale.ROOT);
    Integer was =
        currentMatch >= 0 && currentMatch < matches.size() ? matches.get(currentMatch) : null;
    matches.clear();
    matchSet.clear();
    if (!needle.isEmpty()) {
      List<ConsoleLine> items = list.getItems();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).text().toLowerCase(Locale.ROOT).contains(needle)) {
          matches.add(i);
          matchSet.set(i);
        }
      }
    }
    if (matches.isEmpty()) {
      currentMatch = -1;
    } else if (jumpToFirst || was == null) {
      currentMatch = 0;
    } else {
      int kept = matches.indexOf(was);
      currentMatch = kept >= 0 ? kept : Math.min(currentMatch, matches.size() - 1);
    }
    if (jumpToFirst && currentMatch >= 0) {
      reveal();
    } else {
      updateCount();
      list.refresh();
    }
  }

  private void updateCount() {
    String q = query.getText();
    if (q == null || q.isEmpty()) {
      matchCount.setText("");
    } else if (matches.isEmpty()) {
      matchCount.setText("No matches");
    } else {
      matchCount.setText((currentMatch + 1) + " of " + matches.size());
    }
  }

  /** The selected lines, or all lines when none is selected, onto the clipboard. */
  void copy() {
    List<ConsoleLine> chosen = new ArrayList<>(list.getSelectionModel().getSelectedItems());
    if (chosen.isEmpty()) {
      chosen = list.getItems();
    }
    StringBuilder text = new StringBuilder();
    for (ConsoleLine line : chosen) {
      text.append(line.text()).append('\n');
    }
    ClipboardContent content = new ClipboardContent();
    content.putString(text.toString());
    Clipboard.getSystemClipboard().setContent(content);
  }

  /** "3 of 12", "No matches", or empty with no query. */
  String matchText() {
    return matchCount.getText();
  }

  BooleanProperty followingProperty() {
    return following;
  }

  private void scrollIfFollowing() {
    if (following.get() && !list.getItems().isEmpty()) {
      list.scrollTo(list.getItems().size() - 1);
    }
  }

  private final class LineCell extends ListCell<ConsoleLine> {
    @Override
    protected void updateItem(ConsoleLine item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll("stderr", "match", "current-match");
      if (empty || item == null) {
        setText(null);
        return;
      }
      setText(item.text());
      if (item.stderr()) {
        getStyleClass().add("stderr");
      }
      int i = getIndex();
      if (matchSet.get(i)) {
        boolean current = currentMatch >= 0 && matches.get(currentMatch) == i;
        getStyleClass().add(current ? "current-match" : "match");
      }
    }
  }
}
