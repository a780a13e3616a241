package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.kubelet.PodmanCli;
import dev.deckhand.sandbox.kubelet.PodmanNames;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A TERM or HUP to the process running the window's sandbox (a logout, a process manager, kill)
 * removes the sandbox's podman pods, as quitting the window does. Before, they kept running.
 */
class EmbeddedSandboxShutdownTest {
  private static final PodmanCli PODMAN = new PodmanCli();

  // TERM: kill, a process manager; HUP: the session ending at logout.
  @ParameterizedTest
  @ValueSource(strings = {"TERM", "HUP"})
  void endingTheProcessRemovesTheSandboxPodsFromPodman(String signal) throws Exception {
    assumeThat(PODMAN.available()).as("podman is needed").isTrue();
    Path data = Files.createTempDirectory("deckhand-embedded-term");
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedSandboxProcess.class.getName())
            .redirectErrorStream(true);
    pb.environment().put("XDG_DATA_HOME", data.toString());
    Process child = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  lines.add(l);
                }
              } catch (java.io.IOException e) {
                // the child ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    String podName = signal.toLowerCase() + "-" + Long.toString(ProcessHandle.current().pid(), 36);
    String instance = null;
    try {
      Path kubeconfig = null;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (kubeconfig == null && System.nanoTime() < until && child.isAlive()) {
        String l = lines.poll(1, TimeUnit.SECONDS);
        if (l != null && l.startsWith("kubeconfig ")) {
          kubeconfig = Path.of(l.substring("kubeconfig ".length()));
        }
      }
      assertThat(kubeconfig).as("the child started the sandbox: %s", lines).isNotNull();

      try (KubernetesClient client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig)))
              .build()) {
        client.pods().inNamespace("default").resource(sleeper(podName)).create();
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () -> {
                  Pod p = client.pods().inNamespace("default").withName(podName).get();
                  return p.getStatus() != null && "Running".equals(p.getStatus().getPhase());
                });
      }
      instance =
          PODMAN
              .check(
                  List.of(
                      "ps",
                      "-a",
                      "--filter",
                      "label=" + PodmanNames.LABEL_POD + "=" + podName,
                      "--format",
                      "{{index .Labels \"" + PodmanNames.LABEL_INSTANCE + "\"}}"),
                  30)
              .lines()
              .findFirst()
              .orElseThrow();
      assertThat(ids("pod", "ps", instance)).as("the sandbox's podman pod runs").isNotEmpty();

      assertThat(
              new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid()))
                  .start()
                  .waitFor())
          .isZero();

      assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the process ended").isTrue();
      assertThat(ids("pod", "ps", instance)).as("podman pods left").isEmpty();
      assertThat(ids("ps", "-a", instance)).as("podman containers left").isEmpty();
    } finally {
      child.destroyForcibly();
      if (instance != null) {
        for (String pod : ids("pod", "ps", instance)) {
          PODMAN.run(List.of("pod", "rm", "-f", "-t", "0", pod), 60);
        }
      }
    }
  }

  private static Pod sleeper(String name) {
    return new PodBuilder()
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
        .build();
  }

  /** IDs of this sandbox instance's podman pods ("pod", "ps") or containers ("ps", "-a"). */
  private static List<String> ids(String... listCommand) throws Exception {
    String instance = listCommand[listCommand.length - 1];
    List<String> args =
        new java.util.ArrayList<>(List.of(listCommand).subList(0, listCommand.length - 1));
    args.addAll(List.of("-q", "--filter", "label=" + PodmanNames.LABEL_INSTANCE + "=" + instance));
    return PODMAN.check(args, 30).lines().filter(l -> !l.isBlank()).toList();
  }
}
