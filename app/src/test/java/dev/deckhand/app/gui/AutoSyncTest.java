package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.watch.ChangeBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Auto-sync switch runs a real folder watch whose pushes go to a fake runner. */
@ExtendWith(ApplicationExtension.class)
class AutoSyncTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  Path folder;
  GuiFixture gui;
  final List<ChangeBatch> batches = new CopyOnWriteArrayList<>();
  final AtomicInteger opened = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();
  final AtomicBoolean holdPushes = new AtomicBoolean();
  final Semaphore release = new Semaphore(0);
  final AtomicReference<RuntimeException> openFailure = new AtomicReference<>();

  @Start
  void start(javafx.stage.Stage stage) throws IOException {
    folder = Files.createDirectories(dir.resolve("shop"));
    Files.writeString(folder.resolve("server.js"), "console.log('v1')\n");
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.name = "shop";
    s.application = "app";
    s.project = "shop";
    LocalConfigFile.write(folder, LocalConfig.of(s));
    Path kubeconfig = TestKubeconfig.write(dir);
    AutoSyncPusher fake =
        (f, c, listener) -> {
          if (openFailure.get() != null) {
            throw openFailure.get();
          }
          opened.incrementAndGet();
          return new AutoSyncPusher.Runner() {
            @Override
            public void push(ChangeBatch batch) throws Exception {
              batches.add(batch);
              listener.on(new PushEvent.StageStarted(Instant.now(), Stage.SYNC, null));
              if (holdPushes.get()) {
                release.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
              }
              listener.on(
                  new PushEvent.StageCompleted(
                      Instant.now(), Stage.SYNC, null, Duration.ofMillis(5), "1 file"));
              listener.on(
                  new PushEvent.PushFinished(
                      Instant.now(),
                      true,
                      Duration.ofMillis(5),
                      "Pushed " + batch.hints().size() + " change(s)",
                      null,
                      1,
                      0,
                      0));
            }

            @Override
            public void close() {
              closed.incrementAndGet();
            }
          };
        };
    gui =
        new GuiFixture(
            () -> Kubeconfigs.load(List.of(kubeconfig)),
            () -> {
              throw new IllegalStateException("no sandbox in this test");
            },
            (f, c, l) -> {},
            fake,
            Theme.LIGHT);
    gui.show(stage);
  }

  @AfterEach
  void stop() throws Exception {
    release.release(100);
    if (gui != null) {
      WaitForAsyncUtils.asyncFx(gui.component::close).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private void openComponent(FxRobot robot) {
    robot.interact(
        () -> {
          gui.sidebar.load();
          gui.window.openFolder(folder);
        });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.component.infoProperty().get()).isNotNull();
  }

  /** Clicks the switch's track, as a person does (its label is not clickable). */
  private void toggleAutoSync(FxRobot robot) {
    robot.clickOn(
        robot
            .from(gui.window.page.header.autoSync)
            .lookup(".thumb-area")
            .queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String label() {
    return gui.window.page.header.syncState.getText();
  }

  @Test
  void anEditInTheFolderIsPushedWithoutPressingPush(FxRobot robot) throws Exception {
    openComponent(robot);
    assertThat(gui.window.page.header.syncState.isVisible()).isFalse();

    toggleAutoSync(robot);

    // Turning it on pushes once (the container catches up), then waits for changes.
    await().atMost(WAIT).until(() -> batches.size() == 1);
    await().atMost(WAIT).until(() -> "watching · idle".equals(label()));
    assertThat(batches.get(0).fullRescan()).isTrue();
    assertThat(gui.window.page.header.syncState.isVisible()).isTrue();

    holdPushes.set(true);
    Files.writeString(folder.resolve("server.js"), "console.log('v2')\n");
    await().atMost(WAIT).until(() -> batches.size() == 2);
    await().atMost(WAIT).until(() -> "syncing".equals(label()));
    assertThat(batches.get(1).hints()).anyMatch(p -> p.endsWith("server.js"));
    // The auto push fills the timeline like a manual one.
    await()
        .atMost(WAIT)
        .until(
            () ->
                gui.component.push().steps().stream()
                    .anyMatch(s -> s.stage() == Stage.SYNC && s.state() == StepState.RUNNING));
    assertThat(gui.window.page.header.push.getText()).isEqualTo("Pushing…");

    // An edit during a push waits for exactly one follow-up push.
    Files.writeString(folder.resolve("extra.js"), "1\n");
    await().atMost(WAIT).until(() -> "syncing · queued".equals(label()));
    holdPushes.set(false);
    release.release();
    await().atMost(WAIT).until(() -> batches.size() == 3 && "watching · idle".equals(label()));
    assertThat(batches.get(2).hints()).anyMatch(p -> p.endsWith("extra.js"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.component.push().outcomeProperty().get())
        .isEqualTo(PushViewModel.Outcome.SUCCEEDED);
    assertThat(gui.window.page.header.summary.getText()).isEqualTo("Pushed 1 change(s)");
  }

  @Test
  void turningItOffStopsTheWatch(FxRobot robot) throws Exception {
    openComponent(robot);
    toggleAutoSync(robot);
    await().atMost(WAIT).until(() -> "watching · idle".equals(label()));

    toggleAutoSync(robot);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(gui.component.autoSyncProperty().get()).isFalse();
    assertThat(label()).isEmpty();
    assertThat(gui.window.page.header.syncState.isVisible()).isFalse();
    await().atMost(WAIT).until(() -> closed.get() == 1);
    int before = batches.size();
    Files.writeString(folder.resolve("server.js"), "console.log('after')\n");
    Thread.sleep(500);
    assertThat(batches).hasSize(before);

    // On again: a fresh watch of the same folder.
    toggleAutoSync(robot);
    await().atMost(WAIT).until(() -> opened.get() == 2 && "watching · idle".equals(label()));
  }

  @Test
  void pushWhileAutoSyncIsOnGoesThroughItsQueue(FxRobot robot) {
    openComponent(robot);
    toggleAutoSync(robot);
    await().atMost(WAIT).until(() -> batches.size() == 1 && "watching · idle".equals(label()));

    robot.clickOn("#push");
    await().atMost(WAIT).until(() -> batches.size() == 2);
    assertThat(batches.get(1).fullRescan()).isTrue();
  }

  @Test
  void aFailedStartTurnsTheSwitchOffAndSaysWhyInTheStatusBar(FxRobot robot) {
    openFailure.set(new IllegalStateException("cluster unreachable"));
    openComponent(robot);
    toggleAutoSync(robot);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(gui.component.autoSyncProperty().get()).isFalse();
    assertThat(gui.window.statusBar.getText())
        .contains("Auto-sync did not start: cluster unreachable");
    assertThat(label()).isEmpty();
  }
}
