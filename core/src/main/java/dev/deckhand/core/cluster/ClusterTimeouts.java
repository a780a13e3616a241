package dev.deckhand.core.cluster;

import java.time.Duration;
import java.util.Map;

/**
 * How long Deckhand waits for the API server. fabric8's defaults retry a refused connection ten
 * times (about 20 s) and an unanswered request ten times its timeout, so a server that is down
 * looked like a hang; these keep every wait bounded by one configurable number.
 *
 * @param connect the TCP/TLS connect timeout
 * @param request how long one request may wait for its answer
 */
public record ClusterTimeouts(Duration connect, Duration request) {
  /** Seconds; the environment variable a user sets for a slow cluster. */
  public static final String ENV = "DECKHAND_REQUEST_TIMEOUT";

  /** Seconds; the same as a system property, which wins (tests, the window's launcher). */
  public static final String PROPERTY = "deckhand.request.timeout";

  public static final Duration DEFAULT_REQUEST = Duration.ofSeconds(10);
  private static final Duration MAX_CONNECT = Duration.ofSeconds(5);

  /**
   * Retries of a failed request (connection refused or reset, 429, 5xx) after 250 ms and 500 ms:
   * enough for a blip, short enough that a refused connection is reported within a second.
   */
  static final int RETRIES = 2;

  static final int RETRY_INTERVAL_MS = 250;

  public static ClusterTimeouts of(Duration request) {
    return new ClusterTimeouts(request.compareTo(MAX_CONNECT) < 0 ? request : MAX_CONNECT, request);
  }

  /** The process's setting: the system property, else the environment variable, else 10 s. */
  public static ClusterTimeouts current() {
    return from(System.getProperty(PROPERTY), System.getenv());
  }

  static ClusterTimeouts from(String property, Map<String, String> env) {
    String name = property != null ? PROPERTY : ENV;
    String value = property != null ? property : env.get(ENV);
    if (value == null || value.isBlank()) {
      return of(DEFAULT_REQUEST);
    }
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      seconds = 0;
    }
    if (seconds < 1 || seconds > 3600) {
      throw new IllegalArgumentException(
          name + " must be a number of seconds from 1 to 3600, not \"" + value.strip() + "\"");
    }
    return of(Duration.ofSeconds(seconds));
  }

  /** "10 s", for messages. */
  public String describeRequest() {
    return request.toSeconds() + " s";
  }
}
