package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import dev.deckhand.core.config.ComponentCreator.Field;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "Create component" form shown for a folder without {@code .odo/config.yaml}. */
final class CreateComponentView extends VBox {
  final ComboBox<String> type = new ComboBox<>();
  final TextField name = new TextField();
  final TextField application = new TextField();
  final TextField namespace = new TextField();
  final TextField ports = new TextField();
  final Label typeError = errorLabel("create-type-error");
  final Label nameError = errorLabel("create-name-error");
  final Label applicationError = errorLabel("create-application-error");
  final Label namespaceError = errorLabel("create-namespace-error");
  final Label portsError = errorLabel("create-ports-error");
  final Label formError = errorLabel("create-form-error");
  final Button create = new Button("Create");
  final Button cancel = new Button("Cancel");

  CreateComponentView(CreateComponentViewModel vm) {
    setId("create-component-page");
    getStyleClass().add("create-component");
    setSpacing(14);
    setMaxWidth(560);
    setPadding(new Insets(24));
    setAlignment(Pos.CENTER_LEFT);

    Label title = new Label("Create component");
    title.getStyleClass().add(Styles.TITLE_2);
    Label folder = new Label();
    folder.setWrapText(true);
    folder.getStyleClass().add(Styles.TEXT_MUTED);
    folder
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.folderProperty().get() == null
                        ? ""
                        : vm.folderProperty().get()
                            + " has no .odo/config.yaml yet. Create one to push this folder.",
                vm.folderProperty()));

    type.setId("create-type");
    type.setEditable(true);
    type.setItems(vm.types());
    type.setMaxWidth(Double.MAX_VALUE);
    type.valueProperty().bindBidirectional(vm.typeProperty());
    // An edited type counts as soon as it is typed, not only on Enter.
    type.getEditor()
        .textProperty()
        .addListener(
            (o, was, now) -> {
              if (type.isFocused() || type.getEditor().isFocused()) {
                vm.typeProperty().set(now);
              }
            });
    name.setId("create-name");
    name.textProperty().bindBidirectional(vm.nameProperty());
    application.setId("create-application");
    application.textProperty().bindBidirectional(vm.applicationProperty());
    namespace.setId("create-namespace");
    namespace.textProperty().bindBidirectional(vm.namespaceProperty());
    ports.setId("create-ports");
    ports.setPromptText("8080, 9229/UDP");
    ports.textProperty().bindBidirectional(vm.portsProperty());

    typeError.textProperty().bind(vm.error(Field.TYPE));
    nameError.textProperty().bind(vm.error(Field.NAME));
    applicationError.textProperty().bind(vm.error(Field.APPLICATION));
    namespaceError.textProperty().bind(vm.error(Field.NAMESPACE));
    portsError.textProperty().bind(vm.error(Field.PORTS));
    formError.textProperty().bind(vm.error(Field.FOLDER));

    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    ColumnConstraints inputs = new ColumnConstraints();
    inputs.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, inputs);
    int row = 0;
    row = addRow(grid, row, "Type", type, typeError);
    row = addRow(grid, row, "Name", name, nameError);
    row = addRow(grid, row, "Application", application, applicationError);
    row = addRow(grid, row, "Namespace", namespace, namespaceError);
    addRow(grid, row, "Ports", ports, portsError);

    create.setId("create-component");
    create.getStyleClass().add(Styles.ACCENT);
    create.setDefaultButton(true);
    create.disableProperty().bind(vm.busyProperty());
    create.setOnAction(e -> vm.create());
    cancel.setId("create-cancel");
    cancel.setOnAction(e -> vm.cancel());
    HBox buttons = new HBox(10, create, cancel);
    buttons.setAlignment(Pos.CENTER_LEFT);

    getChildren().addAll(title, folder, grid, formError, buttons);
  }

  private static int addRow(
      GridPane grid, int row, String text, javafx.scene.control.Control input, Label error) {
    Label label = new Label(text);
    label.setLabelFor(input);
    grid.add(label, 0, row);
    grid.add(input, 1, row);
    grid.add(error, 1, row + 1);
    return row + 2;
  }

  private static Label errorLabel(String id) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }
}
