package dev.deckhand.core.status;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ClusterError;
import dev.deckhand.core.cluster.ClusterProbe;
import dev.deckhand.core.cluster.ClusterTimeouts;
import dev.deckhand.core.cluster.ErrorClassifier;
import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/** The app container's log: the app's output through supervisord. */
public final class PodLogs {
  /** How long a container that still looks running may take to be reported ended. */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private PodLogs() {}

  /** The newest pod of the component that is not being deleted. */
  public static Optional<Pod> currentPod(
      KubernetesClient client, ComponentNames names, String namespace) {
    return client
        .pods()
        .inNamespace(namespace)
        .withLabel(OdoLabels.POD_SELECTOR, names.name())
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
  }

  /**
   * Follows the app container's log into {@code out} until the returned watch is closed or the
   * container ends.
   *
   * @param tailLines how many earlier lines to start with, or null for all
   */
  public static LogWatch follow(
      KubernetesClient client,
      ComponentNames names,
      String namespace,
      String pod,
      Integer tailLines,
      OutputStream out) {
    var log = client.pods().inNamespace(namespace).withName(pod).inContainer(names.name());
    return (tailLines == null ? log : log.tailingLines(tailLines)).watchLog(out);
  }

  /**
   * Why a followed log ended.
   *
   * @param lost the connection broke while the container still ran (or the server cannot be asked):
   *     the log did not end, the user stopped seeing it
   * @param message one line that says what was checked
   */
  public record End(boolean lost, String message) {}

  /**
   * Asks the server why the log stream of {@code pod} ended: a stream just ends, whether the
   * container exited, the pod went away or the connection to the server broke, so only the pod's
   * state afterwards tells them apart.
   *
   * @param containerId the app container's id when the log was started ({@code null} if unknown),
   *     to tell a restarted container from the one that was followed
   */
  public static End whyEnded(
      KubernetesClient client,
      ClusterContext context,
      ClusterTimeouts timeouts,
      ComponentNames names,
      String namespace,
      String pod,
      String containerId)
      throws InterruptedException {
    String server = context.server();
    ClusterError down = ClusterProbe.check(context, timeouts);
    if (down != null) {
      return new End(true, "the connection to " + server + " was lost; " + down.message());
    }
    // The kubelet reports a container's end a little after its log stream ends.
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      Pod now;
      try {
        now = client.pods().inNamespace(namespace).withName(pod).get();
      } catch (RuntimeException e) {
        return new End(
            true,
            "the connection to "
                + server
                + " was lost; "
                + ErrorClassifier.classify(e, server).message());
      }
      if (now == null || now.getMetadata().getDeletionTimestamp() != null) {
        return new End(false, "the pod " + pod + " went away");
      }
      ContainerStatus status = containerStatus(now, names.name());
      if (status != null
          && status.getState() != null
          && status.getState().getTerminated() != null) {
        Integer code = status.getState().getTerminated().getExitCode();
        return new End(
            false,
            "the container "
                + names.name()
                + " exited"
                + (code == null ? "" : " (exit code " + code + ")"));
      }
      if (status != null
          && containerId != null
          && status.getContainerID() != null
          && !containerId.equals(status.getContainerID())) {
        return new End(false, "the container " + names.name() + " was restarted");
      }
      if (System.nanoTime() - deadline > 0) {
        return new End(
            true, "the connection to " + server + " was lost (the container still runs)");
      }
      Thread.sleep(500);
    }
  }

  /** The app container's id in {@code pod}, or {@code null} when it has none yet. */
  public static String containerId(Pod pod, ComponentNames names) {
    ContainerStatus status = containerStatus(pod, names.name());
    return status == null ? null : status.getContainerID();
  }

  private static ContainerStatus containerStatus(Pod pod, String container) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return null;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(c -> container.equals(c.getName()))
        .findFirst()
        .orElse(null);
  }
}
