package dev.deckhand.core.status;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.Route;
import java.util.List;

/**
 * The fabric8 objects a snapshot is built from, whether they came from informer caches or GETs.
 * Lists may hold objects of other components; {@link StatusAssembler} picks its own.
 */
record ClusterObjects(
    List<Deployment> deployments,
    List<DeploymentConfig> deploymentConfigs,
    List<Pod> pods,
    List<PersistentVolumeClaim> claims,
    List<Event> events,
    List<Service> services,
    List<Ingress> ingresses,
    List<Route> routes) {
  ClusterObjects {
    deployments = List.copyOf(deployments);
    deploymentConfigs = List.copyOf(deploymentConfigs);
    pods = List.copyOf(pods);
    claims = List.copyOf(claims);
    events = List.copyOf(events);
    services = List.copyOf(services);
    ingresses = List.copyOf(ingresses);
    routes = List.copyOf(routes);
  }

  static ClusterObjects empty() {
    return new ClusterObjects(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
