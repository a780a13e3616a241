package dev.deckhand.core.push;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Startup steps that were over before this push began (a push into a pod that is already up): they
 * are reported as earlier, with when they ended and how long they took then as the cluster recorded
 * it, not as steps of this push that took 0 s. The API's times have whole seconds, so only a step
 * that ended in an earlier second than the push began counts.
 */
final class EarlierSteps {
  /**
   * @param at when the step ended, or null when the cluster does not record it
   * @param took how long it took, or null when unknown
   */
  record Earlier(Instant at, Duration took) {}

  private final Instant pushStart;

  EarlierSteps(Instant pushStart) {
    this.pushStart = pushStart.truncatedTo(ChronoUnit.SECONDS);
  }

  Earlier pvc(PersistentVolumeClaim claim) {
    Instant created = claim == null ? null : time(claim.getMetadata().getCreationTimestamp());
    return before(created) ? new Earlier(null, null) : null;
  }

  Earlier scheduled(Pod pod) {
    if (pod.getStatus() == null) {
      return null;
    }
    for (PodCondition c : nonNull(pod.getStatus().getConditions())) {
      if ("PodScheduled".equals(c.getType()) && "True".equals(c.getStatus())) {
        Instant at = time(c.getLastTransitionTime());
        return before(at)
            ? new Earlier(at, between(time(pod.getMetadata().getCreationTimestamp()), at))
            : null;
      }
    }
    return null;
  }

  Earlier init(Pod pod, String container) {
    ContainerStatus s =
        status(
            pod.getStatus() == null ? null : pod.getStatus().getInitContainerStatuses(), container);
    if (s == null || s.getState() == null || s.getState().getTerminated() == null) {
      return null;
    }
    Instant at = time(s.getState().getTerminated().getFinishedAt());
    return before(at)
        ? new Earlier(at, between(time(s.getState().getTerminated().getStartedAt()), at))
        : null;
  }

  Earlier app(Pod pod, String container) {
    if (pod.getStatus() == null) {
      return null;
    }
    ContainerStatus s = status(pod.getStatus().getContainerStatuses(), container);
    if (s == null || s.getState() == null || s.getState().getRunning() == null) {
      return null;
    }
    Instant at = time(s.getState().getRunning().getStartedAt());
    if (!before(at)) {
      return null;
    }
    // From the end of the last init container (or the pod's start) to the app's start.
    Instant from = time(pod.getStatus().getStartTime());
    for (ContainerStatus i : nonNull(pod.getStatus().getInitContainerStatuses())) {
      if (i.getState() != null && i.getState().getTerminated() != null) {
        Instant done = time(i.getState().getTerminated().getFinishedAt());
        if (done != null && (from == null || done.isAfter(from))) {
          from = done;
        }
      }
    }
    return new Earlier(at, between(from, at));
  }

  private boolean before(Instant t) {
    return t != null && t.isBefore(pushStart);
  }

  private static Duration between(Instant from, Instant to) {
    return from == null || to == null || to.isBefore(from) ? null : Duration.between(from, to);
  }

  private static ContainerStatus status(List<ContainerStatus> statuses, String name) {
    for (ContainerStatus s : nonNull(statuses)) {
      if (name.equals(s.getName())) {
        return s;
      }
    }
    return null;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
