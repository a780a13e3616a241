package dev.deckhand.core.catalog;

/** Where a component runs; decides the builder image reference and the URL object kind. */
public enum Platform {
  /** OpenShift: ImageStreams, DeploymentConfigs and Routes are available. */
  OPENSHIFT,
  /** Plain Kubernetes: registry images, Deployments and Ingresses. */
  KUBERNETES,
  /** Deckhand's embedded local cluster: locally built images, Deployments and Ingresses. */
  SANDBOX
}
