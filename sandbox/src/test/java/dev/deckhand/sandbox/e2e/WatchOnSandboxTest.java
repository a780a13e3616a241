package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.core.watch.ChangeBatch;
import dev.deckhand.core.watch.ComponentWatch;
import dev.deckhand.core.watch.WatchSettings;
import dev.deckhand.core.watch.Watches;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Watch mode against the sandbox: edits reach the app with no command, bursts stay batched. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchOnSandboxTest {
  private static final String NAME = "watched-app";
  private Sandbox sandbox;
  private KubernetesClient client;
  private Path folder;
  private Watches watches;
  private ComponentWatch watch;
  private final AtomicInteger pushes = new AtomicInteger();
  private final List<PushResult> results = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available())
        .as("podman is needed for the watch end-to-end tests (CI installs it)")
        .isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-watch-e2e"))
                .withPvcBindDelay(Duration.ofMillis(300)));
    client = sandbox.newClient();
    folder = SampleApp.create("watched", null);

    PushOptions options = PushOptions.defaults().withReuseRunningPod(true);
    watches = new Watches(WatchSettings.defaults());
    watch =
        watches.start(
            folder,
            IndexOptions.defaults(),
            (ChangeBatch batch) -> {
              pushes.incrementAndGet();
              PushResult r =
                  new PushSession(folder, client, Platform.SANDBOX, options, e -> {}).run();
              results.add(r);
              if (!r.success()) {
                throw new IllegalStateException(r.summary());
              }
            },
            new Watches.Events() {});
    watch.pushNow();
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      watches.close();
      client.close();
      sandbox.close(true);
    }
  }

  @Test
  @Order(1)
  void theFirstPushBringsTheAppUp() {
    await().atMost(Duration.ofSeconds(120)).until(() -> !results.isEmpty() && idle());
    assertThat(results).allMatch(PushResult::success);
    assertThat(get()).isEqualTo("hello from sample v1\n");
  }

  private boolean idle() {
    return watch.pushes().state().name().equals("IDLE");
  }

  @Test
  @Order(2)
  void anEditChangesTheAnswerWithoutAnyCommand() throws Exception {
    int before = results.size();
    Files.writeString(
        folder.resolve("lib/greeting.js"), "module.exports = () => 'hello from sample v2';\n");

    await().atMost(Duration.ofSeconds(30)).until(() -> "hello from sample v2\n".equals(get()));
    await().atMost(Duration.ofSeconds(30)).until(() -> results.size() > before && idle());
    assertThat(results).hasSize(before + 1);
    PushResult last = results.get(results.size() - 1);
    assertThat(last.full()).isFalse();
    assertThat(last.filesSent()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void aBurstOf2000WritesEndsInAtMostTwoPushesWithNothingLost() throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> watch.pushes().state().name().equals("IDLE"));
    int before = pushes.get();
    Path burst = Files.createDirectories(folder.resolve("burst"));
    for (int i = 0; i < 2000; i++) {
      Files.writeString(burst.resolve("f" + i + ".txt"), "content " + i);
    }

    // Converged: every file arrived with its content, and the queue stayed idle for a while (a
    // file caught half-written by a mid-burst scan is re-sent by the queued push).
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                "2000".equals(exec("sh", "-c", "ls /tmp/src/burst | wc -l").trim())
                    && "content 1999".equals(exec("cat", "/tmp/src/burst/f1999.txt")));
    await().atMost(Duration.ofSeconds(60)).during(Duration.ofMillis(700)).until(this::idle);
    assertThat(pushes.get() - before).isBetween(1, 2);
    assertThat(exec("cat", "/tmp/src/burst/f0.txt")).isEqualTo("content 0");
    assertThat(results).allMatch(PushResult::success);
  }

  private String exec(String... command) throws Exception {
    var pod =
        client.pods().list().getItems().stream()
            .filter(p -> p.getMetadata().getName().startsWith(NAME))
            .findFirst()
            .orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var w =
        client
            .pods()
            .withName(pod.getMetadata().getName())
            .inContainer(NAME)
            .writingOutput(out)
            .exec(command)) {
      w.exitCode().get(30, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private String get() {
    try {
      var svc = client.services().withName(NAME).get();
      String base = svc.getMetadata().getAnnotations().get("deckhand.dev/url");
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + "/")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return null;
    }
  }
}
