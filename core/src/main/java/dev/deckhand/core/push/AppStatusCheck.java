package dev.deckhand.core.push;

import dev.deckhand.core.event.AppState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the container's supervisor (odo's {@code supervisord ctl status run}, which answers over
 * odo's own control channel, on the sandbox's image and on odo's alike) what the app process does:
 * after assemble-and-restart failed, and after one that succeeded when the app's URL did not answer
 * (the supervisor counts an app that lived {@code startsecs}, 1 s, as started).
 */
final class AppStatusCheck {
  static final List<String> COMMAND = List.of("/opt/odo/bin/supervisord", "ctl", "status", "run");

  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  /**
   * @param state what the app does
   * @param status the supervisor's own line, or why it could not be asked
   */
  record Result(AppState state, String status) {}

  private static final Pattern UPTIME = Pattern.compile("uptime (\\d+):(\\d\\d):(\\d\\d)");

  private AppStatusCheck() {}

  /**
   * After a successful assemble-and-restart.
   *
   * @param sinceRestart how long ago assemble-and-restart ended: a process with a shorter uptime (a
   *     second's slack for the supervisor's whole seconds) was started again since, so it exits at
   *     start even when it happens to be up right now
   */
  static Result afterRestart(ContainerExec exec, Duration sinceRestart)
      throws InterruptedException {
    Result asked = ask(exec);
    if (asked.state() != null) {
      return asked;
    }
    return new Result(classifyAfterRestart(asked.status(), sinceRestart), asked.status());
  }

  static AppState classifyAfterRestart(String statusLine, Duration sinceRestart) {
    switch (word(statusLine)) {
      case "RUNNING":
        Duration uptime = uptime(statusLine);
        return uptime != null && uptime.plusSeconds(1).compareTo(sinceRestart) < 0
            ? AppState.RESTARTING
            : AppState.RUNNING;
      case "STARTING": // ctl start had waited until it counted as started: this is a later start
      case "BACKOFF":
        return AppState.RESTARTING;
      default:
        return AppState.STOPPED;
    }
  }

  /** The supervisor's "uptime H:MM:SS", or null. */
  static Duration uptime(String statusLine) {
    Matcher m = UPTIME.matcher(statusLine);
    if (!m.find()) {
      return null;
    }
    return Duration.ofHours(Long.parseLong(m.group(1)))
        .plusMinutes(Long.parseLong(m.group(2)))
        .plusSeconds(Long.parseLong(m.group(3)));
  }

  /** The supervisor's word in its line ("BACKOFF"), in capitals. */
  static String word(String statusLine) {
    String[] words = statusLine.split(" ");
    return words.length < 2 ? "" : words[1].toUpperCase(Locale.ROOT);
  }

  /** A result with a state when the supervisor could not be asked, else the status line only. */
  private static Result ask(ContainerExec exec) throws InterruptedException {
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
    return new Result(null, status);
  }

  /**
   * @param stopReached whether the script had begun the restart (its trace showed {@code ctl stop})
   */
  static Result check(ContainerExec exec, boolean stopReached) throws InterruptedException {
    Result asked = ask(exec);
    if (asked.state() != null) {
      return asked;
    }
    return new Result(classify(asked.status(), stopReached), asked.status());
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
