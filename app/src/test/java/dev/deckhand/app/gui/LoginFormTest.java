package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.openshift.api.model.UserBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The login card: a pasted oc login verified against a mock server, written 0600, never shown. */
@ExtendWith(ApplicationExtension.class)
class LoginFormTest {
  static final String TOKEN = "sha256~Xy7-very-secret-token";

  @TempDir Path dir;
  KubernetesMockServer server;
  String url;
  Path kubeconfig;
  GuiFixture gui;
  ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @Start
  void start(Stage stage) throws IOException {
    server = new KubernetesMockServer(false);
    server.init();
    url = server.url("/").replaceAll("/$", "");
    kubeconfig = dir.resolve("kube/config");
    gui =
        new GuiFixture(
            () -> dev.deckhand.core.cluster.Kubeconfigs.load(List.of(kubeconfig)),
            () -> {
              throw new IllegalStateException("no sandbox here");
            },
            (f, c, l) -> {},
            null,
            ComponentServices.none(),
            Theme.LIGHT,
            OfflineBrowser.INSTANCE,
            kubeconfig);
    gui.show(stage);
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
  }

  @AfterEach
  void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    server.destroy();
  }

  @Test
  void aPastedOcLoginIsVerifiedWrittenAndSelected(FxRobot robot) throws IOException {
    server
        .expect()
        .get()
        .withPath("/apis/user.openshift.io/v1/users/~")
        .andReturn(
            200, new UserBuilder().withNewMetadata().withName("developer").endMetadata().build())
        .once();
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.sidebar.noKubeconfigProperty().get()).isTrue();

    robot.clickOn("#empty-login");
    assertThat(gui.window.loginForm().isVisible()).isTrue();
    robot.interact(
        () ->
            gui.window
                .loginForm()
                .pasted
                .setText("$ oc login --token=" + TOKEN + " --server=" + url));
    assertThat(gui.window.loginForm().parsed.getText())
        .isEqualTo("Server " + url + " · token found (hidden)");
    assertVisibleTextHasNoToken();

    robot.clickOn("#login-submit");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.login.errorProperty().get()).isEmpty();
    assertThat(gui.window.loginForm().isVisible()).isFalse();
    String cluster = "localhost:" + server.getPort();
    String context = "default/" + cluster + "/developer";
    assertThat(Files.readString(kubeconfig)).contains(TOKEN).contains(context);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig)))
        .isEqualTo("rw-------");
    // The sidebar read the new kubeconfig and selected the new context.
    assertThat(gui.sidebar.selectedProperty().get().title()).isEqualTo(context);
    assertThat(gui.login.pastedProperty().get()).isEmpty();
    assertVisibleTextHasNoToken();
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(TOKEN));
  }

  @Test
  void aRefusedTokenSaysSoAndWritesNothing(FxRobot robot) {
    server
        .expect()
        .get()
        .withPath("/apis/user.openshift.io/v1/users/~")
        .andReturn(
            401,
            new StatusBuilder()
                .withStatus("Failure")
                .withMessage("Unauthorized")
                .withCode(401)
                .build())
        .always();
    robot.interact(() -> gui.login.show(url));
    robot.interact(() -> gui.window.loginForm().token.setText(TOKEN));
    assertThat(gui.window.loginForm().server.getText()).isEqualTo(url);

    robot.clickOn("#login-submit");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.window.loginForm().error.getText())
        .startsWith("The server refused the token (401)");
    assertThat(gui.window.loginForm().isVisible()).isTrue();
    assertThat(Files.exists(kubeconfig)).isFalse();
    assertVisibleTextHasNoToken();
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(TOKEN));
  }

  @Test
  void anUnreachableServerIsNamed(FxRobot robot) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    robot.interact(() -> gui.login.show(null));
    robot.interact(
        () ->
            gui.window
                .loginForm()
                .pasted
                .setText("oc login http://127.0.0.1:" + port + " --token " + TOKEN));

    robot.clickOn("#login-submit");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.window.loginForm().error.getText())
        .startsWith("Cannot reach the server: ")
        .contains("127.0.0.1:" + port);
    assertThat(Files.exists(kubeconfig)).isFalse();
    assertVisibleTextHasNoToken();
  }

  @Test
  void aCommandWithoutATokenIsRejectedBeforeAnyCall(FxRobot robot) {
    robot.interact(() -> gui.login.show(null));
    robot.interact(() -> gui.window.loginForm().pasted.setText("oc login --server=" + url));
    assertThat(gui.window.loginForm().parsed.getText()).contains("no token");

    robot.clickOn("#login-submit");

    assertThat(gui.window.loginForm().error.getText()).contains("no token");
    assertThat(server.getRequestCount()).isZero();
  }

  /** Every label, tooltip and non-password field of the window, none of which shows the token. */
  private void assertVisibleTextHasNoToken() {
    List<String> texts = new ArrayList<>();
    collect(gui.window, texts);
    assertThat(texts).isNotEmpty().noneMatch(t -> t != null && t.contains(TOKEN));
    assertThat(gui.window.loginForm().pasted).isInstanceOf(PasswordField.class);
    assertThat(gui.window.loginForm().token).isInstanceOf(PasswordField.class);
  }

  private static void collect(Node node, List<String> texts) {
    if (node instanceof Labeled l) {
      texts.add(l.getText());
      Tooltip t = l.getTooltip();
      if (t != null) {
        texts.add(t.getText());
      }
    }
    if (node instanceof TextInputControl t && !(t instanceof PasswordField)) {
      texts.add(t.getText());
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        collect(child, texts);
      }
    }
  }
}
