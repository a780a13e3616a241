package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.cluster.ClusterClients;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ClusterTimeouts;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.push.PodExec;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.core.push.SyncState;
import dev.deckhand.core.watch.ChangeBatch;
import dev.deckhand.core.watch.ComponentWatch;
import dev.deckhand.core.watch.PushWhenReachable;
import dev.deckhand.core.watch.WatchSettings;
import dev.deckhand.core.watch.Watches;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults between Deckhand and the API server, on the sandbox (issue 10, "Done means"): a {@link
 * TcpProxy} sits between Deckhand's own client (production timeouts and retries, from a kubeconfig)
 * and the sandbox's API server. Each fault must end in one classified line, nothing recorded as
 * sent that did not arrive (index and .odo/deckhand-sync.json unchanged), and the next push — or
 * the watch, by itself — must leave the container equal to the folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {
  private static final String NAME = "faulty-app";

  /** 40 files of 256 KiB: the sync streams for seconds through the throttled proxy. */
  private static final int BIG_FILES = 40;

  private static final int BIG_SIZE = 256 * 1024;

  private Sandbox sandbox;
  private KubernetesClient direct;
  private KubernetesClient client;
  private ClusterContext context;
  private TcpProxy proxy;
  private Path folder;
  private final Random random = new Random(10);

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available())
        .as("podman is needed for the fault-injection tests (CI installs it)")
        .isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-fault-e2e"))
                .withPvcBindDelay(Duration.ofMillis(300)));
    direct = sandbox.newClient();
    proxy = new TcpProxy(URI.create(sandbox.url()).getPort()).start();
    Path kubeconfig = Files.createTempDirectory("deckhand-fault-kube").resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: proxied
          cluster: {server: %s}
        contexts:
        - name: proxied
          context: {cluster: proxied, user: dev, namespace: default}
        current-context: proxied
        users:
        - name: dev
          user: {token: sandbox}
        """
            .formatted(proxy.url()));
    context = Kubeconfigs.load(List.of(kubeconfig)).context("proxied").orElseThrow();
    client = ClusterClients.create(context);
    folder = SampleApp.create("faulty", null);
    Files.createDirectories(folder.resolve("data"));
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      proxy.close();
      client.close();
      direct.close();
      sandbox.close(true);
    }
  }

  @Test
  @Order(1)
  void aFirstPushThroughTheProxyWorks() throws Exception {
    rewriteBigFiles();

    PushResult r = push();

    assertThat(r.success()).as(r.summary()).isTrue();
    assertContainerEqualsFolder();
  }

  @Test
  @Order(2)
  void theApiConnectionDroppedMidSync() throws Exception {
    rewriteBigFiles();
    Recorded before = recorded();
    proxy.throttle(4L * 1024 * 1024);
    proxy.onUpstreamBytes(2L * 1024 * 1024, link -> proxy.stop());

    PushResult r = push();

    assertThat(r.success()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "the connection to "
                + proxy.url()
                + " was lost during the sync; nothing was recorded as sent");
    assertThat(recorded()).isEqualTo(before);

    String stillRunning = processes();
    proxy.throttle(0);
    proxy.start();
    PushResult next = push();
    assertThat(next.success())
        .as(
            next.summary()
                + "\n"
                + lastLogTail
                + "\nafter the drop:\n"
                + stillRunning
                + "\ncontainer log:\n"
                + containerLog())
        .isTrue();
    assertContainerEqualsFolder();
  }

  @Test
  @Order(3)
  void theExecStreamCutAfterSomeBytes() throws Exception {
    rewriteBigFiles();
    Recorded before = recorded();
    proxy.throttle(4L * 1024 * 1024);
    proxy.onUpstreamBytes(1024 * 1024, TcpProxy.Link::cut);

    PushResult r = push();

    assertThat(r.success()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "the connection to "
                + proxy.url()
                + " was lost during the sync; nothing was recorded as sent");
    assertThat(recorded()).isEqualTo(before);

    proxy.throttle(0);
    PushResult next = push();
    assertThat(next.success())
        .as(next.summary() + "\n" + lastLogTail + "\ncontainer log:\n" + containerLog())
        .isTrue();
    assertContainerEqualsFolder();
  }

  @Test
  @Order(4)
  void thePodDeletedMidPush() throws Exception {
    rewriteBigFiles();
    Recorded before = recorded();
    String pod = pod().getMetadata().getName();
    proxy.throttle(2L * 1024 * 1024);
    proxy.onUpstreamBytes(
        1024 * 1024,
        link -> new Thread(() -> direct.pods().withName(pod).delete(), "delete-pod").start());

    PushResult r = push();

    assertThat(r.success()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "the pod "
                + pod
                + " was deleted during the sync; nothing was recorded as sent; push again for a"
                + " new pod");
    assertThat(recorded()).isEqualTo(before);

    proxy.throttle(0);
    PushResult next = push();
    assertThat(next.success())
        .as(next.summary() + "\n" + lastLogTail + "\ncontainer log:\n" + containerLog())
        .isTrue();
    assertThat(pod().getMetadata().getName()).isNotEqualTo(pod);
    assertContainerEqualsFolder();
  }

  @Test
  @Order(5)
  void theApiServerStoppedAndRestartedDuringWatch() throws Exception {
    List<PushResult> results = new CopyOnWriteArrayList<>();
    List<String> waiting = new CopyOnWriteArrayList<>();
    List<String> failedTails = new CopyOnWriteArrayList<>();
    PushOptions options = PushOptions.defaults().withReuseRunningPod(true);
    try (Watches watches = new Watches(WatchSettings.defaults())) {
      ComponentWatch watch =
          watches.start(
              folder,
              IndexOptions.defaults(),
              new PushWhenReachable(
                  (ChangeBatch batch) -> {
                    PushResult r =
                        new PushSession(
                                folder,
                                client,
                                Platform.SANDBOX,
                                options,
                                e -> {
                                  if (e instanceof PushEvent.StageFailed failed) {
                                    failedTails.add(String.join("\n", failed.logTail()));
                                  }
                                })
                            .run();
                    results.add(r);
                    if (!r.success()) {
                      throw new IllegalStateException(r.summary());
                    }
                  },
                  PushWhenReachable.probing(context, ClusterTimeouts.current()),
                  Duration.ofMillis(500),
                  waiting::add),
              new Watches.Events() {});
      watch.pushNow();
      await().atMost(Duration.ofSeconds(120)).until(() -> !results.isEmpty() && idle(watch));
      assertThat(results)
          .as(results + "\n" + failedTails + "\ncontainer log:\n" + containerLog())
          .allMatch(PushResult::success);

      proxy.stop();
      Files.writeString(
          folder.resolve("lib/greeting.js"), "module.exports = () => 'written while down';\n");
      Files.writeString(folder.resolve("during-outage.txt"), "arrives later\n");
      await().atMost(Duration.ofSeconds(30)).until(() -> !waiting.isEmpty());
      proxy.start();

      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> "arrives later\n".equals(execQuietly("cat", "/tmp/src/during-outage.txt")));
      await().atMost(Duration.ofSeconds(60)).until(() -> idle(watch));
    }
    assertThat(waiting.get(0))
        .isEqualTo(
            "cannot reach " + proxy.url() + " (connection refused); pushing again when it answers");
    assertThat(results.get(results.size() - 1).success()).isTrue();
    assertThat(results)
        .filteredOn(r -> !r.success())
        .allSatisfy(
            r ->
                assertThat(r.summary())
                    .startsWith("cannot reach " + proxy.url() + " (")
                    .doesNotContain("\n"));
    assertContainerEqualsFolder();
  }

  @Test
  @Order(6)
  void aRequestTooLongForTheApiServerIsOneLine() {
    PodExec exec = new PodExec(client, "default", pod().getMetadata().getName(), NAME);
    String tooLong = "echo " + "x".repeat(200_000);

    Throwable failure =
        catchThrowable(
            () ->
                exec.run(
                    List.of("sh", "-c", tooLong),
                    null,
                    OutputStream.nullOutputStream(),
                    OutputStream.nullOutputStream(),
                    Duration.ofSeconds(30)));

    assertThat(failure)
        .isInstanceOf(IOException.class)
        .hasMessage(
            "the request was too large for the API server " + proxy.url() + " (414 URI Too Long)");
  }

  private static boolean idle(ComponentWatch watch) {
    return watch.pushes().state().name().equals("IDLE");
  }

  /** A push; a failure's log tail is kept for the assertion text. */
  private PushResult push() throws InterruptedException {
    List<String> tail = new CopyOnWriteArrayList<>();
    PushResult r =
        new PushSession(
                folder,
                client,
                Platform.SANDBOX,
                PushOptions.defaults(),
                e -> {
                  if (e instanceof PushEvent.StageFailed failed) {
                    tail.addAll(failed.logTail());
                  }
                })
            .run();
    lastLogTail = String.join("\n", tail);
    return r;
  }

  private String lastLogTail = "";

  /** New content for every big file, so a push has megabytes to send. */
  private void rewriteBigFiles() throws IOException {
    byte[] content = new byte[BIG_SIZE];
    for (int i = 0; i < BIG_FILES; i++) {
      random.nextBytes(content);
      Files.write(folder.resolve("data/blob" + i + ".bin"), content);
    }
  }

  /** What the folder says was sent: the index and the sync state, byte for byte. */
  private record Recorded(String index, String syncState) {}

  private Recorded recorded() throws IOException {
    return new Recorded(read(ComponentIndexer.indexFile(folder)), read(SyncState.fileIn(folder)));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(none)";
  }

  private void assertContainerEqualsFolder() throws Exception {
    Map<String, String> local = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = folder.relativize(f).toString();
        if (!rel.startsWith(".odo/")) {
          local.put(rel, md5(Files.readAllBytes(f)));
        }
      }
    }
    Map<String, String> remote = new TreeMap<>();
    String listing =
        exec("sh", "-c", "cd /tmp/src && find . -type f -exec md5sum {} + | sed 's#  ./#  #'");
    for (String line : listing.split("\n")) {
      if (!line.isBlank()) {
        remote.put(line.substring(34), line.substring(0, 32));
      }
    }
    assertThat(remote).isEqualTo(local);
  }

  private static String md5(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
  }

  private Pod pod() {
    return direct.pods().list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(NAME))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .findFirst()
        .orElseThrow();
  }

  /** The container's processes, to tell whether a broken exec left its command running. */
  private String processes() {
    return execQuietly("sh", "-c", "ps -eo pid,etime,args 2>/dev/null || ps");
  }

  /** The app container's log (supervisord's lines and the app's), for a failed push's message. */
  private String containerLog() {
    try {
      return direct
          .pods()
          .withName(pod().getMetadata().getName())
          .inContainer(NAME)
          .tailingLines(60)
          .getLog();
    } catch (RuntimeException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private String execQuietly(String... command) {
    try {
      return exec(command);
    } catch (Exception e) {
      return null;
    }
  }

  private String exec(String... command) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var w =
        direct
            .pods()
            .withName(pod().getMetadata().getName())
            .inContainer(NAME)
            .writingOutput(out)
            .exec(command)) {
      w.exitCode().get(60, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
