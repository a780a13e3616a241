package dev.deckhand.sandbox.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.api.Flavour;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.DeploymentConfigBuilder;
import io.fabric8.openshift.api.model.ImageStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentConfigControllerTest {
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    sandbox = new Sandbox(Flavour.OPENSHIFT);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** The shape odo 1.x generates: blank images filled by an ImageChange trigger. */
  static DeploymentConfig odoStyle(String name, String imageStreamTag) {
    return new DeploymentConfigBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", "app")
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .addToSelector("deploymentconfig", name)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("deploymentconfig", name)
        .endMetadata()
        .withNewSpec()
        .addNewInitContainer()
        .withName("copy-files-to-volume")
        .withImage(" ")
        .endInitContainer()
        .addNewContainer()
        .withName(name)
        .withImage(" ")
        .endContainer()
        .endSpec()
        .endTemplate()
        .addNewTrigger()
        .withType("ConfigChange")
        .endTrigger()
        .addNewTrigger()
        .withType("ImageChange")
        .withNewImageChangeParams()
        .withAutomatic(true)
        .withContainerNames(name, "copy-files-to-volume")
        .withNewFrom()
        .withKind("ImageStreamTag")
        .withName(imageStreamTag)
        .withNamespace("openshift")
        .endFrom()
        .endImageChangeParams()
        .endTrigger()
        .endSpec()
        .build();
  }

  private DeploymentConfig get(String name) {
    return sandbox
        .client
        .resources(DeploymentConfig.class)
        .inNamespace("default")
        .withName(name)
        .get();
  }

  private DeploymentConfig create(DeploymentConfig dc) {
    return sandbox.client.resources(DeploymentConfig.class).resource(dc).create();
  }

  private Pod onlyPod() {
    return Sandbox.eventually(
        () -> {
          List<Pod> pods = sandbox.pods();
          return pods.size() == 1 ? pods.get(0) : null;
        });
  }

  @Test
  void theSeedHasBuilderImageStreams() {
    ImageStream nodejs =
        sandbox
            .client
            .resources(ImageStream.class)
            .inNamespace("openshift")
            .withName("nodejs")
            .get();
    assertThat(nodejs.getSpec().getTags())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getName()).isEqualTo("latest");
              assertThat(t.getAnnotations().get("tags")).contains("builder");
              assertThat(t.getFrom().getName())
                  .isEqualTo("localhost/deckhand/nodejs-builder:latest");
            });
    assertThat(nodejs.getStatus().getTags().get(0).getItems().get(0).getDockerImageReference())
        .isEqualTo("localhost/deckhand/nodejs-builder:latest");
    assertThat(
            sandbox
                .client
                .resources(ImageStream.class)
                .inNamespace("openshift")
                .withName("java")
                .get())
        .isNotNull();
  }

  @Test
  void deploysVersionOneWithOpenShiftNamesLabelsAndTheResolvedImage() {
    DeploymentConfig dc = create(odoStyle("nodejs-app", "nodejs:latest"));

    Pod pod = onlyPod();

    assertThat(pod.getMetadata().getName()).matches("nodejs-app-1-[a-z0-9]{5}");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("deploymentconfig", "nodejs-app")
        .containsEntry("deployment", "nodejs-app-1");
    assertThat(pod.getMetadata().getAnnotations())
        .containsEntry("openshift.io/deployment-config.name", "nodejs-app")
        .containsEntry("openshift.io/deployment-config.latest-version", "1");
    assertThat(pod.getMetadata().getOwnerReferences().get(0).getUid())
        .isEqualTo(dc.getMetadata().getUid());
    assertThat(pod.getSpec().getContainers().get(0).getImage())
        .isEqualTo("localhost/deckhand/nodejs-builder:latest");
    assertThat(pod.getSpec().getInitContainers().get(0).getImage())
        .isEqualTo("localhost/deckhand/nodejs-builder:latest");

    sandbox.markReady(pod);
    DeploymentConfig ready =
        Sandbox.eventually(
            () -> {
              DeploymentConfig x = get("nodejs-app");
              return x.getStatus() != null
                      && Integer.valueOf(1).equals(x.getStatus().getReadyReplicas())
                  ? x
                  : null;
            });
    assertThat(ready.getStatus().getLatestVersion()).isEqualTo(1L);
    assertThat(ready.getStatus().getAvailableReplicas()).isEqualTo(1);
    assertThat(ready.getStatus().getUpdatedReplicas()).isEqualTo(1);
    assertThat(ready.getStatus().getObservedGeneration())
        .isEqualTo(ready.getMetadata().getGeneration());
    assertThat(ready.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Available");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    assertThat(sandbox.eventsAbout("nodejs-app"))
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("DeploymentCreated"));
  }

  @Test
  void anUnresolvableImageStreamCreatesNoPodAndSaysWhy() throws Exception {
    create(odoStyle("python-app", "python:latest"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                sandbox.eventsAbout("python-app").stream()
                    .anyMatch(e -> "Warning".equals(e.getType())));
    assertThat(sandbox.eventsAbout("python-app"))
        .anySatisfy(
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("imagestream openshift/python:latest not found"));
    Thread.sleep(500);
    assertThat(sandbox.pods()).isEmpty();
  }

  @Test
  void aTemplateChangeBumpsLatestVersionAndReplacesThePod() {
    create(odoStyle("nodejs-app", "nodejs:latest"));
    Pod first = onlyPod();

    sandbox
        .client
        .resources(DeploymentConfig.class)
        .inNamespace("default")
        .withName("nodejs-app")
        .edit(
            dc -> {
              dc.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .get(0)
                  .setArgs(List.of("-main", "node"));
              return dc;
            });

    Pod second =
        Sandbox.eventually(
            () -> {
              List<Pod> pods = sandbox.pods();
              return pods.size() == 1
                      && !pods.get(0).getMetadata().getName().equals(first.getMetadata().getName())
                  ? pods.get(0)
                  : null;
            });
    assertThat(second.getMetadata().getName()).startsWith("nodejs-app-2-");
    assertThat(second.getMetadata().getLabels()).containsEntry("deployment", "nodejs-app-2");
    assertThat(second.getSpec().getContainers().get(0).getArgs()).containsExactly("-main", "node");
    Sandbox.eventually(
        () -> {
          DeploymentConfig x = get("nodejs-app");
          return x.getStatus() != null && Long.valueOf(2).equals(x.getStatus().getLatestVersion())
              ? x
              : null;
        });
  }

  @Test
  void aChangeOutsideTheTemplateDoesNotRedeploy() throws Exception {
    create(odoStyle("nodejs-app", "nodejs:latest"));
    Pod first = onlyPod();

    sandbox
        .client
        .resources(DeploymentConfig.class)
        .inNamespace("default")
        .withName("nodejs-app")
        .edit(
            dc -> {
              dc.getMetadata().getLabels().put("extra", "yes");
              return dc;
            });
    Thread.sleep(1000);

    assertThat(sandbox.pods())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly(first.getMetadata().getName());
    assertThat(get("nodejs-app").getStatus().getLatestVersion()).isEqualTo(1L);
  }
}
