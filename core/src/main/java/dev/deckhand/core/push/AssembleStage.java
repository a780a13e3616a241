package dev.deckhand.core.push;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The assemble stage: {@code assemble-and-restart} in its own exec, its output streamed line by
 * line (stdout and stderr apart), the last lines kept for a failure message. When it fails, the
 * supervisor is asked what the app does now, so the message says what is true (a syntax error fails
 * at the restart, after the previous version was stopped).
 */
final class AssembleStage {
  private static final int LOG_TAIL = 30;

  /** The script's {@code set -x} trace of the restart's first step: from here the app is down. */
  private static final String STOP_TRACE = "supervisord ctl stop run";

  private AssembleStage() {}

  static void run(StageClock events, ContainerExec exec, Duration timeout, AppMarker marker)
      throws PushFailedException, InterruptedException {
    events.start(Stage.ASSEMBLE, null);
    Output output = new Output(events);
    LineSplitter out = new LineSplitter(line -> output.log(PushEvent.OutputStream.STDOUT, line));
    LineSplitter err = new LineSplitter(line -> output.log(PushEvent.OutputStream.STDERR, line));
    int code;
    try {
      code = exec.run(List.of("/opt/odo/bin/assemble-and-restart"), null, out, err, timeout);
    } catch (IOException e) {
      out.close();
      err.close();
      AppStatusCheck.Result app = AppStatusCheck.check(exec, output.stopReached());
      marker.failed(app.state());
      events.emit(new PushEvent.AssembleFailed(events.now(), -1, app.state(), app.status()));
      throw new PushFailedException(
          Stage.ASSEMBLE,
          null,
          // The script may go on in the container after the stream broke: say when this held.
          "assemble-and-restart: " + e.getMessage() + "; checked then: " + app.state().describe(),
          output.tail());
    } finally {
      out.close();
      err.close();
    }
    if (code != 0) {
      AppStatusCheck.Result app = AppStatusCheck.check(exec, output.stopReached());
      marker.failed(app.state());
      events.emit(new PushEvent.AssembleFailed(events.now(), code, app.state(), app.status()));
      throw new PushFailedException(
          Stage.ASSEMBLE,
          null,
          "assemble-and-restart failed (exit "
              + code
              + "); "
              + app.state().describe()
              + (app.state().serving() ? "; the changes stay pending" : ""),
          output.tail());
    }
    events.done(Stage.ASSEMBLE, null, "exit 0");
    marker.started();
  }

  /** The tail and the restart marker; stdout and stderr arrive on two threads. */
  private static final class Output {
    private final StageClock events;
    private final Deque<String> tail = new ArrayDeque<>();
    private boolean stopReached;

    Output(StageClock events) {
      this.events = events;
    }

    synchronized void log(PushEvent.OutputStream stream, String line) {
      if (tail.size() == LOG_TAIL) {
        tail.removeFirst();
      }
      tail.addLast(line);
      if (line.contains(STOP_TRACE)) {
        stopReached = true;
      }
      events.emit(new PushEvent.LogLine(events.now(), Stage.ASSEMBLE, stream, line));
    }

    synchronized boolean stopReached() {
      return stopReached;
    }

    synchronized List<String> tail() {
      return new ArrayList<>(tail);
    }
  }
}
