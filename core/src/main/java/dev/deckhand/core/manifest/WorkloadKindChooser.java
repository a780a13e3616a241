package dev.deckhand.core.manifest;

import dev.deckhand.core.catalog.Platform;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.client.OpenShiftClient;
import java.util.Map;

/**
 * Decides between Deployment and DeploymentConfig: Deployment unless the user chose a
 * DeploymentConfig on OpenShift, or an odo 1.x component already runs as one (odo only finds
 * components by DC name and labels, so its DC must be kept).
 */
public final class WorkloadKindChooser {
  private WorkloadKindChooser() {}

  public static WorkloadKind choose(
      Platform platform, WorkloadKind userChoiceOrNull, boolean existingOdoDcFound) {
    if (existingOdoDcFound) {
      return WorkloadKind.DEPLOYMENT_CONFIG;
    }
    if (platform == Platform.OPENSHIFT && userChoiceOrNull == WorkloadKind.DEPLOYMENT_CONFIG) {
      return WorkloadKind.DEPLOYMENT_CONFIG;
    }
    return WorkloadKind.DEPLOYMENT;
  }

  /**
   * True when {@code namespace} has a DeploymentConfig {@code name} whose {@code
   * app.kubernetes.io/instance} and {@code app.kubernetes.io/part-of} labels match the component
   * and application; false when it has none, or the cluster has no DeploymentConfig API.
   */
  public static boolean existingOdoComponent(
      KubernetesClient client, String namespace, String name, String component, String app) {
    DeploymentConfig dc;
    try {
      dc =
          client
              .adapt(OpenShiftClient.class)
              .deploymentConfigs()
              .inNamespace(namespace)
              .withName(name)
              .get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false; // no apps.openshift.io API: plain Kubernetes
      }
      throw e;
    }
    if (dc == null || dc.getMetadata() == null) {
      return false;
    }
    Map<String, String> labels = dc.getMetadata().getLabels();
    return labels != null
        && component.equals(labels.get(OdoLabels.INSTANCE))
        && app.equals(labels.get(OdoLabels.PART_OF));
  }
}
