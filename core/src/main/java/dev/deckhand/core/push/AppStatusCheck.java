package dev.deckhand.core.push;

import dev.deckhand.core.event.AppState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Asks the container's supervisor (odo's {@code supervisord ctl status run}, which answers over
 * odo's own control channel, on the sandbox's image and on odo's alike) what the app process does,
 * after assemble-and-restart failed.
 */
final class AppStatusCheck {
  static final List<String> COMMAND = List.of("/opt/odo/bin/supervisord", "ctl", "status", "run");

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /**
   * @param state what the app does
   * @param status the supervisor's own line, or why it could not be asked
   */
  record Result(AppState state, String status) {}

  private AppStatusCheck() {}

  /**
   * @param stopReached whether the script had begun the restart (its trace showed {@code ctl stop})
   */
  static Result check(ContainerExec exec, boolean stopReached) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      exec.run(COMMAND, null, out, err, TIMEOUT);
    } catch (IOException e) {
      return new Result(AppState.UNKNOWN, e.getMessage());
    }
    String status = statusLine(out.toString(StandardCharsets.UTF_8));
    if (status == null) {
      String why = err.toString(StandardCharsets.UTF_8).strip();
      return new Result(AppState.UNKNOWN, why.isEmpty() ? "no answer from supervisord" : why);
    }
    return new Result(classify(status, stopReached), status);
  }

  /** The line of the {@code run} program, or null. */
  static String statusLine(String output) {
    for (String line : output.split("\\R")) {
      String[] words = line.strip().split("\\s+");
      if (words.length >= 2 && words[0].equals("run")) {
        return line.strip().replaceAll("\\s+", " ");
      }
    }
    return null;
  }

  /**
   * ochinchina's supervisord says Running, Starting, Stopped, Backoff, Exited, Fatal; the sandbox's
   * the same words in capitals. A running process after the restart began is the new version being
   * started again, not the old one.
   */
  static AppState classify(String statusLine, boolean stopReached) {
    String word = statusLine.split(" ")[1].toUpperCase(Locale.ROOT);
    boolean up = word.equals("RUNNING") || word.equals("STARTING");
    if (!up) {
      return AppState.STOPPED;
    }
    return stopReached ? AppState.RESTARTING : AppState.PREVIOUS_VERSION_RUNNING;
  }
}
