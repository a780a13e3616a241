package dev.deckhand.sandbox.controller;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * apps/v1 Deployments: one pod per replica from the template, rolled out by Recreate, and a status
 * computed from the pods.
 *
 * <p>The ReplicaSet layer is skipped: pods are owned by the Deployment itself (controller=true) and
 * carry the template hash in {@code pod-template-hash} and in their name ({@code
 * <deployment>-<hash>-<random>}), which is all clients look at. Every strategy is treated as
 * Recreate, the only one odo uses; the sandbox has no use for a rolling update's two versions side
 * by side.
 */
final class DeploymentController implements AutoCloseable {
  static final String TEMPLATE_HASH_LABEL = "pod-template-hash";

  /** While old pods terminate, look again this often even if no pod event comes. */
  private static final Duration WAIT_POLL = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final EventRecorder events;
  private final WorkQueue<ObjectKey> queue;
  private final SharedIndexInformer<Deployment> deployments;
  private final SharedIndexInformer<Pod> pods;

  DeploymentController(KubernetesClient client, EventRecorder events, ControllerOptions options) {
    this.client = client;
    this.events = events;
    this.queue = new WorkQueue<>("deployment-controller", this::reconcile);
    this.deployments = client.apps().deployments().inAnyNamespace().runnableInformer(0);
    this.pods = client.pods().inAnyNamespace().runnableInformer(0);
    deployments.addEventHandler(Handlers.onAnyChange(d -> queue.add(ObjectKey.of(d))));
    pods.addEventHandler(Handlers.onAnyChange(this::wakeOwner));
    queue.every(
        options.resyncPeriod(),
        () -> deployments.getStore().list().forEach(d -> queue.add(ObjectKey.of(d))));
  }

  List<SharedIndexInformer<?>> informers() {
    return List.of(deployments, pods);
  }

  private void wakeOwner(Pod pod) {
    OwnedPods.controllerOf(pod)
        .filter(ref -> "Deployment".equals(ref.getKind()))
        .map(OwnerReference::getName)
        .ifPresent(name -> queue.add(new ObjectKey(pod.getMetadata().getNamespace(), name)));
  }

  private Duration reconcile(ObjectKey key) {
    Deployment d =
        client.apps().deployments().inNamespace(key.namespace()).withName(key.name()).get();
    if (d == null || d.getMetadata().getDeletionTimestamp() != null) {
      return null; // its pods go with it: the garbage collector follows their ownerReferences
    }
    String hash = PodTemplates.hash(d.getSpec().getTemplate());
    int desired = desiredReplicas(d);
    RecreatePlan plan =
        RecreatePlan.of(
            OwnedPods.of(client, d), p -> hash.equals(labelOf(p, TEMPLATE_HASH_LABEL)), desired);
    apply(d, hash, plan);
    writeStatus(d, hash, desired, OwnedPods.of(client, d));
    return plan.waitingForOldPods() ? WAIT_POLL : null;
  }

