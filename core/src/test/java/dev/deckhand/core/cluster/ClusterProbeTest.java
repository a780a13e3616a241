package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deckhand.core.cluster.ClusterError.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-front reachability check: refused at once, a silent server within the timeout. */
class ClusterProbeTest {
  @TempDir Path dir;

  @Test
  void theDefaultTimeoutIsTenSecondsAndAUserCanChangeIt() {
    assertThat(ClusterTimeouts.from(null, Map.of()).request()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ClusterTimeouts.from(null, Map.of()).connect()).isEqualTo(Duration.ofSeconds(5));
    assertThat(ClusterTimeouts.from(null, Map.of(ClusterTimeouts.ENV, "30")).request())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(ClusterTimeouts.from("2", Map.of(ClusterTimeouts.ENV, "30")).connect())
        .isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> ClusterTimeouts.from(null, Map.of(ClusterTimeouts.ENV, "soon")))
        .hasMessage(
            "DECKHAND_REQUEST_TIMEOUT must be a number of seconds from 1 to 3600, not \"soon\"");
  }

  @Test
  void aRefusedConnectionIsReportedAtOnceNamingTheServer() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "https://127.0.0.1:" + port;
    ClusterContext ctx = context(url);
    ClusterProbe.check(ctx, ClusterTimeouts.of(ClusterTimeouts.DEFAULT_REQUEST)); // class loading

    long start = System.nanoTime();
    ClusterError e = ClusterProbe.check(ctx, ClusterTimeouts.of(ClusterTimeouts.DEFAULT_REQUEST));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.message()).isEqualTo("cannot reach " + url + " (connection refused)");
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void theTcpCheckLeavesAProxiedConnectionToTheRealRequest() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ClusterContext ctx = context("https://127.0.0.1:" + port);
    ClusterTimeouts timeouts = ClusterTimeouts.of(ClusterTimeouts.DEFAULT_REQUEST);

    assertThat(TcpCheck.refused(ctx, timeouts, Map.of()).message())
        .isEqualTo("cannot reach https://127.0.0.1:" + port + " (connection refused)");
    assertThat(TcpCheck.refused(ctx, timeouts, Map.of("HTTPS_PROXY", "http://proxy:3128")))
        .isNull();
    assertThat(TcpCheck.refused(context("https://no-such-host.invalid:6443"), timeouts, Map.of()))
        .extracting(ClusterError::message)
        .isEqualTo("cannot reach https://no-such-host.invalid:6443 (unknown host)");
  }

  @Test
  void aServerThatNeverAnswersIsReportedWithinTheDefaultTimeout() throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // test over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "https://127.0.0.1:" + silent.getLocalPort();
      ClusterTimeouts defaults = ClusterTimeouts.from(null, Map.of());

      long start = System.nanoTime();
      ClusterError e = ClusterProbe.check(context(url), defaults);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
      assertThat(e.message()).isEqualTo("cannot reach " + url + " (no answer within 10 s)");
      assertThat(e.hint()).contains("DECKHAND_REQUEST_TIMEOUT");
      assertThat(took).isLessThan(Duration.ofSeconds(15));
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  private ClusterContext context(String url) throws IOException {
    Path file = KubeconfigFixtures.single(dir.resolve("config"), url, "t");
    return Kubeconfigs.load(List.of(file)).context("ctx").orElseThrow();
  }
}
