package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.images.SandboxImages;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sandbox, as a client sees it: an odo-style component (PVC, Deployment with both init
 * containers, Service, Ingress) goes Pending → Bound → scheduled → init containers → running, takes
 * a pushed app over exec, answers HTTP at the URL the sandbox reports, and is garbage-collected.
 */
class SandboxEndToEndTest {
  private static final String NAME = "web-app";
  private static final String SETUP_VOLUME =
      "SRC=/opt/app-root; DEST=/mnt/app-root; "
          + "if [ -d $DEST ]; then exit 0; fi; "
          + "mkdir -p $DEST.setup-volume && tar -C $SRC -cf - . | tar -C $DEST.setup-volume -xf - "
          + "&& mv $DEST.setup-volume $DEST";

  @TempDir static Path dataDir;
  private static Sandbox sandbox;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    assumeThat(new PodmanCli().available()).as("podman is needed").isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(dataDir)
                .withPvcBindDelay(Duration.ofMillis(800)));
    assertThat(sandbox.nodeProblem()).isNull();
    client = sandbox.newClient();
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      client.close();
      sandbox.close(true);
    }
  }

  @Test
  void odoStyleComponentRunsTakesAPushAndIsCleanedUp() throws Exception {
    List<String> pvcPhases = new CopyOnWriteArrayList<>();
    try (var watch =
        client
            .persistentVolumeClaims()
            .withName(NAME + "-s2idata")
            .watch(
                new io.fabric8.kubernetes.client.Watcher<PersistentVolumeClaim>() {
                  @Override
                  public void eventReceived(Action a, PersistentVolumeClaim pvc) {
                    if (pvc.getStatus() != null && pvc.getStatus().getPhase() != null) {
                      pvcPhases.add(pvc.getStatus().getPhase());
                    }
                  }

                  @Override
                  public void onClose(io.fabric8.kubernetes.client.WatcherException e) {}
                })) {
      Deployment deployment = client.apps().deployments().resource(deployment()).create();
      OwnerReference owner =
          new OwnerReferenceBuilder()
              .withApiVersion("apps/v1")
              .withKind("Deployment")
              .withName(NAME)
              .withUid(deployment.getMetadata().getUid())
              .build();
      client.persistentVolumeClaims().resource(pvc(owner)).create();
      client.services().resource(service(owner)).create();
      client.network().v1().ingresses().resource(ingress(owner)).create();

      await().atMost(Duration.ofSeconds(120)).until(() -> appRunning() != null);
      assertThat(pvcPhases).startsWith("Pending").contains("Bound");
    }

    Pod pod = appRunning();
    assertThat(pod.getStatus().getInitContainerStatuses())
        .extracting(s -> s.getName() + ":" + s.getState().getTerminated().getExitCode())
        .containsExactly("copy-files-to-volume:0", "copy-supervisord:0");
    // The Deployment controller catches up with the pod's readiness a moment later.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .apps()
                            .deployments()
                            .withName(NAME)
                            .get()
                            .getStatus()
                            .getReadyReplicas())
                    .isEqualTo(1));

    push(pod, "hello v1");
    String url =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    client
                        .network()
                        .v1()
                        .ingresses()
                        .withName(NAME + "-8080")
                        .get()
                        .getMetadata()
                        .getAnnotations()
                        .get("deckhand.dev/url"),
                u -> u != null);
    await().atMost(Duration.ofSeconds(20)).until(() -> "hello v1".equals(get(url)));

    assertThat(client.v1().events().inAnyNamespace().list().getItems())
        .extracting(e -> e.getReason())
        .contains("ProvisioningSucceeded", "Scheduled", "Pulled", "Created", "Started");

    client.apps().deployments().withName(NAME).delete();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                client.pods().list().getItems().isEmpty()
                    && client.services().withName(NAME).get() == null
                    && client.persistentVolumeClaims().withName(NAME + "-s2idata").get() == null);
    await().atMost(Duration.ofSeconds(30)).until(() -> podmanPods().isBlank());
  }

  private Pod appRunning() {
    for (Pod p : client.pods().list().getItems()) {
      if (p.getStatus() != null && "Running".equals(p.getStatus().getPhase())) {
        List<ContainerStatus> apps = p.getStatus().getContainerStatuses();
        if (!apps.isEmpty() && Boolean.TRUE.equals(apps.get(0).getReady())) {
          return p;
        }
      }
    }
    return null;
  }

  private void push(Pod pod, String greeting) throws Exception {
    byte[] tar = appTar(greeting);
    try (ExecWatch exec =
        client
            .pods()
            .withName(pod.getMetadata().getName())
            .redirectingInput()
            .exec("sh", "-c", "head -c " + tar.length + " | tar xf - -C /tmp/src")) {
      exec.getInput().write(tar);
      exec.getInput().flush();
      assertThat(exec.exitCode().get(30, TimeUnit.SECONDS)).isZero();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch exec =
        client
            .pods()
            .withName(pod.getMetadata().getName())
            .writingOutput(out)
            .writingError(out)
            .exec("/opt/odo/bin/assemble-and-restart")) {
      assertThat(exec.exitCode().get(120, TimeUnit.SECONDS))
          .as(out.toString(StandardCharsets.UTF_8))
          .isZero();
    }
  }

  private static byte[] appTar(String greeting) throws Exception {
    String server =
        "require('http').createServer((q, r) => r.end('" + greeting + "')).listen(8080);\n";
    String pkg =
        "{\"name\":\"web\",\"version\":\"1.0.0\",\"main\":\"server.js\",\"scripts\":{\"start\":\"node server.js\"}}\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, 10240)) {
      for (String[] file : new String[][] {{"server.js", server}, {"package.json", pkg}}) {
        byte[] content = file[1].getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(file[0]);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
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

  private static String podmanPods() throws Exception {
    return new PodmanCli()
        .check(List.of("pod", "ps", "-q", "--filter", "label=dev.deckhand.namespace=default"), 30);
  }

  private static Deployment deployment() {
    String builder = SandboxImages.NODEJS_BUILDER.toString();
    List<io.fabric8.kubernetes.api.model.EnvVar> env = new ArrayList<>();
    String[][] vars = {
      {"DEBUG_PORT", "5858"},
      {"ODO_S2I_SCRIPTS_URL", "/usr/libexec/s2i"},
      {"ODO_S2I_SCRIPTS_PROTOCOL", "image://"},
      {"ODO_S2I_SRC_BIN_PATH", "/tmp"},
      {"ODO_S2I_DEPLOYMENT_DIR", ""},
      {"ODO_S2I_WORKING_DIR", "/opt/app-root/src"},
      {"ODO_S2I_BUILDER_IMG", "ubi8/nodejs-16"},
      {"ODO_SRC_BACKUP_DIR", "/opt/app-root/src-backup"}
    };
    for (String[] v : vars) {
      env.add(new io.fabric8.kubernetes.api.model.EnvVar(v[0], v[1], null));
    }
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(NAME)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewSelector()
        .addToMatchLabels("deploymentconfig", NAME)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("deploymentconfig", NAME)
        .endMetadata()
        .withNewSpec()
        .addNewVolume()
        .withName("odo-supervisord-shared-data")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .addNewVolume()
        .withName(NAME + "-s2idata")
        .withNewPersistentVolumeClaim()
        .withClaimName(NAME + "-s2idata")
        .endPersistentVolumeClaim()
        .endVolume()
        .addNewInitContainer()
        .withName("copy-files-to-volume")
        .withImage(builder)
        .withCommand("sh", "-c")
        .withArgs(SETUP_VOLUME)
        .addNewVolumeMount()
        .withName(NAME + "-s2idata")
        .withMountPath("/mnt")
        .endVolumeMount()
        .endInitContainer()
        .addNewInitContainer()
        .withName("copy-supervisord")
        .withImage(SandboxImages.ODO_INIT.toString())
        .withCommand("/usr/bin/cp")
        .withArgs("-r", "/opt/odo-init/.", "/opt/odo/")
        .addNewVolumeMount()
        .withName("odo-supervisord-shared-data")
        .withMountPath("/opt/odo/")
        .endVolumeMount()
        .endInitContainer()
        .addNewContainer()
        .withName(NAME)
        .withImage(builder)
        .withCommand("/opt/odo/bin/go-init")
        .withArgs(
            "-pre",
            "/opt/odo/bin/s2i-setup",
            "-main",
            "/opt/odo/bin/supervisord -c /opt/app-root/conf/supervisor.conf")
        .withEnv(env)
        .addNewPort()
        .withName("8080-tcp")
        .withContainerPort(8080)
        .withProtocol("TCP")
        .endPort()
        .addNewVolumeMount()
        .withName("odo-supervisord-shared-data")
        .withMountPath("/opt/odo/")
        .endVolumeMount()
        .addNewVolumeMount()
        .withName(NAME + "-s2idata")
        .withMountPath("/opt/app-root")
        .withSubPath("app-root")
        .endVolumeMount()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static PersistentVolumeClaim pvc(OwnerReference owner) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(NAME + "-s2idata")
        .withOwnerReferences(owner)
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .addToRequests("storage", new Quantity("1Gi"))
        .endResources()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.Service service(OwnerReference owner) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(NAME)
        .withOwnerReferences(owner)
        .endMetadata()
        .withNewSpec()
        .addToSelector("deploymentconfig", NAME)
        .addNewPort()
        .withName("8080-tcp")
        .withPort(8080)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.networking.v1.Ingress ingress(
      OwnerReference owner) {
    return new IngressBuilder()
        .withNewMetadata()
        .withName(NAME + "-8080")
        .withOwnerReferences(owner)
        .endMetadata()
        .withNewSpec()
        .addNewRule()
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(NAME)
        .withNewPort()
        .withNumber(8080)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }
}
