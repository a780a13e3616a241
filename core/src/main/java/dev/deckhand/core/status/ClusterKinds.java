package dev.deckhand.core.status;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.Route;

/** Which of the optional (OpenShift) kinds the cluster serves; asked once per reader/watcher. */
record ClusterKinds(boolean routes, boolean deploymentConfigs) {
  /**
   * @throws KubernetesClientException when the server does not answer (each call after this one
   *     would wait for it again)
   */
  static ClusterKinds of(KubernetesClient client) {
    return new ClusterKinds(
        supports(client, Route.class), supports(client, DeploymentConfig.class));
  }

  /**
   * For a watcher that starts while the server is away and recovers with it: an unanswered
   * discovery means no optional kinds, as before.
   */
  static ClusterKinds ofOrNone(KubernetesClient client) {
    try {
      return of(client);
    } catch (KubernetesClientException e) {
      return new ClusterKinds(false, false);
    }
  }

  private static boolean supports(
      KubernetesClient client, Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> kind) {
    try {
      return client.supports(kind);
    } catch (KubernetesClientException e) {
      if (e.getCode() <= 0) {
        // no answer at all: the calls after this would each wait for it again
        throw e;
      }
      // Discovery refused (forbidden, not found) only means we skip the optional kind.
      return false;
    }
  }
}
