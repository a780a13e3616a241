package dev.deckhand.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a push tells every front end. Immutable; the GUI, the CLI's text output and its JSON lines
 * all render the same events.
 */
public sealed interface PushEvent {
  Instant time();

  /** A stage began; {@code container} names the init container for {@link Stage#INIT_CONTAINER}. */
  record StageStarted(Instant time, Stage stage, String container) implements PushEvent {}

  /** Progress of a stage (sync: files and bytes). */
  record StageProgress(
      Instant time, Stage stage, long files, long totalFiles, long bytes, long totalBytes)
      implements PushEvent {}

  /** A stage ended well, with how long it took and a short result ("12 files, 4.1 kB"). */
  record StageCompleted(
      Instant time, Stage stage, String container, Duration duration, String message)
      implements PushEvent {
    /**
     * How the message of a startup step that was over before this push began starts ("earlier: exit
     * 0 at 10:02:03"); its duration is then the one the cluster recorded, zero when unknown.
     */
    public static final String EARLIER = "earlier: ";

    /** Whether the step was over before this push began. */
    public boolean earlier() {
      return message != null && message.startsWith(EARLIER);
    }
  }

  /** A stage failed: the reason a person can act on, and the last log lines when there are any. */
  record StageFailed(
      Instant time, Stage stage, String container, String reason, List<String> logTail)
      implements PushEvent {}

  /** Why a stage is waiting ("PVC pending: storageclass "fast" not found"). */
  record Hold(Instant time, Stage stage, String container, String reason) implements PushEvent {}

  /**
   * assemble-and-restart failed: its exit code and the app's state as the supervisor reported it
   * afterwards, so front ends can say what runs now. Sent just before the stage's {@link
   * StageFailed}.
   */
  record AssembleFailed(Instant time, int exitCode, AppState appState, String supervisorStatus)
      implements PushEvent {}

  /**
   * What the ready stage found the app doing after a successful assemble-and-restart: {@link
   * AppState#ANSWERING} when its URL answered HTTP, else what the supervisor said ({@code
   * supervisorStatus}, null when it was not asked). Sent just before the ready stage's {@link
   * StageCompleted} or, when the app does not stay up ({@link AppState#down()}), its {@link
   * StageFailed}; {@code message} is that event's line.
   */
  record AppChecked(
      Instant time, AppState appState, String url, String supervisorStatus, String message)
      implements PushEvent {}

  /** One line of output of a command run in the container (assemble-and-restart). */
  record LogLine(Instant time, Stage stage, OutputStream stream, String text)
      implements PushEvent {}

  /**
   * The push is over. {@code appState} is what the ready stage found the app doing ({@link
   * AppChecked}), null when it did not check (a failed push, nothing to push): a push can succeed
   * (files in the container, index advanced) with an app that is down.
   */
  record PushFinished(
      Instant time,
      boolean success,
      Duration duration,
      String summary,
      String url,
      int filesSent,
      long bytesSent,
      int execs,
      AppState appState)
      implements PushEvent {

    public PushFinished(
        Instant time,
        boolean success,
        Duration duration,
        String summary,
        String url,
        int filesSent,
        long bytesSent,
        int execs) {
      this(time, success, duration, summary, url, filesSent, bytesSent, execs, null);
    }

    /** Whether the push succeeded and the app was not found down. */
    public boolean green() {
      return success && (appState == null || !appState.down());
    }
  }

  /** Which output a {@link LogLine} came from. */
  enum OutputStream {
    STDOUT,
    STDERR
  }
}
