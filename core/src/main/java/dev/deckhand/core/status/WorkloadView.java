package dev.deckhand.core.status;

import dev.deckhand.core.manifest.WorkloadKind;

/**
 * The Deployment or DeploymentConfig that runs the component's pod.
 *
 * @param kind Deployment or DeploymentConfig
 * @param name its name, {@code <component>-<app>}
 * @param readyReplicas ready pods
 * @param desiredReplicas {@code spec.replicas}
 * @param app whether its app was started, as Deckhand's last push recorded it ({@link
 *     AppMark#ANNOTATION}); {@code null} when no push of this version recorded it (odo's own
 *     components, older pushes): then only the container's state is known
 */
public record WorkloadView(
    WorkloadKind kind, String name, int readyReplicas, int desiredReplicas, AppMark app) {

  public WorkloadView(WorkloadKind kind, String name, int readyReplicas, int desiredReplicas) {
    this(kind, name, readyReplicas, desiredReplicas, null);
  }
}
