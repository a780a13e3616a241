package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The login card over the main area. The token and the pasted command are password fields: a pasted
 * {@code oc login} line holds the token, so it is not echoed; the line under it says what was read
 * from it ("token found (hidden)").
 */
final class LoginFormView extends StackPane {
  final TextField server = new TextField();
  final PasswordField token = new PasswordField();
  final PasswordField pasted = new PasswordField();
  final Label parsed = new Label();
  final Label error = new Label();
  final Button login = new Button("Log in");
  final Button cancel = new Button("Cancel");

  LoginFormView(LoginViewModel vm) {
    setId("login-form");
    getStyleClass().add("login-overlay");
    Label title = new Label("Log in to OpenShift");
    title.getStyleClass().add(Styles.TITLE_3);
    Label intro =
        new Label(
            "Paste the command from the web console's \"Copy login command\", or enter the API"
                + " server and a token. Deckhand checks the token with the server before it writes"
                + " the login to your kubeconfig, as oc login does.");
    intro.setWrapText(true);
    intro.getStyleClass().add(Styles.TEXT_MUTED);

    pasted.setId("login-pasted");
    pasted.setPromptText("oc login --token=sha256~… --server=https://api.…:6443");
    pasted.textProperty().bindBidirectional(vm.pastedProperty());
    parsed.setId("login-parsed");
    parsed.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    parsed.textProperty().bind(vm.parsedProperty());

    server.setId("login-server");
    server.setPromptText("https://api.cluster.example.com:6443");
    server.textProperty().bindBidirectional(vm.serverProperty());
    token.setId("login-token");
    token.setPromptText("sha256~…");
    token.textProperty().bindBidirectional(vm.tokenProperty());
    // Either the pasted command or the two fields: the fields step aside while a command is there.
    server.disableProperty().bind(vm.pastedProperty().isNotEmpty());
    token.disableProperty().bind(vm.pastedProperty().isNotEmpty());

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, new Label("oc login command"), pasted);
    grid.add(parsed, 1, 1);
    grid.addRow(2, new Label("or server"), server);
    grid.addRow(3, new Label("token"), token);
    GridPane.setHgrow(pasted, Priority.ALWAYS);
    GridPane.setHgrow(server, Priority.ALWAYS);

    error.setId("login-error");
    error.setWrapText(true);
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(vm.errorProperty());
    error.managedProperty().bind(vm.errorProperty().isNotEmpty());
    error.visibleProperty().bind(error.managedProperty());

    login.setId("login-submit");
    login.getStyleClass().add(Styles.ACCENT);
    login.setDefaultButton(true);
    login.disableProperty().bind(vm.busyProperty());
    login
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.busyProperty())
                .then("Checking…")
                .otherwise("Log in"));
    login.setOnAction(e -> vm.submit());
    cancel.setId("login-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> vm.cancel());
    HBox buttons = new HBox(8, cancel, login);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox card = new VBox(12, title, intro, grid, error, buttons);
    card.getStyleClass().add("login-card");
    card.setPadding(new Insets(20));
    card.setMaxWidth(560);
    card.setMaxHeight(USE_PREF_SIZE);
    getChildren().add(card);
    setAlignment(Pos.CENTER);
    visibleProperty().bind(vm.openProperty());
  }
}
