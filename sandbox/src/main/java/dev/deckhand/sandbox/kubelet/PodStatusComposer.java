package dev.deckhand.sandbox.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a Pod's status the way a kubelet reports it, from podman's view and the kubelet's. */
final class PodStatusComposer {
  private PodStatusComposer() {}

  static PodStatus build(PodState state, Map<String, ContainerSnapshot> byName, Instant now) {
    Pod pod = state.pod;
    List<ContainerStatus> inits = new ArrayList<>();
    boolean initialized = true;
    boolean earlierInitPending = false;
    for (Container c : pod.getSpec().getInitContainers()) {
      ContainerSnapshot s = byName.get(c.getName());
      ContainerStatus status = status(state, c, s, true, earlierInitPending, now);
      boolean done =
          status.getState().getTerminated() != null
              && status.getState().getTerminated().getExitCode() == 0;
      if (!done) {
        initialized = false;
        earlierInitPending = true;
      }
      inits.add(status);
    }
    List<ContainerStatus> apps = new ArrayList<>();
    boolean allReady = !pod.getSpec().getContainers().isEmpty();
    for (Container c : pod.getSpec().getContainers()) {
      ContainerStatus status = status(state, c, byName.get(c.getName()), false, !initialized, now);
      allReady &= Boolean.TRUE.equals(status.getReady());
      apps.add(status);
    }
    boolean scheduled = pod.getSpec().getNodeName() != null;
    String phase =
        state.stage == PodState.Stage.FAILED
            ? "Failed"
            : scheduled && initialized && anyRunning(apps) ? "Running" : "Pending";
    List<PodCondition> conditions = new ArrayList<>();
    conditions.add(
        condition(
            state,
            "PodScheduled",
            scheduled,
            scheduled ? null : "Unschedulable",
            scheduled ? null : state.waitingMessage,
            now));
    if (scheduled) {
      conditions.add(
          condition(
              state,
              "Initialized",
              initialized,
              initialized ? null : "ContainersNotInitialized",
              initialized ? null : "containers with incomplete status: " + pendingNames(inits),
              now));
      conditions.add(
          condition(
              state,
              "ContainersReady",
              allReady,
              allReady ? null : "ContainersNotReady",
              null,
              now));
      conditions.add(
          condition(state, "Ready", allReady, allReady ? null : "ContainersNotReady", null, now));
    }
    PodStatusBuilder b =
        new PodStatusBuilder()
            .withPhase(phase)
            .withConditions(conditions)
            .withInitContainerStatuses(inits)
            .withContainerStatuses(apps);
    if (scheduled) {
      b.withHostIP("127.0.0.1").withPodIP("127.0.0.1");
    }
    if (state.startTime != null) {
      b.withStartTime(state.startTime.toString());
    }
    return b.build();
  }

  private static ContainerStatus status(
      PodState state,
      Container c,
      ContainerSnapshot s,
      boolean init,
      boolean blockedByInit,
      Instant now) {
    String name = c.getName();
    ContainerStatusBuilder b =
        new ContainerStatusBuilder()
            .withName(name)
            .withImage(c.getImage())
            .withRestartCount(state.restartsOf(name))
            .withReady(false)
            .withStarted(false);
    if (state.lastTerminated.containsKey(name)) {
      b.withNewLastState().withTerminated(state.lastTerminated.get(name)).endLastState();
    }
    Instant backOff = state.backOffUntil.get(name);
    ContainerState current;
    if (s == null && state.vanished.containsKey(name)) {
      current = new ContainerStateBuilder().withTerminated(state.vanished.get(name)).build();
    } else if (s == null
        && state.failedImage != null
        && !state.failedImage.equals(c.getImage() == null ? "" : c.getImage().strip())) {
      // Another container's image is missing; this one's is fine.
      current = waiting(init || blockedByInit ? "PodInitializing" : "ContainerCreating", null);
    } else if (s == null) {
      current =
          waiting(
              blockedByInit && !init ? "PodInitializing" : state.waitingReason,
              state.waitingMessage);
    } else {
      b.withContainerID("podman://" + s.id()).withImageID(s.imageId());
      if (backOff != null && now.isBefore(backOff) && !s.running()) {
        current =
            waiting(
                "CrashLoopBackOff",
                "back-off restarting failed container " + name + " until " + backOff);
      } else if (s.running()) {
        current =
            new ContainerStateBuilder()
                .withNewRunning()
                .withStartedAt(s.startedAt() == null ? null : s.startedAt().toString())
                .endRunning()
                .build();
        b.withStarted(true).withReady(!init);
      } else if (s.exited() && (init || s.startedAt() != null)) {
        current =
            new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(s.exitCode())
                .withReason(s.exitCode() == 0 ? "Completed" : "Error")
                .withContainerID("podman://" + s.id())
                .withStartedAt(s.startedAt() == null ? null : s.startedAt().toString())
                .withFinishedAt(s.exitedAt() == null ? null : s.exitedAt().toString())
                .endTerminated()
                .build();
        if (s.exitCode() != 0 && !init) {
          current = waiting("CrashLoopBackOff", "back-off restarting failed container " + name);
        }
      } else {
        current = waiting(blockedByInit && !init ? "PodInitializing" : "ContainerCreating", null);
      }
    }
    return b.withState(current).build();
  }

  private static ContainerState waiting(String reason, String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .build();
  }

  private static boolean anyRunning(List<ContainerStatus> statuses) {
    return statuses.stream().anyMatch(s -> s.getState().getRunning() != null);
  }

  private static String pendingNames(List<ContainerStatus> inits) {
    List<String> names = new ArrayList<>();
    for (ContainerStatus s : inits) {
      if (s.getState().getTerminated() == null || s.getState().getTerminated().getExitCode() != 0) {
        names.add(s.getName());
      }
    }
    return "[" + String.join(" ", names) + "]";
  }

  private static PodCondition condition(
      PodState state, String type, boolean ok, String reason, String message, Instant now) {
    String value = ok ? "True" : "False";
    // A transition time changes only on a transition, so an unchanged pod writes no new status.
    if (!value.equals(state.conditionStatus.put(type, value))) {
      state.conditionSince.put(type, now);
    }
    now = state.conditionSince.get(type);
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(ok ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(now.toString())
        .build();
  }
}
