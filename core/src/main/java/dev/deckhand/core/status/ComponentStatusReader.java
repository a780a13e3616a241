package dev.deckhand.core.status;

import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.manifest.OdoLabels;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.client.OpenShiftClient;
import java.util.List;
import java.util.Map;

/**
 * A one-shot {@link ComponentStatus} from direct GETs ({@code deckhand status} without {@code
 * --watch}). Builds exactly what {@link ComponentStatusWatcher} would, with {@link
 * Connection#CONNECTED}.
 */
public final class ComponentStatusReader {
  private ComponentStatusReader() {}

  /**
   * Reads the component's objects in {@code namespace}.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API cannot be read
   */
  public static ComponentStatus read(
      KubernetesClient client, ComponentNames names, String namespace) {
    ClusterKinds kinds = ClusterKinds.of(client);
    Map<String, String> ours = componentLabels(names);
    var deployments =
        client.apps().deployments().inNamespace(namespace).withLabels(ours).list().getItems();
    List<DeploymentConfig> dcs =
        kinds.deploymentConfigs()
            ? client
                .adapt(OpenShiftClient.class)
                .deploymentConfigs()
                .inNamespace(namespace)
                .withLabels(ours)
                .list()
                .getItems()
            : List.of();
    var pods =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel(OdoLabels.POD_SELECTOR, names.name())
            .list()
            .getItems();
    var claims =
        client.persistentVolumeClaims().inNamespace(namespace).withLabels(ours).list().getItems();
    var s2i =
        client.persistentVolumeClaims().inNamespace(namespace).withName(names.s2iDataPvc()).get();
    if (s2i != null
        && claims.stream().noneMatch(c -> c.getMetadata().getName().equals(names.s2iDataPvc()))) {
      claims = new java.util.ArrayList<>(claims);
      claims.add(s2i);
    }
    List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
    var services = client.services().inNamespace(namespace).withLabels(ours).list().getItems();
    var ingresses =
        client.network().v1().ingresses().inNamespace(namespace).withLabels(ours).list().getItems();
    List<Route> routes =
        kinds.routes()
            ? client
                .adapt(OpenShiftClient.class)
                .routes()
                .inNamespace(namespace)
                .withLabels(ours)
                .list()
                .getItems()
            : List.of();
    ClusterObjects objects =
        new ClusterObjects(deployments, dcs, pods, claims, events, services, ingresses, routes);
    return StatusAssembler.build(names, namespace, objects, Connection.CONNECTED);
  }

  /** {@code app.kubernetes.io/instance=<c>}, {@code app.kubernetes.io/part-of=<app>}. */
  static Map<String, String> componentLabels(ComponentNames names) {
    return Map.of(OdoLabels.INSTANCE, names.component(), OdoLabels.PART_OF, names.application());
  }
}
