package dev.deckhand.sandbox.kubelet;

import dev.deckhand.sandbox.events.EventRecorder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one pod through its life: wait for its PVCs and schedule it, check images, create the
 * podman pod, run init containers then app containers, restart crashed containers with back-off,
 * and report status. Always called on the pod's own worker thread.
 */
final class PodLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PodLifecycle.class);

  /** How long ErrImagePull shows before ImagePullBackOff: about a kubelet's sync period. */
  static final java.time.Duration PULL_ERROR_SHOWN = java.time.Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final PodRuntime runtime;
  private final EnvResolver env;
  private final EventRecorder events;
  private final String nodeName;
  private final BackOff backOff;
  private final Clock clock;
  private final Executor blocking;
  private final BiConsumer<PodState, Runnable> onWorker;

  /**
   * @param blocking where long podman calls run (a pod start waits for every init container), so
   *     the pod's worker keeps reporting status meanwhile
   * @param onWorker runs a task on the pod's own worker thread
   */
  PodLifecycle(
      KubernetesClient client,
      PodRuntime runtime,
      EventRecorder events,
      String nodeName,
      BackOff backOff,
      Clock clock,
      Executor blocking,
      BiConsumer<PodState, Runnable> onWorker) {
    this.client = client;
    this.runtime = runtime;
    this.env = new EnvResolver(client);
    this.events = events;
    this.nodeName = nodeName;
    this.backOff = backOff;
    this.clock = clock;
    this.blocking = blocking;
    this.onWorker = onWorker;
  }

  /** One step for the pod, given what podman reports for its containers now. */
  void sync(PodState state, Map<String, ContainerSnapshot> containers) {
    Instant now = clock.instant();
    try {
      switch (state.stage) {
        case UNSCHEDULED -> trySchedule(state);
        case PULLING, IMAGE_BACKOFF, CREATE_FAILED -> {
          if (state.retryAt == null || !now.isBefore(state.retryAt)) {
            startPod(state);
          } else if (state.stage == PodState.Stage.IMAGE_BACKOFF
              && "ErrImagePull".equals(state.waitingReason)
              && !now.isBefore(state.pullFailedAt.plus(PULL_ERROR_SHOWN))) {
            // As a kubelet: ErrImagePull until its next pod sync, then back-off. Turning it over
            // at the very next tick left clients (and kubectl get -w) a window of one status
            // write to see the pull error in, which a loaded machine could close before they read.
            state.waitingReason = "ImagePullBackOff";
            state.waitingMessage = "Back-off pulling image \"" + state.failedImage + "\"";
            events.normal(state.pod, "BackOff", state.waitingMessage);
          }
        }
        case INIT_BACKOFF -> {
          if (!now.isBefore(state.retryAt)) {
            if (runtime.exists(state.pod)) {
              runPod(state);
            } else {
              // The podman pod went away while it was starting: make it anew.
              startPod(state);
            }
          }
        }
        case RUNNING -> {
          List<String> gone = vanishedApps(state, containers);
          if (gone.isEmpty()) {
            restartCrashed(state, containers, now);
          } else {
            replaceVanished(state, gone);
          }
        }
        default -> {}
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("pod {}: {}", name(state.pod), e.toString());
    }
    reportStatus(state, containers);
  }

  /** Tears the pod down (it was deleted from the API). */
  void remove(PodState state) {
    state.stage = PodState.Stage.TERMINATED;
    try {
      Long grace = state.pod.getSpec().getTerminationGracePeriodSeconds();
      runtime.remove(state.pod, (int) Math.min(grace == null ? 2 : grace, 5));
    } catch (IOException e) {
      LOG.warn("cannot remove pod {}: {}", name(state.pod), e.toString());
    }
  }

  private void trySchedule(PodState state) throws IOException {
    Pod pod = state.pod;
    if (pod.getSpec().getNodeName() != null) {
      state.stage = PodState.Stage.PULLING;
      startPod(state);
      return;
    }
    String unbound = unboundClaim(pod);
    if (unbound != null) {
      state.waitingMessage =
          "pod has unbound immediate PersistentVolumeClaims (" + unbound + " is not Bound)";
      if (!state.schedulingEventSent) {
        events.warning(pod, "FailedScheduling", "0/1 nodes are available: " + state.waitingMessage);
        state.schedulingEventSent = true;
      }
      return;
    }
    Pod scheduled =
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .edit(p -> new PodBuilder(p).editSpec().withNodeName(nodeName).endSpec().build());
    state.pod = scheduled;
    state.waitingMessage = null;
    events.normal(
        scheduled,
        "Scheduled",
        "Successfully assigned "
            + pod.getMetadata().getNamespace()
            + "/"
            + pod.getMetadata().getName()
            + " to "
            + nodeName);
    state.stage = PodState.Stage.PULLING;
    startPod(state);
  }

  private String unboundClaim(Pod pod) {
    for (Volume v : pod.getSpec().getVolumes()) {
      if (v.getPersistentVolumeClaim() == null) {
        continue;
      }
      String claim = v.getPersistentVolumeClaim().getClaimName();
      PersistentVolumeClaim pvc =
          client
              .persistentVolumeClaims()
              .inNamespace(pod.getMetadata().getNamespace())
              .withName(claim)
              .get();
      if (pvc == null || pvc.getStatus() == null || !"Bound".equals(pvc.getStatus().getPhase())) {
        return claim;
      }
    }
    return null;
  }

  private void startPod(PodState state) throws IOException {
    Pod pod = state.pod;
    if (state.startTime == null) {
      state.startTime = clock.instant();
    }
    state.stage = PodState.Stage.PULLING;
    state.waitingMessage = null;
    try {
      runtime.ensureImages(pod);
    } catch (ImageNotPresentException e) {
      state.podFailures++;
      state.stage = PodState.Stage.IMAGE_BACKOFF;
      state.failedImage = e.image();
      state.waitingReason = "ErrImagePull";
      state.waitingMessage = e.getMessage();
      state.pullFailedAt = clock.instant();
      state.retryAt = clock.instant().plus(backOff.after(state.podFailures));
      events.warning(
          pod, "Failed", "Failed to pull image \"" + e.image() + "\": " + e.getMessage());
      return;
    }
    state.failedImage = null;
    for (Container c : PodRuntime.allContainers(pod)) {
      events.normal(
          pod, "Pulled", "Container image \"" + c.getImage() + "\" already present on machine");
    }
    state.stage = PodState.Stage.CREATING;
    state.waitingReason = "ContainerCreating";
    state.waitingMessage = null;
    try {
      runtime.remove(pod, 0);
      runtime.create(pod, environments(pod));
    } catch (IOException e) {
      state.podFailures++;
      state.stage = PodState.Stage.CREATE_FAILED;
      state.waitingReason = "CreateContainerConfigError";
      state.waitingMessage = e.getMessage();
      state.retryAt = clock.instant().plus(backOff.after(state.podFailures));
      events.warning(pod, "Failed", "Error: " + e.getMessage());
      return;
    }
    for (Container c : PodRuntime.allContainers(pod)) {
      events.normal(pod, "Created", "Created container " + c.getName());
    }
    runPod(state);
  }

  /** Runs init containers in order, then the app; a failed init container backs off. */
  private void runPod(PodState state) {
    state.stage = PodState.Stage.STARTING;
    state.waitingReason = "PodInitializing";
    Pod pod = state.pod;
    CompletableFuture.supplyAsync(
            () -> {
              try {
                PodmanCli.Result init = runtime.start(pod);
                if (!init.ok()) {
                  return init;
                }
                runtime.createApps(pod, environments(pod));
                return runtime.startApps(pod);
              } catch (IOException e) {
                return new PodmanCli.Result(125, "", "Error: " + e.getMessage());
              }
            },
            blocking)
        .thenAccept(result -> onWorker.accept(state, () -> started(state, result)));
  }

  private void started(PodState state, PodmanCli.Result result) {
    if (state.stage != PodState.Stage.STARTING) {
      return; // deleted meanwhile
    }
    if (result.ok()) {
      state.stage = PodState.Stage.RUNNING;
      state.podFailures = 0;
      for (Container c : state.pod.getSpec().getContainers()) {
        events.normal(state.pod, "Started", "Started container " + c.getName());
      }
      return;
    }
    state.podFailures++;
    state.stage = PodState.Stage.INIT_BACKOFF;
    state.retryAt = clock.instant().plus(backOff.after(state.podFailures));
    events.warning(
        state.pod, "BackOff", "Back-off restarting failed init container: " + result.error());
  }

  /**
   * App containers podman no longer has (removed by hand, or with their podman pod by another
   * program). The snapshot is polled and may predate a container's creation, so podman is asked
   * again before a container counts as gone.
   */
  private List<String> vanishedApps(PodState state, Map<String, ContainerSnapshot> containers)
      throws IOException {
    List<String> gone = new ArrayList<>();
    for (Container c : state.pod.getSpec().getContainers()) {
      if (!containers.containsKey(c.getName())
          && !runtime.containerExists(state.pod, c.getName())) {
        gone.add(c.getName());
      }
    }
    return gone;
  }

  /**
   * A kubelet whose container disappeared makes it again (a new attempt, restartCount+1), and a pod
   * sandbox that disappeared is re-created with all its containers; with restartPolicy Never the
   * pod fails instead, its containers' status unknown.
   */
  private void replaceVanished(PodState state, List<String> gone) throws IOException {
    Pod pod = state.pod;
    boolean podGone = !runtime.exists(pod);
    List<String> affected =
        podGone ? pod.getSpec().getContainers().stream().map(Container::getName).toList() : gone;
    for (String name : affected) {
      state.seenStates.remove(name);
      state.backOffUntil.remove(name);
    }
    String what =
        podGone
            ? "podman pod " + runtime.podName(pod) + " was removed outside the sandbox"
            : (gone.size() == 1 ? "container " : "containers ")
                + String.join(", ", gone)
                + " was removed from podman outside the sandbox";
    if ("Never".equals(pod.getSpec().getRestartPolicy())) {
      for (String name : affected) {
        state.vanished.put(name, vanishedState());
      }
      state.stage = PodState.Stage.FAILED;
      events.warning(
          pod,
          "ContainerStatusUnknown",
          "The " + what + "; restartPolicy is Never, so the pod failed");
      return;
    }
    if (podGone) {
      countRestart(state, affected);
      events.warning(
          pod,
          "SandboxChanged",
          "Pod sandbox changed, it will be killed and re-created: the " + what);
      startPod(state);
      return;
    }
    // Fails while podman is still removing the whole pod; the next sync then sees the pod gone.
    runtime.createApps(pod, environments(pod));
    countRestart(state, gone);
    events.warning(pod, "ContainerGone", "The " + what + "; creating it again");
    for (String name : gone) {
      events.normal(pod, "Created", "Created container " + name);
      PodmanCli.Result r = runtime.startContainer(pod, name);
      if (r.ok()) {
        events.normal(pod, "Started", "Started container " + name);
      } else {
        events.warning(pod, "Failed", "Error: " + r.error());
      }
    }
  }

  private static void countRestart(PodState state, List<String> containers) {
    for (String name : containers) {
      state.restarts.merge(name, 1, Integer::sum);
      state.lastTerminated.put(name, vanishedState());
    }
  }

  /** What Kubernetes reports for a container that can no longer be found. */
  private static ContainerStateTerminated vanishedState() {
    return new ContainerStateTerminatedBuilder()
        .withExitCode(137)
        .withReason("ContainerStatusUnknown")
        .withMessage("The container could not be located: it was removed from podman")
        .build();
  }

  private Map<String, List<String>> environments(Pod pod) throws IOException {
    Map<String, List<String>> envs = new HashMap<>();
    for (Container c : PodRuntime.allContainers(pod)) {
      envs.put(c.getName(), env.resolve(pod, c));
    }
    return envs;
  }

  private void restartCrashed(
      PodState state, Map<String, ContainerSnapshot> containers, Instant now) throws IOException {
    for (Container c : state.pod.getSpec().getContainers()) {
      ContainerSnapshot s = containers.get(c.getName());
      if (s == null || !s.exited()) {
        continue;
      }
      String name = c.getName();
      Instant until = state.backOffUntil.get(name);
      String seen = state.seenStates.get(name);
      String thisExit = s.id() + "@" + s.exitedAt();
      if (!thisExit.equals(seen)) {
        // A new exit: record it once, then wait out the back-off before starting again.
        state.seenStates.put(name, thisExit);
        state.restarts.merge(name, 1, Integer::sum);
        state.lastTerminated.put(
            name,
            new ContainerStateTerminatedBuilder()
                .withExitCode(s.exitCode())
                .withReason(s.exitCode() == 0 ? "Completed" : "Error")
                .withContainerID("podman://" + s.id())
                .withStartedAt(s.startedAt() == null ? null : s.startedAt().toString())
                .withFinishedAt(s.exitedAt() == null ? null : s.exitedAt().toString())
                .build());
        Instant next = now.plus(backOff.after(state.restartsOf(name)));
        state.backOffUntil.put(name, next);
        events.warning(state.pod, "BackOff", "Back-off restarting failed container " + name);
        continue;
      }
      if (until != null && !now.isBefore(until)) {
        PodmanCli.Result r = runtime.startContainer(state.pod, name);
        if (r.ok()) {
          state.backOffUntil.remove(name);
          events.normal(state.pod, "Started", "Started container " + name);
        } else {
          state.backOffUntil.put(name, now.plus(backOff.after(state.restartsOf(name))));
          events.warning(state.pod, "Failed", "Error: " + r.error());
        }
      }
    }
  }

  private void reportStatus(PodState state, Map<String, ContainerSnapshot> containers) {
    if (state.stage == PodState.Stage.TERMINATED) {
      return;
    }
    PodStatus status = PodStatusComposer.build(state, containers, clock.instant());
    String json = Serialization.asJson(status);
    if (json.equals(state.lastWrittenStatus)) {
      return;
    }
    Pod pod = state.pod;
    try {
      Pod updated =
          client
              .pods()
              .inNamespace(pod.getMetadata().getNamespace())
              .withName(pod.getMetadata().getName())
              .editStatus(p -> new PodBuilder(p).withStatus(status).build());
      state.pod = new PodBuilder(updated).build();
      state.lastWrittenStatus = json;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        LOG.debug("status of {} not written: {}", name(pod), e.getMessage());
      }
    }
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
