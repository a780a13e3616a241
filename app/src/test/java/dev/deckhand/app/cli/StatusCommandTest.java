package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.ComponentStatusJson;
import dev.deckhand.core.status.ContainerState;
import dev.deckhand.core.status.HealthState;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deckhand status} against fabric8's CRUD mock server, found through a kubeconfig. */
class StatusCommandTest {
  @TempDir Path dir;
  @TempDir Path home;

  private KubernetesMockServer server;
  private KubernetesClient client;
  private String previousKubeconfig;

  @BeforeEach
  void startServer() throws IOException {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
    Path kubeconfig = home.resolve("config");
    Files.writeString(
        kubeconfig,
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: mock",
            "  cluster:",
            "    server: " + client.getConfiguration().getMasterUrl(),
            "contexts:",
            "- name: mock",
            "  context:",
            "    cluster: mock",
            "    user: dev",
            "    namespace: dev",
            "current-context: mock",
            "users:",
            "- name: dev",
            "  user:",
            "    token: not-checked",
            ""));
    previousKubeconfig = System.getProperty("kubeconfig");
    System.setProperty("kubeconfig", kubeconfig.toString());
  }

  @AfterEach
  void stopServer() {
    if (previousKubeconfig == null) {
      System.clearProperty("kubeconfig");
    } else {
      System.setProperty("kubeconfig", previousKubeconfig);
    }
    client.close();
    server.destroy();
  }

  private void createComponent() {
    CliRun created =
        CliRun.of("create", "nodejs", "shop", "--context", dir.toString(), "--project", "dev");
    assertThat(created.exitCode()).as(created.err()).isZero();
  }

  private static Map<String, String> labels() {
    return Map.of(
        "app.kubernetes.io/instance", "shop",
        "app.kubernetes.io/part-of", "app",
        "app", "app");
  }

  private void prepareRunningComponent() {
    client
        .apps()
        .deployments()
        .inNamespace("dev")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("shop-app")
                .withLabels(labels())
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .withNewStatus()
                .withReadyReplicas(1)
                .endStatus()
                .build())
        .create();
    client
        .persistentVolumeClaims()
        .inNamespace("dev")
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("shop-app-s2idata")
                .withLabels(labels())
                .endMetadata()
                .withNewStatus()
                .withPhase("Bound")
                .endStatus()
                .build())
        .create();
    client
        .services()
        .inNamespace("dev")
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("shop-app")
                .withLabels(labels())
                .withAnnotations(Map.of("deckhand.dev/url", "http://127.0.0.1:41234"))
                .endMetadata()
                .build())
        .create();
    client
        .pods()
        .inNamespace("dev")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("shop-app-7d9f-abcde")
                .withLabels(Map.of("deploymentconfig", "shop-app"))
                .endMetadata()
                .withNewSpec()
                .withNodeName("sandbox")
                .addNewInitContainer()
                .withName("copy-supervisord")
                .withImage("init")
                .endInitContainer()
                .addNewContainer()
                .withName("shop-app")
                .withImage("nodejs")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withInitContainerStatuses(
                    new ContainerStatusBuilder()
                        .withName("copy-supervisord")
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(0)
                        .withReason("Completed")
                        .endTerminated()
                        .endState()
                        .withRestartCount(0)
                        .build())
                .withContainerStatuses(
                    new ContainerStatusBuilder()
                        .withName("shop-app")
                        .withNewState()
                        .withNewRunning()
                        .withStartedAt("2024-05-01T10:00:05Z")
                        .endRunning()
                        .endState()
                        .withRestartCount(2)
                        .withReady(true)
                        .build())
                .endStatus()
                .build())
        .create();
  }

  @Test
  void jsonIsOneSnapshotObject() {
    createComponent();
    prepareRunningComponent();

    CliRun run = CliRun.of("status", "--context", dir.toString(), "-o", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).doesNotContain("\n");
    ComponentStatus s = ComponentStatusJson.fromJson(run.out().strip());
    assertThat(s.name()).isEqualTo("shop-app");
    assertThat(s.namespace()).isEqualTo("dev");
    assertThat(s.url()).isEqualTo("http://127.0.0.1:41234");
    assertThat(s.health().state()).isEqualTo(HealthState.RUNNING);
    assertThat(s.pod().initContainers().get(0).exitCode()).isZero();
    assertThat(s.pod().containers().get(0).state()).isEqualTo(ContainerState.RUNNING);
    assertThat(s.pod().containers().get(0).restartCount()).isEqualTo(2);
    assertThat(s.volumes().get(0).phase()).isEqualTo("Bound");
    assertThat(run.out()).contains("\"startedAt\":\"2024-05-01T10:00:05Z\"");
  }

  @Test
  void textSummary() {
    createComponent();
    prepareRunningComponent();

    CliRun run = CliRun.of("status", "--context", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("shop (app app) in namespace dev: RUNNING, running at http://127.0.0.1:41234")
        .contains("url:       http://127.0.0.1:41234")
        .contains("pod:       shop-app-7d9f-abcde Running on sandbox")
        .contains("init copy-supervisord: TERMINATED (Completed), exit code 0")
        .contains("app  shop-app: RUNNING, restarts 2")
        .contains("pvc:       shop-app-s2idata Bound");
  }

  @Test
  void missingComponentIsOneLineAndExitOne() {
    createComponent();

    CliRun run = CliRun.of("status", "--context", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("deckhand: component shop-app not found in namespace dev; run deckhand push");
  }

  @Test
  void watchPrintsAnObjectPerChange() {
    createComponent();
    prepareRunningComponent();
    picocli.CommandLine cli = DeckhandCommand.commandLine();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    StatusCommand status = (StatusCommand) cli.getSubcommands().get("status").getCommand();
    status.watchLimit = java.time.Duration.ofSeconds(3);

    int code = cli.execute("status", "--context", dir.toString(), "-o", "json", "--watch");

    assertThat(code).as(err.toString()).isZero();
    String first = out.toString().lines().findFirst().orElseThrow();
    assertThat(ComponentStatusJson.fromJson(first).health().state()).isEqualTo(HealthState.RUNNING);
  }
}
