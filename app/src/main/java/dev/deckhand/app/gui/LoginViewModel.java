package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterError;
import dev.deckhand.core.cluster.KubeconfigLogin;
import dev.deckhand.core.cluster.LoginCommandParser;
import dev.deckhand.core.cluster.LoginRequest;
import dev.deckhand.core.cluster.LoginResult;
import dev.deckhand.core.cluster.LoginVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The OpenShift login form: server and token, or a pasted {@code oc login …} command. The token is
 * checked against the server before anything is written ({@link LoginVerifier}), then written the
 * way {@code oc login} writes it ({@link KubeconfigLogin}, owner-only file). The token never goes
 * into a message, a label or a log line: errors come from the classifier, which names the server.
 */
public final class LoginViewModel {
  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty token = new SimpleStringProperty("");
  private final StringProperty pasted = new SimpleStringProperty("");
  private final StringProperty parsed = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty done = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty open = new SimpleBooleanProperty();
  private final Supplier<Path> kubeconfigFile;
  private final BiFunction<LoginRequest, String, LoginVerifier.Outcome> verifier;
  private final TaskExecutor background;
  private final UiThread ui;
  private final Consumer<String> loggedIn;

  /**
   * @param kubeconfigFile where the login is written (kubectl's rule: the first {@code $KUBECONFIG}
   *     file, else {@code ~/.kube/config})
   * @param loggedIn receives the new context's name, on the FX thread
   */
  public LoginViewModel(
      Supplier<Path> kubeconfigFile,
      BiFunction<LoginRequest, String, LoginVerifier.Outcome> verifier,
      TaskExecutor background,
      UiThread ui,
      Consumer<String> loggedIn) {
    this.kubeconfigFile = kubeconfigFile;
    this.verifier = verifier;
    this.background = background;
    this.ui = ui;
    this.loggedIn = loggedIn;
    pasted.addListener((o, a, text) -> parsed.set(describe(text)));
  }

  /** Shows the form, with the server filled in when it is known (a context needs a new login). */
  public void show(String serverOrNull) {
    error.set("");
    done.set("");
    token.set("");
    pasted.set("");
    if (serverOrNull != null) {
      server.set(serverOrNull);
    }
    open.set(true);
  }

  public void cancel() {
    token.set("");
    pasted.set("");
    open.set(false);
  }

  /** Verifies, then writes. Nothing is written when the server refuses the token. */
  public void submit() {
    if (busy.get()) {
      return;
    }
    LoginRequest request;
    try {
      request = request();
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage()); // the parser's messages never contain the token
      return;
    }
    error.set("");
    done.set("");
    busy.set(true);
    Path file = kubeconfigFile.get();
    background.execute(
        () -> {
          LoginVerifier.Outcome outcome = verifier.apply(request, null);
          if (!outcome.ok()) {
            String message = explain(outcome.error());
            ui.post(() -> finish(message, null));
            return;
          }
          try {
            LoginResult result =
                KubeconfigLogin.login(
                    request.server(),
                    request.token(),
                    null,
                    outcome.username(),
                    file,
                    request.insecure());
            ui.post(() -> finish(null, result));
          } catch (IOException | RuntimeException e) {
            String message = "Verified, but the kubeconfig could not be written: " + e.getMessage();
            ui.post(() -> finish(message, null));
          }
        });
  }

  private void finish(String failure, LoginResult result) {
    busy.set(false);
    if (failure != null) {
      error.set(failure);
      return;
    }
    token.set("");
    pasted.set("");
    done.set("Logged in as context " + result.context());
    open.set(false);
    loggedIn.accept(result.context());
  }

  private LoginRequest request() {
    if (!pasted.get().isBlank()) {
      return LoginCommandParser.parse(pasted.get());
    }
    if (server.get().isBlank()) {
      throw new IllegalArgumentException("Enter the API server URL, or paste an oc login command");
    }
    if (token.get().isBlank()) {
      throw new IllegalArgumentException("Enter the token (from the console's Copy login command)");
    }
    // Through the parser, so the URL is normalised exactly as for a pasted command.
    return LoginCommandParser.parse(
        "--server " + server.get().strip() + " --token " + token.get().strip());
  }

  /** Feedback on a pasted command that names the server and says a token is there, not which. */
  private static String describe(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    try {
      LoginRequest r = LoginCommandParser.parse(text);
      return "Server "
          + r.server()
          + " · token found (hidden)"
          + (r.insecure() ? " · TLS verification off" : "");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** One line per failure kind; the classifier's message names the server, never the token. */
  static String explain(ClusterError e) {
    return switch (e.kind()) {
      case UNREACHABLE -> "Cannot reach the server: " + e.message();
      case TLS ->
          "The server's certificate is not trusted ("
              + e.message()
              + "). Add its CA to the kubeconfig, or use oc login --certificate-authority.";
      case UNAUTHORIZED ->
          "The server refused the token (401): it expired or was mistyped. Copy a fresh login"
              + " command from the console.";
      default -> e.message();
    };
  }

  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty tokenProperty() {
    return token;
  }

  public StringProperty pastedProperty() {
    return pasted;
  }

  /** What the pasted command was read as: server and "token found (hidden)", or the problem. */
  public StringProperty parsedProperty() {
    return parsed;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public StringProperty doneProperty() {
    return done;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty openProperty() {
    return open;
  }
}
