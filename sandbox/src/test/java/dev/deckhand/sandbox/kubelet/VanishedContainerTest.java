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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A container or podman pod removed behind the kubelet's back (podman rm -f, another program's
 * cleanup) is made again as a real kubelet does (restartCount+1), or fails the pod with an event
 * when its restartPolicy is Never. Before, the pod stayed in PodInitializing forever.
 */
class VanishedContainerTest {
  private static final PodmanCli PODMAN = new PodmanCli();
  private static final String BB = TestImages.BUSYBOX;

  // Unique per test JVM, so parallel runs on one machine never clean up each other's pods.
  private final String instance = "vc" + Long.toString(ProcessHandle.current().pid(), 36);
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
    kubelet = new Kubelet(client, PODMAN, sink, Duration.ofMillis(300), instance).start();
    streams.plug(kubelet.streams());
  }

  @AfterEach
  void stop() throws Exception {
    kubelet.close();
    kubelet.removeVolumes();
    client.close();
    api.close();
  }

  private Pod create(String name, String restartPolicy) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withRestartPolicy(restartPolicy)
            .addNewVolume()
            .withName("shared")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .addNewInitContainer()
            .withName("seed")
            .withImage(BB)
            .withCommand("sh", "-c", "echo seeded > /shared/marker")
            .addNewVolumeMount()
            .withName("shared")
            .withMountPath("/shared")
            .endVolumeMount()
            .endInitContainer()
            .addNewContainer()
            .withName("app")
            .withImage(BB)
            .withCommand("sleep", "1000")
            .addNewVolumeMount()
            .withName("shared")
            .withMountPath("/shared")
            .endVolumeMount()
            .endContainer()
            .endSpec()
            .build();
    client.pods().resource(pod).create();
    await().atMost(Duration.ofSeconds(60)).until(() -> runningWithRestarts(name, 0));
    return get(name);
  }

  @Test
  void removedAppContainerIsCreatedAgainAndExecWorks() throws Exception {
    Pod before = create("rmctr", "Always");
    String oldId = app(before).getContainerID();

    PODMAN.check(
        List.of("rm", "-f", "-t", "0", kubelet.names().container("default", "rmctr", "app")), 60);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(summary("rmctr")).isEqualTo("Running restarts=1 running"));
    ContainerStatus app = app(get("rmctr"));
    assertThat(app.getContainerID()).isNotEqualTo(oldId);
    assertThat(app.getLastState().getTerminated().getReason()).isEqualTo("ContainerStatusUnknown");
    assertThat(execOut("rmctr", "cat", "/shared/marker")).isEqualTo("seeded\n");
    assertThat(events())
        .anyMatch(
            e ->
                e.startsWith("ContainerGone: The container app was removed from podman")
                    && e.endsWith("creating it again"));
  }

  @Test
  void removedPodmanPodIsRecreatedWithItsInitContainers() throws Exception {
    create("rmpod", "Always");
    assertThat(
            PODMAN
                .check(
                    List.of(
                        "pod",
                        "inspect",
                        "--format",
                        "{{index .Labels \"" + ProcessOwner.LABEL + "\"}}",
                        kubelet.names().pod("default", "rmpod")),
                    30)
                .strip())
        .as("the podman pod names its owner, for the pruning of leftovers")
        .isEqualTo(ProcessOwner.current().orElseThrow());

    PODMAN.check(
        List.of("pod", "rm", "-f", "-t", "0", kubelet.names().pod("default", "rmpod")), 60);

    // At least one restart: podman removes the containers before the pod, and a kubelet that
    // looks in between replaces the app container first, then the whole pod (two restarts).
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(summary("rmpod")).matches("Running restarts=[12] running"));
    assertThat(execOut("rmpod", "cat", "/shared/marker")).isEqualTo("seeded\n");
    assertThat(events()).anyMatch(e -> e.startsWith("SandboxChanged: Pod sandbox changed"));
  }

  @Test
  void removedContainerOfANeverRestartedPodFailsItWithAnEvent() throws Exception {
    create("never", "Never");

    PODMAN.check(
        List.of("rm", "-f", "-t", "0", kubelet.names().container("default", "never", "app")), 60);

    await().atMost(Duration.ofSeconds(60)).until(() -> "Failed".equals(phase(get("never"))));
    ContainerStatus app = app(get("never"));
    assertThat(app.getState().getTerminated().getReason()).isEqualTo("ContainerStatusUnknown");
    assertThat(app.getRestartCount()).isZero();
    assertThat(events())
        .contains(
            "ContainerStatusUnknown: The container app was removed from podman outside the"
                + " sandbox; restartPolicy is Never, so the pod failed");
  }

  private boolean runningWithRestarts(String name, int restarts) {
    return ("Running restarts=" + restarts + " running").equals(summary(name));
  }

  /** "phase restarts=N state" of the app container, e.g. "Running restarts=1 running". */
  private String summary(String name) {
    Pod p = get(name);
    if (p == null || p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty()) {
      return "no status";
    }
    ContainerStatus app = app(p);
    var s = app.getState();
    String state =
        s.getRunning() != null
            ? "running"
            : s.getWaiting() != null
                ? "waiting " + s.getWaiting().getReason() + " " + s.getWaiting().getMessage()
                : "terminated " + s.getTerminated().getReason();
    return phase(p) + " restarts=" + app.getRestartCount() + " " + state;
  }

  private String execOut(String pod, String... command) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var exec = client.pods().withName(pod).writingOutput(out).exec(command)) {
      assertThat(exec.exitCode().get(20, TimeUnit.SECONDS)).isZero();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private Pod get(String name) {
    return client.pods().withName(name).get();
  }

  private static ContainerStatus app(Pod p) {
    return p.getStatus().getContainerStatuses().get(0);
  }

  private List<String> events() {
    return client.v1().events().inAnyNamespace().list().getItems().stream()
        .map(e -> e.getReason() + ": " + e.getMessage())
        .toList();
  }

  private static String phase(Pod p) {
    return p == null || p.getStatus() == null ? null : p.getStatus().getPhase();
  }
}
