package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.cluster.ClusterTimeouts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that talks to the cluster says "cannot reach" with the server's URL, at once for a
 * refused connection and within the request timeout for a server that never answers (issue 10,
 * defect 5: status hung for minutes, push took 22 s, url and logs 28 s).
 */
class UnreachableClusterTest {
  /** Short, so the black-hole cases stay quick; the default (10 s) is covered in core. */
  private static final int TIMEOUT_S = 3;

  @TempDir Path dir;
  @TempDir Path home;
  private String previousKubeconfig;
  private String previousTimeout;
  private final List<AutoCloseable> open = new ArrayList<>();

  /**
   * Loads fabric8, vert.x and picocli once, so the bounds below measure the command and not the
   * test JVM's first class loading (seconds on a loaded CI machine).
   */
  @BeforeAll
  static void warmUp(@TempDir Path home) throws IOException {
    String previous = System.getProperty("kubeconfig");
    try (ServerSocket socket = new ServerSocket(0)) {
      Path kubeconfig = writeKubeconfig(home, "https://127.0.0.1:" + socket.getLocalPort());
      System.setProperty("kubeconfig", kubeconfig.toString());
    }
    CliRun.of("url", "--context", home.toString());
    restore("kubeconfig", previous);
  }

  @BeforeEach
  void component() throws IOException {
    previousKubeconfig = System.getProperty("kubeconfig");
    previousTimeout = System.getProperty(ClusterTimeouts.PROPERTY);
    System.setProperty(ClusterTimeouts.PROPERTY, String.valueOf(TIMEOUT_S));
    Files.createDirectories(dir.resolve(".odo"));
    Files.writeString(
        dir.resolve(".odo/config.yaml"),
        """
        kind: LocalConfig
        apiVersion: odo.dev/v1alpha1
        ComponentSettings:
          Type: nodejs
          Name: shop
          Application: app
          Project: dev
        """);
    Files.writeString(dir.resolve("server.js"), "console.log('hi')\n");
  }

  @AfterEach
  void restore() throws Exception {
    restore("kubeconfig", previousKubeconfig);
    restore(ClusterTimeouts.PROPERTY, previousTimeout);
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "push", "url", "logs", "watch"})
  void aRefusedConnectionIsReportedAtOnce(String command) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String server = "https://127.0.0.1:" + port;
    useServer(server);

    long start = System.nanoTime();
    CliRun run = CliRun.of(command, "--context", dir.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err().lines().findFirst())
        .hasValue("deckhand: cannot reach " + server + " (connection refused)");
    assertOneClearFailure(run);
    assertThat(took).as("refused is known at once").isLessThan(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "push", "url", "logs", "watch"})
  void aServerThatNeverAnswersIsReportedAfterTheTimeout(String command) throws IOException {
    String server = "https://127.0.0.1:" + blackHole();
    useServer(server);

    long start = System.nanoTime();
    CliRun run = CliRun.of(command, "--context", dir.toString());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.err().lines().findFirst())
        .hasValue("deckhand: cannot reach " + server + " (no answer within " + TIMEOUT_S + " s)");
    assertOneClearFailure(run);
    assertThat(took).isLessThan(Duration.ofSeconds(TIMEOUT_S + 5));
  }

  /** Accepts connections and never reads or writes: a hung API server or a dead tunnel. */
  private int blackHole() throws IOException {
    ServerSocket socket = new ServerSocket(0);
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  accepted.add(socket.accept());
                }
              } catch (IOException closed) {
                // the test is over
              }
            },
            "black-hole");
    acceptor.setDaemon(true);
    acceptor.start();
    open.add(socket);
    open.add(
        () -> {
          for (Socket s : accepted) {
            s.close();
          }
        });
    return socket.getLocalPort();
  }

  private void useServer(String server) throws IOException {
    System.setProperty("kubeconfig", writeKubeconfig(home, server).toString());
  }

  private static Path writeKubeconfig(Path home, String server) throws IOException {
    Path kubeconfig = home.resolve("config");
    return Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        contexts:
        - name: ctx
          context:
            cluster: c
            user: u
            namespace: dev
        current-context: ctx
        users:
        - name: u
          user:
            token: not-checked
        """
            .formatted(server));
  }

  private static void assertOneClearFailure(CliRun run) {
    assertThat(run.err().lines().count()).as(run.err()).isLessThanOrEqualTo(2);
    assertThat(run.err()).doesNotContain("\tat ", "Exception", "io.fabric8", "vertx");
  }
}
