package dev.deckhand.core.push;

import dev.deckhand.core.event.Stage;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the component coming up — PVC, pod, each init container, the app container — saying why
 * it waits and failing with the reason when it cannot come up. Polls: a push waits seconds, and
 * polling keeps the failure paths simple.
 */
final class RolloutWatch {
  private static final long POLL_MS = 250;

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final StageClock events;
  private final Duration timeout;
  private final Map<String, String> pullErrors = new HashMap<>();
  private String lastPullError;

  RolloutWatch(
      KubernetesClient client, String namespace, String name, StageClock events, Duration timeout) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.events = events;
    this.timeout = timeout;
  }

  void awaitPvcBound(String claim) throws PushFailedException, InterruptedException {
    Instant deadline = events.now().plus(timeout);
    while (true) {
      PersistentVolumeClaim pvc =
          client.persistentVolumeClaims().inNamespace(namespace).withName(claim).get();
      String phase = pvc == null || pvc.getStatus() == null ? null : pvc.getStatus().getPhase();
      if ("Bound".equals(phase)) {
        return;
      }
      String why =
          latestEvent(claim)
              .map(e -> "PVC pending: " + e.getMessage())
              .orElse("PVC " + claim + " pending: waiting for a volume");
      events.hold(Stage.PVC, null, why);
      if (events.now().isAfter(deadline)) {
        throw new PushFailedException(
            Stage.PVC,
            "PVC " + claim + " not bound after " + timeout.toSeconds() + " s (" + why + ")");
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** The pod of the current rollout, once scheduled. */
  Pod awaitScheduled(Set<String> oldPods) throws PushFailedException, InterruptedException {
    Instant deadline = events.now().plus(timeout);
    while (true) {
      Optional<Pod> pod = currentPod(oldPods);
      if (pod.isPresent() && pod.get().getSpec().getNodeName() != null) {
        return pod.get();
      }
      String why;
      if (pod.isEmpty()) {
        why =
            oldPods.isEmpty()
                ? "waiting for the pod to be created"
                : "waiting for the old pod to stop";
      } else {
        why =
            condition(pod.get(), "PodScheduled")
                .map(
                    c ->
                        "not scheduled: "
                            + (c.getMessage() == null ? c.getReason() : c.getMessage()))
                .orElse("waiting to be scheduled");
      }
      events.hold(Stage.SCHEDULED, null, why);
      if (events.now().isAfter(deadline)) {
        throw new PushFailedException(
            Stage.SCHEDULED,
            "no pod running for " + name + " after " + timeout.toSeconds() + " s (" + why + ")");
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Waits for one init container to finish with exit code 0. */
  void awaitInit(Pod pod, String container) throws PushFailedException, InterruptedException {
    Instant deadline = events.now().plus(timeout);
    while (true) {
      Pod current = refresh(pod);
      ContainerStatus s =
          status(
              current.getStatus() == null
                  ? List.of()
                  : current.getStatus().getInitContainerStatuses(),
              container);
      if (s != null && s.getState() != null) {
        ContainerStateTerminated t = s.getState().getTerminated();
        if (t != null && t.getExitCode() == 0) {
          return;
        }
        if (t != null
            || (s.getLastState() != null
                && s.getLastState().getTerminated() != null
                && s.getLastState().getTerminated().getExitCode() != 0)) {
          int code = t != null ? t.getExitCode() : s.getLastState().getTerminated().getExitCode();
          throw new PushFailedException(
              Stage.INIT_CONTAINER,
              container,
              "init container " + container + " exited with code " + code,
              logTail(current, container));
        }
        ContainerStateWaiting w = s.getState().getWaiting();
        if (w != null) {
          events.hold(
              Stage.INIT_CONTAINER,
              container,
              waitingText(container, w, imageOf(current, container)));
        } else if (s.getState().getRunning() != null) {
          events.hold(Stage.INIT_CONTAINER, container, container + " running");
        }
      } else {
        events.hold(Stage.INIT_CONTAINER, container, "waiting for " + container + " to start");
      }
      failOnImageError(Stage.INIT_CONTAINER, current);
      if (events.now().isAfter(deadline)) {
        throw new PushFailedException(
            Stage.INIT_CONTAINER,
            container,
            "init container "
                + container
                + " did not finish within "
                + timeout.toSeconds()
                + " s"
                + lastPullError(),
            logTail(current, container));
      }
      Thread.sleep(POLL_MS);
    }
  }

  /** Waits for the app container to run; returns the pod as it is then. */
  Pod awaitApp(Pod pod, String container) throws PushFailedException, InterruptedException {
    Instant deadline = events.now().plus(timeout);
    while (true) {
      Pod current = refresh(pod);
      ContainerStatus s =
          status(
              current.getStatus() == null ? List.of() : current.getStatus().getContainerStatuses(),
              container);
      if (s != null && s.getState() != null && s.getState().getRunning() != null) {
        return current;
      }
      if (s != null && s.getState() != null && s.getState().getWaiting() != null) {
        ContainerStateWaiting w = s.getState().getWaiting();
        events.hold(
            Stage.APP_CONTAINER, container, waitingText(container, w, imageOf(current, container)));
      } else {
        events.hold(Stage.APP_CONTAINER, container, "waiting for the app container to start");
      }
      failOnImageError(Stage.APP_CONTAINER, current);
      if (events.now().isAfter(deadline)) {
        throw new PushFailedException(
            Stage.APP_CONTAINER,
            container,
            "the app container did not start within "
                + timeout.toSeconds()
                + " s"
                + lastPullError(),
            logTail(current, container));
      }
      Thread.sleep(POLL_MS);
    }
  }

  /**
   * Fails now when any container of the pod has an image that waiting will not bring: an invalid
   * name, or a pull the registry (or podman) answered with "no such image". A kubelet shows the
   * pull error as ErrImagePull only briefly, then ImagePullBackOff with a generic message, so the
   * error is remembered, and looked up in the pod's events when it was missed.
   */
  private void failOnImageError(Stage stage, Pod pod) throws PushFailedException {
    if (pod.getStatus() == null) {
      return;
    }
    List<ContainerStatus> all = new ArrayList<>(pod.getStatus().getInitContainerStatuses());
    all.addAll(pod.getStatus().getContainerStatuses());
    for (ContainerStatus s : all) {
      ContainerStateWaiting w = s.getState() == null ? null : s.getState().getWaiting();
      if (w == null || w.getReason() == null) {
        continue;
      }
      String container = s.getName();
      String image = imageOf(pod, container);
      String reason = w.getReason();
      if ("InvalidImageName".equals(reason) || "ErrImageNeverPull".equals(reason)) {
        throw new PushFailedException(
            stage, container, waitingText(container, w, image), List.of());
      }
      String cause = null;
      if ("ErrImagePull".equals(reason) && w.getMessage() != null) {
        cause = w.getMessage();
      } else if ("ImagePullBackOff".equals(reason)) {
        cause =
            ImagePullErrors.isPermanent(w.getMessage())
                ? w.getMessage()
                : pullErrors.containsKey(image)
                    ? pullErrors.get(image)
                    : pullFailedEvent(pod, image);
      }
      if (cause == null) {
        continue;
      }
      String text = pullErrorText(container, image, cause);
      pullErrors.put(image, cause);
      lastPullError = text;
      if (ImagePullErrors.isPermanent(cause)) {
        throw new PushFailedException(stage, container, text, List.of());
      }
    }
  }

  private static String pullErrorText(String container, String image, String cause) {
    return container
        + ": ErrImagePull: "
        + (cause.contains(image) ? cause : cause + " (image " + image + ")");
  }

  private String lastPullError() {
    return lastPullError == null ? "" : "; last pull error: " + lastPullError;
  }

  /** The message of the pod's newest "Failed to pull image" event for the image, or null. */
  private String pullFailedEvent(Pod pod, String image) {
    try {
      String prefix = "Failed to pull image \"" + image + "\": ";
      return client.v1().events().inNamespace(namespace).list().getItems().stream()
          .filter(
              e ->
                  e.getInvolvedObject() != null
                      && pod.getMetadata().getName().equals(e.getInvolvedObject().getName()))
          .filter(e -> e.getMessage() != null && e.getMessage().startsWith(prefix))
          .max(Comparator.comparing(e -> e.getLastTimestamp() == null ? "" : e.getLastTimestamp()))
          .map(e -> e.getMessage().substring(prefix.length()))
          .orElse(null);
    } catch (RuntimeException e) {
      return null; // events are a nicety; not being allowed to list them is fine
    }
  }

  /**
   * The newest pod of the component that is not being deleted and, after a template change, not one
   * of the pods from before the apply (those belong to the old rollout).
   */
  private Optional<Pod> currentPod(Set<String> oldPods) {
    return client
        .pods()
        .inNamespace(namespace)
        .withLabel(OdoLabels.POD_SELECTOR, name)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> !oldPods.contains(p.getMetadata().getUid()))
        .max(
            Comparator.comparing(
                p ->
                    p.getMetadata().getCreationTimestamp() == null
                        ? ""
                        : p.getMetadata().getCreationTimestamp()));
  }

  private Pod refresh(Pod pod) {
    Pod p = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get();
    return p == null ? pod : p;
  }

  private static ContainerStatus status(List<ContainerStatus> statuses, String name) {
    for (ContainerStatus s : statuses) {
      if (name.equals(s.getName())) {
        return s;
      }
    }
    return null;
  }

  private static Optional<PodCondition> condition(Pod pod, String type) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()) && "False".equals(c.getStatus()))
        .findFirst();
  }

  private static String imageOf(Pod pod, String container) {
    for (Container c : pod.getSpec().getInitContainers()) {
      if (c.getName().equals(container)) {
        return c.getImage();
      }
    }
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getName().equals(container)) {
        return c.getImage();
      }
    }
    return "?";
  }

  private static String waitingText(String container, ContainerStateWaiting w, String image) {
    String reason = w.getReason() == null ? "waiting" : w.getReason();
    if (reason.contains("Image")) {
      return container
          + ": "
          + reason
          + " (image "
          + image
          + ")"
          + (w.getMessage() == null ? "" : ": " + w.getMessage());
    }
    return container + ": " + reason + (w.getMessage() == null ? "" : " (" + w.getMessage() + ")");
  }

  private Optional<Event> latestEvent(String object) {
    try {
      return client.v1().events().inNamespace(namespace).list().getItems().stream()
          .filter(
              e -> e.getInvolvedObject() != null && object.equals(e.getInvolvedObject().getName()))
          .filter(e -> "Warning".equals(e.getType()))
          .max(Comparator.comparing(e -> e.getLastTimestamp() == null ? "" : e.getLastTimestamp()));
    } catch (RuntimeException e) {
      return Optional.empty(); // events are a nicety; not being allowed to list them is fine
    }
  }

  /** The last lines of a container's log, for a failure message. */
  List<String> logTail(Pod pod, String container) {
    try {
      String log =
          client
              .pods()
              .inNamespace(namespace)
              .withName(pod.getMetadata().getName())
              .inContainer(container)
              .tailingLines(20)
              .getLog();
      return log == null || log.isBlank() ? List.of() : List.of(log.strip().split("\n"));
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
