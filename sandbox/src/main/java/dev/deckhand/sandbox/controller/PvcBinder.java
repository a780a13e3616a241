package dev.deckhand.sandbox.controller;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dynamic provisioning for the sandbox: a Pending claim gets, after {@code pvcBindDelay}, a
 * hostPath volume of its own ({@code pvc-<claim uid>}, reclaim policy Delete) and becomes Bound.
 * The delay is there so that clients meet a Pending claim as they would on a real cluster.
 *
 * <p>Claims the sandbox cannot serve (an unknown storage class, an access mode it lacks) stay
 * Pending with a Warning event saying why, as a real provisioner leaves them.
 */
final class PvcBinder implements AutoCloseable {
  static final String PROVISIONER = "deckhand.dev/sandbox";

  /** The only class the sandbox has; an empty or absent class means the default, this one. */
  static final String STORAGE_CLASS = "standard";

  static final Set<String> ACCESS_MODES = Set.of("ReadWriteOnce", "ReadWriteMany", "ReadOnlyMany");
  private static final String VOLUME_ROOT = "/var/lib/deckhand/pv/";
  private static final Duration CANNOT_BIND_RETRY = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final EventRecorder events;
  private final ControllerOptions options;
  private final WorkQueue<ObjectKey> queue;
  private final SharedIndexInformer<PersistentVolumeClaim> claims;

  /** When each claim (by uid) was first seen Pending: the bind delay counts from there. */
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();

  PvcBinder(KubernetesClient client, EventRecorder events, ControllerOptions options) {
    this.client = client;
    this.events = events;
    this.options = options;
    this.queue = new WorkQueue<>("persistentvolume-binder", this::reconcile);
    this.claims = client.persistentVolumeClaims().inAnyNamespace().runnableInformer(0);
    claims.addEventHandler(Handlers.onAnyChange(c -> queue.add(ObjectKey.of(c))));
    queue.every(options.resyncPeriod(), this::resync);
  }

  List<SharedIndexInformer<?>> informers() {
    return List.of(claims);
  }

  private void resync() {
    claims.getStore().list().forEach(c -> queue.add(ObjectKey.of(c)));
    deleteReleasedVolumes();
  }

  private Duration reconcile(ObjectKey key) {
    PersistentVolumeClaim claim =
        client.persistentVolumeClaims().inNamespace(key.namespace()).withName(key.name()).get();
    if (claim == null) {
      deleteReleasedVolumes();
      return null;
    }
    if (claim.getMetadata().getDeletionTimestamp() != null || isBound(claim)) {
      return null;
    }
    String uid = claim.getMetadata().getUid();
    String problem = whyCannotProvision(claim);
    if (problem != null) {
      markPending(claim);
      events.warning(claim, "ProvisioningFailed", problem);
      // The class or mode cannot change, but a retry keeps the event's count honest.
      return CANNOT_BIND_RETRY;
    }
    long now = System.nanoTime();
    long since = firstSeen.computeIfAbsent(uid, u -> now);
    Duration waited = Duration.ofNanos(now - since);
    if (waited.compareTo(options.pvcBindDelay()) < 0) {
      markPending(claim);
      return options.pvcBindDelay().minus(waited);
    }
    bind(claim);
    firstSeen.remove(uid);
    return null;
  }

  private static boolean isBound(PersistentVolumeClaim claim) {
    return claim.getStatus() != null
        && "Bound".equals(claim.getStatus().getPhase())
        && claim.getSpec().getVolumeName() != null;
  }

  /** Why the sandbox cannot provision this claim, or null. */
  static String whyCannotProvision(PersistentVolumeClaim claim) {
    String storageClass = claim.getSpec().getStorageClassName();
    if (storageClass != null && !storageClass.isEmpty() && !STORAGE_CLASS.equals(storageClass)) {
      return "storageclass.storage.k8s.io \"" + storageClass + "\" not found";
    }
    List<String> modes = claim.getSpec().getAccessModes();
    if (modes != null) {
      for (String mode : modes) {
        if (!ACCESS_MODES.contains(mode)) {
          return "access mode \""
              + mode
              + "\" is not supported by the sandbox's provisioner"
              + " (it offers ReadWriteOnce, ReadWriteMany and ReadOnlyMany)";
        }
      }
    }
    return null;
  }

  private void markPending(PersistentVolumeClaim claim) {
    if (claim.getStatus() != null && "Pending".equals(claim.getStatus().getPhase())) {
      return;
    }
    writeClaimStatus(claim, new PersistentVolumeClaimStatusBuilder().withPhase("Pending").build());
  }

