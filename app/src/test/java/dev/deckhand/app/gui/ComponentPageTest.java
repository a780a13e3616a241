package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The component page renders recorded engine events, fed from a non-FX thread as a push does. */
@ExtendWith(ApplicationExtension.class)
class ComponentPageTest {
  @TempDir Path dir;
  GuiFixture gui;

  @Start
  void start(javafx.stage.Stage stage) throws IOException {
    gui = GuiFixture.withKubeconfig(TestKubeconfig.write(dir));
    gui.show(stage);
  }

  private void play(FxRobot robot, List<PushEvent> events) {
    robot.interact(
        () -> {
          gui.component.show(ScriptedPushes.SHOP);
          gui.component.push().begin();
        });
    events.forEach(gui.component.push()::on);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private TimelineStep step(Stage stage, String container) {
    return gui.component.push().steps().stream()
        .filter(s -> s.matches(stage, container))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyStageCompletesWithItsDuration(FxRobot robot) {
    play(robot, ScriptedPushes.successful());

    List<TimelineStep> steps = gui.component.push().steps();
    assertThat(steps)
        .extracting(TimelineStep::title)
        .containsExactly(
            "PVC",
            "Pod scheduled",
            "init: copy-files-to-volume",
            "init: copy-supervisord",
            "App container",
            "Index",
            "Sync",
            "assemble-and-restart",
            "Ready");
    assertThat(steps).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.DONE));
    assertThat(step(Stage.PVC, null).detail()).isEqualTo("Pending → Bound");
    assertThat(step(Stage.INIT_CONTAINER, "copy-files-to-volume").duration()).isEqualTo("1.20 s");
    assertThat(step(Stage.SYNC, null).detail()).contains("3 files");
    assertThat(gui.component.push().syncProgressProperty().get()).isEqualTo(1.0);
    assertThat(gui.component.push().outcomeProperty().get())
        .isEqualTo(PushViewModel.Outcome.SUCCEEDED);
    assertThat(gui.window.page.header.url.getText()).isEqualTo("http://127.0.0.1:31234");
    assertThat(gui.window.page.header.url.isVisible()).isTrue();
    assertThat(gui.window.page.header.push.getText()).isEqualTo("Push");
    // What a person reads on screen, not only the model.
    assertThat(robot.lookup("init: copy-supervisord").tryQuery()).isPresent();
    assertThat(robot.lookup("exit 0 · /opt/odo ready").tryQuery()).isPresent();
    assertThat(robot.lookup("1.80 s").tryQuery()).isPresent();
  }

  @Test
  void aNextPushKeepsTheStartupOfTheRunningPodAndRestartsFromIndex(FxRobot robot) {
    play(robot, ScriptedPushes.successful());
    String pvc = step(Stage.PVC, null).detail();

    robot.interact(() -> gui.component.push().begin());

    assertThat(step(Stage.PVC, null).state()).isEqualTo(StepState.DONE);
    // Kept, and said to be from before: this push did not spend its time on it.
    assertThat(step(Stage.PVC, null).detail()).isEqualTo("earlier: " + pvc);
    assertThat(step(Stage.APP_CONTAINER, null).state()).isEqualTo(StepState.DONE);
    assertThat(step(Stage.INDEX, null).state()).isEqualTo(StepState.PENDING);
    assertThat(step(Stage.ASSEMBLE, null).state()).isEqualTo(StepState.PENDING);
    assertThat(step(Stage.READY, null).state()).isEqualTo(StepState.PENDING);
  }

  @Test
  void aLaterPushIntoTheRunningPodShowsItsStartupAsEarlierWithTheTimesItTookThen(FxRobot robot) {
    Instant t = Instant.parse("2026-12-07T10:00:00Z");
    play(
        robot,
        List.of(
            new PushEvent.StageStarted(t, Stage.PVC, null),
            new PushEvent.StageCompleted(
                t, Stage.PVC, null, Duration.ZERO, "earlier: shop-app-s2idata Bound"),
            new PushEvent.StageStarted(t, Stage.INIT_CONTAINER, "copy-files-to-volume"),
            new PushEvent.StageCompleted(
                t,
                Stage.INIT_CONTAINER,
                "copy-files-to-volume",
                Duration.ofSeconds(3),
                "earlier: exit 0 at 09:58:02"),
            new PushEvent.StageStarted(t, Stage.INDEX, null),
            new PushEvent.StageCompleted(
                t.plusMillis(40), Stage.INDEX, null, Duration.ofMillis(40), "5 entries")));

    assertThat(step(Stage.PVC, null).detail()).isEqualTo("earlier: shop-app-s2idata Bound");
    assertThat(step(Stage.PVC, null).duration()).as("not timed then: no 0 s").isEmpty();
    TimelineStep init = step(Stage.INIT_CONTAINER, "copy-files-to-volume");
    assertThat(init.detail()).isEqualTo("earlier: exit 0 at 09:58:02");
    assertThat(init.duration()).isEqualTo("3 s");
    assertThat(robot.lookup("0 s").tryQuery()).isEmpty();
  }

