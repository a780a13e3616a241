package dev.deckhand.app.gui;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The page's confirmations, as cards shown in its modal pane. Cancel is the default. */
final class ConfirmationCards {
  private ConfirmationCards() {}

  /**
   * @param delete runs with whether the local {@code .odo} goes too
   */
  static Card delete(ComponentInfo c, Consumer<Boolean> delete, Runnable cancel) {
    String name = c.name() + "-" + c.application();
    Label body =
        new Label(
            "This deletes from namespace "
                + c.namespace()
                + " everything Deckhand created for "
                + c.name()
                + ":\n"
                + "  • the Deployment (or DeploymentConfig) "
                + name
                + " and its pod\n"
                + "  • the Service, the Secrets and the Routes / Ingresses of "
                + name
                + "\n"
                + "  • the PVC "
                + name
                + "-s2idata, with the data in it: it cannot be recovered\n\n"
                + "Your source files in "
                + c.folder()
                + " are not touched.");
    body.setWrapText(true);
    CheckBox alsoLocal =
        new CheckBox("Also delete the local .odo config (config.yaml, file index)");
    alsoLocal.setId("delete-local-config");
    alsoLocal.setSelected(false);
    Button no = new Button("Cancel");
    no.setId("delete-cancel");
    no.setCancelButton(true);
    no.setOnAction(e -> cancel.run());
    Button yes = new Button("Delete " + c.name());
    yes.setId("delete-confirm");
    yes.getStyleClass().add(Styles.DANGER);
    yes.setOnAction(e -> delete.accept(alsoLocal.isSelected()));
    Card card =
        card(
            "Delete " + c.name() + " from " + c.namespace() + "?",
            new VBox(12, body, alsoLocal),
            no,
            yes);
    card.setId("delete-card");
    no.sceneProperty().addListener((o, a, s) -> no.requestFocus());
    return card;
  }

  static Card secretPush(List<String> secrets, Runnable push, Runnable cancel) {
    Label body =
        new Label(
            "This is the first push of this folder, and it would send files the secret deny list"
                + " keeps out, because an allow pattern admits them:");
    body.setWrapText(true);
    Label paths = new Label(String.join("\n", secrets));
    paths.setId("secret-paths");
    paths.getStyleClass().add("secret-paths");
    Label after =
        new Label("Anyone who can exec into the container or read its volume can read them.");
    after.setWrapText(true);
    Button no = new Button("Cancel");
    no.setId("secret-cancel");
    no.setCancelButton(true);
    no.setOnAction(e -> cancel.run());
    Button yes = new Button("Push anyway");
    yes.setId("secret-confirm");
    yes.getStyleClass().add(Styles.DANGER);
    yes.setOnAction(e -> push.run());
    Card card = card("Send secrets to the cluster?", new VBox(10, body, paths, after), no, yes);
    card.setId("secret-card");
    return card;
  }

  private static Card card(String title, VBox body, Button no, Button yes) {
    Card card = new Card();
    card.getStyleClass().addAll(Styles.ELEVATED_2, "confirm-card");
    Label heading = new Label(title);
    heading.getStyleClass().add(Styles.TITLE_3);
    heading.setWrapText(true);
    card.setHeader(heading);
    card.setBody(body);
    HBox buttons = new HBox(8, no, yes);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    card.setFooter(buttons);
    card.setMaxWidth(560);
    card.setMaxHeight(VBox.USE_PREF_SIZE);
    return card;
  }
}
