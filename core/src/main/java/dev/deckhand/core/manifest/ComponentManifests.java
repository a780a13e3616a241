package dev.deckhand.core.manifest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.Route;
import java.util.List;
import java.util.Optional;

/**
 * The cluster objects of one component, in the order to apply them: user storage PVCs, the
 * ImageStream (DeploymentConfig only), the workload, the Service, the Secrets, the s2idata PVC,
 * then the Routes or Ingresses — odo 1.x's order.
 */
public final class ComponentManifests {
  private final ComponentNames names;
  private final WorkloadKind workloadKind;
  private final List<PersistentVolumeClaim> storagePvcs;
  private final ImageStream imageStream;
  private final HasMetadata workload;
  private final Service service;
  private final List<Secret> secrets;
  private final PersistentVolumeClaim s2iDataPvc;
  private final List<Route> routes;
  private final List<Ingress> ingresses;

  ComponentManifests(
      ComponentNames names,
      WorkloadKind workloadKind,
      List<PersistentVolumeClaim> storagePvcs,
      ImageStream imageStream,
      HasMetadata workload,
      Service service,
      List<Secret> secrets,
      PersistentVolumeClaim s2iDataPvc,
      List<Route> routes,
      List<Ingress> ingresses) {
    this.names = names;
    this.workloadKind = workloadKind;
    this.storagePvcs = List.copyOf(storagePvcs);
    this.imageStream = imageStream;
    this.workload = workload;
    this.service = service;
    this.secrets = List.copyOf(secrets);
    this.s2iDataPvc = s2iDataPvc;
    this.routes = List.copyOf(routes);
    this.ingresses = List.copyOf(ingresses);
  }

  /** Every object, in apply order. */
  public List<HasMetadata> all() {
    java.util.ArrayList<HasMetadata> all = new java.util.ArrayList<>(storagePvcs);
    if (imageStream != null) {
      all.add(imageStream);
    }
    all.add(workload);
    if (service != null) {
      all.add(service);
    }
    all.addAll(secrets);
    all.add(s2iDataPvc);
    all.addAll(routes);
    all.addAll(ingresses);
    return List.copyOf(all);
  }

  public ComponentNames names() {
    return names;
  }

  public WorkloadKind workloadKind() {
    return workloadKind;
  }

  /** The Deployment or DeploymentConfig. */
  public HasMetadata workload() {
    return workload;
  }

  public Optional<Deployment> deployment() {
    return workload instanceof Deployment d ? Optional.of(d) : Optional.empty();
  }

  public Optional<DeploymentConfig> deploymentConfig() {
    return workload instanceof DeploymentConfig dc ? Optional.of(dc) : Optional.empty();
  }

  /** The pod template of the workload, whichever kind it is. */
  public PodTemplateSpec podTemplate() {
    return workload instanceof Deployment d
        ? d.getSpec().getTemplate()
        : ((DeploymentConfig) workload).getSpec().getTemplate();
  }

  /** The ImageStream {@code <name>} odo creates next to a DeploymentConfig. */
  public Optional<ImageStream> imageStream() {
    return Optional.ofNullable(imageStream);
  }

  /** The Service; absent when the component has no ports. */
  public Optional<Service> service() {
    return Optional.ofNullable(service);
  }

  public List<Secret> secrets() {
    return secrets;
  }

  public PersistentVolumeClaim s2iDataPvc() {
    return s2iDataPvc;
  }

  public List<PersistentVolumeClaim> storagePvcs() {
    return storagePvcs;
  }

  /** Routes (OpenShift). */
  public List<Route> routes() {
    return routes;
  }

  /** Ingresses (Kubernetes and the sandbox). */
  public List<Ingress> ingresses() {
    return ingresses;
  }
}
