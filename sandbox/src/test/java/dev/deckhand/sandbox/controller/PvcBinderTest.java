package dev.deckhand.sandbox.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.sandbox.api.Flavour;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PvcBinderTest {
  private Sandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    sandbox = new Sandbox(Flavour.KUBERNETES);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  static PersistentVolumeClaim claim(String name, String storageClass, String accessMode) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withAccessModes(accessMode)
        .withStorageClassName(storageClass)
        .withNewResources()
        .addToRequests("storage", new Quantity("1Gi"))
        .endResources()
        .endSpec()
        .build();
  }

  private PersistentVolumeClaim get(String name) {
    return sandbox.client.persistentVolumeClaims().inNamespace("default").withName(name).get();
  }

  @Test
  void aClaimIsPendingThenBoundToItsOwnVolumeAfterTheDelay() {
    long start = System.nanoTime();
    PersistentVolumeClaim created =
        sandbox
            .client
            .persistentVolumeClaims()
            .resource(claim("app-s2idata", null, "ReadWriteOnce"))
            .create();

    Sandbox.eventually(
        () -> {
          PersistentVolumeClaim c = get("app-s2idata");
          return c.getStatus() != null && "Pending".equals(c.getStatus().getPhase()) ? c : null;
        });
    PersistentVolumeClaim bound =
        Sandbox.eventually(
            () -> {
              PersistentVolumeClaim c = get("app-s2idata");
              return "Bound".equals(c.getStatus().getPhase()) ? c : null;
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));

    String volumeName = "pvc-" + created.getMetadata().getUid();
    assertThat(bound.getSpec().getVolumeName()).isEqualTo(volumeName);
    assertThat(bound.getStatus().getCapacity()).containsEntry("storage", new Quantity("1Gi"));
    assertThat(bound.getStatus().getAccessModes()).containsExactly("ReadWriteOnce");
    PersistentVolume pv = sandbox.client.persistentVolumes().withName(volumeName).get();
    assertThat(pv.getSpec().getClaimRef().getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(pv.getSpec().getClaimRef().getName()).isEqualTo("app-s2idata");
    assertThat(pv.getSpec().getCapacity()).containsEntry("storage", new Quantity("1Gi"));
    assertThat(pv.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Delete");
    assertThat(pv.getSpec().getHostPath().getPath()).endsWith(volumeName);
    assertThat(pv.getStatus().getPhase()).isEqualTo("Bound");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                sandbox.eventsAbout("app-s2idata").stream()
                    .anyMatch(e -> "ProvisioningSucceeded".equals(e.getReason())));

    sandbox.client.persistentVolumeClaims().inNamespace("default").withName("app-s2idata").delete();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sandbox.client.persistentVolumes().withName(volumeName).get() == null);
  }

  @Test
  void anUnknownStorageClassStaysPendingWithAWarning() throws Exception {
    sandbox
        .client
        .persistentVolumeClaims()
        .resource(claim("data", "fast-ssd", "ReadWriteOnce"))
        .create();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                sandbox.eventsAbout("data").stream()
                    .anyMatch(e -> "ProvisioningFailed".equals(e.getReason())));
    assertThat(sandbox.eventsAbout("data"))
        .anySatisfy(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getMessage())
                  .isEqualTo("storageclass.storage.k8s.io \"fast-ssd\" not found");
            });
    Thread.sleep(500);
    PersistentVolumeClaim c = get("data");
    assertThat(c.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(c.getSpec().getVolumeName()).isNull();
    assertThat(sandbox.client.persistentVolumes().list().getItems()).isEmpty();
  }

  @Test
  void anUnsupportedAccessModeStaysPendingWithAWarning() {
    sandbox
        .client
        .persistentVolumeClaims()
        .resource(claim("data", "standard", "ReadWriteOncePod"))
        .create();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                sandbox.eventsAbout("data").stream()
                    .anyMatch(e -> "ProvisioningFailed".equals(e.getReason())));
    assertThat(sandbox.eventsAbout("data"))
        .anySatisfy(e -> assertThat(e.getMessage()).contains("ReadWriteOncePod"));
    assertThat(get("data").getStatus().getPhase()).isEqualTo("Pending");
  }
}
