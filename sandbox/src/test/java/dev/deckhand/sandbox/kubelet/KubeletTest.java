package dev.deckhand.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.api.Flavour;
import dev.deckhand.sandbox.api.SandboxApiServer;
import dev.deckhand.sandbox.api.StreamsSwitch;
import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kubelet against real podman: init containers, status, exec, logs, crash loops. */
class KubeletTest {
  private static final PodmanCli PODMAN = new PodmanCli();
  private static final String BB = TestImages.BUSYBOX;

  private SandboxApiServer api;
  private KubernetesClient client;
  private Kubelet kubelet;

  @BeforeAll
  static void images() throws Exception {
    assumeThat(PODMAN.available()).as("podman is needed for kubelet tests").isTrue();
    TestImages.ensureBusybox(PODMAN);
  }

  @BeforeEach
  void start() throws Exception {
    StreamsSwitch streams = new StreamsSwitch();
    api = SandboxApiServer.start(0, Flavour.KUBERNETES, streams, streams);
    client = api.newClient();
    EventRecorder sink = new EventRecorder(client, "kubelet", Kubelet.NODE_NAME);
    kubelet = new Kubelet(client, PODMAN, sink, Duration.ofMillis(300), "ktest").start();
    streams.plug(kubelet.streams());
  }

  @AfterEach
  void stop() {
    kubelet.close();
    client.close();
    api.close();
  }

  @AfterAll
  static void cleanup() throws Exception {
    if (PODMAN.available()) {
      Kubelet k = new Kubelet(null, PODMAN, null, Duration.ofSeconds(1), "ktest");
      k.removeLeftovers();
      k.removeVolumes();
    }
  }

