package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.config.SourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A newcomer opens a plain source folder and creates a component from it in the window. */
@ExtendWith(ApplicationExtension.class)
class CreateComponentFormTest {
  @TempDir Path dir;
  Path source;
  GuiFixture gui;
  final List<Path> pushes = new CopyOnWriteArrayList<>();
  final List<ClusterContext> pushedTo = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) throws Exception {
    Path kubeconfig = TestKubeconfig.write(dir);
    source = Files.createDirectories(dir.resolve("web"));
    Files.writeString(source.resolve("package.json"), "{\"name\":\"web\"}");
    gui =
        new GuiFixture(
            () -> Kubeconfigs.load(List.of(kubeconfig)),
            () -> {
              throw new IllegalStateException("no sandbox in this test");
            },
            (folder, context, listener) -> {
              pushes.add(folder);
              pushedTo.add(context);
            },
            Theme.LIGHT);
    gui.show(stage);
  }

  @Test
  void aFolderWithoutConfigGetsTheFormAndCreateWritesItAndPushes(FxRobot robot) throws Exception {
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> gui.window.openFolder(source));
    WaitForAsyncUtils.waitForFxEvents();

    CreateComponentView form = gui.window.createForm;
    assertThat(form.isVisible()).isTrue();
    assertThat(gui.window.page.isVisible()).isFalse();
    assertThat(gui.window.emptyState.isVisible()).isFalse();
    assertThat(form.type.getItems()).contains("nodejs", "java");
    assertThat(form.type.getValue()).isEqualTo("nodejs");
    assertThat(form.name.getText()).matches("nodejs-web-[a-z]{4}");
    assertThat(form.application.getText()).isEqualTo("app");
    assertThat(form.namespace.getText()).isEqualTo("shop");
    assertThat(form.ports.getText()).isEqualTo("8080/TCP");
    String name = form.name.getText();

    // A bad port: a message next to the field, nothing written.
    robot.interact(() -> form.ports.setText("8080, http"));
    robot.clickOn("#create-component");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(form.portsError.isVisible()).isTrue();
    assertThat(form.portsError.getText()).contains("'http' is not a port");
    assertThat(source.resolve(".odo")).doesNotExist();
    assertThat(form.isVisible()).isTrue();

    // A bad name: the engine's validation, shown next to the name.
    robot.interact(
        () -> {
          form.ports.setText("8080, 9229/udp");
          form.name.setText("Bad_Name");
        });
    robot.clickOn("#create-component");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(form.portsError.isVisible()).isFalse();
    assertThat(form.nameError.getText()).contains("'Bad_Name' is not a valid name");
    assertThat(source.resolve(".odo")).doesNotExist();
    assertThat(pushes).isEmpty();

    robot.interact(() -> form.name.setText(name));
    robot.clickOn("#create-component");
    WaitForAsyncUtils.waitForFxEvents();

    ComponentSettings s = LocalConfigFile.read(source).settings;
    assertThat(s.type).isEqualTo("nodejs");
    assertThat(s.name).isEqualTo(name);
    assertThat(s.application).isEqualTo("app");
    assertThat(s.project).isEqualTo("shop");
    assertThat(s.ports).containsExactly("8080/TCP", "9229/UDP");
    assertThat(s.sourceType).isEqualTo(SourceType.LOCAL);
    assertThat(s.sourceLocation).isEqualTo("./");

    assertThat(form.isVisible()).isFalse();
    assertThat(gui.window.page.isVisible()).isTrue();
    assertThat(gui.component.infoProperty().get().name()).isEqualTo(name);
    assertThat(pushes).containsExactly(source);
    assertThat(pushedTo.get(0).name()).isEqualTo("prod-east");
  }

  @Test
  void anExistingComponentOpensWithoutTheForm(FxRobot robot) throws Exception {
    gui.sidebar.load();
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> gui.window.openFolder(source));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#create-cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.window.createForm.isVisible()).isFalse();
    assertThat(gui.window.emptyState.isVisible()).isTrue();
    assertThat(source.resolve(".odo")).doesNotExist();

    Files.createDirectories(source.resolve(".odo"));
    Files.writeString(
        LocalConfigFile.pathIn(source),
        "kind: LocalConfig\napiVersion: odo.openshift.io/v1alpha1\n"
            + "ComponentSettings: {Type: nodejs, Name: web, Application: app}\n");
    robot.interact(() -> gui.window.openFolder(source));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.window.createForm.isVisible()).isFalse();
    assertThat(gui.window.page.isVisible()).isTrue();
    assertThat(pushes).isEmpty();
  }
}
