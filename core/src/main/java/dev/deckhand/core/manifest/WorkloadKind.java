package dev.deckhand.core.manifest;

/** The object that runs the component's pod. */
public enum WorkloadKind {
  /** {@code apps/v1} Deployment: works everywhere. */
  DEPLOYMENT,
  /** {@code apps.openshift.io/v1} DeploymentConfig: what odo 1.x creates; OpenShift only. */
  DEPLOYMENT_CONFIG
}
