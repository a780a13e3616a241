package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, defect 12: a push into a pod that was already up reports its startup steps as earlier,
 * with the times the cluster recorded, not as 0 s steps of this push.
 */
class EarlierStepsTest {
  private static final Instant PUSH = Instant.parse("2026-12-07T10:05:00.400Z");

  private static Pod pod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("shop-app-1")
        .withCreationTimestamp("2026-12-07T10:00:00Z")
        .endMetadata()
        .withNewStatus()
        .withStartTime("2026-12-07T10:00:01Z")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("True")
        .withLastTransitionTime("2026-12-07T10:00:01Z")
        .endCondition()
        .withInitContainerStatuses(
            new ContainerStatusBuilder()
                .withName("copy-supervisord")
                .withNewState()
                .withNewTerminated()
                .withExitCode(0)
                .withStartedAt("2026-12-07T10:00:02Z")
                .withFinishedAt("2026-12-07T10:00:05Z")
                .endTerminated()
                .endState()
                .build())
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName("shop-app")
                .withNewState()
                .withNewRunning()
                .withStartedAt("2026-12-07T10:00:07Z")
                .endRunning()
                .endState()
                .build())
        .endStatus()
        .build();
  }

  @Test
  void stepsOfAPodThatWasUpBeforeThePushAreEarlierWithTheirRecordedTimes() {
    EarlierSteps earlier = new EarlierSteps(PUSH);

    assertThat(earlier.scheduled(pod()))
        .isEqualTo(
            new EarlierSteps.Earlier(Instant.parse("2026-12-07T10:00:01Z"), Duration.ofSeconds(1)));
    assertThat(earlier.init(pod(), "copy-supervisord"))
        .isEqualTo(
            new EarlierSteps.Earlier(Instant.parse("2026-12-07T10:00:05Z"), Duration.ofSeconds(3)));
    assertThat(earlier.app(pod(), "shop-app"))
        .isEqualTo(
            new EarlierSteps.Earlier(Instant.parse("2026-12-07T10:00:07Z"), Duration.ofSeconds(2)));
    assertThat(
            earlier.pvc(
                new PersistentVolumeClaimBuilder()
                    .withNewMetadata()
                    .withCreationTimestamp("2026-12-07T09:00:00Z")
                    .endMetadata()
                    .build()))
        .isEqualTo(new EarlierSteps.Earlier(null, null));
  }

  @Test
  void stepsThatEndDuringThePushAreThisPushs() {
    EarlierSteps earlier = new EarlierSteps(Instant.parse("2026-12-07T10:00:01.900Z"));

    assertThat(earlier.scheduled(pod())).as("same second: not known to be earlier").isNull();
    assertThat(earlier.init(pod(), "copy-supervisord")).isNull();
    assertThat(earlier.app(pod(), "shop-app")).isNull();
    assertThat(earlier.init(pod(), "no-such-container")).isNull();
  }

  @Test
  void theClockSaysEarlierWithoutAZeroTimeOfThisPush() {
    var events = new java.util.ArrayList<dev.deckhand.core.event.PushEvent>();
    StageClock clock = new StageClock(events::add, java.time.Clock.systemUTC());
    clock.start(dev.deckhand.core.event.Stage.INIT_CONTAINER, "copy-supervisord");
    clock.done(
        dev.deckhand.core.event.Stage.INIT_CONTAINER,
        "copy-supervisord",
        "exit 0",
        new EarlierSteps.Earlier(Instant.parse("2026-12-07T10:00:05Z"), Duration.ofSeconds(3)));

    var done = (dev.deckhand.core.event.PushEvent.StageCompleted) events.get(1);
    assertThat(done.earlier()).isTrue();
    assertThat(done.duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(done.message()).matches("earlier: exit 0 at \\d\\d:\\d\\d:05");
  }
}
