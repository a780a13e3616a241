package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The clusters list: one row per context with its namespace, the sandbox last. */
final class SidebarView extends VBox {
  final ListView<ClusterEntry> list = new ListView<>();

  SidebarView(SidebarViewModel vm) {
    getStyleClass().add("sidebar");
    setPrefWidth(280);
    setMinWidth(200);
    Label heading = new Label("CLUSTERS");
    heading.getStyleClass().add("section-heading");
    list.setId("clusters");
    list.setItems(vm.entries());
    list.setCellFactory(v -> new EntryCell());
    VBox.setVgrow(list, Priority.ALWAYS);
    // Two-way, but guarded: the list reports null while its items are replaced.
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                vm.selectedProperty().set(now);
              }
            });
    vm.selectedProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null && now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
              }
            });
    setPadding(new Insets(12, 8, 8, 8));
    setSpacing(6);
    getChildren().addAll(heading, list);
  }

  private static final class EntryCell extends ListCell<ClusterEntry> {
    @Override
    protected void updateItem(ClusterEntry item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label title = new Label(item.title());
      title.getStyleClass().add(Styles.TEXT_BOLD);
      Label sub = new Label(item.subtitle());
      sub.getStyleClass().addAll(Styles.TEXT_SMALL, item.usable() ? Styles.TEXT_MUTED : "warning");
      sub.setWrapText(true);
      Circle dot = new Circle(4);
      dot.getStyleClass()
          .add(item.usable() ? "dot-ok" : item.context() == null ? "dot-idle" : "dot-warn");
      VBox text = new VBox(2, title, sub);
      // Width 0 lets the cell follow the list's width, so long reasons wrap instead of scrolling.
      setPrefWidth(0);
      javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, dot, text);
      row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      setText(null);
      setGraphic(row);
    }
  }
}
