package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.app.Main;
import dev.deckhand.core.cluster.KubeconfigView;
import dev.deckhand.sandbox.SandboxLock;
import dev.deckhand.sandbox.SandboxOptions;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window and {@code deckhand sandbox} default to the same data folder. When the sandbox of that
 * folder already runs in another process, "Start the sandbox" uses it, and quitting the window
 * leaves it running; before, the window started a second sandbox on the folder, which rewrote the
 * kubeconfig and removed the other one's pods when the window quit.
 */
class EmbeddedSandboxSharedTest {
  private static final PodmanCli PODMAN = new PodmanCli();

  @TempDir Path data;

  @Test
  void theWindowUsesTheSandboxAnotherProcessRunsAndLeavesItRunningOnQuit() throws Exception {
    assumeThat(PODMAN.available()).as("podman is needed").isTrue();
    String pod = "shared-" + Long.toString(ProcessHandle.current().pid(), 36);
    try (ChildJvm cli = new ChildJvm(Main.class, "sandbox", "--data-dir", data.toString())) {
      Path kubeconfig = Path.of(cli.await("Kubeconfig: ", 300));
      String written = Files.readString(kubeconfig);
      EmbeddedSandbox window = new EmbeddedSandbox(options());
      SidebarViewModel sidebar = sidebar(window);

      sidebar.startSandbox();

      assertThat(Files.readString(kubeconfig)).as("kubeconfig untouched").isEqualTo(written);
      assertThat(window.start()).isEqualTo(kubeconfig);
      assertThat(sidebar.sandboxMessageProperty().get())
          .isEqualTo("Using the sandbox of deckhand sandbox, pid " + cli.pid());
      try (KubernetesClient client =
          new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(written)).build()) {
        runSleeper(client, pod);

        window.close(); // quitting the window

        assertThat(cli.process.isAlive()).as("deckhand sandbox still runs").isTrue();
        assertThat(containerStates(pod))
            .as("the pod's containers in podman")
            .isNotEmpty()
            .allSatisfy(state -> assertThat(state).startsWith("Up"));
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
    } finally {
      // ChildJvm.close sent TERM: deckhand sandbox removes its pods; a leftover is removed here.
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> containerStates(pod).isEmpty());
    }
  }

  @Test
  void aSandboxThatDoesNotAnswerIsNotUsedAndTheWindowSaysWhoHoldsTheFolder() throws Exception {
    try (SandboxLock other = SandboxLock.acquire(data, "deckhand sandbox")) {
      other.serving("https://127.0.0.1:1");
      SidebarViewModel sidebar = sidebar(new EmbeddedSandbox(options()));

      sidebar.startSandbox();

      assertThat(sidebar.sandboxMessageProperty().get())
          .startsWith("The sandbox in " + data + " is already running (deckhand sandbox, pid ")
          .contains(", https://127.0.0.1:1, since ")
          .endsWith("; use it (KUBECONFIG=" + data.resolve("kubeconfig") + ") or stop it first");
      assertThat(data.resolve("kubeconfig")).doesNotExist();
    }
  }

  private SandboxOptions options() {
    return SandboxOptions.defaults().withDataDir(data);
  }

  private static SidebarViewModel sidebar(SandboxStarter sandbox) {
    return new SidebarViewModel(
        () -> new KubeconfigView(List.of(), null, List.of()),
        sandbox,
        OfflineBrowser.INSTANCE,
        TaskExecutor.direct(),
        UiThread.direct());
  }

  /** The podman states ("Up 3 seconds ago", "Exited …") of the sandbox pod {@code name}. */
  private static List<String> containerStates(String name) throws Exception {
    return PODMAN
        .check(
            List.of(
                "ps",
                "-a",
                "--filter",
                "label=" + PodmanNames.LABEL_POD + "=" + name,
                "--format",
                "{{.State}}"),
            30)
        .lines()
        .filter(l -> !l.isBlank())
        .toList();
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
}
