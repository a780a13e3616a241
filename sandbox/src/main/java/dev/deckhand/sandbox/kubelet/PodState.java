package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What the kubelet knows about one pod beyond what podman reports. Owned by its worker. */
final class PodState {
  enum Stage {
    UNSCHEDULED,
    PULLING,
    IMAGE_BACKOFF,
    CREATING,
    STARTING,
    INIT_BACKOFF,
    RUNNING,
    CREATE_FAILED,
    /** A container vanished and restartPolicy is Never: the pod ends here. */
    FAILED,
    TERMINATED
  }

  volatile Pod pod;
  Stage stage = Stage.UNSCHEDULED;

  /** Why containers not yet created are waiting (ErrImagePull, ContainerCreating, …). */
  String waitingReason = "ContainerCreating";

  String waitingMessage;

  /** The image that could not be pulled (only its containers wait with the pull error). */
  String failedImage;

  /**
   * When the last ErrImagePull was reported (it turns into ImagePullBackOff a sync period later).
   */
  java.time.Instant pullFailedAt;

  Instant startTime;
  Instant retryAt;
  int podFailures;
  boolean schedulingEventSent;
  final Map<String, Integer> restarts = new HashMap<>();
  final Map<String, ContainerStateTerminated> lastTerminated = new HashMap<>();
  final Map<String, Instant> backOffUntil = new HashMap<>();
  final Map<String, String> seenStates = new HashMap<>();

  /** Containers that vanished from podman in a pod that is not restarted: their final state. */
  final Map<String, ContainerStateTerminated> vanished = new HashMap<>();

  String lastWrittenStatus;
  final Map<String, String> conditionStatus = new HashMap<>();
  final Map<String, Instant> conditionSince = new HashMap<>();

  PodState(Pod pod) {
    this.pod = pod;
  }

  int restartsOf(String container) {
    return restarts.getOrDefault(container, 0);
  }
}
