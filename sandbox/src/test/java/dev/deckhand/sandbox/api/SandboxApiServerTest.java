package dev.deckhand.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.openshift.api.model.DeploymentConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxApiServerTest {
  private final LocalProcessBackend backend = new LocalProcessBackend();
  private SandboxApiServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() throws Exception {
    server = SandboxApiServer.start(0, Flavour.KUBERNETES, backend, backend);
    client = server.newClient();
    client
        .pods()
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void crudAndWatchWork() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (var watch =
        client
            .pods()
            .watch(
                new Watcher<Pod>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    seen.add(action + " " + pod.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      client
          .pods()
          .withName("web")
          .edit(p -> new PodBuilder(p).editMetadata().addToLabels("a", "b").endMetadata().build());
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("MODIFIED web"));
    }
    assertThat(client.namespaces().withName("default").get()).isNotNull();
    assertThat(client.pods().withName("web").get().getMetadata().getLabels())
        .containsEntry("a", "b");
  }

  @Test
  void execReturnsOutputStreamsAndExitCode() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ExecWatch watch =
        client
            .pods()
            .withName("web")
            .writingOutput(out)
            .writingError(err)
            .exec("sh", "-c", "echo hi; echo oops >&2; exit 3")) {
      int code = watch.exitCode().get(10, TimeUnit.SECONDS);
      assertThat(code).isEqualTo(3);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
  }

  @Test
  void execStreamsStdinWithoutBufferingItWhole() throws Exception {
    byte[] input = new byte[3 * 1024 * 1024];
    for (int i = 0; i < input.length; i++) {
      input[i] = (byte) ('a' + i % 26);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // head -c stops by itself, as a padded tar does: v4 clients cannot half-close stdin.
    try (ExecWatch watch =
        client
            .pods()
            .withName("web")
            .redirectingInput(64 * 1024)
            .writingOutput(out)
            .exec("sh", "-c", "head -c " + input.length + " | wc -c")) {
      try (InputStream in = new ByteArrayInputStream(input)) {
        in.transferTo(watch.getInput());
      }
      watch.getInput().flush();
      assertThat(watch.exitCode().get(20, TimeUnit.SECONDS)).isZero();
    }
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("" + input.length);
  }

  @Test
  void uploadWorksEveryTime(@TempDir Path dir) throws Exception {
    // fabric8 closes the socket to end stdin and checks the size with a second exec at once:
    // a race the server must not lose (see DetachedProcesses).
    for (int i = 0; i < 5; i++) {
      Path file = dir.resolve("hello" + i + ".txt");
      Files.writeString(file, "hello sandbox ".repeat(2000 * (i + 1)));
      Path target = dir.resolve("copied" + i + ".txt");

      boolean ok = client.pods().withName("web").file(target.toString()).upload(file);

      assertThat(ok).as("upload %d", i).isTrue();
      assertThat(Files.readString(target)).isEqualTo(Files.readString(file));
    }
  }

  @Test
  void uploadWaitsForACommandThatStartsAfterTheClientHungUp(@TempDir Path dir) throws Exception {
    // A slow podman exec: fabric8 has sent the whole file and closed the socket before `cat`
    // runs, then asks `wc -c` at once. The size check must see the whole file.
    backend.stdinStartDelayMs = 1000;
    Path file = dir.resolve("hello.txt");
    Files.writeString(file, "hello sandbox ".repeat(2000));
    Path target = dir.resolve("copied.txt");

    boolean ok = client.pods().withName("web").file(target.toString()).upload(file);

    assertThat(ok).isTrue();
    assertThat(Files.readString(target)).isEqualTo(Files.readString(file));
  }

  @Test
  void execOnAPodThatCannotRunSaysWhy() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch watch = client.pods().withName("missing").writingOutput(out).exec("true")) {
      assertThat(watch.exitCode().get(10, TimeUnit.SECONDS)).isNotEqualTo(0);
    } catch (Exception e) {
      assertThat(e).hasMessageContaining("missing");
    }
  }

  @Test
  void logsFollowStreamLineByLine() throws Exception {
    // The last line waits for a marker file the test creates only after it has seen the first:
    // so the first line provably arrived while the process was still running (streamed, not
    // buffered), whatever the machine's load.
    Path marker = Files.createTempFile("log-follow", ".go");
    Files.delete(marker);
    backend.logCommand =
        List.of(
            "sh",
            "-c",
            "echo line 1; echo line 2; while [ ! -e "
                + marker
                + " ]; do sleep 0.05; done;"
                + " echo line 3");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LogWatch watch = client.pods().withName("web").watchLog(out)) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> out.toString(StandardCharsets.UTF_8).contains("line 1"));
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("line 3");
      Files.createFile(marker);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> out.toString(StandardCharsets.UTF_8).contains("line 3"));
    }
    assertThat(client.pods().withName("web").getLog()).isEqualTo("line 1\nline 2\nline 3\n");
    Files.deleteIfExists(marker);
  }

  @Test
  void discoveryTellsKubernetesFromOpenShift() throws Exception {
    assertThat(client.supports(DeploymentConfig.class)).isFalse();
    assertThat(client.getApiGroups().getGroups()).extracting("name").contains("apps");

    try (SandboxApiServer os = SandboxApiServer.start(0, Flavour.OPENSHIFT, backend, backend);
        KubernetesClient osClient = os.newClient()) {
      assertThat(osClient.supports(DeploymentConfig.class)).isTrue();
      assertThat(osClient.getApiGroups().getGroups())
          .extracting("name")
          .contains("apps.openshift.io", "route.openshift.io", "image.openshift.io");
    }
  }

  @Test
  void kubeconfigReachesTheServer(@TempDir Path dir) throws Exception {
    Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"));

    Config config =
        Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
    assertThat(config.getCurrentContext().getName()).isEqualTo("deckhand-sandbox");
    assertThat(config.getNamespace()).isEqualTo("default");
    try (KubernetesClient fromFile = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThat(fromFile.pods().withName("web").get()).isNotNull();
    }
  }
}
