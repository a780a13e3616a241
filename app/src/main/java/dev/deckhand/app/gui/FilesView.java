package dev.deckhand.app.gui;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Files tab: what the next push sends and what stays out, from a dry-run scan. */
final class FilesView extends VBox {
  final Label folder = new Label();
  final Label state = new Label();
  final Button refresh = new Button("Refresh");
  final Message secretWarning = new Message();
  final Label pendingHeading = new Label();
  final Label excludedHeading = new Label();
  final Label pendingDetail = new Label();
  final ObservableList<FileRow> pendingRows = FXCollections.observableArrayList();
  final ObservableList<FileRow> excludedRows = FXCollections.observableArrayList();
  final ListView<FileRow> pending = new ListView<>(pendingRows);
  final ListView<FileRow> excluded = new ListView<>(excludedRows);

  FilesView(FilesViewModel vm) {
    setId("files-view");
    getStyleClass().add("files-view");
    setSpacing(10);
    Label folderHeading = new Label("WATCHED FOLDER");
    folderHeading.getStyleClass().add("section-heading");
    folder.setId("files-folder");
    folder.getStyleClass().add("files-folder");
    state.setId("files-state");
    state.getStyleClass().add(Styles.TEXT_MUTED);
    state.textProperty().bind(vm.stateText());
    refresh.setId("files-refresh");
    refresh.getStyleClass().add(Styles.SMALL);
    refresh.setOnAction(e -> vm.refresh());
    refresh.disableProperty().bind(vm.stateProperty().isEqualTo(FilesViewModel.State.SCANNING));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox top = new HBox(10, folderHeading, folder, grow, state, refresh);
    top.setAlignment(Pos.CENTER_LEFT);

    secretWarning.setId("files-secret-warning");
    secretWarning.getStyleClass().add(Styles.WARNING);
    secretWarning.setTitle("Secrets allowed into the push");
    secretWarning.setVisible(false);
    secretWarning.managedProperty().bind(secretWarning.visibleProperty());

    pendingHeading.getStyleClass().add("section-heading");
    excludedHeading.getStyleClass().add("section-heading");
    setUp(pending, "files-pending", "Nothing waiting to be pushed");
    setUp(excluded, "files-excluded", "Nothing left out");
    pendingDetail.setId("files-pending-detail");
    pendingDetail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    VBox left = new VBox(6, pendingHeading, pendingDetail, pending);
    Label excludedDetail = new Label("Ignored, secrets by the deny list, links out of the folder");
    excludedDetail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    VBox right = new VBox(6, excludedHeading, excludedDetail, excluded);
    VBox.setVgrow(pending, Priority.ALWAYS);
    VBox.setVgrow(excluded, Priority.ALWAYS);
    HBox.setHgrow(left, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    left.setPrefWidth(100);
    right.setPrefWidth(100);
    HBox lists = new HBox(14, left, right);
    VBox.setVgrow(lists, Priority.ALWAYS);
    getChildren().addAll(top, secretWarning, lists);

    vm.previewProperty().addListener((o, was, p) -> show(p));
    show(vm.previewProperty().get());
    folder
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> vm.folder() == null ? "" : vm.folder().toString(), vm.previewProperty()));
  }

  private void show(FilesPreview p) {
    if (p == null) {
      pendingRows.clear();
      excludedRows.clear();
      pendingHeading.setText("WAITING TO BE PUSHED");
      pendingDetail.setText("");
      excludedHeading.setText("LEFT OUT");
      secretWarning.setVisible(false);
      return;
    }
    pendingRows.setAll(FileRow.pending(p));
    excludedRows.setAll(FileRow.excluded(p));
    String changes =
        p.changes().added().size()
            + " added, "
            + p.changes().modified().size()
            + " modified, "
            + p.changes().deleted().size()
            + " deleted";
    // No container has this folder yet: the push sends every entry, whatever the index says.
    pendingHeading.setText(
        p.firstPush()
            ? "FIRST PUSH SENDS ALL " + p.indexed() + " ENTRIES"
            : "WAITING TO BE PUSHED");
    pendingDetail.setText(p.firstPush() ? "Changed since the last index: " + changes : changes);
    excludedHeading.setText("LEFT OUT · " + excludedRows.size());
    List<String> secrets = p.allowedSecrets();
    secretWarning.setVisible(!secrets.isEmpty());
    secretWarning.setDescription(
        String.join(", ", secrets)
            + (p.firstPush()
                ? " — the first push asks before sending them."
                : " — an allow pattern lets them through the deny list."));
  }

  private static void setUp(ListView<FileRow> list, String id, String empty) {
    list.setId(id);
    list.getStyleClass().addAll("files-list", Styles.DENSE);
    list.setPlaceholder(new Label(empty));
    list.setCellFactory(v -> new RowCell());
  }

  private static final class RowCell extends ListCell<FileRow> {
    private final Label mark = new Label();
    private final Label path = new Label();
    private final Label note = new Label();
    private final HBox box = new HBox(8, mark, path, note);

    RowCell() {
      mark.getStyleClass().add("file-mark");
      mark.setMinWidth(14);
      path.getStyleClass().add("file-path");
      note.getStyleClass().addAll("file-note", Styles.TEXT_MUTED);
      // The path keeps its width; a long note (a link's target) is cut and shown whole on hover,
      // instead of widening the list behind a horizontal scroll bar.
      path.setMinWidth(Region.USE_PREF_SIZE);
      note.setMinWidth(0);
      box.setAlignment(Pos.CENTER_LEFT);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(FileRow row, boolean empty) {
      super.updateItem(row, empty);
      for (FileRow.Kind k : FileRow.Kind.values()) {
        getStyleClass().remove(k.styleClass);
      }
      if (empty || row == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      mark.setText(row.kind().mark);
      path.setText(row.path());
      note.setText(row.note());
      note.setTooltip(
          row.note().isEmpty()
              ? null
              : new Tooltip(row.path().isEmpty() ? row.note() : row.path() + ": " + row.note()));
      getStyleClass().add(row.kind().styleClass);
      setText(null);
      setGraphic(box);
    }
  }
}
