package dev.deckhand.app.gui;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Name, type, app, namespace, folder, URL, and the Push / Auto-sync / Delete actions. */
final class ComponentHeader extends VBox {
  final Label name = new Label();
  final Label type = new Label();
  final Label facts = new Label();
  final Hyperlink url = new Hyperlink();
  final Label summary = new Label();
  final Button push = new Button("Push");
  final ToggleSwitch autoSync = new ToggleSwitch("Auto-sync");
  final Label syncState = new Label();
  final Button delete = new Button("Delete…");
  final Label deleteStatus = new Label();

  ComponentHeader(
      ComponentViewModel vm,
      ObservableBooleanValue canPush,
      Runnable pushAction,
      Consumer<String> openUrl,
      Runnable deleteAction) {
    getStyleClass().add("component-header");
    setSpacing(4);
    name.setId("component-name");
    name.getStyleClass().add(Styles.TITLE_2);
    type.getStyleClass().add("type-badge");
    facts.getStyleClass().add(Styles.TEXT_MUTED);
    facts.setId("component-facts");
    vm.infoProperty()
        .addListener(
            (o, was, c) -> {
              name.setText(c == null ? "" : c.name());
              type.setText(c == null ? "" : c.type());
              facts.setText(
                  c == null
                      ? ""
                      : "app: " + c.application() + " · ns: " + c.namespace() + " · " + c.folder());
            });
    url.setId("component-url");
    url.textProperty().bind(vm.push().urlProperty());
    url.visibleProperty().bind(vm.push().urlProperty().isNotEmpty());
    url.setOnAction(e -> openUrl.accept(url.getText()));
    summary.setId("push-summary");
    summary.textProperty().bind(vm.push().summaryProperty());
    summary
        .styleProperty()
        .bind(
            Bindings.when(vm.push().outcomeProperty().isEqualTo(PushViewModel.Outcome.FAILED))
                .then("-fx-text-fill: -color-danger-fg;")
                .otherwise("-fx-text-fill: -color-fg-muted;"));
    push.setId("push");
    push.getStyleClass().add(Styles.ACCENT);
    push.setOnAction(e -> pushAction.run());
    push.disableProperty()
        .bind(Bindings.not(canPush).or(vm.push().runningProperty()).or(vm.infoProperty().isNull()));
    push.textProperty()
        .bind(Bindings.when(vm.push().runningProperty()).then("Pushing…").otherwise("Push"));
    autoSync.setId("auto-sync");
    autoSync.selectedProperty().bindBidirectional(vm.autoSyncProperty());
    syncState.setId("sync-state");
    syncState.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    syncState.textProperty().bind(vm.autoSync().labelBinding());
    syncState.visibleProperty().bind(syncState.textProperty().isNotEmpty());
    syncState.managedProperty().bind(syncState.visibleProperty());
    delete.setId("delete");
    delete.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
    delete.setOnAction(e -> deleteAction.run());
    delete
        .disableProperty()
        .bind(
            vm.infoProperty()
                .isNull()
                .or(vm.push().runningProperty())
                .or(vm.deleteStateProperty().isEqualTo(ComponentViewModel.DeleteState.DELETING)));
    deleteStatus.setId("delete-status");
    deleteStatus.textProperty().bind(vm.deleteMessageProperty());
    deleteStatus
        .styleProperty()
        .bind(
            Bindings.when(vm.deleteStateProperty().isEqualTo(ComponentViewModel.DeleteState.FAILED))
                .then("-fx-text-fill: -color-danger-fg;")
                .otherwise("-fx-text-fill: -color-fg-muted;"));
    deleteStatus.visibleProperty().bind(deleteStatus.textProperty().isNotEmpty());
    deleteStatus.managedProperty().bind(deleteStatus.visibleProperty());
    // Only the facts (the folder path can be long) give way when the window is narrow.
    for (Region fixed : new Region[] {name, type, push, autoSync, syncState, delete}) {
      fixed.setMinWidth(Region.USE_PREF_SIZE);
    }
    facts.setMinWidth(0);
    HBox titleLine = new HBox(10, name, type, facts);
    titleLine.setMinWidth(0);
    titleLine.setAlignment(Pos.BASELINE_LEFT);
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox top = new HBox(12, titleLine, grow, push, autoSync, syncState, delete);
    top.setAlignment(Pos.CENTER_LEFT);
    HBox second = new HBox(12, url, summary, deleteStatus);
    second.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(top, second);
  }
}
