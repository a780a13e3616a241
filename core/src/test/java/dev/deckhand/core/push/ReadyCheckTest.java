package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.deckhand.core.event.AppState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, defects 4/12: a push that restarted the app says what the app does, checked by an HTTP
 * answer at its URL or, when none comes, by asking the supervisor; never "ready" by assumption.
 */
class ReadyCheckTest {
  private final List<List<String>> commands = new ArrayList<>();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void anAnsweringUrlIsReadyWithoutAskingTheSupervisor() throws Exception {
    String url = serve(404); // any HTTP answer is the app answering

    ReadyCheck.Outcome o = check(url, true, "run RUNNING pid 1, uptime 0:00:02\n", 5);

    assertThat(o.state()).isEqualTo(AppState.ANSWERING);
    assertThat(o.message()).isEqualTo("answering at " + url);
    assertThat(commands).isEmpty();
  }

  @Test
  void withNoWaitTheUrlIsStillAskedOnce() throws Exception {
    String url = serve(200);

    ReadyCheck.Outcome o =
        new ReadyCheck(Clock.systemUTC())
            .run(url, true, supervisor(null), Instant.now(), Duration.ZERO);

    assertThat(o.state()).isEqualTo(AppState.ANSWERING);
    assertThat(commands).isEmpty();
  }

  @Test
  void aUrlNothingAnswersAtWithTheSupervisorBackingOffSaysTheAppExitsAtStart() throws Exception {
    ReadyCheck.Outcome o =
        check(closedPort(), true, "run                               BACKOFF   exit status 1\n", 1);

    assertThat(o.state()).isEqualTo(AppState.RESTARTING);
    assertThat(o.state().down()).isTrue();
    assertThat(o.message())
        .isEqualTo(
            "restarted, but the app exits at start and the supervisor keeps restarting it"
                + " (BACKOFF exit status 1); see deckhand logs");
    assertThat(commands).containsExactly(AppStatusCheck.COMMAND);
  }

  @Test
  void aRunningAppThatWasStartedAgainSinceTheRestartExitsAtStart() throws Exception {
    // The check asks 1 s after the restart's end here; an uptime of 0 s is a newer start.
    ReadyCheck.Outcome o =
        new ReadyCheck(Clock.systemUTC())
            .run(
                closedPort(),
                true,
                supervisor("run RUNNING pid 9, uptime 0:00:00\n"),
                Instant.now().minusSeconds(3),
                Duration.ofMillis(300));

    assertThat(o.state()).isEqualTo(AppState.RESTARTING);
    assertThat(o.message()).contains("(RUNNING pid 9, uptime 0:00:00)");
  }

  @Test
  void aRunningAppUpSinceTheRestartThatDoesNotAnswerIsSaidSo() throws Exception {
    String url = closedPort();

    ReadyCheck.Outcome o = check(url, true, "run Running pid 9, uptime 0:00:12\n", 1);

    assertThat(o.state()).isEqualTo(AppState.NOT_ANSWERING);
    assertThat(o.state().down()).isFalse();
    assertThat(o.message())
        .isEqualTo(
            "restarted; the app runs but does not answer at " + url + " yet (no answer in 1 s)");
  }

  @Test
  void anExitedAppIsStopped() throws Exception {
    ReadyCheck.Outcome o = check(closedPort(), true, "run EXITED exit status 0\n", 1);

    assertThat(o.state()).isEqualTo(AppState.STOPPED);
    assertThat(o.message())
        .isEqualTo(
            "restarted, but the app exited and the supervisor does not restart it (EXITED exit"
                + " status 0); see deckhand logs");
  }

  @Test
  void withoutUrlTheSupervisorIsAskedAtOnce() throws Exception {
    ReadyCheck.Outcome o = check(null, false, "run RUNNING pid 9, uptime 0:00:01\n", 10);

    assertThat(o.state()).isEqualTo(AppState.RUNNING);
    assertThat(o.message()).startsWith("restarted; the app runs (no URL to check");
  }

  @Test
  void aClusterUrlWhoseHostIsUnknownHereIsNotWaitedFor() throws Exception {
    long t0 = System.nanoTime();
    ReadyCheck.Outcome o =
        check("http://app.apps.cluster.invalid", false, "run RUNNING pid 9, uptime 0:05:00\n", 10);

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
    assertThat(o.state()).isEqualTo(AppState.RUNNING);
    assertThat(o.message())
        .isEqualTo(
            "restarted; the app runs (http://app.apps.cluster.invalid not checked: its host is not"
                + " known here)");
  }

  @Test
  void aRoutersNoBackendPageIsNotTheAppAnswering() throws Exception {
    String url = serve(503);

    ReadyCheck.Outcome o = check(url, false, "run RUNNING pid 9, uptime 0:05:00\n", 1);

    assertThat(o.state()).isEqualTo(AppState.NOT_ANSWERING);
  }

  @Test
  void aSupervisorThatCannotBeAskedLeavesTheStateUnknown() throws Exception {
    String url = closedPort();

    ReadyCheck.Outcome o = check(url, true, null, 1);

    assertThat(o.state()).isEqualTo(AppState.UNKNOWN);
    assertThat(o.message())
        .isEqualTo(
            "restarted; no answer at "
                + url
                + " in 1 s, and the app's state could not be checked: supervisord did not"
                + " answer");
  }

  @Test
  void uptimesOfOdosAndTheSandboxsSupervisorAreRead() {
    assertThat(AppStatusCheck.uptime("run Running pid 45, uptime 1:02:03"))
        .isEqualTo(Duration.ofSeconds(3723));
    assertThat(AppStatusCheck.uptime("run BACKOFF exit status 1")).isNull();
    assertThat(AppStatusCheck.classifyAfterRestart("run Starting", Duration.ofSeconds(10)))
        .isEqualTo(AppState.RESTARTING);
    assertThat(
            AppStatusCheck.classifyAfterRestart(
                "run Fatal Exited too quickly", Duration.ofSeconds(10)))
        .isEqualTo(AppState.STOPPED);
    assertThat(
            AppStatusCheck.classifyAfterRestart(
                "run RUNNING pid 3, uptime 0:00:10", Duration.ofMillis(10_900)))
        .isEqualTo(AppState.RUNNING);
  }

  private ReadyCheck.Outcome check(String url, boolean local, String status, int waitSeconds)
      throws InterruptedException {
    return new ReadyCheck(Clock.systemUTC())
        .run(
            url,
            local,
            supervisor(status),
            Instant.now().minusSeconds(1),
            Duration.ofSeconds(waitSeconds));
  }

  /** An exec that answers the supervisor's status query with {@code status}; null = no answer. */
  private ContainerExec supervisor(String status) {
    return (command, stdin, stdout, stderr, timeout) -> {
      commands.add(command);
      if (status == null) {
        throw new IOException("supervisord did not answer");
      }
      write(stdout, status);
      return 0;
    };
  }

  private String serve(int code) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(code, -1);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A local port nothing listens on. */
  private static String closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
