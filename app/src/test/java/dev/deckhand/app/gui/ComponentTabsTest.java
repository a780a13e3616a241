package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.push.SyncState;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.Connection;
import dev.deckhand.core.status.Health;
import dev.deckhand.core.status.HealthState;
import dev.deckhand.core.status.PodStatusView;
import dev.deckhand.core.status.WarningEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Files, Logs and Events tabs and the first-push secret warning, without a cluster. */
@ExtendWith(ApplicationExtension.class)
class ComponentTabsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  @TempDir Path outside;
  Path folder;
  GuiFixture gui;
  final AtomicInteger pushes = new AtomicInteger();
  final List<String> followed = new CopyOnWriteArrayList<>();
  final List<String> closed = new CopyOnWriteArrayList<>();
  volatile Consumer<String> logLines;

  @Start
  void start(javafx.stage.Stage stage) throws IOException {
    folder = Files.createDirectories(dir.resolve("shop"));
    ComponentServices services =
        new ComponentServices(
            (c, x, l) -> () -> {},
            (c, x, pod, line) -> {
              followed.add(pod);
              logLines = line;
              return () -> closed.add(pod);
            },
            (c, x) -> List.of());
    Path kubeconfig = TestKubeconfig.write(dir);
    gui =
        new GuiFixture(
            () -> dev.deckhand.core.cluster.Kubeconfigs.load(List.of(kubeconfig)),
            () -> {
              throw new IllegalStateException("no sandbox in this test");
            },
            (f, c, l) -> {
              pushes.incrementAndGet();
              l.on(
                  new PushEvent.PushFinished(
                      Instant.now(), true, Duration.ZERO, "pushed", null, 0, 0, 0));
            },
            null,
            services,
            Theme.LIGHT);
    gui.show(stage);
  }

  private ComponentInfo open(FxRobot robot) {
    ComponentInfo shop = new ComponentInfo(folder, "shop", "nodejs", "app", "shop");
    robot.interact(
        () -> {
          gui.sidebar.load();
          gui.component.show(shop);
        });
    await().atMost(WAIT).until(() -> gui.component.files().previewProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    return shop;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> rows(List<FileRow> rows) {
    return rows.stream().map(r -> r.kind() + " " + r.path() + " " + r.note()).toList();
  }

  @Test
  void filesTabListsChangesAndWhatStaysOutWithTheReason(FxRobot robot) throws IOException {
    write(folder.resolve("server.js"), "require('http')");
    write(folder.resolve("lib/util.js"), "v1");
    write(folder.resolve("old.js"), "gone soon");
    // The baseline the last push left behind.
    ComponentIndexer indexer = new ComponentIndexer(folder, IndexOptions.defaults());
    indexer.commit(indexer.scan());
    write(folder.resolve("lib/util.js"), "version two");
    Files.setLastModifiedTime(
        folder.resolve("lib/util.js"), FileTime.from(Instant.now().plusSeconds(5)));
    Files.delete(folder.resolve("old.js"));
    write(folder.resolve("new.js"), "fresh");
    write(folder.resolve(".env"), "TOKEN=x");
    write(folder.resolve("keys/id_rsa"), "-----BEGIN");
    write(folder.resolve(".gitignore"), "dist/\n");
    write(folder.resolve("dist/bundle.js"), "built");
    Path target = Files.writeString(outside.resolve("hosts"), "x");
    Files.createSymbolicLink(folder.resolve("escape"), target);

    open(robot);
    robot.clickOn("#tab-files");
    WaitForAsyncUtils.waitForFxEvents();

    FilesView view = gui.window.page.files;
    assertThat(rows(view.pendingRows))
        .contains("ADDED new.js added", "MODIFIED lib/util.js modified", "DELETED old.js deleted")
        .as("a folder whose only file is a secret is sent as the empty folder it is")
        .contains("ADDED keys/ added")
        .noneMatch(r -> r.contains(".env") || r.contains("id_rsa") || r.contains("dist"));
    assertThat(rows(view.excludedRows))
        .contains(
            "SECRET .env secret (deny list)",
            "SECRET keys/id_rsa secret (deny list)",
            "IGNORED dist ignored (.gitignore / .odoignore)")
        .anyMatch(r -> r.startsWith("SYMLINK_OUTSIDE escape symlink out of the folder -> "));
    assertThat(view.folder.getText()).isEqualTo(folder.toString());
    assertThat(view.state.getText())
        .matches("\\d+ entries indexed · last scan \\d\\d:\\d\\d:\\d\\d");
    assertThat(view.secretWarning.isVisible()).isFalse();
    // What a person reads on screen.
    assertThat(robot.lookup("#files-excluded").lookup("secret (deny list)").tryQuery()).isPresent();
    assertThat(robot.lookup("#files-pending").lookup("lib/util.js").tryQuery()).isPresent();

    // A dry run: the index still holds the old baseline, so the same changes show again.
    write(folder.resolve("another.js"), "x");
    robot.clickOn("#files-refresh");
    await().atMost(WAIT).until(() -> rows(view.pendingRows).contains("ADDED another.js added"));
    assertThat(rows(view.pendingRows)).contains("DELETED old.js deleted");
  }

  @Test
  void filesTabShowsTheScansWarningsSuchAsAnInvalidIgnorePattern(FxRobot robot) throws IOException {
    write(folder.resolve("server.js"), "x");
    write(folder.resolve(".gitignore"), "*.log\n[\n");

    open(robot);
    robot.clickOn("#tab-files");
    WaitForAsyncUtils.waitForFxEvents();

    String warning = ".gitignore line 2: \"[\" is not a valid pattern and matches nothing";
    assertThat(rows(gui.window.page.files.excludedRows)).contains("WARNING  " + warning);
    assertThat(
            robot
                .lookup("#files-excluded")
                .lookup(
                    (java.util.function.Predicate<javafx.scene.Node>)
                        n -> n instanceof Labeled l && warning.equals(l.getText()))
                .tryQuery())
        .isPresent();
  }

  @Test
  void firstPushOfAnAllowedSecretAsksFirst(FxRobot robot) throws IOException {
    write(folder.resolve("server.js"), "x");
    write(folder.resolve(".env"), "TOKEN=x");
    robot.interact(
        () ->
            gui.component
                .files()
                .optionsProperty()
                .set(IndexOptions.allowSecrets(List.of(".env"))));
    open(robot);
    assertThat(gui.component.files().previewProperty().get().allowedSecrets())
        .containsExactly(".env");

    robot.clickOn("#push");
    await().atMost(WAIT).until(() -> robot.lookup("#secret-card").tryQuery().isPresent());
    assertThat(robot.lookup("#secret-paths").queryAs(Labeled.class).getText()).isEqualTo(".env");
    assertThat(pushes.get()).isZero();

    robot.clickOn("#secret-cancel");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.component.secretWarningProperty().get()).isNull();
    assertThat(pushes.get()).isZero();

    robot.clickOn("#push");
    await().atMost(WAIT).until(() -> robot.lookup("#secret-confirm").tryQuery().isPresent());
    robot.clickOn("#secret-confirm");
    await().atMost(WAIT).until(() -> pushes.get() == 1);
  }

  @Test
  void autoSyncOnAFirstPushWithAnAllowedSecretAsksFirst(FxRobot robot) throws IOException {
    write(folder.resolve("server.js"), "x");
    write(folder.resolve(".env"), "TOKEN=x");
    robot.interact(
        () ->
            gui.component
                .files()
                .optionsProperty()
                .set(IndexOptions.allowSecrets(List.of(".env"))));
    open(robot);

    robot.interact(() -> gui.component.autoSyncProperty().set(true));
    assertThat(robot.lookup("#secret-card").tryQuery()).isPresent();
    assertThat(gui.component.autoSyncProperty().get()).isFalse();
    robot.clickOn("#secret-cancel");
    assertThat(gui.component.autoSyncProperty().get()).isFalse();
    assertThat(gui.component.autoSync().problemProperty().get()).isEmpty();

    robot.interact(() -> gui.component.autoSyncProperty().set(true));
    robot.clickOn("#secret-confirm");
    // Confirmed: auto-sync starts (here it cannot, and says so), and the question is not asked
    // again.
    await()
        .atMost(WAIT)
        .until(() -> gui.component.autoSync().problemProperty().get().contains("not available"));
    robot.interact(() -> gui.component.autoSyncProperty().set(true));
    assertThat(robot.lookup("#secret-card").tryQuery()).isEmpty();
  }

  @Test
  void noWarningWithoutAllowedSecretsOrOnceTheFolderWasPushed(FxRobot robot) throws IOException {
    write(folder.resolve("server.js"), "x");
    write(folder.resolve(".env"), "TOKEN=x"); // deny-listed, not allowed: stays out, no question
    open(robot);
    robot.clickOn("#push");
    await().atMost(WAIT).until(() -> pushes.get() == 1);
    assertThat(gui.component.secretWarningProperty().get()).isNull();

    // Allowed, but a push already went into the container: not a first push.
    new SyncState("shop", "shop-app", "p", "uid", "cid", 0).write(folder);
    robot.interact(
        () -> {
          gui.component.files().optionsProperty().set(IndexOptions.allowSecrets(List.of(".env")));
          gui.component.files().refresh();
        });
    await()
        .atMost(WAIT)
        .until(
            () ->
                !gui.component.files().previewProperty().get().firstPush()
                    && !gui.component.files().previewProperty().get().allowedSecrets().isEmpty());
    assertThat(gui.window.page.files.secretWarning.isVisible()).isTrue();
    await().atMost(WAIT).until(() -> !gui.component.push().runningProperty().get());
    robot.clickOn("#push");
    await().atMost(WAIT).until(() -> pushes.get() == 2);
    assertThat(robot.lookup("#secret-card").tryQuery()).isEmpty();
  }

  static ComponentStatus status(String pod, List<WarningEvent> warnings) {
    PodStatusView p =
        pod == null
            ? null
            : new PodStatusView(
                pod,
                "uid-" + pod,
                "Running",
                "node-1",
                Instant.now(),
                false,
                "",
                null,
                List.of(),
                List.of());
    return new ComponentStatus(
        "shop",
        "app",
        "shop",
        "shop-app",
        null,
        p,
        List.of(),
        List.of(),
        null,
        warnings,
        Connection.CONNECTED,
        new Health(HealthState.RUNNING, "running"));
  }

  @Test
  void eventsTabShowsTheWarningsOfTheStatusSnapshot(FxRobot robot) {
    open(robot);
    robot.clickOn("#tab-events");
    robot.interact(() -> gui.component.showStatus(status("shop-app-1-x", List.of())));
    assertThat(gui.window.page.events.empty.getText()).isEqualTo("No warning events");
    assertThat(robot.lookup("No warning events").tryQuery()).isPresent();

    Instant t = Instant.parse("2026-11-28T10:15:30Z");
    robot.interact(
        () ->
            gui.component.showStatus(
                status(
                    "shop-app-1-x",
                    List.of(
                        new WarningEvent(
                            "BackOff",
                            "Back-off restarting failed container",
                            7,
                            t,
                            "Pod",
                            "shop-app-1-x"),
                        new WarningEvent(
                            "ProvisioningFailed",
                            "no storage class",
                            1,
                            t.minusSeconds(60),
                            "PersistentVolumeClaim",
                            "shop-app-s2idata")))));
    assertThat(gui.window.page.events.table.getItems()).hasSize(2);
    assertThat(robot.lookup("Back-off restarting failed container").tryQuery()).isPresent();
    assertThat(robot.lookup("Pod/shop-app-1-x").tryQuery()).isPresent();
    assertThat(robot.lookup("×7").tryQuery()).isPresent();
    assertThat(robot.lookup("PersistentVolumeClaim/shop-app-s2idata").tryQuery()).isPresent();
  }

  @Test
  void logsFollowTheRunningPodWhileTheTabIsShown(FxRobot robot) {
    open(robot);
    robot.interact(() -> gui.component.showStatus(status(null, List.of())));
    robot.clickOn("#tab-logs");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.window.page.logs.empty.getText()).contains("No running pod yet");
    assertThat(gui.window.page.logs.empty.isVisible()).isTrue();
    assertThat(followed).isEmpty();

    robot.interact(() -> gui.component.showStatus(status("shop-app-1-a", List.of())));
    await().atMost(WAIT).until(() -> followed.equals(List.of("shop-app-1-a")));
    logLines.accept("server listening on :8080");
    logLines.accept("GET / 200");
    await().atMost(WAIT).until(() -> gui.component.logs().console().lines().size() == 2);
    assertThat(gui.component.logs().console().lines().get(0).text())
        .isEqualTo("server listening on :8080");
    assertThat(robot.lookup("#logs").lookup("GET / 200").tryQuery()).isPresent();

    // Same pod, new snapshot: no restart. New pod: the old follow stops, a new one starts clean.
    robot.interact(() -> gui.component.showStatus(status("shop-app-1-a", List.of())));
    robot.interact(() -> gui.component.showStatus(status("shop-app-2-b", List.of())));
    await().atMost(WAIT).until(() -> followed.equals(List.of("shop-app-1-a", "shop-app-2-b")));
    assertThat(closed).containsExactly("shop-app-1-a");
    assertThat(gui.component.logs().console().lines()).isEmpty();

    // Leaving the tab stops following.
    robot.clickOn("#tab-push");
    await().atMost(WAIT).until(() -> closed.equals(List.of("shop-app-1-a", "shop-app-2-b")));
    assertThat(gui.component.logs().followingProperty().get()).isEmpty();
  }

  @Test
  void ctrlDigitsSwitchTabs(FxRobot robot) {
    open(robot);
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    assertThat(gui.window.page.tabs.getSelectionModel().getSelectedItem().getText())
        .isEqualTo("Files");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    assertThat(gui.window.page.tabs.getSelectionModel().getSelectedItem().getText())
        .isEqualTo("Events");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
    assertThat(gui.window.page.tabs.getSelectionModel().getSelectedItem().getText())
        .isEqualTo("Push");
  }
}
