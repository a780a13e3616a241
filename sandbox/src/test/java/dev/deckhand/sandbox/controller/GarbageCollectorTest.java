package dev.deckhand.sandbox.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.api.Flavour;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    sandbox = new Sandbox(Flavour.KUBERNETES);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void deletingADeploymentDeletesItsPodsAndWhatItOwns() {
    Deployment d =
        sandbox
            .client
            .apps()
            .deployments()
            .resource(DeploymentControllerTest.deployment("web", "busybox"))
            .create();
    OwnerReference owner = OwnedPods.controllerReference(d);
    sandbox
        .client
        .services()
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .withOwnerReferences(owner)
                .endMetadata()
                .withNewSpec()
                .addToSelector("deploymentconfig", "web")
                .addNewPort()
                .withPort(8080)
                .endPort()
                .endSpec()
                .build())
        .create();
    sandbox
        .client
        .secrets()
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("web-8080")
                .withOwnerReferences(owner)
                .endMetadata()
                .addToStringData("COMPONENT_WEB_PORT", "8080")
                .build())
        .create();
    sandbox
        .client
        .persistentVolumeClaims()
        .resource(
            new io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder(
                    PvcBinderTest.claim("web-s2idata", null, "ReadWriteOnce"))
                .editMetadata()
                .withOwnerReferences(owner)
                .endMetadata()
                .build())
        .create();
    sandbox
        .client
        .configMaps()
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("unrelated")
                .endMetadata()
                .build())
        .create();
    await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.pods().size() == 1);

    sandbox.client.apps().deployments().inNamespace("default").withName("web").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(sandbox.pods()).isEmpty();
              assertThat(sandbox.client.services().inNamespace("default").withName("web").get())
                  .isNull();
              assertThat(sandbox.client.secrets().inNamespace("default").withName("web-8080").get())
                  .isNull();
              assertThat(
                      sandbox
                          .client
                          .persistentVolumeClaims()
                          .inNamespace("default")
                          .withName("web-s2idata")
                          .get())
                  .isNull();
            });
    assertThat(sandbox.client.configMaps().inNamespace("default").withName("unrelated").get())
        .isNotNull();
  }

  @Test
  void anObjectWithALiveOwnerStays() throws Exception {
    Deployment d =
        sandbox
            .client
            .apps()
            .deployments()
            .resource(DeploymentControllerTest.deployment("web", "busybox"))
            .create();
    sandbox
        .client
        .secrets()
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("web-8080")
                .withOwnerReferences(OwnedPods.controllerReference(d))
                .endMetadata()
                .build())
        .create();

    Thread.sleep(2500); // past a resync sweep

    assertThat(sandbox.client.secrets().inNamespace("default").withName("web-8080").get())
        .isNotNull();
  }
}
