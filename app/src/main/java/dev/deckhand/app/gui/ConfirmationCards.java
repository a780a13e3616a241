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
    String name = objectName(c);
    // Short lines, no wrapping: a wrapped label inside the modal pane's card was cut off.
    Label intro = new Label("Deckhand removes from namespace " + c.namespace() + ":");
    Label workload = new Label("•  the Deployment (or DeploymentConfig) " + name + " and its pod");
    Label network = new Label("•  its Service, Secrets, and Routes / Ingresses");
    Label volume =
        new Label("•  the PVC " + name + "-s2idata with its data — it cannot be recovered");
    volume.getStyleClass().add(Styles.DANGER);
    Label kept = new Label("Your source files stay untouched in " + c.folder());
    kept.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
    kept.getStyleClass().add(Styles.TEXT_MUTED);
    VBox body = new VBox(4, intro, workload, network, volume, kept);
    VBox.setMargin(kept, new javafx.geometry.Insets(8, 0, 0, 0));
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
            new VBox(14, body, alsoLocal),
            no,
            yes);
    card.setId("delete-card");
    no.sceneProperty().addListener((o, a, s) -> no.requestFocus());
    return card;
  }

  private static String objectName(ComponentInfo c) {
    try {
      return ComponentServices.names(c).name();
    } catch (RuntimeException e) {
      return c.name() + "-" + c.application(); // not a valid name: say what the user typed
    }
  }

  static Card secretPush(List<String> secrets, Runnable push, Runnable cancel) {
    Label body =
        new Label(
            "This first push would send files the secret deny list keeps out,\n"
                + "because an allow pattern admits them:");
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
    card.setMaxWidth(720);
    card.setMaxHeight(VBox.USE_PREF_SIZE);
    return card;
  }
}
