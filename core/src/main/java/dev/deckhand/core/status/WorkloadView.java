package dev.deckhand.core.status;

import dev.deckhand.core.manifest.WorkloadKind;

/**
 * The Deployment or DeploymentConfig that runs the component's pod.
 *
 * @param kind Deployment or DeploymentConfig
 * @param name its name, {@code <component>-<app>}
 * @param readyReplicas ready pods
 * @param desiredReplicas {@code spec.replicas}
 */
public record WorkloadView(
    WorkloadKind kind, String name, int readyReplicas, int desiredReplicas) {}
