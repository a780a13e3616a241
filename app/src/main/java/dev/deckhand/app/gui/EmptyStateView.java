package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the main area shows before a component is open: with no kubeconfig, the one-click sandbox
 * start; otherwise the way to open a component folder.
 */
final class EmptyStateView extends VBox {
  final Button startSandbox = new Button("Start the sandbox");
  final Button openFolder = new Button("Open folder…");
  final Button login = new Button("Log in to OpenShift…");

  EmptyStateView(SidebarViewModel sidebar, Runnable openFolderAction, Runnable loginAction) {
    getStyleClass().add("empty-state");
    setAlignment(Pos.CENTER);
    setSpacing(14);
    setMaxWidth(520);
    Label title = new Label();
    title.getStyleClass().add(Styles.TITLE_2);
    Label body = new Label();
    body.setWrapText(true);
    body.getStyleClass().add(Styles.TEXT_MUTED);
    Label status = new Label();
    status.textProperty().bind(sidebar.sandboxMessageProperty());
    status.getStyleClass().add(Styles.TEXT_SMALL);
    startSandbox.setId("start-sandbox");
    startSandbox.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
    startSandbox.setDefaultButton(true);
    startSandbox.setOnAction(e -> sidebar.startSandbox());
    startSandbox.disableProperty().bind(sidebar.sandboxStartingProperty());
    openFolder.setId("open-folder");
    openFolder.setOnAction(e -> openFolderAction.run());
    login.setId("empty-login");
    login.getStyleClass().add(Styles.FLAT);
    login.setOnAction(e -> loginAction.run());
    Runnable refresh =
        () -> {
          boolean none = sidebar.noKubeconfigProperty().get();
          title.setText(none ? "No cluster yet" : "Open a component");
          body.setText(
              none
                  ? "Deckhand found no kubeconfig. Start the built-in sandbox, a small local"
                      + " cluster that runs on this machine, or log in to an OpenShift cluster;"
                      + " then open a component folder."
                  : "Choose a folder with a .odo/config.yaml to see its startup timeline and"
                      + " push it to the selected cluster, or a source folder to create a"
                      + " component in it.");
          startSandbox.setManaged(none);
          startSandbox.setVisible(none);
          openFolder.getStyleClass().remove(Styles.ACCENT);
          if (!none) {
            openFolder.getStyleClass().add(Styles.ACCENT);
          }
        };
    sidebar.noKubeconfigProperty().addListener((o, a, b) -> refresh.run());
    refresh.run();
    getChildren().addAll(title, body, startSandbox, openFolder, login, status);
  }
}
