package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.event.AppState;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.core.status.AppMark;
import dev.deckhand.core.status.ComponentStatusReader;
import dev.deckhand.core.status.HealthState;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10, defects 4/12: the supervisor counts an app that lived 1 s as started, so an app that
 * throws later passes assemble-and-restart with exit 0. The push's end checks the app (an HTTP
 * answer at its URL, else the supervisor) and says what it found, typed; it never says ready for an
 * app that is down. Deterministic: the broken app throws 1.5 s after its start, always after the
 * supervisor's 1 s check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadyCheckOnSandboxTest {
  private static final String NAME = "late-app";
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
            SandboxOptions.defaults().withDataDir(Files.createTempDirectory("deckhand-ready-e2e")));
    client = sandbox.newClient();
    folder = SampleApp.create("late", null);
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      client.close();
      sandbox.close(true);
    }
  }

  @Test
  @Order(1)
  void aGoodAppsPushEndsAnsweringAtItsUrl() throws Exception {
    PushResult r = push(PushOptions.defaults());

    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(r.summary()).isEqualTo("Changes pushed to " + NAME);
    assertThat(r.appState()).isEqualTo(AppState.ANSWERING);
    PushEvent.AppChecked checked = appChecked();
    assertThat(checked.appState()).isEqualTo(AppState.ANSWERING);
    assertThat(checked.supervisorStatus()).isNull(); // the answer was enough: no exec
    assertThat(readyCompleted().message()).isEqualTo("answering at " + r.url());
    assertThat(finished().appState()).isEqualTo(AppState.ANSWERING);
    // Checked, so true right after the push, without waiting.
    assertThat(answer(r.url())).isEqualTo("hello from sample v1\n");
  }

  @Test
  @Order(2)
  void anAppThatThrowsAfterTheSupervisorsCheckIsReportedAsExitingAtStart() throws Exception {
    Files.writeString(
        folder.resolve("server.js"),
        "// throws after the supervisor's 1 s start check\n"
            + "setTimeout(() => { throw new Error('late failure'); }, 1500);\n");
    PushResult r = push(PushOptions.defaults());

    // The files are in the container and recorded: the push succeeded, the app did not.
    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(r.summary())
        .startsWith(
            "Changes pushed to "
                + NAME
                + "; restarted, but the app exits at start and the supervisor keeps restarting it"
                + " (")
        .endsWith("); see deckhand logs");
    assertThat(r.appState()).as(r.summary()).isEqualTo(AppState.RESTARTING);
    assertThat(r.appDown()).isTrue();
    PushEvent.AppChecked checked = appChecked();
    assertThat(checked.appState()).isEqualTo(AppState.RESTARTING);
    assertThat(checked.supervisorStatus()).startsWith("run ");
    assertThat(events)
        .filteredOn(PushEvent.StageFailed.class::isInstance)
        .map(PushEvent.StageFailed.class::cast)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo(Stage.READY);
              assertThat(f.reason()).isEqualTo(checked.message());
            });
    assertThat(finished().success()).isTrue();
    assertThat(finished().green()).isFalse();
    // And that is what is: nothing answers, status readers see the app down.
    assertThat(answer(r.url())).isNull();
    assertThat(appMark()).isEqualTo(AppMark.DOWN.value());
    assertThat(
            ComponentStatusReader.read(client, new ComponentNames("late", "app"), "default")
                .health()
                .state())
        .isEqualTo(HealthState.APP_NOT_RUNNING);
    // The index advanced (the container has the files): nothing is left to push.
    PushResult again = push(PushOptions.defaults());
    assertThat(again.summary()).isEqualTo("No file changes detected; nothing pushed");
    System.out.println("late failure: " + r.summary() + " in " + r.duration().toMillis() + " ms");
  }

  @Test
  @Order(3)
  void anAppThatRunsWithoutListeningIsSaidToNotAnswerYet() throws Exception {
    Files.writeString(
        folder.resolve("server.js"), "// runs, listens nowhere\nsetInterval(() => {}, 1000);\n");
    PushResult r = push(PushOptions.defaults().withReadyTimeout(Duration.ofSeconds(4)));

    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(r.appState()).as(r.summary()).isEqualTo(AppState.NOT_ANSWERING);
    assertThat(r.summary())
        .isEqualTo(
            "Changes pushed to "
                + NAME
                + "; restarted; the app runs but does not answer at "
                + r.url()
                + " yet (no answer in 4 s)");
    assertThat(appMark()).isEqualTo(AppMark.STARTED.value());
  }

  @Test
  @Order(4)
  void theFixedAppAnswersAndIsMarkedStarted() throws Exception {
    try (var in = SampleApp.class.getResourceAsStream("/sample-nodejs/server.js")) {
      Files.copy(in, folder.resolve("server.js"), StandardCopyOption.REPLACE_EXISTING);
    }
    PushResult r = push(PushOptions.defaults());

    assertThat(r.appState()).as(r.summary()).isEqualTo(AppState.ANSWERING);
    assertThat(appMark()).isEqualTo(AppMark.STARTED.value());
    assertThat(answer(r.url())).isEqualTo("hello from sample v1\n");
  }

  private PushResult push(PushOptions options) throws InterruptedException {
    events.clear();
    return new PushSession(folder, client, Platform.SANDBOX, options, events::add).run();
  }

  private PushEvent.AppChecked appChecked() {
    return events.stream()
        .filter(PushEvent.AppChecked.class::isInstance)
        .map(PushEvent.AppChecked.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private PushEvent.StageCompleted readyCompleted() {
    return events.stream()
        .filter(PushEvent.StageCompleted.class::isInstance)
        .map(PushEvent.StageCompleted.class::cast)
        .filter(c -> c.stage() == Stage.READY)
        .findFirst()
        .orElseThrow();
  }

  private PushEvent.PushFinished finished() {
    return events.stream()
        .filter(PushEvent.PushFinished.class::isInstance)
        .map(PushEvent.PushFinished.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private String appMark() {
    return client
        .apps()
        .deployments()
        .withName(NAME)
        .get()
        .getMetadata()
        .getAnnotations()
        .get(AppMark.ANNOTATION);
  }

  /** The body, or null when nothing answers (refused, or the port forward closes at once). */
  private static String answer(String url) throws InterruptedException {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return null;
    }
  }
}
