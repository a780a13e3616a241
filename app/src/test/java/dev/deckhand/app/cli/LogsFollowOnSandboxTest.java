package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code deckhand logs -f} on the sandbox: a stream ends the same way whether the connection broke
 * or the container exited, so the command asks the server and says which, with exit 1 for a lost
 * connection. The CLI talks to the sandbox through a proxy the test can stop (the server going away
 * mid-stream).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsFollowOnSandboxTest {
  private static final String IMAGE = "localhost/deckhand/nodejs-builder:latest";
  private static final Duration WAIT = Duration.ofSeconds(90);

  private Sandbox sandbox;
  private KubernetesClient direct;
  private Proxy proxy;
  private Path kubeconfig;
  private String previousKubeconfig;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private PrintStream previousOut;

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available())
        .as("podman is needed for deckhand logs on the sandbox (CI installs it)")
        .isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults().withDataDir(Files.createTempDirectory("deckhand-logs-e2e")));
    direct = sandbox.newClient();
  }

  @AfterAll
  void stop() {
    if (direct != null) {
      direct.close();
    }
    if (sandbox != null) {
      sandbox.close(true);
    }
  }

  @AfterEach
  void restore() {
    if (proxy != null) {
      proxy.stop();
    }
    if (previousOut != null) {
      System.setOut(previousOut);
    }
    if (previousKubeconfig == null) {
      System.clearProperty("kubeconfig");
    } else {
      System.setProperty("kubeconfig", previousKubeconfig);
    }
  }

  @Test
  void aConnectionLostMidStreamIsOneLineAndExitOne() throws Exception {
    Path folder = component("ticker", "while true; do echo tick; sleep 0.2; done");
    throughProxy();

    CompletableFuture<CliRun> run = follow(folder);
    await().atMost(WAIT).until(() -> stdout.toString(StandardCharsets.UTF_8).contains("tick"));
    proxy.stop(); // the API server goes away mid-stream

    CliRun r = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .isEqualTo(
            "deckhand: the connection to "
                + proxy.url()
                + " was lost; cannot reach "
                + proxy.url()
                + " (connection refused); the log stopped");
  }

  @Test
  void aStreamCutWhileTheServerAnswersIsNotCalledTheEndOfTheContainer() throws Exception {
    Path folder = component("cutter", "while true; do echo tick; sleep 0.2; done");
    throughProxy();

    CompletableFuture<CliRun> run = follow(folder);
    await().atMost(WAIT).until(() -> stdout.toString(StandardCharsets.UTF_8).contains("tick"));
    proxy.cutConnections(); // a broken network path: the server still answers new connections

    CliRun r = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().lines())
        .containsExactly(
            "deckhand: the connection to "
                + proxy.url()
                + " was lost (the container still runs); the log stopped");
  }

  @Test
  void aContainerThatExitsEndsTheLogTruthfullyWithExitZero() throws Exception {
    Path folder = component("oneshot", "echo first; sleep 4; echo last; exit 0");
    throughProxy();

    CliRun r = follow(folder).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(stdout.toString(StandardCharsets.UTF_8)).as(r.toString()).contains("first", "last");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err().lines())
        .containsExactly("deckhand: the container oneshot-app exited (exit code 0); the log ended");
  }

  private CompletableFuture<CliRun> follow(Path folder) {
    stdout.reset(); // one instance runs every test: only this run's log counts
    previousOut = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(
        () -> CliRun.of("logs", "-f", "--context", folder.toString()));
  }

  /** A component folder and its running pod, whose app container runs {@code script}. */
  private Path component(String name, String script) throws Exception {
    Path folder = Files.createTempDirectory("deckhand-logs-" + name);
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.name = name;
    s.application = "app";
    s.project = "default";
    LocalConfigFile.write(folder, LocalConfig.of(s));
    String app = new ComponentNames(name, "app").name(); // the container's and label's name
    direct
        .pods()
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name + "-1-abcde")
                .withNamespace("default")
                .addToLabels(OdoLabels.POD_SELECTOR, app)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName(app)
                .withImage(IMAGE)
                .withCommand("sh", "-c", script)
                .endContainer()
                .endSpec()
                .build())
        .create();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var pod = direct.pods().inNamespace("default").withName(name + "-1-abcde").get();
              return pod != null
                  && pod.getStatus() != null
                  && pod.getStatus().getContainerStatuses() != null
                  && pod.getStatus().getContainerStatuses().stream()
                      .anyMatch(c -> c.getState() != null && c.getState().getRunning() != null);
            });
    return folder;
  }

  private void throughProxy() throws IOException {
    proxy = new Proxy(URI.create(sandbox.url()).getPort()).start();
    kubeconfig = Files.createTempDirectory("deckhand-logs-kube").resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters: [{name: proxied, cluster: {server: "%s"}}]
        contexts: [{name: proxied, context: {cluster: proxied, user: dev, namespace: default}}]
        current-context: proxied
        users: [{name: dev, user: {token: sandbox}}]
        """
            .formatted(proxy.url()));
    previousKubeconfig = System.getProperty("kubeconfig");
    System.setProperty("kubeconfig", kubeconfig.toString());
  }

  /** A TCP proxy to the sandbox's API server; {@link #stop} is the server going away. */
  static final class Proxy {
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private ServerSocket listener;

    Proxy(int target) {
      this.target = target;
    }

    Proxy start() throws IOException {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(this::accept, "logs-proxy");
      t.setDaemon(true);
      t.start();
      return this;
    }

    String url() {
      return "http://127.0.0.1:" + listener.getLocalPort();
    }

    void stop() {
      close(listener);
      cutConnections();
    }

    void cutConnections() {
      sockets.forEach(Proxy::close);
    }

    private void accept() {
      while (!listener.isClosed()) {
        try {
          Socket client = listener.accept();
          Socket server = new Socket();
          server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
          sockets.add(client);
          sockets.add(server);
          pump(client, server);
          pump(server, client);
        } catch (IOException e) {
          return;
        }
      }
    }

    private void pump(Socket from, Socket to) {
      Thread t =
          new Thread(
              () -> {
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  in.transferTo(out);
                } catch (IOException closed) {
                  // the other side or stop() closed it
                } finally {
                  close(from);
                  close(to);
                }
              },
              "logs-proxy-pump");
      t.setDaemon(true);
      t.start();
    }

    private static void close(java.io.Closeable c) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (IOException ignored) {
        // already closed
      }
    }
  }
}
