package dev.deckhand.core.push;

import dev.deckhand.core.event.AppState;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/**
 * The ready stage's check after a successful assemble-and-restart: the supervisor counts an app
 * that lived 1 s as started, so an app that throws a little later passes the restart. The app's URL
 * is asked until anything answers HTTP (a good app's push ends as soon as its new version answers,
 * so the edit → answer loop is not slower); when nothing answers within the wait, or there is no
 * URL to ask, the supervisor is asked once and the push says what it found.
 */
final class ReadyCheck {
  /** Between two attempts at the URL: short, since a good app's first answer ends the push. */
  private static final Duration POLL = Duration.ofMillis(50);

  /** A URL on a cluster that did not connect from here is not tried again for this long. */
  private static final Duration UNREACHABLE_MEMORY = Duration.ofMinutes(5);

  private static final Map<String, Instant> UNREACHABLE = new ConcurrentHashMap<>();

  /** The sandbox publishes ports on 127.0.0.1: a connection is made or refused at once. */
  private static final HttpClient LOCAL = client(Duration.ofSeconds(1));

  private static final HttpClient REMOTE = client(Duration.ofSeconds(2));

  /**
   * @param state what was found
   * @param supervisorStatus the supervisor's line when it was asked, else null
   * @param message the ready stage's line
   */
  record Outcome(AppState state, String supervisorStatus, String message) {}

  private final Clock clock;

  ReadyCheck(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param url where the app answers, or null
   * @param local whether the URL is the sandbox's (reachable from here by construction)
   * @param restarted when assemble-and-restart ended
   * @param wait how long the URL may take to answer
   */
  Outcome run(String url, boolean local, ContainerExec exec, Instant restarted, Duration wait)
      throws InterruptedException {
    String unreachable = null;
    if (url != null) {
      Probe probe = awaitAnswer(url, local, wait);
      if (probe.kind == Kind.ANSWERED) {
        return new Outcome(AppState.ANSWERING, null, "answering at " + url);
      }
      if (probe.kind == Kind.UNREACHABLE) {
        unreachable = probe.reason;
      }
    }
    AppStatusCheck.Result app =
        AppStatusCheck.afterRestart(exec, Duration.between(restarted, clock.instant()));
    String status = app.status();
    return switch (app.state()) {
      case RESTARTING ->
          new Outcome(
              AppState.RESTARTING,
              status,
              "restarted, but the app exits at start and the supervisor keeps restarting it ("
                  + withoutName(status)
                  + "); see deckhand logs");
      case STOPPED ->
          new Outcome(
              AppState.STOPPED,
              status,
              "restarted, but the app exited and the supervisor does not restart it ("
                  + withoutName(status)
                  + "); see deckhand logs");
      case RUNNING ->
          url == null
              ? new Outcome(
                  AppState.RUNNING,
                  status,
                  "restarted; the app runs (no URL to check; add one with a Url in the config)")
              : unreachable != null
                  ? new Outcome(
                      AppState.RUNNING,
                      status,
                      "restarted; the app runs (" + url + " not checked: " + unreachable + ")")
                  : new Outcome(
                      AppState.NOT_ANSWERING,
                      status,
                      "restarted; the app runs but does not answer at "
                          + url
                          + " yet (no answer in "
                          + seconds(wait)
                          + ")");
      default ->
          new Outcome(
              AppState.UNKNOWN,
              status,
              (url == null || unreachable != null
                      ? "restarted; "
                      : "restarted; no answer at " + url + " in " + seconds(wait) + ", and ")
                  + "the app's state could not be checked: "
                  + status);
    };
  }

  private Probe awaitAnswer(String url, boolean local, Duration wait) throws InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return new Probe(Kind.UNREACHABLE, "not a URL");
    }
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
      return new Probe(Kind.UNREACHABLE, "not an http URL");
    }
    Instant remembered = UNREACHABLE.get(url);
    if (!local && remembered != null && clock.instant().isBefore(remembered)) {
      return new Probe(Kind.UNREACHABLE, "not reachable from here");
    }
    Instant deadline = clock.instant().plus(wait);
    while (true) {
      // Asked at least once, even with no wait: an app that answers at once is known to.
      Duration left = Duration.between(clock.instant(), deadline);
      Duration limit = Duration.ofSeconds(2);
      if (left.compareTo(limit) < 0) {
        limit = left.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : left;
      }
      Probe probe = probe(uri, local, limit);
      if (probe.kind == Kind.UNREACHABLE) {
        UNREACHABLE.put(url, clock.instant().plus(UNREACHABLE_MEMORY));
      }
      if (probe.kind != Kind.NOT_YET || !clock.instant().plus(POLL).isBefore(deadline)) {
        return probe;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * One request; any HTTP answer counts (an error page is the app answering), except a gateway's
   * "no backend" on a cluster (502, 503, 504: the router answers for an app that does not).
   */
  private static Probe probe(URI uri, boolean local, Duration limit) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(limit).GET().build();
    try {
      HttpResponse<InputStream> response =
          (local ? LOCAL : REMOTE).send(request, HttpResponse.BodyHandlers.ofInputStream());
      // The headers are the answer; the body (maybe a stream that never ends) is not read.
      response.body().close();
      int code = response.statusCode();
      return !local && (code == 502 || code == 503 || code == 504)
          ? new Probe(Kind.NOT_YET, null)
          : new Probe(Kind.ANSWERED, null);
    } catch (IOException e) {
      if (local) {
        return new Probe(Kind.NOT_YET, null); // refused, or the port forward closed: not up yet
      }
      String why = unreachable(e);
      return why == null ? new Probe(Kind.NOT_YET, null) : new Probe(Kind.UNREACHABLE, why);
    }
  }

  /** Why a cluster URL cannot be reached from this machine at all, or null when it might yet. */
  static String unreachable(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // The JDK's client says an unknown host as a ConnectException caused by this.
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "its host is not known here";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection from here";
      }
      if (t instanceof ConnectException) {
        return "connection refused here";
      }
      if (t instanceof SSLException) {
        return "the TLS handshake failed here";
      }
    }
    return null;
  }

  private static String withoutName(String statusLine) {
    int space = statusLine.indexOf(' ');
    return space < 0 ? statusLine : statusLine.substring(space + 1);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private enum Kind {
    ANSWERED,
    NOT_YET,
    UNREACHABLE
  }

  private record Probe(Kind kind, String reason) {}
}
