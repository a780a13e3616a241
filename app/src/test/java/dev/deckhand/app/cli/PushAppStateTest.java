package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.event.AppState;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A push whose files arrived can leave an app that is down: the CLI says so on stderr and exits 3
 * (not 0: an editor's task shows it; not 1: nothing needs pushing again); an app that runs but does
 * not answer yet is a warning with exit 0.
 */
class PushAppStateTest {
  private static final Instant T = Instant.parse("2026-12-07T04:00:00Z");
  private final StringWriter err = new StringWriter();

  @Test
  void anAppThatExitsAtStartExitsThreeWithOneLineOnStderr() {
    int code =
        PushCommand.afterSuccess(
            checked(AppState.RESTARTING, "restarted, but the app exits at start (BACKOFF)"),
            new PrintWriter(err));

    assertThat(code).isEqualTo(PushCommand.APP_DOWN).isEqualTo(3);
    assertThat(err.toString())
        .isEqualTo(
            "deckhand: pushed, but the app is down: restarted, but the app exits at start"
                + " (BACKOFF)"
                + System.lineSeparator());
  }

  @Test
  void anAppThatDoesNotAnswerYetIsAWarningWithExitZero() {
    int code =
        PushCommand.afterSuccess(
            checked(AppState.NOT_ANSWERING, "restarted; the app runs but does not answer"),
            new PrintWriter(err));

    assertThat(code).isZero();
    assertThat(err.toString())
        .startsWith("deckhand: warning: restarted; the app runs but does not answer");
  }

  @Test
  void anAnsweringAppOrNoCheckIsSilent() {
    assertThat(PushCommand.afterSuccess(checked(AppState.ANSWERING, "answering at u"), pw()))
        .isZero();
    assertThat(PushCommand.afterSuccess(null, pw())).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theReadyLineOfAnAppThatDoesNotAnswerIsNoTick() {
    StringWriter out = new StringWriter();
    TextProgress text = new TextProgress(new PrintWriter(out), false);
    text.on(checked(AppState.NOT_ANSWERING, "restarted; the app runs but does not answer"));
    text.on(
        new PushEvent.StageCompleted(
            T, Stage.READY, null, Duration.ofSeconds(10), "restarted; the app runs but ..."));
    text.on(checked(AppState.ANSWERING, "answering at http://x"));
    text.on(
        new PushEvent.StageCompleted(
            T, Stage.READY, null, Duration.ofMillis(300), "answering at http://x"));

    assertThat(out.toString().lines())
        .satisfiesExactly(
            l -> assertThat(l).startsWith("! ready"), l -> assertThat(l).startsWith("✓ ready"));
  }

  private PrintWriter pw() {
    return new PrintWriter(err);
  }

  private static PushEvent.AppChecked checked(AppState state, String message) {
    return new PushEvent.AppChecked(T, state, "http://x", null, message);
  }
}
