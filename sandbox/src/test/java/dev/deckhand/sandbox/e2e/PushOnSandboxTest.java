package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The push engine against the sandbox, with the sample Node.js app in src/test/resources. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushOnSandboxTest {
  private static final String NAME = "sample-app";
  private Sandbox sandbox;
  private KubernetesClient client;
  private Path folder;
  private final List<PushEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available())
        .as("podman is needed for the push end-to-end tests (CI installs it)")
        .isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-push-e2e"))
                .withPvcBindDelay(Duration.ofMillis(700)));
    client = sandbox.newClient();
    folder = SampleApp.create("sample", "web");
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      client.close();
      sandbox.close(true);
    }
  }

  private PushResult push() throws InterruptedException {
    events.clear();
    return new PushSession(folder, client, Platform.SANDBOX, PushOptions.defaults(), events::add)
        .run();
  }

  @Test
  @Order(1)
  void firstPushCreatesEverythingAndTheAppAnswers() throws Exception {
    PushResult r = push();

    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(r.full()).isTrue();
    assertThat(r.execs()).isEqualTo(2);
    assertThat(completedStages())
        .containsExactly(
            "resolve",
            "apply",
            "pvc",
            "scheduled",
            "init-container copy-files-to-volume",
            "init-container copy-supervisord",
            "app-container",
            "index",
            "sync",
            "assemble",
            "ready");
    assertThat(events)
        .anySatisfy(e -> assertThat(e).isInstanceOf(PushEvent.Hold.class))
        .anySatisfy(e -> assertThat(e).isInstanceOf(PushEvent.LogLine.class));
    assertThat(r.url()).startsWith("http://127.0.0.1:");
    await().atMost(Duration.ofSeconds(20)).until(() -> "hello from sample v1\n".equals(get("/")));
    assertThat(client.services().withName(NAME).get()).isNotNull();
    assertThat(client.secrets().withName(NAME + "-8080").get()).isNotNull();
    assertThat(client.network().v1().ingresses().withName("web-app").get()).isNotNull();
  }

  @Test
  @Order(2)
  void statusSeesTheRunningComponentOnTheSandbox() throws Exception {
    var names = new dev.deckhand.core.manifest.ComponentNames("sample", "app");
    var status = dev.deckhand.core.status.ComponentStatusReader.read(client, names, "default");

    assertThat(status.health().state()).isEqualTo(dev.deckhand.core.status.HealthState.RUNNING);
    assertThat(status.url()).startsWith("http://127.0.0.1:");
    assertThat(status.pod().initContainers())
        .extracting(c -> c.name() + "=" + c.exitCode())
        .containsExactly("copy-files-to-volume=0", "copy-supervisord=0");
    assertThat(status.pod().containers().get(0).ready()).isTrue();
    assertThat(status.volumes()).anySatisfy(v -> assertThat(v.bound()).isTrue());
  }

  @Test
  @Order(3)
  void anEditChangesTheAnswerAndOnlyTheEditIsSent() throws Exception {
    edit("lib/greeting.js", "module.exports = () => 'hello from sample v2';\n");

    PushResult r = push();

    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(r.full()).isFalse();
    assertThat(r.filesSent()).isEqualTo(1);
    assertThat(r.execs()).isEqualTo(2);
    await().atMost(Duration.ofSeconds(20)).until(() -> "hello from sample v2\n".equals(get("/")));
  }

  @Test
  @Order(4)
  void nothingChangedMeansNothingSent() throws Exception {
    PushResult r = push();

    assertThat(r.success()).isTrue();
    assertThat(r.summary()).contains("No file changes");
    assertThat(r.execs()).isZero();
  }

  @Test
  @Order(5)
  void deletesAndRenamesOfFilesAndDirectoriesAreMirrored() throws Exception {
    Files.move(folder.resolve("public"), folder.resolve("static"));
    Files.writeString(folder.resolve("notes.txt"), "to be deleted");
    assertThat(push().success()).isTrue();
    assertThat(exec("ls", "/tmp/src")).contains("static", "notes.txt").doesNotContain("public");

    Files.delete(folder.resolve("notes.txt"));
    Files.move(folder.resolve("static/index.html"), folder.resolve("static/home.html"));
    PushResult r = push();

    assertThat(r.success()).as(r.summary()).isTrue();
    String tmpSrc = exec("sh", "-c", "cd /tmp/src && find . | sort");
    assertThat(tmpSrc).contains("./static/home.html").doesNotContain("notes.txt", "index.html");
    assertThat(exec("sh", "-c", "ls /opt/app-root/src")).doesNotContain("notes.txt", "public");
  }

  @Test
  @Order(6)
  void aFailedAssembleKeepsThePreviousAppAndDoesNotAdvanceTheIndex() throws Exception {
    Path index = ComponentIndexer.indexFile(folder);
    byte[] before = Files.readAllBytes(index);
    Files.createDirectories(folder.resolve(".s2i/bin"));
    Path assemble = folder.resolve(".s2i/bin/assemble");
    Files.writeString(
        assemble, "#!/bin/sh\necho building...\necho 'npm ERR! broken build' >&2\nexit 3\n");
    assemble.toFile().setExecutable(true);
    edit("lib/greeting.js", "module.exports = () => 'hello from sample v3';\n");

    PushResult r = push();

    assertThat(r.success()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "assemble-and-restart failed (exit 3); the previous version is still running; the"
                + " changes stay pending");
    PushEvent.StageFailed failed =
        events.stream()
            .filter(PushEvent.StageFailed.class::isInstance)
            .map(PushEvent.StageFailed.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(failed.stage()).isEqualTo(Stage.ASSEMBLE);
    assertThat(failed.logTail()).anyMatch(l -> l.contains("npm ERR! broken build"));
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e).isInstanceOf(PushEvent.LogLine.class);
              assertThat(((PushEvent.LogLine) e).stream()).isEqualTo(PushEvent.OutputStream.STDERR);
            });
    assertThat(get("/")).isEqualTo("hello from sample v2\n");
    assertThat(Files.readAllBytes(index)).isEqualTo(before);

    Files.delete(assemble);
    PushResult fixed = push();
    assertThat(fixed.success()).as(fixed.summary()).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> "hello from sample v3\n".equals(get("/")));
  }

  @Test
  @Order(7)
  void theSupervisorRestartsACrashedApp() throws Exception {
    exec("sh", "-c", "kill -9 $(pidof node)");

    await().atMost(Duration.ofSeconds(30)).until(() -> "hello from sample v3\n".equals(get("/")));
  }

  @Test
  @Order(8)
  void aDeletedPodMeansTheNextPushIsFullAndTheAppAnswersAgain() throws Exception {
    String old = pod().getMetadata().getName();
    client.pods().withName(old).delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> pod() != null && !pod().getMetadata().getName().equals(old));

    PushResult r = push();

    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(r.full()).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> "hello from sample v3\n".equals(get("/")));
  }

  private List<String> completedStages() {
    List<String> out = new ArrayList<>();
    for (PushEvent e : events) {
      if (e instanceof PushEvent.StageCompleted c) {
        out.add(c.stage().id() + (c.stage() == Stage.INIT_CONTAINER ? " " + c.container() : ""));
      }
    }
    return out;
  }

  private void edit(String file, String content) throws IOException, InterruptedException {
    Path p = folder.resolve(file);
    Files.writeString(p, content);
  }

  private Pod pod() {
    return client.pods().list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(NAME))
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .findFirst()
        .orElse(null);
  }

  private String exec(String... command) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var w =
        client
            .pods()
            .withName(pod().getMetadata().getName())
            .inContainer(NAME)
            .writingOutput(out)
            .exec(command)) {
      w.exitCode().get(30, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private String get(String path) {
    try {
      String base =
          client
              .services()
              .withName(NAME)
              .get()
              .getMetadata()
              .getAnnotations()
              .get("deckhand.dev/url");
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return null;
    }
  }
}
