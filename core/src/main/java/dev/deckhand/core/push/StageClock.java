package dev.deckhand.core.push;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.event.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Emits a push's events with their times, and times each stage. */
final class StageClock {
  private final PushListener listener;
  private final Clock clock;
  private Instant stageStart;
  private Stage current = Stage.RESOLVE;
  private String lastHold;

  StageClock(PushListener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  Stage currentStage() {
    return current;
  }

  Instant now() {
    return clock.instant();
  }

  Clock clock() {
    return clock;
  }

  void start(Stage stage, String container) {
    current = stage;
    stageStart = now();
    lastHold = null;
    listener.on(new PushEvent.StageStarted(stageStart, stage, container));
  }

  void done(Stage stage, String container, String message) {
    listener.on(
        new PushEvent.StageCompleted(
            now(), stage, container, Duration.between(stageStart, now()), message));
  }

  /**
   * A stage that was over before this push began: said as earlier, with the time it took then (zero
   * when the cluster does not record it) instead of the 0 s this push spent seeing it.
   */
  void done(Stage stage, String container, String message, EarlierSteps.Earlier earlier) {
    if (earlier == null) {
      done(stage, container, message);
      return;
    }
    String at =
        earlier.at() == null
            ? ""
            : " at " + TIME.format(earlier.at().atZone(java.time.ZoneId.systemDefault()));
    listener.on(
        new PushEvent.StageCompleted(
            now(),
            stage,
            container,
            earlier.took() == null ? Duration.ZERO : earlier.took(),
            PushEvent.StageCompleted.EARLIER + message + at));
  }

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

  void failed(Stage stage, String container, String reason, List<String> tail) {
    listener.on(new PushEvent.StageFailed(now(), stage, container, reason, tail));
  }

  /** A hold reason, said once until it changes. */
  void hold(Stage stage, String container, String reason) {
    if (!Objects.equals(reason, lastHold)) {
      lastHold = reason;
      listener.on(new PushEvent.Hold(now(), stage, container, reason));
    }
  }

  void emit(PushEvent event) {
    listener.on(event);
  }
}