  @Test
  void aNextPushAfterAFailedStartStartsTheFailedStepsOver(FxRobot robot) {
    play(robot, ScriptedPushes.failingInit());

    robot.interact(() -> gui.component.push().begin());

    assertThat(step(Stage.INIT_CONTAINER, "copy-files-to-volume").state())
        .isEqualTo(StepState.DONE);
    assertThat(step(Stage.INIT_CONTAINER, "copy-supervisord").state()).isEqualTo(StepState.PENDING);
  }

  @Test
  void aHoldShowsWhyTheStepWaits(FxRobot robot) {
    play(robot, ScriptedPushes.failingInit().subList(0, 13));
    TimelineStep init = step(Stage.INIT_CONTAINER, "copy-supervisord");
    assertThat(init.state()).isEqualTo(StepState.WAITING);
    assertThat(init.detail()).isEqualTo("waiting: ErrImagePull");
    assertThat(gui.window.page.header.push.getText()).isEqualTo("Pushing…");
    assertThat(gui.window.page.header.push.isDisabled()).isTrue();
  }

  @Test
  void aFailingInitContainerShowsTheFailedStepWithItsReasonAndLogTail(FxRobot robot) {
    play(robot, ScriptedPushes.failingInit());

    TimelineStep init = step(Stage.INIT_CONTAINER, "copy-supervisord");
    assertThat(init.state()).isEqualTo(StepState.FAILED);
    assertThat(init.detail()).isEqualTo(ScriptedPushes.INIT_FAILURE);
    assertThat(step(Stage.INIT_CONTAINER, "copy-files-to-volume").state())
        .isEqualTo(StepState.DONE);
    assertThat(step(Stage.APP_CONTAINER, null).state()).isEqualTo(StepState.PENDING);
    assertThat(gui.component.push().outcomeProperty().get())
        .isEqualTo(PushViewModel.Outcome.FAILED);

    Label reason = robot.lookup(ScriptedPushes.INIT_FAILURE).queryAs(Label.class);
    assertThat(reason.getStyleClass()).contains("step-failed");
    Label tail = robot.lookup(".log-tail").match(javafx.scene.Node::isVisible).queryAs(Label.class);
    assertThat(tail.getText()).contains("Back-off pulling image");
    assertThat(gui.window.page.header.summary.getText())
        .startsWith("Push failed: init container copy-supervisord");
  }

  @Test
  void theConsoleShowsStdoutAndStderrApart(FxRobot robot) {
    play(robot, ScriptedPushes.successful());

    List<ConsoleLine> lines = gui.component.push().console().lines();
    assertThat(lines).hasSize(8);
    assertThat(lines.get(3))
        .isEqualTo(
            new ConsoleLine(
                "npm WARN deprecated inflight@1.0.6: This module is not supported", true));
    assertThat(lines.get(0).stderr()).isFalse();
    @SuppressWarnings("unchecked")
    ListCell<ConsoleLine> warn =
        robot
            .lookup(".console .list-cell")
            .match(
                n ->
                    n instanceof ListCell<?> c
                        && c.getText() != null
                        && c.getText().startsWith("npm WARN"))
            .queryAs(ListCell.class);
    assertThat(warn.getStyleClass()).contains("stderr");
    @SuppressWarnings("unchecked")
    ListCell<ConsoleLine> out =
        robot
            .lookup(".console .list-cell")
            .match(
                n -> n instanceof ListCell<?> c && "server listening on :8080".equals(c.getText()))
            .queryAs(ListCell.class);
    assertThat(out.getStyleClass()).doesNotContain("stderr");
  }

  @Test
  void aNewInitContainerGetsItsOwnRowInOrder(FxRobot robot) {
    play(
        robot,
        List.of(
            new PushEvent.StageStarted(
                java.time.Instant.now(), Stage.INIT_CONTAINER, "wait-for-db")));
    assertThat(gui.component.push().steps())
        .extracting(TimelineStep::title)
        .containsSubsequence("init: copy-supervisord", "init: wait-for-db", "App container");
  }
}