  private void bind(PersistentVolumeClaim claim) {
    String volumeName = "pvc-" + claim.getMetadata().getUid();
    Quantity size = requestedSize(claim);
    List<String> modes =
        claim.getSpec().getAccessModes() == null || claim.getSpec().getAccessModes().isEmpty()
            ? List.of("ReadWriteOnce")
            : claim.getSpec().getAccessModes();
    if (client.persistentVolumes().withName(volumeName).get() == null) {
      PersistentVolume volume = newVolume(claim, volumeName, size, modes);
      volume = client.persistentVolumes().resource(volume).create();
      volume.setStatus(new PersistentVolumeStatusBuilder().withPhase("Bound").build());
      client.persistentVolumes().resource(volume).updateStatus();
    }
    PersistentVolumeClaim bound =
        Conflicts.retry(
            () -> {
              PersistentVolumeClaim latest =
                  client
                      .persistentVolumeClaims()
                      .inNamespace(claim.getMetadata().getNamespace())
                      .withName(claim.getMetadata().getName())
                      .get();
              if (latest == null
                  || !Objects.equals(latest.getMetadata().getUid(), claim.getMetadata().getUid())) {
                return null;
              }
              latest.getSpec().setVolumeName(volumeName);
              Map<String, String> annotations = new java.util.HashMap<>();
              if (latest.getMetadata().getAnnotations() != null) {
                annotations.putAll(latest.getMetadata().getAnnotations());
              }
              annotations.put("pv.kubernetes.io/bind-completed", "yes");
              annotations.put("pv.kubernetes.io/bound-by-controller", "yes");
              annotations.put("volume.kubernetes.io/storage-provisioner", PROVISIONER);
              latest.getMetadata().setAnnotations(annotations);
              return client.persistentVolumeClaims().resource(latest).update();
            });
    if (bound == null) {
      return; // deleted meanwhile; its volume goes with the next sweep
    }
    writeClaimStatus(
        bound,
        new PersistentVolumeClaimStatusBuilder()
            .withPhase("Bound")
            .withAccessModes(modes)
            .withCapacity(Map.of("storage", size))
            .build());
    events.normal(
        bound,
        "ProvisioningSucceeded",
        "Successfully provisioned volume " + volumeName + " using " + PROVISIONER);
  }

  private PersistentVolume newVolume(
      PersistentVolumeClaim claim, String volumeName, Quantity size, List<String> modes) {
    return new PersistentVolumeBuilder()
        .withNewMetadata()
        .withName(volumeName)
        .addToAnnotations("pv.kubernetes.io/provisioned-by", PROVISIONER)
        .endMetadata()
        .withNewSpec()
        .addToCapacity("storage", size)
        .withAccessModes(modes)
        .withNewHostPath()
        .withPath(VOLUME_ROOT + volumeName)
        .withType("DirectoryOrCreate")
        .endHostPath()
        .withNewClaimRef()
        .withApiVersion("v1")
        .withKind("PersistentVolumeClaim")
        .withNamespace(claim.getMetadata().getNamespace())
        .withName(claim.getMetadata().getName())
        .withUid(claim.getMetadata().getUid())
        .endClaimRef()
        .withPersistentVolumeReclaimPolicy("Delete")
        .withStorageClassName(emptyToNull(claim.getSpec().getStorageClassName()))
        .withVolumeMode("Filesystem")
        // A host path lives on one machine: say so, as a local provisioner would.
        .withNewNodeAffinity()
        .withNewRequired()
        .withNodeSelectorTerms(
            new NodeSelectorTermBuilder()
                .addNewMatchExpression()
                .withKey("kubernetes.io/hostname")
                .withOperator("In")
                .withValues(options.nodeName())
                .endMatchExpression()
                .build())
        .endRequired()
        .endNodeAffinity()
        .endSpec()
        .build();
  }

  private static Quantity requestedSize(PersistentVolumeClaim claim) {
    if (claim.getSpec().getResources() != null
        && claim.getSpec().getResources().getRequests() != null
        && claim.getSpec().getResources().getRequests().get("storage") != null) {
      return claim.getSpec().getResources().getRequests().get("storage");
    }
    return new Quantity("1Gi");
  }

  private void writeClaimStatus(
      PersistentVolumeClaim claim,
      io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus status) {
    Conflicts.retry(
        () -> {
          PersistentVolumeClaim latest =
              client
                  .persistentVolumeClaims()
                  .inNamespace(claim.getMetadata().getNamespace())
                  .withName(claim.getMetadata().getName())
                  .get();
          if (latest == null
              || !Objects.equals(latest.getMetadata().getUid(), claim.getMetadata().getUid())) {
            return null;
          }
          latest.setStatus(status);
          try {
            return client.persistentVolumeClaims().resource(latest).updateStatus();
          } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
              return null;
            }
            throw e;
          }
        });
  }

  /** Reclaim policy Delete: a volume whose claim is gone (or was recreated) goes too. */
  private void deleteReleasedVolumes() {
    for (PersistentVolume pv : client.persistentVolumes().list().getItems()) {
      var ref = pv.getSpec().getClaimRef();
      if (ref == null || !"Delete".equals(pv.getSpec().getPersistentVolumeReclaimPolicy())) {
        continue;
      }
      PersistentVolumeClaim claim =
          client
              .persistentVolumeClaims()
              .inNamespace(ref.getNamespace())
              .withName(ref.getName())
              .get();
      if (claim == null || !Objects.equals(claim.getMetadata().getUid(), ref.getUid())) {
        client.persistentVolumes().resource(pv).delete();
      }
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Override
  public void close() {
    claims.close();
    queue.close();
  }
}