  private static PodBuilder pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .addNewVolume()
        .withName("shared")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec();
  }

  private Pod get(String name) {
    return client.pods().withName(name).get();
  }

  @Test
  void runsInitContainersInOrderThenTheAppAndServesIt() throws Exception {
    Pod pod =
        pod("web")
            .editSpec()
            .addNewInitContainer()
            .withName("first")
            .withImage(BB)
            .withCommand("sh", "-c")
            .withArgs("echo one > /shared/order")
            .addNewVolumeMount()
            .withName("shared")
            .withMountPath("/shared")
            .endVolumeMount()
            .endInitContainer()
            .addNewInitContainer()
            .withName("second")
            .withImage(BB)
            .withCommand(
                "sh",
                "-c",
                "echo two >> /shared/order; mkdir -p /shared/www; cp /shared/order /shared/www/index.html")
            .addNewVolumeMount()
            .withName("shared")
            .withMountPath("/shared")
            .endVolumeMount()
            .endInitContainer()
            .addNewContainer()
            .withName("app")
            .withImage(BB)
            .withCommand("httpd", "-f", "-p", "8080", "-h", "/shared/www")
            .addNewEnv()
            .withName("GREETING")
            .withValue("hello")
            .endEnv()
            .addNewPort()
            .withContainerPort(8080)
            .endPort()
            .addNewVolumeMount()
            .withName("shared")
            .withMountPath("/shared")
            .endVolumeMount()
            .endContainer()
            .endSpec()
            .build();
    client.pods().resource(pod).create();

    await().atMost(Duration.ofSeconds(60)).until(() -> "Running".equals(phase(get("web"))));

    Pod running = get("web");
    assertThat(running.getSpec().getNodeName()).isEqualTo(Kubelet.NODE_NAME);
    assertThat(running.getStatus().getInitContainerStatuses())
        .extracting(s -> s.getName() + "=" + s.getState().getTerminated().getExitCode())
        .containsExactly("first=0", "second=0");
    ContainerStatus app = running.getStatus().getContainerStatuses().get(0);
    assertThat(app.getReady()).isTrue();
    assertThat(app.getState().getRunning()).isNotNull();
    assertThat(app.getContainerID()).startsWith("podman://");
    assertThat(running.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .contains("PodScheduled=True", "Initialized=True", "Ready=True");

    Integer port = kubelet.hostPort(running, 8080);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body()).isEqualTo("one\ntwo\n");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var exec =
        client
            .pods()
            .withName("web")
            .writingOutput(out)
            .exec("sh", "-c", "echo $GREETING; exit 4")) {
      assertThat(exec.exitCode().get(20, TimeUnit.SECONDS)).isEqualTo(4);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    assertThat(events())
        .anyMatch(e -> e.startsWith("Scheduled:"))
        .anyMatch(e -> e.startsWith("Started:"));
  }

  @Test
  void subPathFolderIsMadeOnlyAfterInitContainersAndPvcDataOutlivesThePod() throws Exception {
    client
        .persistentVolumeClaims()
        .resource(
            new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("data")
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .endSpec()
                .build())
        .create();
    client
        .persistentVolumeClaims()
        .withName("data")
        .editStatus(
            p ->
                new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder(p)
                    .withNewStatus()
                    .withPhase("Bound")
                    .endStatus()
                    .build());
    Pod pod =
        pod("seed")
            .editSpec()
            .addNewVolume()
            .withName("data")
            .withNewPersistentVolumeClaim()
            .withClaimName("data")
            .endPersistentVolumeClaim()
            .endVolume()
            // odo's copy-files-to-volume seeds app-root only when it does not exist yet.
            .addNewInitContainer()
            .withName("seed")
            .withImage(BB)
            .withCommand(
                "sh",
                "-c",
                "[ -e /mnt/app-root ] || { mkdir /mnt/app-root && echo seeded > /mnt/app-root/marker; }")
            .addNewVolumeMount()
            .withName("data")
            .withMountPath("/mnt")
            .endVolumeMount()
            .endInitContainer()
            .addNewContainer()
            .withName("app")
            .withImage(BB)
            .withCommand("sleep", "1000")
            .addNewVolumeMount()
            .withName("data")
            .withMountPath("/opt/app-root")
            .withSubPath("app-root")
            .endVolumeMount()
            .endContainer()
            .endSpec()
            .build();
    client.pods().resource(pod).create();
    await().atMost(Duration.ofSeconds(60)).until(() -> "Running".equals(phase(get("seed"))));

    assertThat(execOut("seed", "cat", "/opt/app-root/marker")).isEqualTo("seeded\n");

    client.pods().withName("seed").delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !PODMAN
                    .run(List.of("pod", "exists", kubelet.names().pod("default", "seed")), 10)
                    .ok());
    client
        .pods()
        .resource(new PodBuilder(pod).editMetadata().withName("seed2").endMetadata().build())
        .create();
    await().atMost(Duration.ofSeconds(60)).until(() -> "Running".equals(phase(get("seed2"))));
    assertThat(execOut("seed2", "cat", "/opt/app-root/marker")).isEqualTo("seeded\n");
  }

  private String execOut(String pod, String... command) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var exec = client.pods().withName(pod).writingOutput(out).exec(command)) {
      assertThat(exec.exitCode().get(20, TimeUnit.SECONDS)).isZero();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void crashingAppIsRestartedWithBackOffAndLogsShowIt() {
    client
        .pods()
        .resource(
            pod("crash")
                .editSpec()
                .addNewContainer()
                .withName("app")
                .withImage(BB)
                .withCommand("sh", "-c", "echo started; sleep 1; exit 3")
                .endContainer()
                .endSpec()
                .build())
        .create();

    await().atMost(Duration.ofSeconds(60)).until(() -> restarts(get("crash")) >= 2);

    ContainerStatus s = get("crash").getStatus().getContainerStatuses().get(0);
    assertThat(s.getLastState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(client.pods().withName("crash").getLog()).contains("started");
    assertThat(events())
        .anyMatch(e -> e.startsWith("BackOff: Back-off restarting failed container app"));
  }

  @Test
  void failingInitContainerIsReportedWithItsExitCode() {
    client
        .pods()
        .resource(
            pod("badinit")
                .editSpec()
                .addNewInitContainer()
                .withName("copy")
                .withImage(BB)
                .withCommand("sh", "-c", "echo no such file >&2; exit 7")
                .endInitContainer()
                .addNewContainer()
                .withName("app")
                .withImage(BB)
                .withCommand("sleep", "100")
                .endContainer()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Pod p = get("badinit");
              return p.getStatus() != null
                  && !p.getStatus().getInitContainerStatuses().isEmpty()
                  && p.getStatus().getInitContainerStatuses().get(0).getState().getTerminated()
                      != null
                  && p.getStatus()
                          .getInitContainerStatuses()
                          .get(0)
                          .getState()
                          .getTerminated()
                          .getExitCode()
                      == 7;
            });
    Pod p = get("badinit");
    assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
        .isEqualTo("PodInitializing");
    assertThat(client.pods().withName("badinit").inContainer("copy").getLog())
        .contains("no such file");
  }

  @Test
  void missingImageIsAnImagePullError() {
    client
        .pods()
        .resource(
            pod("noimage")
                .editSpec()
                .addNewContainer()
                .withName("app")
                .withImage("localhost/deckhand-test/does-not-exist:1")
                .endContainer()
                .endSpec()
                .build())
        .create();

    // As a kubelet: ErrImagePull with the pull error, then ImagePullBackOff while it waits.
    java.util.Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Pod p = get("noimage");
              if (p.getStatus() != null && !p.getStatus().getContainerStatuses().isEmpty()) {
                var w = p.getStatus().getContainerStatuses().get(0).getState().getWaiting();
                if (w != null && w.getReason() != null && w.getMessage() != null) {
                  seen.putIfAbsent(w.getReason(), w.getMessage());
                }
              }
              return seen.containsKey("ErrImagePull") && seen.containsKey("ImagePullBackOff");
            });
    assertThat(seen.get("ErrImagePull"))
        .isEqualTo(
            "image localhost/deckhand-test/does-not-exist:1 not found: it is not among podman's"
                + " local images");
    assertThat(seen.get("ImagePullBackOff"))
        .isEqualTo("Back-off pulling image \"localhost/deckhand-test/does-not-exist:1\"");
    assertThat(events())
        .contains(
            "Failed: Failed to pull image \"localhost/deckhand-test/does-not-exist:1\": image"
                + " localhost/deckhand-test/does-not-exist:1 not found: it is not among podman's"
                + " local images");
  }

  @Test
  void deletingThePodRemovesItFromPodman() throws Exception {
    client
        .pods()
        .resource(
            pod("gone")
                .editSpec()
                .addNewContainer()
                .withName("app")
                .withImage(BB)
                .withCommand("sleep", "1000")
                .endContainer()
                .endSpec()
                .build())
        .create();
    await().atMost(Duration.ofSeconds(60)).until(() -> "Running".equals(phase(get("gone"))));

    client.pods().withName("gone").delete();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !PODMAN
                    .run(List.of("pod", "exists", kubelet.names().pod("default", "gone")), 10)
                    .ok());
  }

  /** "Reason: message" of every event in the sandbox, as kubectl get events shows them. */
  private List<String> events() {
    return client.v1().events().inAnyNamespace().list().getItems().stream()
        .map(e -> e.getReason() + ": " + e.getMessage())
        .toList();
  }

  private static String phase(Pod p) {
    return p == null || p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  private static int restarts(Pod p) {
    if (p == null || p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty()) {
      return 0;
    }
    return p.getStatus().getContainerStatuses().get(0).getRestartCount();
  }
}
