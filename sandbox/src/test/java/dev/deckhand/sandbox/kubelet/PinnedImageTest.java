package dev.deckhand.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.api.Flavour;
import dev.deckhand.sandbox.api.SandboxApiServer;
import dev.deckhand.sandbox.api.StreamsSwitch;
import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another checkout on the same machine retags {@code localhost/deckhand/<name>:latest} to its own
 * build; a sandbox's pods still run the build the sandbox ensured at start (its content-hash tag).
 * Before, new pods ran whatever {@code :latest} was at that moment (an assemble script flip-flopped
 * between two versions mid-test).
 */
class PinnedImageTest {
  private static final PodmanCli PODMAN = new PodmanCli();

  private final String instance = "pin" + Long.toString(ProcessHandle.current().pid(), 36);
  private final String repo = "localhost/deckhand-test/pinned-" + instance;
  private final String latest = repo + ":latest";
  private final String mine = repo + ":aaaaaaaaaaaa";
  private final String helper = "deckhand-test-" + instance + "-other-build";
  private SandboxApiServer api;
  private KubernetesClient client;
  private Kubelet kubelet;

  @BeforeAll
  static void images() throws Exception {
    assumeThat(PODMAN.available()).as("podman is needed for kubelet tests").isTrue();
    TestImages.ensureBusybox(PODMAN);
  }

  @AfterEach
  void stop() throws Exception {
    if (kubelet != null) {
      kubelet.close();
      kubelet.removeVolumes();
      client.close();
      api.close();
    }
    PODMAN.run(List.of("rm", "-f", "-t", "0", helper), 60);
    // By name: untags only our test names; the busybox test image keeps its own tag.
    PODMAN.run(List.of("rmi", latest, mine), 60);
  }

  @Test
  void podsRunTheSandboxsOwnBuildAfterLatestWasRetaggedByAnotherCheckout() throws Exception {
    // This sandbox's build A; a different build B that "another checkout" tags latest afterwards.
    String idA = imageId(TestImages.BUSYBOX);
    PODMAN.check(List.of("tag", idA, mine, latest), 30);
    PODMAN.check(List.of("create", "--name", helper, TestImages.BUSYBOX, "true"), 30);
    PODMAN.check(List.of("commit", "--quiet", "--change", "LABEL other=build", helper, latest), 60);
    String idB = imageId(latest);
    assertThat(idB).isNotEqualTo(idA);
    assertThat(imageId(mine)).as("both builds coexist under their own tags").isEqualTo(idA);

    startKubelet(Map.of(latest, mine));
    createPod("pinned");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Pod p = client.pods().inNamespace("default").withName("pinned").get();
              return p != null
                  && p.getStatus() != null
                  && "Running".equals(p.getStatus().getPhase());
            });

    String container = kubelet.names().container("default", "pinned", "app");
    assertThat(
            PODMAN
                .check(List.of("container", "inspect", "--format", "{{.Image}}", container), 30)
                .strip())
        .as("the container runs the sandbox's build, not what latest points at now")
        .isEqualTo(idA);
    Pod running = client.pods().inNamespace("default").withName("pinned").get();
    assertThat(running.getStatus().getContainerStatuses().get(0).getImage())
        .as("users still see the name of the spec")
        .isEqualTo(latest);
  }

  @Test
  void pinsResolveOnlyTheWellKnownNames() {
    PinnedImages pins = new PinnedImages(Map.of(latest, mine));
    assertThat(pins.resolve(latest)).isEqualTo(mine);
    assertThat(pins.resolve(repo)).as("no tag means latest").isEqualTo(mine);
    assertThat(pins.resolve(repo + ":other")).isEqualTo(repo + ":other");
    assertThat(pins.resolve(TestImages.BUSYBOX)).isEqualTo(TestImages.BUSYBOX);
  }

  @Test
  void aRemovedOwnBuildIsAPullErrorAndLatestIsNotUsedInstead() throws Exception {
    PODMAN.check(List.of("tag", TestImages.BUSYBOX, latest), 30);
    startKubelet(Map.of(latest, mine)); // mine was never built (or removed by hand)
    createPod("gone");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Pod p = client.pods().inNamespace("default").withName("gone").get();
              if (p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty()) {
                return false;
              }
              var w = p.getStatus().getContainerStatuses().get(0).getState().getWaiting();
              return w != null && "ErrImagePull".equals(w.getReason());
            });
    Pod p = client.pods().inNamespace("default").withName("gone").get();
    assertThat(p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getMessage())
        .isEqualTo(
            "image "
                + latest
                + " not found: the sandbox's build of it, "
                + mine
                + ", was removed from podman; restart the sandbox to build it again");
    assertThat(
            PODMAN
                .run(
                    List.of(
                        "container", "exists", kubelet.names().container("default", "gone", "app")),
                    30)
                .ok())
        .as("nothing runs from the other build")
        .isFalse();
  }

  private void startKubelet(Map<String, String> pins) throws Exception {
    StreamsSwitch streams = new StreamsSwitch();
    api = SandboxApiServer.start(0, Flavour.KUBERNETES, streams, streams);
    client = api.newClient();
    EventRecorder sink = new EventRecorder(client, "kubelet", Kubelet.NODE_NAME);
    kubelet = new Kubelet(client, PODMAN, sink, Duration.ofMillis(300), instance, pins).start();
  }

  private void createPod(String name) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage(latest)
            .withCommand("sleep", "1000")
            .endContainer()
            .endSpec()
            .build();
    client.pods().resource(pod).create();
  }

  private static String imageId(String image) throws Exception {
    return PODMAN.check(List.of("image", "inspect", "--format", "{{.Id}}", image), 30).strip();
  }
}
