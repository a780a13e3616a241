package dev.deckhand.core.status;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.ManifestException;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.client.OpenShiftClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The odo components of one namespace, each as a {@link ComponentStatus} built the way {@link
 * ComponentStatusReader} builds one, from four list calls for the whole namespace (workloads
 * labelled {@code app.kubernetes.io/managed-by=odo}, the pods labelled {@code deploymentconfig},
 * the claims) rather than a dozen calls per component. Events, Services and URLs are left out: a
 * sidebar needs the health, and the health does not depend on them.
 */
public final class NamespaceComponents {
  private final KubernetesClient client;
  private ClusterKinds kinds;

  public NamespaceComponents(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @return the components sorted by name
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API cannot be read
   */
  public List<ComponentStatus> read(String namespace) {
    if (kinds == null) {
      kinds = ClusterKinds.of(client); // discovery once per client, not once per poll
    }
    List<Deployment> deployments =
        client
            .apps()
            .deployments()
            .inNamespace(namespace)
            .withLabel(OdoLabels.MANAGED_BY, OdoLabels.MANAGED_BY_ODO)
            .list()
            .getItems();
    List<DeploymentConfig> dcs =
        kinds.deploymentConfigs()
            ? client
                .adapt(OpenShiftClient.class)
                .deploymentConfigs()
                .inNamespace(namespace)
                .withLabel(OdoLabels.MANAGED_BY, OdoLabels.MANAGED_BY_ODO)
                .list()
                .getItems()
            : List.of();
    Map<String, ComponentNames> components = new LinkedHashMap<>();
    List<HasMetadata> workloads = new ArrayList<>(deployments);
    workloads.addAll(dcs);
    for (HasMetadata w : workloads) {
      ComponentNames names = namesOf(w);
      if (names != null) {
        components.putIfAbsent(names.name(), names);
      }
    }
    if (components.isEmpty()) {
      return List.of();
    }
    List<Pod> pods =
        client.pods().inNamespace(namespace).withLabel(OdoLabels.POD_SELECTOR).list().getItems();
    List<PersistentVolumeClaim> claims =
        client.persistentVolumeClaims().inNamespace(namespace).list().getItems();
    ClusterObjects objects =
        new ClusterObjects(
            deployments, dcs, pods, claims, List.of(), List.of(), List.of(), List.of());
    return components.values().stream()
        .map(n -> StatusAssembler.build(n, namespace, objects, Connection.CONNECTED))
        .sorted(Comparator.comparing(ComponentStatus::component))
        .toList();
  }

  /** The component and application from odo's labels; null for a workload that lacks them. */
  private static ComponentNames namesOf(HasMetadata w) {
    Map<String, String> labels = w.getMetadata().getLabels();
    if (labels == null) {
      return null;
    }
    String component = labels.get(OdoLabels.INSTANCE);
    String application = labels.getOrDefault(OdoLabels.PART_OF, labels.get(OdoLabels.APP));
    if (component == null || application == null) {
      return null;
    }
    try {
      ComponentNames names = new ComponentNames(component, application);
      // StatusAssembler finds the workload by this name; one named otherwise is not odo 1.x's.
      return names.name().equals(w.getMetadata().getName()) ? names : null;
    } catch (ManifestException e) {
      return null;
    }
  }
}
