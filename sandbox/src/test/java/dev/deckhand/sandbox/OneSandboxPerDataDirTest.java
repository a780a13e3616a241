package dev.deckhand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.kubelet.PodmanCli;
import dev.deckhand.sandbox.kubelet.PodmanNames;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sandboxes on one data folder share a podman instance id and a kubeconfig file; before, the
 * second removed the first one's pods and rewrote its kubeconfig. Now the second is refused with a
 * line naming the first, before it touches podman or the kubeconfig, and the first keeps running.
 */
class OneSandboxPerDataDirTest {
  private static final PodmanCli PODMAN = new PodmanCli();

  @TempDir Path data;

  @BeforeEach
  void needsPodman() {
    assumeThat(PODMAN.available()).as("podman is needed").isTrue();
  }

  @Test
  void aSecondSandboxInTheSameProcessIsRefusedAndTheFirstKeepsItsPod() throws Exception {
    SandboxOptions options = options("deckhand sandbox");
    try (Sandbox first = Sandbox.start(options);
        KubernetesClient client = first.newClient()) {
      String pod = "first-" + Long.toString(ProcessHandle.current().pid(), 36);
      runSleeper(client, pod);
      byte[] kubeconfig = Files.readAllBytes(first.kubeconfig());

      SandboxBusyException busy =
          catchThrowableOfType(
              SandboxBusyException.class,
              () -> Sandbox.start(options.withHolder("the Deckhand window")).close());

      // Before, the second start pruned the first one's podman pods, its stop removed the rest.
      assertThat(Files.readAllBytes(first.kubeconfig()))
          .as("kubeconfig untouched")
          .isEqualTo(kubeconfig);
      assertStillRuns(client, options, pod);
      assertThat(busy).as("the second sandbox was refused").isNotNull();

      assertThat(busy.getMessage())
          .isEqualTo(
              "the sandbox in "
                  + data
                  + " is already running ("
                  + "deckhand sandbox, pid "
                  + ProcessHandle.current().pid()
                  + ", "
                  + first.url()
                  + ", since "
                  + busy.getMessage().replaceAll(".*, since ([^)]*)\\).*", "$1")
                  + "); use it (KUBECONFIG="
                  + first.kubeconfig()
                  + ") or stop it first");
    }
  }

  @Test
  void aSandboxInAnotherProcessIsLeftAloneAndTakenOverOnceKilled() throws Exception {
    SandboxOptions options = options("deckhand sandbox");
    String instance = Sandbox.instanceId(options);
    String pod = "child-" + Long.toString(ProcessHandle.current().pid(), 36);
    try (ChildJvm child = new ChildJvm(SandboxProcess.class, data.toString())) {
      Path kubeconfig = Path.of(child.await("kubeconfig ", 300));
      String written = Files.readString(kubeconfig);
      try (KubernetesClient client =
          new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(written)).build()) {
        runSleeper(client, pod);

        SandboxBusyException busy =
            catchThrowableOfType(SandboxBusyException.class, () -> Sandbox.start(options).close());

        // Before, the second start rewrote the kubeconfig; its stop removed the child's pods.
        assertThat(Files.readString(kubeconfig)).as("kubeconfig untouched").isEqualTo(written);
        assertStillRuns(client, options, pod);
        assertThat(busy).as("the second sandbox was refused").isNotNull();

        assertThat(busy.getMessage())
            .contains(
                " is already running (child sandbox, pid "
                    + child.pid()
                    + ", "
                    + client.getMasterUrl().toString().replaceAll("/$", "")
                    + ", since ")
            .endsWith("; use it (KUBECONFIG=" + kubeconfig + ") or stop it first");
      }

      child.kill();

      try (Sandbox mine = Sandbox.start(options)) {
        assertThat(mine.url()).isNotBlank();
      }
    } finally {
      for (String p :
          PODMAN
              .check(
                  List.of(
                      "pod",
                      "ps",
                      "-q",
                      "--filter",
                      "label=" + PodmanNames.LABEL_INSTANCE + "=" + instance),
                  30)
              .lines()
              .filter(l -> !l.isBlank())
              .toList()) {
        PODMAN.run(List.of("pod", "rm", "-f", "-t", "0", p), 60);
      }
    }
  }

  private SandboxOptions options(String holder) {
    return SandboxOptions.defaults()
        .withDataDir(data)
        .withPvcBindDelay(Duration.ofMillis(100))
        .withHolder(holder);
  }

  private static void runSleeper(KubernetesClient client, String name) {
    client
        .pods()
        .inNamespace("default")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("localhost/deckhand/odo-init:latest")
                .withCommand("sh", "-c", "sleep 1000")
                .endContainer()
                .endSpec()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              Pod p = client.pods().inNamespace("default").withName(name).get();
              return p.getStatus() != null && "Running".equals(p.getStatus().getPhase());
            });
  }

  /** The pod's podman pod still exists and an exec into it answers. */
  private static void assertStillRuns(KubernetesClient client, SandboxOptions options, String pod)
      throws Exception {
    String podmanPod = new PodmanNames(Sandbox.instanceId(options)).pod("default", pod);
    assertThat(PODMAN.run(List.of("pod", "exists", podmanPod), 30).exitCode())
        .as("podman pod %s exists", podmanPod)
        .isZero();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var exec =
        client
            .pods()
            .inNamespace("default")
            .withName(pod)
            .writingOutput(out)
            .exec("echo", "alive")) {
      assertThat(exec.exitCode().get(20, TimeUnit.SECONDS)).isZero();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("alive\n");
  }
}
