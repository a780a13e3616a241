package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.UrlSetting;
import dev.deckhand.core.manifest.ComponentManifests;
import dev.deckhand.core.manifest.ManifestBuilder;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The pod template of core's manifests — odo 1.x's, for the sandbox platform — comes up in the
 * sandbox with real containers, and does what odo's does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OdoComponentOnSandboxTest {
  private static final String COMPONENT = "shop";
  private static final String NAME = "shop-app";
  private static final String PVC = NAME + "-s2idata";

  private Path dataDir;
  private Sandbox sandbox;
  private KubernetesClient client;
  private final PodmanCli podman = new PodmanCli();
  private final List<String> podSteps = new CopyOnWriteArrayList<>();
  private final List<String> pvcPhases = new CopyOnWriteArrayList<>();
  private final List<Watch> watches = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    assumeThat(podman.available())
        .as("podman is needed for the sandbox end-to-end tests (CI installs it)")
        .isTrue();
    dataDir = java.nio.file.Files.createTempDirectory("deckhand-sandbox-e2e");
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(dataDir)
                .withPvcBindDelay(Duration.ofMillis(700)));
    client = sandbox.newClient();
    watches.add(client.pods().watch(recorder(this::podStep, podSteps)));
    watches.add(
        client
            .persistentVolumeClaims()
            .watch(
                recorder(
                    (PersistentVolumeClaim c) ->
                        c.getStatus() == null ? null : c.getStatus().getPhase(),
                    pvcPhases)));
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      watches.forEach(Watch::close);
      client.close();
      sandbox.close(true);
    }
  }

  private static <T> Watcher<T> recorder(
      java.util.function.Function<T, String> f, List<String> to) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        String step = f.apply(resource);
        if (step != null && (to.isEmpty() || !to.get(to.size() - 1).equals(step))) {
          to.add(step);
        }
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }

  /** One line per observable step of a pod: where it is in its start-up. */
  private String podStep(Pod p) {
    if (p.getStatus() == null) {
      return "created";
    }
    if (p.getSpec().getNodeName() == null) {
      return "unscheduled";
    }
    StringBuilder sb = new StringBuilder("scheduled");
    for (ContainerStatus s : p.getStatus().getInitContainerStatuses()) {
      sb.append(' ').append(s.getName()).append('=').append(state(s));
    }
    for (ContainerStatus s : p.getStatus().getContainerStatuses()) {
      sb.append(" app=").append(state(s)).append(Boolean.TRUE.equals(s.getReady()) ? "/ready" : "");
    }
    return sb.toString();
  }

  private static String state(ContainerStatus s) {
    if (s.getState().getRunning() != null) {
      return "running";
    }
    if (s.getState().getTerminated() != null) {
      return "exit" + s.getState().getTerminated().getExitCode();
    }
    return s.getState().getWaiting() == null ? "?" : s.getState().getWaiting().getReason();
  }

  private ComponentManifests manifests() throws Exception {
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.name = COMPONENT;
    s.application = "app";
    s.project = "default";
    s.sourceType = SourceType.LOCAL;
    s.sourceLocation = "./";
    s.ports = List.of("8080/TCP");
    s.urls = List.of(new UrlSetting("web", 8080, null));
    return new ManifestBuilder(s, ComponentCatalog.builtIn().resolve("nodejs"), Platform.SANDBOX)
        .build();
  }

  private Pod runningPod() {
    for (Pod p : client.pods().list().getItems()) {
      if (p.getMetadata().getName().startsWith(NAME)
          && p.getStatus() != null
          && "Running".equals(p.getStatus().getPhase())
          && p.getStatus().getContainerStatuses().stream()
              .allMatch(c -> Boolean.TRUE.equals(c.getReady()))) {
        return p;
      }
    }
    return null;
  }

  @Test
  @Order(1)
  void comesUpStepByStepAndAWatchSeesEachStepInOrder() throws Exception {
    for (HasMetadata object : manifests().all()) {
      client.resource(object).inNamespace("default").create();
    }

    await().atMost(Duration.ofSeconds(120)).until(() -> runningPod() != null);

    assertThat(pvcPhases).containsSubsequence("Pending", "Bound");
    assertThat(podSteps)
        .as("pod steps seen by a watch")
        .containsSubsequence(
            "scheduled copy-files-to-volume=exit0 copy-supervisord=exit0 app=running/ready");
    int firstScheduled = indexOf(podSteps, "scheduled");
    int firstInitDone = indexOf(podSteps, "copy-files-to-volume=exit0");
    int firstReady = indexOf(podSteps, "/ready");
    assertThat(firstScheduled).isNotNegative().isLessThan(firstInitDone);
    // Never ready before the init containers are done; the same status update may report both,
    // as a real kubelet's may, when the app starts between two status syncs (seen in CI).
    assertThat(firstInitDone).isLessThanOrEqualTo(firstReady);
    assertThat(podSteps.get(firstReady)).contains("copy-files-to-volume=exit0");
    Pod pod = runningPod();
    assertThat(pod.getStatus().getInitContainerStatuses())
        .extracting(ContainerStatus::getName)
        .containsExactly("copy-files-to-volume", "copy-supervisord");
    assertThat(pod.getStatus().getConditions())
        .extracting(PodCondition::getType, PodCondition::getStatus)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Initialized", "True"),
            org.assertj.core.groups.Tuple.tuple("Ready", "True"));
  }

  private static int indexOf(List<String> steps, String part) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  @Order(2)
  void initContainersCopiedWhatTheyShouldAndTheSupervisorRuns() throws Exception {
    assertThat(exec("ls", "/opt/odo/bin").out())
        .contains("go-init", "supervisord", "assemble-and-restart", "run", "s2i-setup");
    // Seeded from the builder image by copy-files-to-volume, and the supervisor's conf copied by
    // s2i-setup on the PVC.
    assertThat(exec("ls", "/opt/app-root").out()).contains("src", "conf");
    assertThat(exec("ls", "/opt/app-root/conf").out()).contains("supervisor.conf");
    Exec status = exec("/opt/odo/bin/supervisord", "ctl", "status", "run");
    assertThat(status.out() + status.err()).containsIgnoringCase("run");
  }

  @Test
  @Order(3)
  void execReturnsOutputAndExitCode() throws Exception {
    Exec e = exec("sh", "-c", "echo out; echo err >&2; exit 42");
    assertThat(e.code()).isEqualTo(42);
    assertThat(e.out()).isEqualTo("out\n");
    assertThat(e.err()).isEqualTo("err\n");
  }

  @Test
  @Order(4)
  void aTarUploadLandsInTmpSrcAndAssembleRunsTheApp() throws Exception {
    pushApp("v1");

    assertThat(exec("cat", "/tmp/src/server.js").out()).contains("v1");
    String url = url();
    await().atMost(Duration.ofSeconds(30)).until(() -> "hello v1".equals(get(url)));
  }

  @Test
  @Order(5)
  void logsFollowTheApp() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LogWatch watch =
        client.pods().withName(runningPod().getMetadata().getName()).watchLog(out)) {
      get(url() + "/ping");
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> out.toString(StandardCharsets.UTF_8).contains("GET /ping"));
    }
  }

  @Test
  @Order(6)
  void theSupervisorRestartsAKilledApp() throws Exception {
    String before = exec("sh", "-c", "pidof node").out().trim();
    assertThat(before).isNotEmpty();

    exec("sh", "-c", "kill -9 " + before);

    String url = url();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String now = exec("sh", "-c", "pidof node || true").out().trim();
              return !now.isEmpty() && !now.equals(before) && "hello v1".equals(get(url));
            });
  }

  @Test
  @Order(7)
  void deletingTheDeploymentRemovesPodAndEmptyDirButKeepsThePvcUntilItIsDeleted() throws Exception {
    String emptyDirs = "label=dev.deckhand.volume-kind=emptyDir";
    assertThat(podman.check(List.of("volume", "ls", "-q", "--filter", emptyDirs), 30)).isNotBlank();

    client.apps().deployments().withName(NAME).delete();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                client.pods().list().getItems().isEmpty()
                    && podman
                        .check(List.of("volume", "ls", "-q", "--filter", emptyDirs), 30)
                        .isBlank()
                    && podman
                        .check(
                            List.of("pod", "ps", "-q", "--filter", "label=dev.deckhand.pod-uid"),
                            30)
                        .isBlank());
    String claimVolume = sandbox.podmanNames().claimVolume("default", PVC);
    assertThat(client.persistentVolumeClaims().withName(PVC).get()).isNotNull();
    assertThat(podman.run(List.of("volume", "exists", claimVolume), 30).ok()).isTrue();

    client.persistentVolumeClaims().withName(PVC).delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !podman.run(List.of("volume", "exists", claimVolume), 30).ok());
  }

  @Test
  @Order(8)
  void aFailingInitContainerLeavesThePodInInitErrorWithItsExitCode() throws Exception {
    Deployment broken =
        new DeploymentBuilder(manifests().deployment().orElseThrow())
            .editSpec()
            .editTemplate()
            .editSpec()
            .editFirstInitContainer()
            .withArgs("echo cannot seed the volume >&2; exit 5")
            .endInitContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.persistentVolumeClaims().resource(manifests().s2iDataPvc()).create();
    client.apps().deployments().resource(broken).create();

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                client.pods().list().getItems().stream()
                    .anyMatch(
                        p ->
                            p.getStatus() != null
                                && !p.getStatus().getInitContainerStatuses().isEmpty()
                                && p.getStatus()
                                        .getInitContainerStatuses()
                                        .get(0)
                                        .getState()
                                        .getTerminated()
                                    != null
                                && p.getStatus()
                                        .getInitContainerStatuses()
                                        .get(0)
                                        .getState()
                                        .getTerminated()
                                        .getExitCode()
                                    == 5));
    Pod pod = client.pods().list().getItems().get(0);
    var terminated = pod.getStatus().getInitContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(
            client
                .pods()
                .withName(pod.getMetadata().getName())
                .inContainer("copy-files-to-volume")
                .getLog())
        .contains("cannot seed the volume");
    client.apps().deployments().withName(NAME).delete();
  }

  private record Exec(int code, String out, String err) {}

  private Exec exec(String... command) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ExecWatch w =
        client
            .pods()
            .withName(runningPod().getMetadata().getName())
            .writingOutput(out)
            .writingError(err)
            .exec(command)) {
      int code = w.exitCode().get(60, TimeUnit.SECONDS);
      return new Exec(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  private void pushApp(String version) throws Exception {
    String server =
        "require('http').createServer((q, r) => { console.log(q.method + ' ' + q.url);"
            + " r.end('hello "
            + version
            + "'); }).listen(8080, () => console.log('listening'));\n";
    String pkg =
        "{\"name\":\"shop\",\"version\":\"1.0.0\",\"main\":\"server.js\","
            + "\"scripts\":{\"start\":\"node server.js\"}}\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 10240)) {
      for (String[] f : new String[][] {{"server.js", server}, {"package.json", pkg}}) {
        byte[] content = f[1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(f[0]);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    byte[] tar = bytes.toByteArray();
    try (ExecWatch w =
        client
            .pods()
            .withName(runningPod().getMetadata().getName())
            .redirectingInput()
            .exec("sh", "-c", "head -c " + tar.length + " | tar xf - -C /tmp/src")) {
      w.getInput().write(tar);
      w.getInput().flush();
      assertThat(w.exitCode().get(30, TimeUnit.SECONDS)).isZero();
    }
    Exec assemble = exec("/opt/odo/bin/assemble-and-restart");
    assertThat(assemble.code()).as(assemble.out() + assemble.err()).isZero();
  }

  private String url() {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              var svc = client.services().withName(NAME).get();
              return svc.getMetadata().getAnnotations() == null
                  ? null
                  : svc.getMetadata().getAnnotations().get("deckhand.dev/url");
            },
            u -> u != null);
  }

  private static String get(String url) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return null;
    }
  }
}
