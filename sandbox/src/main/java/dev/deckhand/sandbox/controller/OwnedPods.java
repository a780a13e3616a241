package dev.deckhand.sandbox.controller;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pods a workload controls. Read from the API, not an informer cache: right after a pod is
 * created or deleted the cache may not show it yet, and acting on that stale view is how
 * controllers create duplicate pods. The sandbox's API is in-process, so reading it is cheap.
 */
final class OwnedPods {
  private OwnedPods() {}

  static List<Pod> of(KubernetesClient client, HasMetadata owner) {
    String uid = owner.getMetadata().getUid();
    return client.pods().inNamespace(owner.getMetadata().getNamespace()).list().getItems().stream()
        .filter(p -> controllerUid(p).map(uid::equals).orElse(false))
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  static Optional<OwnerReference> controllerOf(HasMetadata object) {
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    if (refs == null) {
      return Optional.empty();
    }
    return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  static Optional<String> controllerUid(HasMetadata object) {
    return controllerOf(object).map(OwnerReference::getUid);
  }

  static OwnerReference controllerReference(HasMetadata owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(EventRecorder.apiVersionOf(owner))
        .withKind(EventRecorder.kindOf(owner))
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  static boolean isTerminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  /** Succeeded or Failed: such a pod never runs again and must be replaced. */
  static boolean isFinished(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  static boolean isActive(Pod pod) {
    return !isTerminating(pod) && !isFinished(pod);
  }

  static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }
}
