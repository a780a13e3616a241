package dev.deckhand.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The process that runs the sandbox of a data folder, as it recorded itself.
 *
 * @param pid its process id
 * @param command what it is, e.g. "deckhand sandbox" or "the Deckhand window"
 * @param url its API server, or null while it starts
 * @param kubeconfig the kubeconfig it writes
 * @param sinceMillis when it took the folder (epoch milliseconds)
 */
public record SandboxHolder(
    long pid, String command, String url, String kubeconfig, long sinceMillis) {

  SandboxHolder withUrl(String u) {
    return new SandboxHolder(pid, command, u, kubeconfig, sinceMillis);
  }

  /** "deckhand sandbox, pid 1234, https://127.0.0.1:43121, since 10:02". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (command != null && !command.isBlank()) {
      parts.add(command);
    }
    parts.add("pid " + pid);
    parts.add(url != null ? url : "still starting");
    ZonedDateTime since = Instant.ofEpochMilli(sinceMillis).atZone(ZoneId.systemDefault());
    parts.add(
        "since "
            + since.format(
                DateTimeFormatter.ofPattern(
                    since.toLocalDate().equals(LocalDate.now()) ? "HH:mm" : "yyyy-MM-dd HH:mm")));
    return String.join(", ", parts);
  }
}
