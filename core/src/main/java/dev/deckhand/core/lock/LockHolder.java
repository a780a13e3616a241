package dev.deckhand.core.lock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Who holds a folder's lock, as written in the lock file: {@code key=value} lines.
 *
 * @param pid the holder's process id
 * @param command what runs there ("deckhand watch", "Deckhand window")
 * @param host the machine it runs on
 * @param since when it took the lock
 * @param lasting whether it holds the lock until stopped (watch, auto-sync) rather than one push
 */
public record LockHolder(long pid, String command, String host, Instant since, boolean lasting) {

  String format() {
    return "pid="
        + pid
        + "\ncommand="
        + oneLine(command)
        + "\nhost="
        + oneLine(host)
        + "\nsince="
        + since
        + "\nlasting="
        + lasting
        + "\n";
  }

  /** The holder a lock file names, or null when it names none (empty, or being written). */
  static LockHolder parse(String text) {
    long pid = -1;
    String command = null;
    String host = null;
    Instant since = null;
    boolean lasting = false;
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String value = line.substring(eq + 1);
      switch (line.substring(0, eq)) {
        case "pid" -> pid = parseLong(value);
        case "command" -> command = value;
        case "host" -> host = value;
        case "since" -> since = parseInstant(value);
        case "lasting" -> lasting = Boolean.parseBoolean(value);
        default -> {
          // a later version's key
        }
      }
    }
    return pid < 0 || command == null ? null : new LockHolder(pid, command, host, since, lasting);
  }

  /**
   * "deckhand watch (pid 1234) since 10:02", with the host when it is another machine and the date
   * when it is not today.
   */
  public String describe(String localHost, ZoneId zone) {
    StringBuilder s = new StringBuilder(command).append(" (pid ").append(pid);
    if (host != null && !host.equals(localHost)) {
      s.append(" on ").append(host);
    }
    s.append(')');
    if (since != null) {
      var at = since.atZone(zone);
      s.append(" since ")
          .append(
              at.toLocalDate().equals(LocalDate.now(zone))
                  ? at.format(DateTimeFormatter.ofPattern("HH:mm"))
                  : at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }
    return s.toString();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Instant parseInstant(String s) {
    try {
      return Instant.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