  private void apply(Deployment d, String hash, RecreatePlan plan) {
    String replicaSet = d.getMetadata().getName() + "-" + hash;
    if (plan.waitingForOldPods() && !plan.delete().isEmpty()) {
      events.normal(
          d,
          "ScalingReplicaSet",
          "Scaled down replica set "
              + replicaSetOf(plan.delete().get(0), d)
              + " to 0 from "
              + plan.delete().size());
    }
    for (Pod pod : plan.delete()) {
      client.pods().resource(pod).delete();
      events.normal(d, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
    }
    if (plan.create() > 0) {
      events.normal(
          d,
          "ScalingReplicaSet",
          "Scaled up replica set " + replicaSet + " to " + desiredReplicas(d));
    }
    for (int i = 0; i < plan.create(); i++) {
      Pod pod = client.pods().resource(newPod(d, hash)).create();
      events.normal(d, "SuccessfulCreate", "Created pod: " + pod.getMetadata().getName());
    }
  }

  private static String replicaSetOf(Pod pod, Deployment d) {
    String h = labelOf(pod, TEMPLATE_HASH_LABEL);
    return d.getMetadata().getName() + "-" + (h == null ? "unknown" : h);
  }

  private static Pod newPod(Deployment d, String hash) {
    PodTemplateSpec template = d.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>();
    Map<String, String> annotations = new HashMap<>();
    if (template.getMetadata() != null) {
      if (template.getMetadata().getLabels() != null) {
        labels.putAll(template.getMetadata().getLabels());
      }
      if (template.getMetadata().getAnnotations() != null) {
        annotations.putAll(template.getMetadata().getAnnotations());
      }
    }
    labels.put(TEMPLATE_HASH_LABEL, hash);
    return new PodBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(
                    d.getMetadata().getName() + "-" + hash + "-" + PodTemplates.randomSuffix())
                .withNamespace(d.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(annotations.isEmpty() ? null : annotations)
                .withOwnerReferences(OwnedPods.controllerReference(d))
                .build())
        .withSpec(template.getSpec())
        .build();
  }

  private void writeStatus(Deployment d, String hash, int desired, List<Pod> owned) {
    List<Pod> active = owned.stream().filter(OwnedPods::isActive).toList();
    int updated =
        (int) active.stream().filter(p -> hash.equals(labelOf(p, TEMPLATE_HASH_LABEL))).count();
    int ready = (int) active.stream().filter(OwnedPods::isReady).count();
    int available = ready; // minReadySeconds is not modelled
    int unavailable = Math.max(0, desired - available);
    String replicaSet = "ReplicaSet \"" + d.getMetadata().getName() + "-" + hash + "\"";
    boolean complete = updated == desired && available == desired && active.size() == desired;
    List<DeploymentCondition> stored = d.getStatus() == null ? null : d.getStatus().getConditions();
    DeploymentStatus status =
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            // Kubernetes omits zero counts (omitempty); clients must expect null.
            .withReplicas(orNull(active.size()))
            .withUpdatedReplicas(orNull(updated))
            .withReadyReplicas(orNull(ready))
            .withAvailableReplicas(orNull(available))
            .withUnavailableReplicas(orNull(unavailable))
            .withConditions(
                condition(
                    stored,
                    "Available",
                    available >= desired ? "True" : "False",
                    available >= desired
                        ? "MinimumReplicasAvailable"
                        : "MinimumReplicasUnavailable",
                    available >= desired
                        ? "Deployment has minimum availability."
                        : "Deployment does not have minimum availability."),
                condition(
                    stored,
                    "Progressing",
                    "True",
                    complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
                    complete
                        ? replicaSet + " has successfully progressed."
                        : replicaSet + " is progressing."))
            .build();
    if (Objects.equals(status, d.getStatus())) {
      return;
    }
    Conflicts.retry(
        () -> {
          Deployment latest =
              client
                  .apps()
                  .deployments()
                  .inNamespace(d.getMetadata().getNamespace())
                  .withName(d.getMetadata().getName())
                  .get();
          if (latest == null
              || !Objects.equals(latest.getMetadata().getUid(), d.getMetadata().getUid())) {
            return null;
          }
          latest.setStatus(status);
          try {
            return client.apps().deployments().resource(latest).updateStatus();
          } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
              return null;
            }
            throw e;
          }
        });
  }

  /** A condition, keeping the stored timestamps for whatever did not change. */
  private static DeploymentCondition condition(
      List<DeploymentCondition> stored, String type, String status, String reason, String message) {
    DeploymentCondition old = Conditions.find(stored, DeploymentCondition::getType, type);
    String now = Conditions.now();
    String transition =
        old != null && status.equals(old.getStatus()) ? old.getLastTransitionTime() : now;
    String update =
        old != null
                && status.equals(old.getStatus())
                && reason.equals(old.getReason())
                && message.equals(old.getMessage())
            ? old.getLastUpdateTime()
            : now;
    return new DeploymentConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(transition)
        .withLastUpdateTime(update)
        .build();
  }

  private static Integer orNull(int n) {
    return n == 0 ? null : n;
  }

  static int desiredReplicas(Deployment d) {
    Integer r = d.getSpec().getReplicas();
    return r == null ? 1 : Math.max(0, r);
  }

  static String labelOf(Pod pod, String label) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(label);
  }

  @Override
  public void close() {
    deployments.close();
    pods.close();
    queue.close();
  }
}
