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
 * line (stdout and stderr apart), the last lines kept for a failure message.
 */
final class AssembleStage {
  private static final int LOG_TAIL = 30;

  private AssembleStage() {}

  static void run(StageClock events, ContainerExec exec, Duration timeout)
      throws PushFailedException, InterruptedException {
    events.start(Stage.ASSEMBLE, null);
    Deque<String> tail = new ArrayDeque<>();
    LineSplitter out =
        new LineSplitter(line -> log(events, tail, PushEvent.OutputStream.STDOUT, line));
    LineSplitter err =
        new LineSplitter(line -> log(events, tail, PushEvent.OutputStream.STDERR, line));
    int code;
    try {
      code = exec.run(List.of("/opt/odo/bin/assemble-and-restart"), null, out, err, timeout);
    } catch (IOException e) {
      throw new PushFailedException(
          Stage.ASSEMBLE, null, "assemble-and-restart: " + e.getMessage(), new ArrayList<>(tail));
    } finally {
      out.close();
      err.close();
    }
    if (code != 0) {
      throw new PushFailedException(
          Stage.ASSEMBLE,
          null,
          "assemble-and-restart exited with code "
              + code
              + "; the previous version keeps running and the changes stay pending",
          new ArrayList<>(tail));
    }
    events.done(Stage.ASSEMBLE, null, "exit 0");
  }

  // stdout and stderr are read on two threads; one lock keeps the tail and event order coherent.
  private static synchronized void log(
      StageClock events, Deque<String> tail, PushEvent.OutputStream stream, String line) {
    if (tail.size() == LOG_TAIL) {
      tail.removeFirst();
    }
    tail.addLast(line);
    events.emit(new PushEvent.LogLine(events.now(), Stage.ASSEMBLE, stream, line));
  }
}
