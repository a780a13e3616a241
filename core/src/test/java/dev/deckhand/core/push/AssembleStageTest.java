package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.deckhand.core.event.AppState;
import dev.deckhand.core.event.PushEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, defect 4: after assemble-and-restart fails, the message says what the supervisor
 * reports, never an assumed "the previous version keeps running".
 */
class AssembleStageTest {
  private final List<PushEvent> events = new ArrayList<>();
  private final List<List<String>> commands = new ArrayList<>();

  @Test
  void aFailureBeforeTheRestartWithTheAppUpSaysThePreviousVersionRuns() {
    PushFailedException e =
        fail(
            3,
            "+ /tmp/src/.s2i/bin/assemble\nnpm ERR! broken\n",
            "run RUNNING pid 42, uptime 0:03:10\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "assemble-and-restart failed (exit 3); the previous version is still running; the"
                + " changes stay pending");
    assertThat(failed().appState()).isEqualTo(AppState.PREVIOUS_VERSION_RUNNING);
    assertThat(commands).element(1).isEqualTo(AppStatusCheck.COMMAND);
  }

  @Test
  void aFailedRestartWithTheNewVersionBackingOffSaysTheAppIsNotRunning() {
    PushFailedException e =
        fail(
            1,
            "+ /opt/odo/bin/supervisord ctl stop run\n+ /opt/odo/bin/supervisord ctl start run\n"
                + "run: exited too quickly (exit status 1)\n",
            "run                               BACKOFF   exit status 1\n");

    assertThat(e.getMessage())
        .isEqualTo("assemble-and-restart failed (exit 1); the app is not running");
    assertThat(failed().appState()).isEqualTo(AppState.STOPPED);
    assertThat(failed().supervisorStatus()).isEqualTo("run BACKOFF exit status 1");
  }

  @Test
  void aRunningProcessAfterTheRestartBeganIsTheNewVersionRestarting() {
    PushFailedException e =
        fail(
            1,
            "+ /opt/odo/bin/supervisord ctl stop run\n",
            "run                              Running   pid 77, uptime 0:00:01\n");

    assertThat(failed().appState()).isEqualTo(AppState.RESTARTING);
    assertThat(e.getMessage()).doesNotContain("previous version").contains("the app is down");
  }

  @Test
  void aSupervisorThatDoesNotAnswerMeansTheStateIsUnknown() {
    PushFailedException e = fail(1, "", null);

    assertThat(failed().appState()).isEqualTo(AppState.UNKNOWN);
    assertThat(e.getMessage())
        .isEqualTo("assemble-and-restart failed (exit 1); the app's state could not be checked");
  }

  @Test
  void aBrokenExecStreamSaysWhatTheSupervisorSaidThen() {
    ContainerExec exec =
        (command, stdin, stdout, stderr, timeout) -> {
          commands.add(command);
          if (commands.size() == 1) {
            throw new IOException(
                "the exec of /opt/odo/bin/assemble-and-restart ended without an exit status");
          }
          write(stdout, "run RUNNING pid 42, uptime 0:10:00\n");
          return 0;
        };
    StageClock clock = new StageClock(events::add, Clock.systemUTC());

    PushFailedException e =
        (PushFailedException)
            catchThrowable(
                () -> AssembleStage.run(clock, exec, Duration.ofSeconds(5), AppMarker.none()));

    assertThat(e.getMessage())
        .isEqualTo(
            "assemble-and-restart: the exec of /opt/odo/bin/assemble-and-restart ended without an"
                + " exit status; checked then: the previous version is still running");
    assertThat(failed().exitCode()).isEqualTo(-1);
  }

  @Test
  void odosAndTheSandboxsStatusWordsAreRead() {
    assertThat(AppStatusCheck.classify("run Stopped Dec 7 10:02 AM", false))
        .isEqualTo(AppState.STOPPED);
    assertThat(AppStatusCheck.classify("run FATAL Exited too quickly", true))
        .isEqualTo(AppState.STOPPED);
    assertThat(AppStatusCheck.classify("run Starting", false))
        .isEqualTo(AppState.PREVIOUS_VERSION_RUNNING);
    assertThat(AppStatusCheck.statusLine("noise\nrun  EXITED  exit status 0\n"))
        .isEqualTo("run EXITED exit status 0");
    assertThat(AppStatusCheck.statusLine("supervisord is not running\n")).isNull();
  }

  /** Runs the stage with an assemble that exits {@code code}; {@code status} null = no answer. */
  private PushFailedException fail(int code, String assembleErr, String status) {
    ContainerExec exec =
        (command, stdin, stdout, stderr, timeout) -> {
          commands.add(command);
          if (commands.size() == 1) {
            write(stderr, assembleErr);
            return code;
          }
          if (status == null) {
            throw new IOException("supervisord did not answer");
          }
          write(stdout, status);
          return status.contains("RUNNING") || status.contains("Running") ? 0 : 3;
        };
    StageClock clock = new StageClock(events::add, Clock.systemUTC());
    return (PushFailedException)
        catchThrowable(
            () -> AssembleStage.run(clock, exec, Duration.ofSeconds(5), AppMarker.none()));
  }

  private PushEvent.AssembleFailed failed() {
    return events.stream()
        .filter(PushEvent.AssembleFailed.class::isInstance)
        .map(PushEvent.AssembleFailed.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
